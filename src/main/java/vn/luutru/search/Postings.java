package vn.luutru.search;

import java.util.Arrays;
import java.util.stream.IntStream;

/**
 * Makes the postings of every term into {@link TermTable}s, on up to 8 threads, in two steps
 * per chunk of documents: the words are first dealt into one buffer per
 * part of the terms, then each part adds its buffer to its own table.
 *
 * <p>Why: adding a posting touches the term's slot and the end of its list, at random. In one
 * table per core (the tables of 10,000 articles take about 30 MB of slots and 45 MB of lists)
 * nearly every add waited on memory: on the 2-core machines this runs on a random read costs
 * about 5 ns within 1 MB, 80 ns within 16 MB and 200 ns within 64 MB. Split into {@code parts}
 * tables, each part's adds stay within a few MB, and the buffers are written and read in order.
 *
 * <p>Each part reads its buffer in document order, and within a document in the order of its
 * words, so each term sees exactly the adds it would in one table of every term: the index is
 * the same whatever the number of parts.
 *
 * <p>A word or pair of written forms said several times in a document is dealt once, with how
 * many times (most adds were the common words of a document again): a buffer entry is a long,
 * either a document marker {@code MARK | doc} before the first word of each document in that
 * buffer, or the second word's number in bits 0–28, the first word's number plus one in bits
 * 29–57 (0 for a single word), the occurrences in the body in bits 58–61 (at most 15) and bit 62
 * set for a word of the title.
 */
final class Postings {
  /** How many parts the terms are split into: small tables, and more than enough for 8 threads. */
  static final int PARTS = 32;
  /**
   * Buffer entries dealt per chunk, about, counted as two a word before repeats are merged (so
   * some 16 to 32 MB of longs), whatever the size of the archive.
   */
  static final int CHUNK = 1 << 22;

  private static final long MARK = Long.MIN_VALUE;
  private static final long TITLE = 1L << 62;
  private static final int WORD_BITS = 29;
  private static final int WORD_MASK = (1 << WORD_BITS) - 1;
  private static final int COUNT_SHIFT = 2 * WORD_BITS;
  private static final long ONE = 1L << COUNT_SHIFT;
  /** The room of a dealer's table of one document's entries, to begin with. */
  private static final int SEEN = 1 << 12;

  private Postings() {}

  /** The postings of {@code words} (frozen) in {@value #PARTS} tables, {@value #CHUNK} entries a chunk. */
  static TermTable[] build(DocumentWords words) {
    return build(words, PARTS, CHUNK);
  }

  /**
   * The postings of {@code words} (frozen) in {@code parts} tables, table {@code p} holding the
   * terms {@link #part} puts in {@code p}; documents are dealt {@code chunk} entries at a time,
   * about.
   */
  static TermTable[] build(DocumentWords words, int parts, int chunk) {
    return build(words, parts, chunk, Math.max(1, Math.min(8, Runtime.getRuntime().availableProcessors())));
  }

  /** As {@link #build(DocumentWords, int, int)}, each chunk dealt by {@code dealers} threads. */
  static TermTable[] build(DocumentWords words, int parts, int chunk, int dealers) {
    if (words.marked.length >= WORD_MASK) {
      throw new IllegalStateException("the search index holds at most " + (WORD_MASK - 1) + " written forms");
    }
    int documents = words.documents();
    TermTable[] tables = new TermTable[parts];
    Arrays.setAll(tables, p -> new TermTable(parts));
    Dealer[] dealt = new Dealer[dealers];
    Arrays.setAll(dealt, d -> new Dealer(parts));
    int[] foldedOf = words.foldedOf;
    int doc = 0;
    while (doc < documents) {
      // A chunk of whole documents, then its share for each dealer, by the number of words.
      int end = doc;
      long entries = 0;
      while (end < documents && entries < chunk) {
        entries += 2L * wordsOf(words.fields(end));
        end++;
      }
      int[] from = new int[dealers + 1];
      from[0] = doc;
      long share = 0;
      int next = doc;
      for (int d = 1; d < dealers; d++) {
        while (next < end && share < entries * d / dealers) {
          share += 2L * wordsOf(words.fields(next));
          next++;
        }
        from[d] = next;
      }
      from[dealers] = end;
      IntStream.range(0, dealers).parallel().forEach(d -> dealt[d].deal(words, from[d], from[d + 1]));
      IntStream.range(0, parts).parallel().forEach(p -> {
        for (Dealer d : dealt) {
          add(tables[p], foldedOf, d.buffers[p], d.fill[p]);
        }
      });
      for (int d = doc; d < end; d++) {
        words.release(d);
      }
      doc = end;
    }
    IntStream.range(0, parts).parallel().forEach(p -> tables[p].freeze());
    return tables;
  }

  private static int wordsOf(int[][] fields) {
    int n = 0;
    for (int[] f : fields) {
      n += f.length;
    }
    return n;
  }

  /**
   * The part of term {@code key} among {@code parts}: a single word by its number modulo the
   * parts (so that each table of words is indexed by the number divided by them, see {@link
   * TermTable#TermTable(int)}), a pair by a hash.
   */
  static int part(long key, int parts) {
    if (key >>> 32 == 0) {
      return (parts & (parts - 1)) == 0 ? (int) key & (parts - 1) : (int) (key % parts);
    }
    // The high bits of a Fibonacci hash, scaled to [0, parts) by a multiplication, not a division.
    return (int) ((((key * 0x9E3779B97F4A7C15L) >>> 32) * parts) >>> 32);
  }

  /** A buffer entry: a word ({@code first} −1) or a pair, seen once, in the title or in the body. */
  static long entry(int first, int second, boolean title) {
    long term = ((long) (first + 1) << WORD_BITS) | second;
    return title ? term | TITLE : term | ONE;
  }

  static int first(long entry) {
    return ((int) (entry >>> WORD_BITS) & WORD_MASK) - 1;
  }

  static int second(long entry) {
    return (int) entry & WORD_MASK;
  }

  static int occurrences(long entry) {
    return (int) (entry >>> COUNT_SHIFT) & 0x0F;
  }

  static boolean title(long entry) {
    return (entry & TITLE) != 0;
  }

  /** {@code entry} seen once more: in the title, or once more in the body (the count stops at 15). */
  static long again(long entry, boolean title) {
    if (title) {
      return entry | TITLE;
    }
    return occurrences(entry) < 15 ? entry + ONE : entry;
  }

  /** Adds the entries of one buffer to the table of its part. */
  private static void add(TermTable table, int[] foldedOf, long[] buffer, int fill) {
    int doc = -1;
    for (int i = 0; i < fill; i++) {
      long e = buffer[i];
      if (e < 0) {
        doc = (int) e;
        continue;
      }
      boolean title = title(e);
      int occurrences = occurrences(e);
      int second = second(e);
      int first = first(e);
      if (first < 0) {
        table.add(foldedOf[second], doc, title, occurrences, second);
      } else {
        table.add(DocumentWords.key(foldedOf[first], foldedOf[second]), doc, title, occurrences,
            DocumentWords.key(first, second));
      }
    }
  }

  /**
   * One thread's buffers, one per part, refilled for each chunk, and where in them this
   * document's words and pairs are so far.
   */
  private static final class Dealer {
    final long[][] buffers;
    final int[] fill;
    private final int[] lastDoc;
    /** This document's entries, by term bits plus one, in open addressing: slots of other documents are free. */
    private long[] seenTerm = new long[SEEN];
    private int[] seenDoc = new int[SEEN];
    /** Where: the part (high half) and the index in its buffer (low half). */
    private long[] seenAt = new long[SEEN];
    private int seen;

    Dealer(int parts) {
      buffers = new long[parts][1024];
      fill = new int[parts];
      lastDoc = new int[parts];
    }

    /** Deals the words of documents {@code from} to {@code to} − 1 into the buffers. */
    void deal(DocumentWords words, int from, int to) {
      Arrays.fill(fill, 0);
      Arrays.fill(lastDoc, -1);
      int[] foldedOf = words.foldedOf;
      for (int doc = from; doc < to; doc++) {
        int[][] fields = words.fields(doc);
        seen = 0;
        if (seenTerm.length > SEEN << 2) {
          // After a very long document: a small table again, for the next ones to stay in cache.
          seenTerm = new long[SEEN];
          seenDoc = new int[SEEN];
          seenAt = new long[SEEN];
        }
        for (int f = 0; f < fields.length; f++) {
          boolean title = f == 0;
          int previousMarked = -1;
          int previousFolded = -1;
          for (int m : fields[f]) {
            int folded = foldedOf[m];
            put(folded, doc, title, entry(-1, m, title));
            if (previousFolded >= 0) {
              put(DocumentWords.key(previousFolded, folded), doc, title, entry(previousMarked, m, title));
            }
            previousMarked = m;
            previousFolded = folded;
          }
        }
      }
    }

    /** One occurrence of term {@code key} in {@code doc}, written as in {@code entry}. */
    private void put(long key, int doc, boolean title, long entry) {
      int stamp = doc + 1;
      int mask = seenTerm.length - 1;
      long stored = (entry & ~(TITLE | (0x0FL << COUNT_SHIFT))) + 1;
      int h = (int) mix(stored) & mask;
      while (seenDoc[h] == stamp) {
        if (seenTerm[h] == stored) {
          long at = seenAt[h];
          long[] b = buffers[(int) (at >>> 32)];
          int i = (int) at;
          b[i] = again(b[i], title);
          return;
        }
        h = (h + 1) & mask;
      }
      int part = part(key, buffers.length);
      long[] b = buffers[part];
      int n = fill[part];
      if (n + 2 > b.length) {
        b = buffers[part] = Arrays.copyOf(b, b.length * 2);
      }
      if (lastDoc[part] != doc) {
        lastDoc[part] = doc;
        b[n++] = MARK | doc;
      }
      b[n] = entry;
      fill[part] = n + 1;
      seenDoc[h] = stamp;
      seenTerm[h] = stored;
      seenAt[h] = ((long) part << 32) | n;
      if (++seen * 2 > seenTerm.length) {
        grow(stamp);
      }
    }

    /** Twice the room for this document's entries; those of other documents are dropped. */
    private void grow(int stamp) {
      long[] terms = seenTerm;
      int[] docs = seenDoc;
      long[] at = seenAt;
      seenTerm = new long[terms.length * 2];
      seenDoc = new int[terms.length * 2];
      seenAt = new long[terms.length * 2];
      int mask = seenTerm.length - 1;
      for (int i = 0; i < terms.length; i++) {
        if (docs[i] == stamp) {
          int h = (int) mix(terms[i]) & mask;
          while (seenDoc[h] == stamp) {
            h = (h + 1) & mask;
          }
          seenDoc[h] = stamp;
          seenTerm[h] = terms[i];
          seenAt[h] = at[i];
        }
      }
    }

    private static long mix(long x) {
      x ^= x >>> 33;
      x *= 0xff51afd7ed558ccdL;
      x ^= x >>> 33;
      return x;
    }
  }
}
