package vn.luutru.search;

import java.util.Arrays;

/**
 * The inverted index while it is built: terms are numbers (a word's number, or a pair of word
 * numbers for two neighbouring words), and each term's postings are appended in document order.
 * Built for the tens of millions of words of a large archive: no strings, no boxing on the hot
 * path, postings kept as bytes, and what one posting touches kept close together (a word's
 * term is found by its number in an array, a pair's in an open-addressing table whose slots
 * hold key and term side by side, and a term's counters share one cache line).
 *
 * <p>The posting of the document being read is open: one int, its flags in bits 24–31 (bit 28:
 * in the title; bits 24–27: occurrences in the body, at most 15) and the bit set of written
 * forms below (form 23 and later share bit 23). When the next document arrives it is closed
 * into the term's bytes as three unsigned LEB128 varints: the difference from the previous
 * closed document, the flags, the written forms. A term seen in one document only (most pairs)
 * has no bytes at all.
 */
final class TermTable {
  /** Ints per term in {@link #state}. */
  private static final int STRIDE = 8;
  private static final int COUNT = 0;
  private static final int OPEN_DOC = 1;
  private static final int OPEN = 2;
  private static final int CLOSED_LENGTH = 3;
  private static final int CLOSED_LAST_DOC = 4;
  private static final int VARIANT_COUNT = 5;
  /** The first written form, low and high half: most pairs have no other. */
  private static final int FIRST_VARIANT = 6;

  /** Pairs: key + 1 and term number, side by side; 0 is an empty slot. */
  private long[] pairs = new long[2 << 16];
  private int pairMask = (1 << 16) - 1;
  private int pairCount;
  /** Single words: term number + 1 by the folded word's number. */
  private int[] words = new int[1 << 12];
  private int size;

  private long[] termKeys = new long[1 << 14];
  private int[] state = new int[STRIDE << 14];
  /** Each term's written forms after the first, when there are. */
  private long[][] moreVariants = new long[1 << 14][];
  private byte[][] closed = new byte[1 << 14][];

  int size() {
    return size;
  }

  long key(int t) {
    return termKeys[t];
  }

  /** How many documents have term {@code t}. */
  int count(int t) {
    return state[t * STRIDE + COUNT];
  }

  int variantCount(int t) {
    return state[t * STRIDE + VARIANT_COUNT];
  }

  long variant(int t, int i) {
    return i == 0 ? firstVariant(t) : moreVariants[t][i - 1];
  }

  private long firstVariant(int t) {
    int s = t * STRIDE + FIRST_VARIANT;
    return ((long) state[s + 1] << 32) | (state[s] & 0xFFFFFFFFL);
  }

  private int id(long key) {
    if (key >>> 32 == 0) {
      int w = (int) key;
      if (w >= words.length) {
        words = Arrays.copyOf(words, Math.max(w + 1, words.length * 2));
      }
      int t = words[w] - 1;
      if (t < 0) {
        t = newTerm(key);
        words[w] = t + 1;
      }
      return t;
    }
    long stored = key + 1;
    int h = (int) mix(stored) & pairMask;
    while (true) {
      long k = pairs[2 * h];
      if (k == stored) {
        return (int) pairs[2 * h + 1];
      }
      if (k == 0) {
        int t = newTerm(key);
        pairs[2 * h] = stored;
        pairs[2 * h + 1] = t;
        if (++pairCount * 2 > pairMask + 1) {
          growPairs();
        }
        return t;
      }
      h = (h + 1) & pairMask;
    }
  }

  private static long mix(long x) {
    x ^= x >>> 33;
    x *= 0xff51afd7ed558ccdL;
    x ^= x >>> 33;
    return x;
  }

  private int newTerm(long key) {
    if (size == termKeys.length) {
      int n = termKeys.length * 2;
      termKeys = Arrays.copyOf(termKeys, n);
      state = Arrays.copyOf(state, n * STRIDE);
      moreVariants = Arrays.copyOf(moreVariants, n);
      closed = Arrays.copyOf(closed, n);
    }
    termKeys[size] = key;
    return size++;
  }

  private void growPairs() {
    long[] old = pairs;
    pairs = new long[old.length * 2];
    pairMask = pairs.length / 2 - 1;
    for (int i = 0; i < old.length; i += 2) {
      if (old[i] != 0) {
        int h = (int) mix(old[i]) & pairMask;
        while (pairs[2 * h] != 0) {
          h = (h + 1) & pairMask;
        }
        pairs[2 * h] = old[i];
        pairs[2 * h + 1] = old[i + 1];
      }
    }
  }

  /** Records that {@code doc} has term {@code key}, written as {@code variant}. */
  void add(long key, int doc, boolean title, long variant) {
    int t = id(key);
    int v = variant(t, variant);
    int s = t * STRIDE;
    int n = state[s + COUNT];
    if (n == 0 || state[s + OPEN_DOC] != doc) {
      if (n > 0) {
        close(t);
      }
      state[s + OPEN_DOC] = doc;
      state[s + OPEN] = 0;
      state[s + COUNT] = n + 1;
    }
    int p = state[s + OPEN];
    int flags = p >>> 24;
    if (title) {
      flags |= 0x10;
    } else if ((flags & 0x0F) < 15) {
      flags++;
    }
    state[s + OPEN] = (flags << 24) | (p & 0xFFFFFF) | (1 << Math.min(23, v));
  }

  /** Moves term {@code t}'s open posting into its bytes. */
  private void close(int t) {
    int s = t * STRIDE;
    byte[] b = closed[t];
    int length = state[s + CLOSED_LENGTH];
    if (b == null) {
      b = closed[t] = new byte[16];
    } else if (length + 15 > b.length) {
      b = closed[t] = Arrays.copyOf(b, b.length + (b.length >> 1) + 16);
    }
    int doc = state[s + OPEN_DOC];
    int previous = state[s + COUNT] == 1 ? 0 : state[s + CLOSED_LAST_DOC];
    int open = state[s + OPEN];
    length = varint(b, length, doc - previous);
    length = varint(b, length, open >>> 24);
    length = varint(b, length, open & 0xFFFFFF);
    state[s + CLOSED_LENGTH] = length;
    state[s + CLOSED_LAST_DOC] = doc;
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
    int s = t * STRIDE;
    byte[] b = closed[t];
    int length = state[s + CLOSED_LENGTH];
    int doc = 0;
    int[] at = {0};
    while (at[0] < length) {
      doc += readVarint(b, at);
      into.doc = doc;
      into.flags = readVarint(b, at);
      into.variants = readVarint(b, at);
      each.run();
    }
    into.doc = state[s + OPEN_DOC];
    into.flags = state[s + OPEN] >>> 24;
    into.variants = state[s + OPEN] & 0xFFFFFF;
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
    int s = t * STRIDE + VARIANT_COUNT;
    int n = state[s];
    if (n > 0 && firstVariant(t) == variant) {
      return 0;
    }
    long[] more = moreVariants[t];
    for (int i = 1; i < n; i++) {
      if (more[i - 1] == variant) {
        return i;
      }
    }
    if (n == 0) {
      state[t * STRIDE + FIRST_VARIANT] = (int) variant;
      state[t * STRIDE + FIRST_VARIANT + 1] = (int) (variant >>> 32);
    } else if (more == null) {
      moreVariants[t] = new long[] {variant};
    } else {
      if (n - 1 == more.length) {
        more = moreVariants[t] = Arrays.copyOf(more, more.length * 2);
      }
      more[n - 1] = variant;
    }
    state[s] = n + 1;
    if (word) {
      wordVariant[(int) variant] = n + 1;
    }
    return n;
  }
}
