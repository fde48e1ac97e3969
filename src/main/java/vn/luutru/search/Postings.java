package vn.luutru.search;

import java.util.Arrays;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.stream.IntStream;
import vn.luutru.internal.ByteWriter;

/**
 * Makes every term's list, in the index's format, on up to 8 threads. A chunk of documents at a
 * time, the words are dealt into one buffer per part of the terms, then each part reads its buffer
 * on its own: it numbers its terms and their written forms, and keeps each entry as an int (the
 * term, the form, the flags). Once every document is in, each part sorts its entries by term (a
 * counting sort, which keeps them in document order) and writes each term's list from its entries,
 * which are then side by side.
 *
 * <p>Each pass reads and writes its entries in order, and what a part looks up at random (its
 * terms, their counts and written forms) stays small; the entries kept take 4 bytes each, and while
 * a part's lists are made, 8 bytes each again for that part. Its open-addressing tables are kept
 * because {@code HashMap}s in their place cost more than 5 % of a build at 10,000 articles ({@code
 * docs/benchmarks.md}, "What the hand-written code is worth").
 *
 * <p>Each part reads its buffers in document order, and within a document in the order of its
 * words, so each term's written forms are numbered in the order of their first use, as in one table
 * of every term: the lists are the same whatever the number of parts, chunks and threads.
 *
 * <p>A word or pair of written forms said several times in a document is dealt once, with how many
 * times: a buffer entry is a long, either a document marker {@code MARK | doc} before the first
 * word of each document in that buffer, or the second word's number in bits 0–28, the first word's
 * number plus one in bits 29–57 (0 for a single word), the occurrences in the body in bits 58–61
 * (at most 15) and bit 62 set for a word of the title.
 */
final class Postings {
  /** How many parts the terms are split into: small tables, and more than enough for 8 threads. */
  static final int PARTS = 32;

  /**
   * Buffer entries dealt per chunk, about, counted as two a word before repeats are merged (so some
   * 8 to 16 MB of longs), whatever the size of the archive, so that a chunk's buffers fit in the
   * young generation of the second JVM's heap.
   */
  static final int CHUNK = 1 << 21;

  private static final long MARK = Long.MIN_VALUE;
  private static final long TITLE = 1L << 62;
  private static final int WORD_BITS = 29;
  private static final int WORD_MASK = (1 << WORD_BITS) - 1;
  private static final int COUNT_SHIFT = 2 * WORD_BITS;
  private static final long ONE = 1L << COUNT_SHIFT;

  /** The room of a dealer's table of one document's entries, to begin with. */
  private static final int SEEN = 1 << 12;

  /** Written forms past this many share its bit in a posting's set of forms. */
  private static final int LAST_FORM_BIT = 23;

  /**
   * A kept entry: the term's number above these bits, the form's (at most 23) and the flags below.
   */
  private static final int TERM_SHIFT = 10;

  /** Terms a part may hold: a kept entry is a positive int. */
  static final int MAX_TERMS = 1 << (31 - TERM_SHIFT);

  private Postings() {}

  /**
   * The lists of {@code words} (frozen) in {@value #PARTS} parts, their written forms' text from
   * {@code forms}.
   */
  static TermLists[] build(DocumentWords words, Forms forms, int from, int to) {
    return build(
        words,
        forms,
        from,
        to,
        PARTS,
        CHUNK,
        Math.max(1, Math.min(8, Runtime.getRuntime().availableProcessors())));
  }

  /**
   * The lists of every document of {@code words}, as {@link #build(DocumentWords, Forms, int, int,
   * int, int, int)}.
   */
  static TermLists[] build(DocumentWords words, Forms forms, int parts, int chunk, int dealers) {
    return build(words, forms, 0, words.documents(), parts, chunk, dealers);
  }

  /**
   * The lists of documents {@code from} to {@code to} − 1 of {@code words} (frozen) in {@code
   * parts} parts, part {@code p} holding the terms {@link #part} puts in {@code p}; documents are
   * dealt {@code chunk} entries at a time, about, each chunk by {@code dealers} threads. The lists
   * keep the documents' own numbers.
   */
  static TermLists[] build(
      DocumentWords words, Forms forms, int from, int to, int parts, int chunk, int dealers) {
    if (words.marked.length >= WORD_MASK) {
      throw new IllegalStateException(
          "the search index holds at most " + (WORD_MASK - 1) + " written forms");
    }
    long total = 0;
    for (int doc = from; doc < to; doc++) {
      total += wordsOf(words.fields(doc));
    }
    // Room for about as many entries as words (repeats merged, pairs added), and a document marker
    // each.
    int room = (int) Math.min(Integer.MAX_VALUE - 16, 1024 + (to - from) + total * 5 / 4 / parts);
    Part[] kept = new Part[parts];
    Arrays.setAll(kept, p -> new Part(room));
    // A chunk's entries, spread over the dealers and parts: their buffers, sized once.
    int buffer =
        (int)
            Math.min(
                Integer.MAX_VALUE - 16,
                1024 + Math.min(chunk, 2 * total) * 5 / 8 / dealers / parts);
    Dealer[] dealt = new Dealer[dealers];
    Arrays.setAll(dealt, d -> new Dealer(parts, buffer));
    int[] foldedOf = words.foldedOf;
    int doc = from;
    while (doc < to) {
      // A chunk of whole documents, then its share for each dealer, by the number of words.
      int end = doc;
      long entries = 0;
      while (end < to && entries < chunk) {
        entries += 2L * wordsOf(words.fields(end));
        end++;
      }
      int[] shares = new int[dealers + 1];
      shares[0] = doc;
      long share = 0;
      int next = doc;
      for (int d = 1; d < dealers; d++) {
        while (next < end && share < entries * d / dealers) {
          share += 2L * wordsOf(words.fields(next));
          next++;
        }
        shares[d] = next;
      }
      shares[dealers] = end;
      IntStream.range(0, dealers)
          .parallel()
          .forEach(d -> dealt[d].deal(words, shares[d], shares[d + 1]));
      IntStream.range(0, parts)
          .parallel()
          .forEach(
              p -> {
                for (Dealer d : dealt) {
                  kept[p].take(d.buffers[p], d.fill[p], foldedOf);
                }
              });
      doc = end;
    }
    Arrays.fill(dealt, null);
    // A part's work room is megabytes: it serves part after part.
    ConcurrentLinkedDeque<Room> idle = new ConcurrentLinkedDeque<>();
    TermLists[] lists = new TermLists[parts];
    IntStream.range(0, parts)
        .parallel()
        .forEach(
            p -> {
              Room work = idle.poll();
              if (work == null) {
                work = new Room();
              }
              lists[p] = kept[p].lists(forms, work);
              kept[p] = null;
              idle.push(work);
            });
    return lists;
  }

  /** Where the lists find their written forms' text. */
  @FunctionalInterface
  interface Forms {
    /**
     * Writes written form {@code key}, a word's number or a pair's ({@link DocumentWords#key}), as
     * the index does.
     */
    void write(long key, ByteWriter out);
  }

  /**
   * One part's terms, numbered 0 to {@link #size()} − 1, each with its list in the index's format.
   */
  static final class TermLists {
    private final long[] keys;
    private final int[] counts;
    private final int[] offsets;
    private final byte[] bytes;

    TermLists(long[] keys, int[] counts, int[] offsets, byte[] bytes) {
      this.keys = keys;
      this.counts = counts;
      this.offsets = offsets;
      this.bytes = bytes;
    }

    int size() {
      return keys.length;
    }

    /** The term's key, as {@link DocumentWords#key}. */
    long key(int t) {
      return keys[t];
    }

    /** How many documents have term {@code t}. */
    int count(int t) {
      return counts[t];
    }

    /** The length of term {@code t}'s list: its written forms, its postings. */
    int length(int t) {
      return offsets[t + 1] - offsets[t];
    }

    /** Term {@code t}'s list, as {@link SearchIndexWriter} describes it. */
    void write(int t, ByteWriter out) {
      out.bytes(bytes, offsets[t], length(t));
    }

    byte[] list(int t) {
      return Arrays.copyOfRange(bytes, offsets[t], offsets[t + 1]);
    }
  }

  /**
   * One part's terms as the chunks come: each entry kept as an int, its term's number, its form's
   * and its flags, or the complement of a document's number before that document's entries; and per
   * term, how many entries it has and its written forms in the order of their first use.
   */
  private static final class Part {
    /** Terms by key, open addressing: a term's number plus one, 0 for a free slot. */
    private int[] slots = new int[1 << 11];

    /**
     * Per term, side by side, all that an entry reads or counts: its key, its first written form,
     * and how many forms it has (high half) and how many entries (low half).
     */
    private long[] terms = new long[3 << 10];

    private int count;
    private int[] kept;
    private int size;

    /** For a term of several forms, where its others are in {@link #more}. */
    private int[] moreOf;

    private long[][] more;
    private int moreCount;

    /** For about {@code room} entries. */
    Part(int room) {
      kept = new int[room];
    }

    /** Reads the {@code fill} entries of a buffer, the next in document order. */
    void take(long[] buffer, int fill, int[] foldedOf) {
      if (size + fill > kept.length) {
        kept =
            Arrays.copyOf(
                kept,
                (int)
                    Math.min(
                        Integer.MAX_VALUE - 16,
                        Math.max(size + (long) fill, kept.length + (kept.length >> 1))));
      }
      int[] out = kept;
      int n = size;
      for (int i = 0; i < fill; i++) {
        long e = buffer[i];
        if (e < 0) {
          out[n++] = ~(int) e;
          continue;
        }
        int first = first(e);
        int second = second(e);
        long key =
            first < 0 ? foldedOf[second] : DocumentWords.key(foldedOf[first], foldedOf[second]);
        int mask = slots.length - 1;
        int h = (int) mix(key) & mask;
        int t;
        while (true) {
          int slot = slots[h];
          if (slot == 0) {
            t = add(key, h);
            break;
          }
          if (terms[3 * (slot - 1)] == key) {
            t = slot - 1;
            break;
          }
          h = (h + 1) & mask;
        }
        long form = DocumentWords.key(first, second);
        int b = 3 * t;
        long counts = terms[b + 2];
        int v;
        if (counts >>> 32 != 0 && terms[b + 1] == form) {
          v = 0;
        } else {
          v = form(t, form);
          counts = terms[b + 2];
        }
        terms[b + 2] = counts + 1;
        out[n++] =
            (t << TERM_SHIFT)
                | (Math.min(LAST_FORM_BIT, v) << 5)
                | (title(e) ? 0x10 : 0)
                | occurrences(e);
      }
      size = n;
    }

    /** A new term, {@code key}, in free slot {@code h}: its number. */
    private int add(long key, int h) {
      int t = count;
      if (t == MAX_TERMS) {
        throw new IllegalStateException(
            "the search index holds at most " + MAX_TERMS + " terms a part");
      }
      if (3 * (t + 1) > terms.length) {
        terms = Arrays.copyOf(terms, terms.length * 2);
        if (moreOf != null) {
          moreOf = Arrays.copyOf(moreOf, terms.length / 3);
        }
      }
      terms[3 * t] = key;
      slots[h] = t + 1;
      count = t + 1;
      if (count * 2 > slots.length) {
        int[] grown = new int[slots.length * 2];
        int mask = grown.length - 1;
        for (int k = 0; k < count; k++) {
          int g = (int) mix(terms[3 * k]) & mask;
          while (grown[g] != 0) {
            g = (g + 1) & mask;
          }
          grown[g] = k + 1;
        }
        slots = grown;
      }
      return t;
    }

    /** The number of written form {@code form} among term {@code t}'s, a new one last. */
    private int form(int t, long form) {
      int b = 3 * t;
      int known = (int) (terms[b + 2] >>> 32);
      if (known > 0 && terms[b + 1] == form) {
        return 0;
      }
      if (known == 0) {
        terms[b + 1] = form;
        terms[b + 2] += 1L << 32;
        return 0;
      }
      if (moreOf == null) {
        moreOf = new int[terms.length / 3];
        more = new long[16][];
      }
      long[] others = known > 1 ? more[moreOf[t]] : null;
      for (int j = 1; j < known; j++) {
        if (others[j - 1] == form) {
          return j;
        }
      }
      if (known == 1) {
        if (moreCount == more.length) {
          more = Arrays.copyOf(more, moreCount * 2);
        }
        moreOf[t] = moreCount;
        others = more[moreCount++] = new long[2];
      } else if (known - 1 == others.length) {
        others = more[moreOf[t]] = Arrays.copyOf(others, others.length * 2);
      }
      others[known - 1] = form;
      terms[b + 2] += 1L << 32;
      return known;
    }

    /**
     * Each term's list: its written forms, then its postings, the same document's entries (one per
     * written form) made one.
     */
    TermLists lists(Forms text, Room room) {
      int n = count;
      int[] start = new int[n + 1];
      for (int t = 0; t < n; t++) {
        start[t + 1] = start[t] + (int) terms[3 * t + 2];
      }
      // The entries by term, in document order within each: the document (high half), the
      // form's number (bits 5–9) and the flags (bits 0–4: in the title, occurrences in the body).
      long[] sorted = room.sorted(start[n]);
      int[] at = Arrays.copyOf(start, n);
      long doc = 0;
      for (int i = 0; i < size; i++) {
        int x = kept[i];
        if (x < 0) {
          doc = (long) ~x << 32;
          continue;
        }
        sorted[at[x >>> TERM_SHIFT]++] = doc | (x & ((1 << TERM_SHIFT) - 1));
      }
      kept = null;
      long[] keys = new long[n];
      for (int t = 0; t < n; t++) {
        keys[t] = terms[3 * t];
      }
      int[] counts = new int[n];
      int[] offsets = new int[n + 1];
      ByteWriter out = room.out;
      out.reset();
      for (int t = 0; t < n; t++) {
        offsets[t] = out.size();
        int fc = (int) (terms[3 * t + 2] >>> 32);
        out.varint(fc);
        text.write(terms[3 * t + 1], out);
        for (int j = 1; j < fc; j++) {
          text.write(more[moreOf[t]][j - 1], out);
        }
        int end = start[t + 1];
        int postings = 0;
        int previousDoc = -1;
        for (int j = start[t]; j < end; j++) {
          int dj = (int) (sorted[j] >>> 32);
          if (dj != previousDoc) {
            postings++;
            previousDoc = dj;
          }
        }
        counts[t] = postings;
        out.varint(postings);
        int previous = 0;
        int j = start[t];
        while (j < end) {
          long s = sorted[j];
          int dj = (int) (s >>> 32);
          int body = 0;
          int title = 0;
          int used = 0;
          do {
            body += (int) s & 0x0F;
            title |= (int) s & 0x10;
            used |= 1 << (((int) s >>> 5) & 0x1F);
            j++;
          } while (j < end && (int) ((s = sorted[j]) >>> 32) == dj);
          out.varint(dj - previous);
          previous = dj;
          out.put((byte) (title | Math.min(15, body)));
          if (fc > 1) {
            out.varint(used);
          }
        }
      }
      offsets[n] = out.size();
      return new TermLists(keys, counts, offsets, out.toByteArray());
    }
  }

  /** Work room for making a part's lists, one part after another. */
  private static final class Room {
    final ByteWriter out = new ByteWriter(1 << 16);
    private long[] sorted = new long[0];

    long[] sorted(int n) {
      if (sorted.length < n) {
        sorted = new long[n + (n >> 3)];
      }
      return sorted;
    }
  }

  private static int wordsOf(int[][] fields) {
    int n = 0;
    for (int[] f : fields) {
      n += f.length;
    }
    return n;
  }

  /**
   * The part of term {@code key} among {@code parts}: a single word by its number modulo the parts,
   * a pair by a hash.
   */
  static int part(long key, int parts) {
    if (key >>> 32 == 0) {
      return (parts & (parts - 1)) == 0 ? (int) key & (parts - 1) : (int) (key % parts);
    }
    // The high bits of a Fibonacci hash, scaled to [0, parts) by a multiplication, not a division.
    return (int) ((((key * 0x9E3779B97F4A7C15L) >>> 32) * parts) >>> 32);
  }

  /**
   * A buffer entry: a word ({@code first} −1) or a pair, seen once, in the title or in the body.
   */
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

  /**
   * {@code entry} seen once more: in the title, or once more in the body (the count stops at 15).
   */
  static long again(long entry, boolean title) {
    if (title) {
      return entry | TITLE;
    }
    return occurrences(entry) < 15 ? entry + ONE : entry;
  }

  /**
   * One thread's buffers, one per part, refilled for each chunk, and where in them this document's
   * words and pairs are so far.
   */
  private static final class Dealer {
    final long[][] buffers;
    final int[] fill;
    private final int[] lastDoc;

    /**
     * This document's entries, in open addressing, two longs a slot: the entry's term bits plus one
     * (0: free), and where it is, the part (high half) and the index in its buffer (low half).
     */
    private long[] seen = new long[2 * SEEN];

    /** The slots this document filled, to be freed before the next. */
    private int[] used = new int[SEEN];

    private int seenCount;

    Dealer(int parts, int room) {
      buffers = new long[parts][room];
      fill = new int[parts];
      lastDoc = new int[parts];
    }

    /**
     * Deals the words of documents {@code from} to {@code to} − 1 into the buffers, and lets go of
     * them.
     */
    void deal(DocumentWords words, int from, int to) {
      Arrays.fill(fill, 0);
      Arrays.fill(lastDoc, -1);
      int[] foldedOf = words.foldedOf;
      for (int doc = from; doc < to; doc++) {
        int[][] fields = words.fields(doc);
        for (int f = 0; f < fields.length; f++) {
          boolean title = f == 0;
          int previousMarked = -1;
          int previousFolded = -1;
          for (int m : fields[f]) {
            int folded = foldedOf[m];
            put(folded, doc, title, entry(-1, m, title));
            if (previousFolded >= 0) {
              put(
                  DocumentWords.key(previousFolded, folded),
                  doc,
                  title,
                  entry(previousMarked, m, title));
            }
            previousMarked = m;
            previousFolded = folded;
          }
        }
        words.release(doc);
        if (seen.length > 2 * SEEN << 2) {
          // After a very long document: a small table again, for the next ones to stay in cache.
          seen = new long[2 * SEEN];
          used = new int[SEEN];
        } else {
          for (int i = 0; i < seenCount; i++) {
            seen[2 * used[i]] = 0;
          }
        }
        seenCount = 0;
      }
    }

    /** One occurrence of term {@code key} in {@code doc}, written as in {@code entry}. */
    private void put(long key, int doc, boolean title, long entry) {
      long[] table = seen;
      int mask = (table.length >>> 1) - 1;
      long stored = (entry & ~(TITLE | (0x0FL << COUNT_SHIFT))) + 1;
      int h = (int) mix(stored) & mask;
      long k;
      while ((k = table[2 * h]) != 0) {
        if (k == stored) {
          long at = table[2 * h + 1];
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
      table[2 * h] = stored;
      table[2 * h + 1] = ((long) part << 32) | n;
      used[seenCount] = h;
      if (++seenCount * 2 > mask + 1) {
        grow();
      }
    }

    /** Twice the room for this document's entries. */
    private void grow() {
      long[] old = seen;
      int[] oldUsed = used;
      seen = new long[old.length * 2];
      used = new int[oldUsed.length * 2];
      int mask = (seen.length >>> 1) - 1;
      for (int i = 0; i < seenCount; i++) {
        int o = oldUsed[i];
        int h = (int) mix(old[2 * o]) & mask;
        while (seen[2 * h] != 0) {
          h = (h + 1) & mask;
        }
        seen[2 * h] = old[2 * o];
        seen[2 * h + 1] = old[2 * o + 1];
        used[i] = h;
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
