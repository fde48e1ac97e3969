package vn.luutru.search;

import java.util.ArrayList;
import java.util.List;

/**
 * How the index cuts its documents, numbered oldest first, into segments, each with shards and long
 * lists of its own: a log merge policy whose only state is the number of documents, so that any
 * sequence of builds of the same articles writes the same segments.
 *
 * <p>Writing {@code n = unit × (d_0 + d_1 × base + d_2 × base² + …) + tail} with every digit {@code
 * d_k} below {@code base}, each tier k whose digit is not 0 is one segment of {@code d_k × unit ×
 * base^k} documents, the largest tier first, and the last segment holds the {@code tail} (fewer
 * than {@code unit}) newest documents. One more document changes only the tail; when the tail
 * fills, it and the tiers that fill with it merge into the next tier's segment.
 *
 * <pre>{@code
 * Segments.DEFAULT.of(10_003) // [0, 8192) [8192, 9984) [9984, 10000) [10000, 10003)
 * }</pre>
 */
record Segments(int unit, int base) {
  /** The index's tiers: a smallest tier of 4 documents, each tier 8 times the one below. */
  static final Segments DEFAULT = new Segments(4, 8);

  Segments {
    if (unit < 1 || base < 2) {
      throw new IllegalArgumentException("unit " + unit + ", base " + base);
    }
  }

  /** A segment: documents {@code start} to {@code end} − 1. */
  record Segment(int start, int end) {}

  /** The segments of {@code documents} documents, oldest first; none when there are none. */
  List<Segment> of(int documents) {
    if (documents < 0) {
      throw new IllegalArgumentException(documents + " documents");
    }
    long tier = unit;
    while (tier * base <= documents) {
      tier *= base;
    }
    List<Segment> segments = new ArrayList<>();
    int start = 0;
    for (; tier >= unit; tier /= base) {
      int size = (int) ((documents - start) / tier * tier);
      if (size > 0) {
        segments.add(new Segment(start, start + size));
        start += size;
      }
    }
    if (start < documents) {
      segments.add(new Segment(start, documents));
    }
    return List.copyOf(segments);
  }
}
