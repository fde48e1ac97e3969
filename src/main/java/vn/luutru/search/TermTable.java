package vn.luutru.search;

import java.util.Arrays;

/**
 * The inverted index while it is built: terms are numbers (a word's number, or a pair of word
 * numbers for two neighbouring words), found through an open-addressing table of longs, and each
 * term's postings are appended in document order. Built for the millions of words of a large
 * archive: no strings, no boxing on the hot path.
 *
 * <p>A posting is one long: the document in the high 32 bits, the flags in bits 24–31 (bit 28:
 * in the title; bits 24–27: occurrences in the body, at most 15), the bit set of written forms
 * below (form 23 and later share bit 23).
 */
final class TermTable {
  private long[] keys = new long[1 << 16];
  private int[] slots = new int[1 << 16];
  private int mask = keys.length - 1;
  private int size;

  long[] termKeys = new long[1 << 14];
  long[][] postings = new long[1 << 14][];
  int[] counts = new int[1 << 14];
  long[][] variants = new long[1 << 14][];
  int[] variantCounts = new int[1 << 14];

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
      postings = Arrays.copyOf(postings, n);
      counts = Arrays.copyOf(counts, n);
      variants = Arrays.copyOf(variants, n);
      variantCounts = Arrays.copyOf(variantCounts, n);
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
    long[] list = postings[t];
    int n = counts[t];
    if (list == null) {
      list = postings[t] = new long[1];
    }
    if (n == 0 || (int) (list[n - 1] >>> 32) != doc) {
      if (n == list.length) {
        list = postings[t] = Arrays.copyOf(list, n * 2);
      }
      list[n] = (long) doc << 32;
      counts[t] = ++n;
    }
    long p = list[n - 1];
    int flags = (int) (p >>> 24) & 0xFF;
    if (title) {
      flags |= 0x10;
    } else if ((flags & 0x0F) < 15) {
      flags++;
    }
    list[n - 1] = (p & 0xFFFFFFFF00000000L) | ((long) flags << 24) | (p & 0xFFFFFFL) | (1L << Math.min(23, v));
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
