package vn.luutru.search;

import java.util.Arrays;

/**
 * The inverted index while it is built: terms are numbers (a word's number, or a pair of word
 * numbers for two neighbouring words), found through an open-addressing table of longs, and each
 * term's postings are appended in document order. Built for the millions of words of a large
 * archive: no strings, no boxing on the hot path, and postings kept as bytes.
 *
 * <p>The posting of the document being read is open: one int, its flags in bits 24–31 (bit 28:
 * in the title; bits 24–27: occurrences in the body, at most 15) and the bit set of written
 * forms below (form 23 and later share bit 23). When the next document arrives it is closed
 * into the term's bytes as three unsigned LEB128 varints: the difference from the previous
 * closed document, the flags, the written forms. A term seen in one document only (most pairs)
 * has no bytes at all.
 */
final class TermTable {
  private long[] keys = new long[1 << 16];
  private int[] slots = new int[1 << 16];
  private int mask = keys.length - 1;
  private int size;

  long[] termKeys = new long[1 << 14];
  /** Postings per term, open one included. */
  int[] counts = new int[1 << 14];
  long[][] variants = new long[1 << 14][];
  int[] variantCounts = new int[1 << 14];
  private byte[][] closed = new byte[1 << 14][];
  private int[] closedLength = new int[1 << 14];
  private int[] closedLastDoc = new int[1 << 14];
  private int[] openDoc = new int[1 << 14];
  private int[] open = new int[1 << 14];

  int size() {
    return size;
  }

  private int id(long key) {
    long stored = key + 1;
    int h = (int) mix(stored) & mask;
    while (true) {
      long k = keys[h];
      if (k == stored) {
        return slots[h];
      }
      if (k == 0) {
        keys[h] = stored;
        slots[h] = size;
        grow();
        termKeys[size] = key;
        return size++;
      }
      h = (h + 1) & mask;
    }
  }

  private static long mix(long x) {
    x ^= x >>> 33;
    x *= 0xff51afd7ed558ccdL;
    x ^= x >>> 33;
    return x;
  }

  private void grow() {
    if (size + 1 >= termKeys.length) {
      int n = termKeys.length * 2;
      termKeys = Arrays.copyOf(termKeys, n);
      counts = Arrays.copyOf(counts, n);
      variants = Arrays.copyOf(variants, n);
      variantCounts = Arrays.copyOf(variantCounts, n);
      closed = Arrays.copyOf(closed, n);
      closedLength = Arrays.copyOf(closedLength, n);
      closedLastDoc = Arrays.copyOf(closedLastDoc, n);
      openDoc = Arrays.copyOf(openDoc, n);
      open = Arrays.copyOf(open, n);
    }
    if ((size + 1) * 2 > keys.length) {
      long[] oldKeys = keys;
      int[] oldSlots = slots;
      keys = new long[oldKeys.length * 2];
      slots = new int[oldKeys.length * 2];
      mask = keys.length - 1;
      for (int i = 0; i < oldKeys.length; i++) {
        if (oldKeys[i] != 0) {
          int h = (int) mix(oldKeys[i]) & mask;
          while (keys[h] != 0) {
            h = (h + 1) & mask;
          }
          keys[h] = oldKeys[i];
          slots[h] = oldSlots[i];
        }
      }
    }
  }

  /** Records that {@code doc} has term {@code key}, written as {@code variant}. */
  void add(long key, int doc, boolean title, long variant) {
    int t = id(key);
    int v = variant(t, variant);
    int n = counts[t];
    if (n == 0 || openDoc[t] != doc) {
      if (n > 0) {
        close(t);
      }
      openDoc[t] = doc;
      open[t] = 0;
      counts[t] = n + 1;
    }
    int p = open[t];
    int flags = p >>> 24;
    if (title) {
      flags |= 0x10;
    } else if ((flags & 0x0F) < 15) {
      flags++;
    }
    open[t] = (flags << 24) | (p & 0xFFFFFF) | (1 << Math.min(23, v));
  }

  /** Moves term {@code t}'s open posting into its bytes. */
  private void close(int t) {
    byte[] b = closed[t];
    int length = closedLength[t];
    if (b == null) {
      b = closed[t] = new byte[16];
    } else if (length + 15 > b.length) {
      b = closed[t] = Arrays.copyOf(b, b.length + (b.length >> 1) + 16);
    }
    int doc = openDoc[t];
    int previous = counts[t] == 1 ? 0 : closedLastDoc[t];
    length = varint(b, length, doc - previous);
    length = varint(b, length, open[t] >>> 24);
    length = varint(b, length, open[t] & 0xFFFFFF);
    closedLength[t] = length;
    closedLastDoc[t] = doc;
  }

  private static int varint(byte[] b, int at, int value) {
    while ((value & ~0x7F) != 0) {
      b[at++] = (byte) ((value & 0x7F) | 0x80);
      value >>>= 7;
    }
    b[at++] = (byte) value;
    return at;
  }

  /** A reader of one posting, filled by {@link #postings}. */
  static final class Posting {
    int doc;
    int flags;
    int variants;
  }

  /** Hands term {@code t}'s postings to {@code each}, in document order. */
  void postings(int t, Posting into, Runnable each) {
    byte[] b = closed[t];
    int length = closedLength[t];
    int doc = 0;
    int[] at = {0};
    while (at[0] < length) {
      doc += readVarint(b, at);
      into.doc = doc;
      into.flags = readVarint(b, at);
      into.variants = readVarint(b, at);
      each.run();
    }
    into.doc = openDoc[t];
    into.flags = open[t] >>> 24;
    into.variants = open[t] & 0xFFFFFF;
    each.run();
  }

  private static int readVarint(byte[] b, int[] at) {
    int value = 0;
    int shift = 0;
    while (true) {
      byte x = b[at[0]++];
      value |= (x & 0x7F) << shift;
      if (x >= 0) {
        return value;
      }
      shift += 7;
    }
  }

  /**
   * For single words the written form decides the term, so its position among the term's forms
   * is kept per form (plus one; 0 for not yet seen): common syllables have a dozen forms.
   */
  private int[] wordVariant = new int[1024];

  private int variant(int t, long variant) {
    boolean word = variant >>> 32 == 0;
    if (word) {
      int m = (int) variant;
      if (m >= wordVariant.length) {
        wordVariant = Arrays.copyOf(wordVariant, Math.max(m + 1, wordVariant.length * 2));
      }
      if (wordVariant[m] > 0) {
        return wordVariant[m] - 1;
      }
    }
    long[] list = variants[t];
    int n = variantCounts[t];
    for (int i = 0; i < n; i++) {
      if (list[i] == variant) {
        return i;
      }
    }
    if (list == null) {
      list = variants[t] = new long[1];
    } else if (n == list.length) {
      list = variants[t] = Arrays.copyOf(list, n * 2);
    }
    list[n] = variant;
    variantCounts[t] = n + 1;
    if (word) {
      wordVariant[(int) variant] = n + 1;
    }
    return n;
  }
}
