package vn.luutru.search;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.IntStream;
import vn.luutru.content.VietnameseText;

/**
 * The words of every document of an index, as numbers, read on as many threads as call {@link
 * #add}: the build hands each article's text over as soon as its body is rendered, so that the text
 * itself need not be kept. Each written form ({@code đại}) gets a number and so does each folded
 * form ({@code dai}).
 *
 * <p>The words are split exactly as {@link SearchText#wordsOfClean} splits them (a test compares
 * the two on the corpus), but without a string or a shared-map lookup per word: each thread numbers
 * words in a table of its own, looked up by the characters in place, and {@link #freeze} merges the
 * tables once every document is in. Numbers differ between runs; nothing written depends on them
 * (terms are sorted by their text, written forms kept in document order).
 *
 * <p>This second tokenizer is kept because numbering through {@link SearchText} and a {@code
 * HashMap} costs more than 5 % of a build at 10,000 articles ({@code docs/benchmarks.md}, "What the
 * hand-written code is worth").
 *
 * <pre>{@code
 * DocumentWords words = new DocumentWords(pages.size());
 * IntStream.range(0, pages.size()).parallel().forEach(i -> words.add(i, title(i), summary(i), text(i)));
 * words.freeze();
 * int[][] fields = words.fields(0); // title, [summary], body: written-form numbers
 * }</pre>
 */
public final class DocumentWords {
  private final int[][][] docs;
  private final int[] tableOf;
  private final List<Table> tables = new ArrayList<>();
  private final ThreadLocal<Table> table = ThreadLocal.withInitial(this::newTable);
  private boolean frozen;
  private boolean released;
  private volatile boolean discarded;
  String[] marked;
  String[] folded;
  int[] foldedOf;

  /** For documents numbered 0 to {@code documents} − 1. */
  public DocumentWords(int documents) {
    docs = new int[documents][][];
    tableOf = new int[documents];
  }

  public int documents() {
    return docs.length;
  }

  /**
   * Reads document {@code doc}: its title, its summary and its body as plain text, all clean
   * ({@link VietnameseText#clean}). The summary is left out when the body already begins with it
   * (most summaries are the first paragraph, which would otherwise count twice). Safe to call from
   * many threads, for different documents; every call must have returned before {@link #freeze}.
   */
  public void add(int doc, String title, String summary, String body) {
    if (frozen || discarded) {
      throw new IllegalStateException("words are frozen");
    }
    Table t = table.get();
    int[] titleWords = t.numbers(title);
    int[] summaryWords = t.numbers(summary);
    int[] bodyWords = t.numbers(body);
    boolean repeated =
        summaryWords.length <= bodyWords.length
            && Arrays.equals(
                summaryWords, 0, summaryWords.length, bodyWords, 0, summaryWords.length);
    docs[doc] =
        repeated
            ? new int[][] {titleWords, bodyWords}
            : new int[][] {titleWords, summaryWords, bodyWords};
    tableOf[doc] = t.index;
  }

  /** Document {@code doc}'s fields as written-form numbers; after {@link #freeze}. */
  int[][] fields(int doc) {
    return docs[doc];
  }

  /**
   * Lets go of document {@code doc}'s words once they are dealt to the postings; safe from several
   * threads, for different documents.
   */
  void release(int doc) {
    released = true;
    docs[doc] = null;
  }

  /**
   * Lets go of what the threads hold: called by {@link #freeze}, and by a build that stops before
   * the index is written (each thread keeps its table until then, the whole vocabulary).
   */
  public synchronized void discard() {
    discarded = true;
    for (Table t : tables) {
      t.release();
    }
    tables.clear();
  }

  /** Merges the threads' numbers into one numbering, and folds each written form once. */
  void freeze() {
    if (released) {
      throw new IllegalStateException(
          "these words were written already; number them again for another index");
    }
    if (frozen) {
      return;
    }
    frozen = true;
    Map<String, Integer> ids = new HashMap<>();
    List<String> words = new ArrayList<>();
    int[][] remap = new int[tables.size()][];
    for (Table t : tables) {
      int[] map = remap[t.index] = new int[t.size];
      for (int id = 0; id < t.size; id++) {
        String w = new String(t.chars, t.starts[id], t.lengths[id]);
        Integer g = ids.putIfAbsent(w, words.size());
        if (g == null) {
          g = words.size();
          words.add(w);
        }
        map[id] = g;
      }
    }
    discard();
    IntStream.range(0, docs.length)
        .parallel()
        .forEach(
            doc -> {
              int[][] fields = docs[doc];
              if (fields == null) {
                docs[doc] = new int[][] {new int[0], new int[0]};
                return;
              }
              int[] map = remap[tableOf[doc]];
              for (int[] f : fields) {
                for (int k = 0; k < f.length; k++) {
                  f[k] = map[f[k]];
                }
              }
            });
    marked = words.toArray(new String[0]);
    foldedOf = new int[marked.length];
    Map<String, Integer> foldedIds = new HashMap<>();
    List<String> foldedList = new ArrayList<>();
    String[] foldedOfMarked = new String[marked.length];
    IntStream.range(0, marked.length)
        .parallel()
        .forEach(m -> foldedOfMarked[m] = VietnameseText.fold(marked[m]));
    for (int m = 0; m < marked.length; m++) {
      Integer f = foldedIds.putIfAbsent(foldedOfMarked[m], foldedList.size());
      if (f == null) {
        f = foldedList.size();
        foldedList.add(foldedOfMarked[m]);
      }
      foldedOf[m] = f;
    }
    folded = foldedList.toArray(new String[0]);
  }

  /**
   * Numbers the documents the other way round, the last first, as the index numbers them (the
   * site's order is newest first, the index's oldest first); after {@link #freeze}, before any
   * document is dealt.
   */
  void reverse() {
    if (!frozen || released) {
      throw new IllegalStateException("reverse the words once frozen, before they are written");
    }
    for (int i = 0, j = docs.length - 1; i < j; i++, j--) {
      int[][] d = docs[i];
      docs[i] = docs[j];
      docs[j] = d;
    }
  }

  /** A term's key: a folded word's number, or both numbers of a pair (the first plus one). */
  static long key(int first, int second) {
    return first < 0 ? second : ((long) (first + 1) << 32) | second;
  }

  private synchronized Table newTable() {
    if (frozen) {
      throw new IllegalStateException("words are frozen");
    }
    Table t = new Table(tables.size());
    tables.add(t);
    return t;
  }

  /**
   * Each character of the Basic Multilingual Plane: its lower case ({@link
   * Character#toLowerCase(int)}) when it is part of a word, 0 when it is not, and {@link #SLOW} for
   * surrogates and for İ and Σ, which are read as code points: one lookup a character.
   */
  private static final char[] LOWER = new char[0x10000];

  private static final char SLOW = 0xFFFF;

  static {
    for (int c = 0; c < 0x10000; c++) {
      if ((c >= Character.MIN_SURROGATE && c <= Character.MAX_SURROGATE)
          || c == 0x130
          || c == 0x3A3) {
        LOWER[c] = SLOW;
      } else if (SearchText.isWordChar(c)) {
        int lower = Character.toLowerCase(c);
        LOWER[c] = lower == 0 || lower >= SLOW ? SLOW : (char) lower;
      }
    }
  }

  /**
   * One thread's words: numbers found by the characters themselves, in an open-addressing table.
   */
  private static final class Table {
    final int index;
    char[] chars = new char[1 << 16];
    int used;
    int[] starts = new int[1 << 12];
    int[] lengths = new int[1 << 12];
    int size;

    /** The word's hash (high half) and its number plus one (low half); 0 for a free slot. */
    private long[] slots = new long[1 << 13];

    private final char[] word = new char[2 * SearchText.MAX_TOKEN_LENGTH + 2];
    private int[] out = new int[256];

    /**
     * The text being read, copied once: reading a string a character at a time checks each index.
     */
    private char[] buffer = new char[4096];

    Table(int index) {
      this.index = index;
    }

    /** After the merge: the thread may keep this table a while; its arrays need not stay. */
    void release() {
      chars = null;
      starts = lengths = out = null;
      slots = null;
      buffer = null;
    }

    /**
     * The numbers of the words of {@code text}: lower case ({@link Locale#ROOT}), runs of letters,
     * digits and marks of at most {@value SearchText#MAX_TOKEN_LENGTH} code points.
     */
    int[] numbers(String text) {
      int[] found = numbers(text, false);
      return found != null ? found : numbers(text.toLowerCase(Locale.ROOT), true);
    }

    /**
     * As {@link #numbers(String)}, lower-casing one character at a time, which is what {@link
     * String#toLowerCase} does except for İ and Σ (whose lower case depends on more than the
     * character): null when {@code text} has either and is not {@code lowered} yet.
     */
    private int[] numbers(String string, boolean lowered) {
      int n = 0;
      int end = string.length();
      if (buffer.length < end) {
        buffer = new char[Math.max(end, buffer.length * 2)];
      }
      string.getChars(0, end, buffer, 0);
      char[] text = buffer;
      char[] w = word;
      int i = 0;
      while (i < end) {
        // Between words: one lookup a character.
        char known = LOWER[text[i]];
        if (known == 0) {
          i++;
          continue;
        }
        if (known == SLOW) {
          int cp = Character.codePointAt(text, i, end);
          if (!SearchText.isWordChar(cp)) {
            i += Character.charCount(cp);
            continue;
          }
        }
        // A word: its characters lower-cased into w, at most MAX_TOKEN_LENGTH code points kept.
        int length = 0;
        int codePoints = 0;
        int hash = 0;
        while (i < end) {
          known = LOWER[text[i]];
          if (known == 0) {
            break;
          }
          if (known != SLOW) {
            if (++codePoints <= SearchText.MAX_TOKEN_LENGTH) {
              w[length++] = known;
              hash = 31 * hash + known;
            }
            i++;
            continue;
          }
          int cp = Character.codePointAt(text, i, end);
          if (!SearchText.isWordChar(cp)) {
            break;
          }
          if ((cp == 0x130 || cp == 0x3A3) && !lowered) {
            return null;
          }
          int lower = Character.toLowerCase(cp);
          if (++codePoints <= SearchText.MAX_TOKEN_LENGTH) {
            if (lower < 0x10000) {
              w[length++] = (char) lower;
              hash = 31 * hash + lower;
            } else {
              char high = Character.highSurrogate(lower);
              char low = Character.lowSurrogate(lower);
              w[length++] = high;
              w[length++] = low;
              hash = 31 * (31 * hash + high) + low;
            }
          }
          i += Character.charCount(cp);
        }
        if (codePoints <= SearchText.MAX_TOKEN_LENGTH) {
          if (n == out.length) {
            out = Arrays.copyOf(out, n * 2);
          }
          out[n++] = id(length, hash);
        }
      }
      return Arrays.copyOf(out, n);
    }

    /** The number of the word in {@code word[0, length)}, given one if it is new. */
    private int id(int length, int hash) {
      int mask = slots.length - 1;
      int h = (hash ^ (hash >>> 16)) & mask;
      while (true) {
        long slot = slots[h];
        if (slot == 0) {
          break;
        }
        int id = (int) slot - 1;
        if ((int) (slot >>> 32) == hash && lengths[id] == length && same(starts[id], length)) {
          return id;
        }
        h = (h + 1) & mask;
      }
      if (size == starts.length) {
        starts = Arrays.copyOf(starts, size * 2);
        lengths = Arrays.copyOf(lengths, size * 2);
      }
      if (used + length > chars.length) {
        chars = Arrays.copyOf(chars, Math.max(chars.length * 2, used + length));
      }
      System.arraycopy(word, 0, chars, used, length);
      starts[size] = used;
      lengths[size] = length;
      used += length;
      slots[h] = ((long) hash << 32) | (size + 1);
      if (++size * 2 > slots.length) {
        rehash();
      }
      return size - 1;
    }

    /** Whether {@code word[0, length)} is stored at {@code start}: a loop, words being short. */
    private boolean same(int start, int length) {
      for (int k = 0; k < length; k++) {
        if (chars[start + k] != word[k]) {
          return false;
        }
      }
      return true;
    }

    private void rehash() {
      long[] old = slots;
      slots = new long[old.length * 2];
      int mask = slots.length - 1;
      for (long slot : old) {
        if (slot != 0) {
          int hash = (int) (slot >>> 32);
          int h = (hash ^ (hash >>> 16)) & mask;
          while (slots[h] != 0) {
            h = (h + 1) & mask;
          }
          slots[h] = slot;
        }
      }
    }
  }
}
