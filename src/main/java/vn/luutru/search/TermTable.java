package vn.luutru.search;

import java.util.Arrays;

/**
 * The inverted index while it is built: terms are numbers (a word's number, or a pair of word
 * numbers for two neighbouring words), and each term's postings are appended in document order.
 * Built for the hundreds of millions of words of a large archive, where what costs is memory
 * traffic: no strings, no boxing and no allocation per posting, and everything one posting
 * touches in one place. A term is a slot of {@value #SLOT} longs holding its key and all its
 * counters: a word's slot is found by its number in an array, a pair's in an open-addressing
 * table of such slots, so adding a pair reads one slot rather than a table entry and then the
 * term's counters elsewhere (which made pairs cost four times what single words did).
 *
 * <p>The posting of the document being read is open: one int, its flags in bits 24–31 (bit 28:
 * in the title; bits 24–27: occurrences in the body, at most 15) and the bit set of written
 * forms below (form 23 and later share bit 23). When the next document arrives it is closed
 * into the term's bytes as unsigned LEB128 varints: the difference from the previous closed
 * document, the flags, and the written forms only once the term has a second form (until then
 * they can only be the first; most terms never have another, and the index leaves them out). A
 * term seen in one document only (most pairs) has no bytes at all.
 *
 * <p>Closed postings are bytes in a pool of 32 KB blocks, each term's in a chain of slices of
 * growing size (32 bytes, then 64, … up to 4 KB), each slice ending in the address of the next
 * and the room its postings left: a list grows without being copied, and is written out a slice
 * at a time. (A byte array per term, grown by copying, made the collector copy gigabytes at
 * 100,000 articles, where the lists of common words pass 100 KB.)
 *
 * <p>Terms are numbered 0 to {@link #size()} − 1 by {@link #freeze()}, once every posting is
 * in.
 */
final class TermTable {
  /** Longs per term. */
  private static final int SLOT = 7;
  /** The key plus one; 0 for an empty slot. */
  private static final int KEY = 0;
  /** The open posting's document (high half) and the open posting (low half). */
  private static final int OPEN = 1;
  /** Postings, open one included (high half), and the last closed document (low half). */
  private static final int COUNT = 2;
  /** Where the next closed posting goes in the pool (high), and where its slice's room ends (low). */
  private static final int WRITE = 3;
  /** The first written form: most terms have no other. */
  private static final int VARIANT = 4;
  /** Where the first slice starts (high), and the size class of the current one (low; -1: none yet). */
  private static final int LIST = 5;
  /** The number of written forms (high), and the index of the others in {@link #more} (low). */
  private static final int FORMS = 6;

  private static final int BLOCK_BITS = 15;
  private static final int BLOCK_MASK = (1 << BLOCK_BITS) - 1;
  /**
   * A closed posting takes at most 10 bytes: the document's difference (a varint of up to 5),
   * the flags (1) and the written forms (a varint of 24 bits, up to 4).
   */
  private static final int MAX_POSTING = 10;
  /**
   * A slice ends in the address of the next (4 bytes) and the room its postings left (1 byte,
   * under {@value #MAX_POSTING}).
   */
  private static final int POINTER = 5;
  private static final int MAX_LEVEL = 7;
  private static final long LOW = 0xFFFFFFFFL;

  /** Single words' slots, by the folded word's number. */
  private long[] words = new long[SLOT * 1024];
  /** Pairs' slots, open addressing. */
  private long[] pairs = new long[SLOT << 10];
  private int pairMask = (1 << 10) - 1;
  private int pairCount;
  private int size;

  /** Written forms after the first, of the terms that have more than one. */
  private long[][] more = new long[256][];
  /**
   * Per entry of {@link #more}: how many of the term's postings were closed before it had a
   * second form (they are kept without their forms, as if it had one), or -1 while none was
   * closed since.
   */
  private int[] plainBefore = new int[256];
  private int moreCount;

  private byte[][] blocks = new byte[16][];
  /** The pool's next free byte. */
  private int poolEnd = 1 << BLOCK_BITS;

  /** After {@link #freeze}: term number → slot, a pair's as its index, a word's as −(index + 1). */
  private int[] slots;

  /**
   * For single words the written form decides the term, so its position among the term's forms
   * is kept per form (plus one; 0 for not yet seen): common syllables have a dozen forms.
   */
  private int[] wordVariant = new int[1024];

  /** Single words in this table are those whose number divided by this leaves the same rest. */
  private final int wordStride;
  /** The same as a shift, when it is a power of two (dividing costs tens of cycles a word); else -1. */
  private final int wordShift;

  /** A table for one part of {@code parts}, each holding the single words {@code w} of one {@code w % parts}. */
  TermTable(int parts) {
    this.wordStride = parts;
    this.wordShift = (parts & (parts - 1)) == 0 ? Integer.numberOfTrailingZeros(parts) : -1;
  }

  /** A table that holds every term. */
  TermTable() {
    this(1);
  }

  int size() {
    return size;
  }

  /** Numbers the terms; no posting may be added afterwards. */
  void freeze() {
    slots = new int[size];
    int n = 0;
    for (int i = 0; i < words.length; i += SLOT) {
      if (words[i + KEY] != 0) {
        slots[n++] = -(i / SLOT) - 1;
      }
    }
    for (int i = 0; i < pairs.length; i += SLOT) {
      if (pairs[i + KEY] != 0) {
        slots[n++] = i / SLOT;
      }
    }
  }

  private long[] table(int t) {
    return slots[t] < 0 ? words : pairs;
  }

  private int base(int t) {
    int s = slots[t];
    return (s < 0 ? -s - 1 : s) * SLOT;
  }

  long key(int t) {
    return table(t)[base(t) + KEY] - 1;
  }

  /** How many documents have term {@code t}. */
  int count(int t) {
    return (int) (table(t)[base(t) + COUNT] >>> 32);
  }

  int variantCount(int t) {
    return (int) (table(t)[base(t) + FORMS] >>> 32);
  }

  long variant(int t, int i) {
    long[] a = table(t);
    int b = base(t);
    return i == 0 ? a[b + VARIANT] : more[(int) a[b + FORMS]][i - 1];
  }

  /** Records that {@code doc} has term {@code key}, written as {@code variant}, once: in the title or in the body. */
  void add(long key, int doc, boolean title, long variant) {
    add(key, doc, title, title ? 0 : 1, variant);
  }

  /**
   * Records that {@code doc} has term {@code key}, written as {@code variant}: in the title when
   * {@code title}, and {@code occurrences} times in the body (the count kept stops at 15).
   */
  void add(long key, int doc, boolean title, int occurrences, long variant) {
    long[] a;
    int b;
    if (key >>> 32 == 0) {
      int w = wordShift >= 0 ? (int) key >>> wordShift : (int) key / wordStride;
      if ((long) w * SLOT >= words.length) {
        words = Arrays.copyOf(words, Math.max((w + 1) * SLOT, words.length * 2));
      }
      a = words;
      b = w * SLOT;
      if (a[b + KEY] == 0) {
        open(a, b, key);
      }
    } else {
      if ((pairCount + 1) * 4L > (pairMask + 1) * 3L) {
        growPairs();
      }
      a = pairs;
      long stored = key + 1;
      int h = (int) mix(stored) & pairMask;
      while (true) {
        long k = a[h * SLOT + KEY];
        if (k == stored) {
          break;
        }
        if (k == 0) {
          open(a, h * SLOT, key);
          pairCount++;
          break;
        }
        h = (h + 1) & pairMask;
      }
      b = h * SLOT;
    }
    int v = variant(a, b, variant);
    long opened = a[b + OPEN];
    int count = (int) (a[b + COUNT] >>> 32);
    int p;
    if (count == 0 || (int) (opened >>> 32) != doc) {
      if (count > 0) {
        close(a, b);
      }
      a[b + COUNT] = ((long) (count + 1) << 32) | (a[b + COUNT] & LOW);
      p = 0;
    } else {
      p = (int) opened;
    }
    int flags = p >>> 24;
    int body = Math.min(15, (flags & 0x0F) + occurrences);
    flags = (title ? 0x10 : flags & 0x10) | body;
    p = (flags << 24) | (p & 0xFFFFFF) | (1 << Math.min(23, v));
    a[b + OPEN] = ((long) doc << 32) | (p & LOW);
  }

  private void open(long[] a, int b, long key) {
    a[b + KEY] = key + 1;
    a[b + LIST] = LOW;
    size++;
  }

  private static long mix(long x) {
    x ^= x >>> 33;
    x *= 0xff51afd7ed558ccdL;
    x ^= x >>> 33;
    return x;
  }

  private void growPairs() {
    long[] old = pairs;
    pairs = new long[old.length * 2];
    pairMask = pairs.length / SLOT - 1;
    for (int i = 0; i < old.length; i += SLOT) {
      if (old[i + KEY] != 0) {
        int h = (int) mix(old[i + KEY]) & pairMask;
        while (pairs[h * SLOT + KEY] != 0) {
          h = (h + 1) & pairMask;
        }
        System.arraycopy(old, i, pairs, h * SLOT, SLOT);
      }
    }
  }

  /** The position of {@code variant} among the written forms of the term in slot {@code b}. */
  private int variant(long[] a, int b, long variant) {
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
    long forms = a[b + FORMS];
    int n = (int) (forms >>> 32);
    if (n > 0 && a[b + VARIANT] == variant) {
      return 0;
    }
    int list = (int) forms;
    for (int i = 1; i < n; i++) {
      if (more[list][i - 1] == variant) {
        return i;
      }
    }
    if (n == 0) {
      a[b + VARIANT] = variant;
    } else if (n == 1) {
      if (moreCount == more.length) {
        more = Arrays.copyOf(more, moreCount * 2);
        plainBefore = Arrays.copyOf(plainBefore, moreCount * 2);
      }
      list = moreCount++;
      more[list] = new long[] {variant};
      plainBefore[list] = -1;
    } else {
      if (n - 1 == more[list].length) {
        more[list] = Arrays.copyOf(more[list], more[list].length * 2);
      }
      more[list][n - 1] = variant;
    }
    a[b + FORMS] = ((long) (n + 1) << 32) | (list & LOW);
    if (word) {
      wordVariant[(int) variant] = n + 1;
    }
    return n;
  }

  /** The address of the next slice, written at the end of a slice's room. */
  private int pointerAt(int end) {
    byte[] p = blocks[end >>> BLOCK_BITS];
    int i = end & BLOCK_MASK;
    return ((p[i] & 0xFF) << 24) | ((p[i + 1] & 0xFF) << 16) | ((p[i + 2] & 0xFF) << 8) | (p[i + 3] & 0xFF);
  }

  /** A slice's bytes: always room for one posting and the address of the next slice. */
  private static int sliceSize(int level) {
    return 32 << level;
  }

  /** A slice of {@code size} bytes that does not cross a block; returns its start. */
  private int slice(int size) {
    int start = poolEnd;
    if ((start & BLOCK_MASK) + size > BLOCK_MASK + 1) {
      start = (start | BLOCK_MASK) + 1;
    }
    int block = start >>> BLOCK_BITS;
    if (start < 0 || block >= (1 << (31 - BLOCK_BITS)) - 1) {
      throw new IllegalStateException("the search index's postings passed 2 GB in one part");
    }
    if (block >= blocks.length) {
      blocks = Arrays.copyOf(blocks, blocks.length * 2);
    }
    if (blocks[block] == null) {
      blocks[block] = new byte[1 << BLOCK_BITS];
    }
    poolEnd = start + size;
    return start;
  }

  /** Moves the open posting of the term in slot {@code b} into its bytes. */
  private void close(long[] a, int b) {
    long list = a[b + LIST];
    int level = (int) list;
    long position = a[b + WRITE];
    int write = (int) (position >>> 32);
    int end = (int) position;
    if (level < 0) {
      write = slice(sliceSize(0));
      end = write + sliceSize(0) - POINTER;
      a[b + LIST] = (long) write << 32;
    } else if (end - write < MAX_POSTING) {
      // The room left may be too small for this posting: the next slice, and its address here.
      level = Math.min(level + 1, MAX_LEVEL);
      int next = slice(sliceSize(level));
      byte[] p = blocks[end >>> BLOCK_BITS];
      int at = end & BLOCK_MASK;
      p[at] = (byte) (next >>> 24);
      p[at + 1] = (byte) (next >>> 16);
      p[at + 2] = (byte) (next >>> 8);
      p[at + 3] = (byte) next;
      p[at + 4] = (byte) (end - write);
      write = next;
      end = next + sliceSize(level) - POINTER;
      a[b + LIST] = (list & ~LOW) | level;
    }
    byte[] p = blocks[write >>> BLOCK_BITS];
    int at = write & BLOCK_MASK;
    long opened = a[b + OPEN];
    int doc = (int) (opened >>> 32);
    int open = (int) opened;
    long counts = a[b + COUNT];
    int previous = (int) (counts >>> 32) == 1 ? 0 : (int) counts;
    int after = varint(p, at, doc - previous);
    p[after++] = (byte) (open >>> 24); // the flags: a varint of one byte, at most 0x1F
    long forms = a[b + FORMS];
    // Closed while the term has one form, a posting can only use that one: writePostings puts 1 back.
    assert (int) (forms >>> 32) > 1 || (open & 0xFFFFFF) == 1;
    if ((int) (forms >>> 32) > 1) {
      int others = (int) forms;
      if (plainBefore[others] < 0) {
        plainBefore[others] = (int) (counts >>> 32) - 1;
      }
      after = varint(p, after, open & 0xFFFFFF);
    }
    a[b + WRITE] = ((long) (write + after - at) << 32) | (end & LOW);
    a[b + COUNT] = (counts & ~LOW) | (doc & LOW);
  }

  private static int varint(byte[] b, int at, int value) {
    while ((value & ~0x7F) != 0) {
      b[at++] = (byte) ((value & 0x7F) | 0x80);
      value >>>= 7;
    }
    b[at++] = (byte) value;
    return at;
  }

  /**
   * Writes term {@code t}'s postings in the index's format (see {@link SearchIndexWriter}):
   * the bytes held already are in it, but for the written forms, which the index leaves out
   * when a term has one ({@code withVariants} false). Postings closed while the term had one
   * form were kept without it, so for a term of one form each slice is copied at once; a term
   * of several gets the form bit 1 put back into those of its first postings.
   */
  void writePostings(int t, boolean withVariants, ByteWriter out) {
    long[] a = table(t);
    int b = base(t);
    int closed = (int) (a[b + COUNT] >>> 32) - 1;
    if (closed > 0) {
      // Postings from this one on were closed with their forms.
      long forms = a[b + FORMS];
      int plain = closed;
      if ((int) (forms >>> 32) > 1 && plainBefore[(int) forms] >= 0) {
        plain = plainBefore[(int) forms];
      }
      int last = (int) (a[b + WRITE] >>> 32);
      int pos = (int) (a[b + LIST] >>> 32);
      int level = 0;
      int k = 0;
      while (true) {
        int end = pos + sliceSize(level) - POINTER;
        boolean lastSlice = last > pos && last <= end;
        byte[] p = blocks[pos >>> BLOCK_BITS];
        int i = pos & BLOCK_MASK;
        int to = lastSlice ? i + (last - pos) : i + (end - pos) - p[(end & BLOCK_MASK) + 4];
        if (k < plain) {
          if (!withVariants && plain == closed) {
            out.bytes(p, i, to - i);
            i = to;
          } else {
            // Posting by posting up to the first with forms: each gets form bit 1 if wanted.
            byte[] o = out.room(2 * (to - i));
            int n = out.size();
            while (k < plain && i < to) {
              byte c;
              do {
                c = p[i++];
                o[n++] = c;
              } while (c < 0);
              o[n++] = p[i++];
              if (withVariants) {
                o[n++] = 1;
              }
              k++;
            }
            out.skip(n - out.size());
          }
        }
        if (i < to) {
          // Postings closed with their forms: as they are, or each without its forms.
          if (withVariants) {
            out.bytes(p, i, to - i);
          } else {
            byte[] o = out.room(to - i);
            int n = out.size();
            while (i < to) {
              byte c;
              do {
                c = p[i++];
                o[n++] = c;
              } while (c < 0);
              o[n++] = p[i++];
              while (p[i] < 0) {
                i++;
              }
              i++;
            }
            out.skip(n - out.size());
          }
        }
        if (lastSlice) {
          break;
        }
        pos = pointerAt(end);
        level = Math.min(level + 1, MAX_LEVEL);
      }
    }
    long opened = a[b + OPEN];
    int doc = (int) (opened >>> 32);
    int open = (int) opened;
    out.varint(closed == 0 ? doc : doc - (int) a[b + COUNT]);
    out.put((byte) (open >>> 24));
    if (withVariants) {
      out.varint(open & 0xFFFFFF);
    }
  }
}
