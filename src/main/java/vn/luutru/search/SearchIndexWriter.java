package vn.luutru.search;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.ToIntFunction;
import java.util.Arrays;
import vn.luutru.content.VietnameseText;
import vn.luutru.render.Json;
import vn.luutru.site.ArticlePage;

/**
 * Writes the search index for a site into {@code search/}, beside {@code search.js}.
 *
 * <p>Documents are numbered in the site's order, newest first, so that "newer" is "smaller
 * number", a year is a range of numbers, and sorting by date needs no data. Terms are folded
 * syllables ({@code dai}) and pairs of adjacent syllables ({@code dai hoi}): a query of several
 * words looks up its pairs first, which are phrase matches and far shorter lists than common
 * syllables. Each posting keeps which written forms ({@code đại}, {@code dài}) the document
 * uses, so that a query typed with marks ranks exact matches first.
 *
 * <p>Files, all small, so that a query fetches only what its words need:
 *
 * <ul>
 *   <li>{@code index.json}: counts, the number of shards, year ranges, facet names
 *   <li>{@code s/<n>.bin}: the terms whose FNV-1a hash falls in shard n, with their postings,
 *       or for a long list the number k of its own file {@code b/<n>-<k>.bin}
 *   <li>{@code v/<ab>.txt}: the syllables starting with {@code ab}, most frequent first, for
 *       completing the last word typed
 *   <li>{@code d/<n/1000>/<n>.json}: what a result shows: address, title, date, category,
 *       excerpt source
 *   <li>{@code f/<facet>-<i>.bin}: the documents of one category, organisation or term
 * </ul>
 *
 * Binary files are unsigned LEB128 varints; strings are a varint byte length and UTF-8. A
 * posting list is: variant count, variants, posting count, then per posting the document
 * number (the first absolute, the rest as differences), a flags byte (bit 4: in the title; bits
 * 0–3: occurrences in the body, at most 15), and, when there are several variants, a varint
 * bit set of the variants the document uses (variant 23 and later share bit 23). {@code
 * years} lists {@code [year, first, end)} runs of document numbers; a year can have several.
 */
public final class SearchIndexWriter {
  public static final int FORMAT = 1;
  static final int SHARD_TARGET_BYTES = 2048;
  static final int OWN_FILE_BYTES = 2048;
  static final int EXCERPT_LENGTH = 240;
  static final String[] FACETS = {"category", "organization", "term"};

  private SearchIndexWriter() {}

  /** Where index files go, by path relative to the site root. */
  @FunctionalInterface
  public interface Sink {
    void write(String file, byte[] content) throws IOException;
  }

  /** What was written: documents, terms, files and bytes. */
  public record Stats(int documents, int terms, int files, long bytes) {}

  /** FNV-1a over the UTF-8 bytes of {@code term}; {@code search.js} computes the same. */
  static int hash(String term) {
    int h = 0x811c9dc5;
    for (byte b : term.getBytes(StandardCharsets.UTF_8)) {
      h ^= b & 0xFF;
      h *= 16777619;
    }
    return h;
  }

  public static Stats write(List<ArticlePage> pages, Sink sink) throws IOException {
    // 1. Words to numbers, in parallel: each document becomes three arrays of word numbers.
    Words words = new Words();
    List<int[][]> docs = pages.parallelStream()
        .map(p -> fields(words, p.title(), p.article().summary(), p.text()))
        .toList();
    words.freeze();
    // 2. Postings, in parallel: each worker owns the terms whose key hashes to it and reads
    // every document in order, so each list is built in document order as if by one thread.
    int workers = Math.max(1, Math.min(8, Runtime.getRuntime().availableProcessors()));
    TermTable[] tables = new TermTable[workers];
    java.util.stream.IntStream.range(0, workers).parallel().forEach(w -> {
      TermTable table = new TermTable();
      for (int doc = 0; doc < docs.size(); doc++) {
        int[][] fields = docs.get(doc);
        for (int f = 0; f < fields.length; f++) {
          addField(table, words, doc, f == 0, fields[f], w, workers);
        }
      }
      tables[w] = table;
    });
    Map<String, Long> terms = new HashMap<>();
    for (int w = 0; w < workers; w++) {
      for (int t = 0; t < tables[w].size(); t++) {
        terms.put(words.term(tables[w].termKeys[t]), ((long) w << 32) | t);
      }
    }
    java.util.concurrent.atomic.AtomicInteger files = new java.util.concurrent.atomic.AtomicInteger();
    java.util.concurrent.atomic.AtomicLong bytes = new java.util.concurrent.atomic.AtomicLong();
    Sink counting = (file, content) -> {
      files.incrementAndGet();
      bytes.addAndGet(content.length);
      sink.write(file, content);
    };

    long estimate = 0;
    for (Map.Entry<String, Long> e : terms.entrySet()) {
      long ref = e.getValue();
      long size = tables[(int) (ref >>> 32)].counts[(int) ref] * 3L + e.getKey().length() + 8;
      if (size <= OWN_FILE_BYTES) {
        estimate += size;
      }
    }
    int shards = 16;
    while ((long) shards * SHARD_TARGET_BYTES < estimate) {
      shards *= 2;
    }
    List<List<String>> byShard = new ArrayList<>(shards);
    for (int s = 0; s < shards; s++) {
      byShard.add(new ArrayList<>());
    }
    for (String term : terms.keySet()) {
      byShard.get(hash(term) & (shards - 1)).add(term);
    }
    // Shards are independent and encoded in parallel; a term with a long list gets a file of
    // its own, b/<shard>-<k>.bin, numbered within its shard.
    java.util.concurrent.atomic.AtomicReference<IOException> failure = new java.util.concurrent.atomic.AtomicReference<>();
    java.util.stream.IntStream.range(0, shards).parallel().forEach(s -> {
      List<String> names = byShard.get(s);
      java.util.Collections.sort(names);
      ByteWriter shard = new ByteWriter(SHARD_TARGET_BYTES);
      ByteWriter one = new ByteWriter(256);
      int own = 0;
      try {
        for (String term : names) {
          one.reset();
          encode(tables, words, terms.get(term), one);
          shard.string(term);
          if (one.size() <= OWN_FILE_BYTES) {
            shard.put((byte) 0);
            shard.append(one);
          } else {
            shard.put((byte) 1);
            shard.varint(own);
            counting.write("search/b/" + s + "-" + own + ".bin", one.toByteArray());
            own++;
          }
        }
        counting.write("search/s/" + s + ".bin", shard.toByteArray());
      } catch (IOException e) {
        failure.compareAndSet(null, e);
      }
    });
    if (failure.get() != null) {
      throw failure.get();
    }

    writeVocabulary(terms, tables, counting);
    writeDocuments(pages, counting);
    writeFacetsAndIndex(pages, shards, counting);
    try (InputStream in = SearchIndexWriter.class.getResourceAsStream("search.js")) {
      if (in == null) {
        throw new IOException("search.js is missing from the jar");
      }
      counting.write("search/search.js", in.readAllBytes());
    }
    return new Stats(pages.size(), terms.size(), files.get(), bytes.get());
  }

  /**
   * A document's fields as word numbers: the title, then the summary when the body does not
   * already begin with it (most summaries are the first paragraph, which would otherwise count
   * twice), then the body.
   */
  static int[][] fields(Words words, String titleText, String summaryText, String bodyText) {
    int[] title = words.numbers(titleText);
    int[] summary = words.numbers(summaryText);
    int[] body = words.numbers(bodyText);
    boolean repeated = summary.length <= body.length && Arrays.equals(summary, 0, summary.length, body, 0, summary.length);
    return repeated ? new int[][] {title, body} : new int[][] {title, summary, body};
  }

  /**
   * Numbers for words: each written form ({@code đại}) gets one, and so does each folded form
   * ({@code dai}). Numbering runs in parallel, so numbers differ between runs; nothing written
   * depends on them (terms are sorted by their text, written forms kept in document order).
   */
  static final class Words {
    private final ConcurrentHashMap<String, Long> ids = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<String, Integer> foldedIds = new ConcurrentHashMap<>();
    private final AtomicInteger nextMarked = new AtomicInteger();
    private final AtomicInteger nextFolded = new AtomicInteger();
    String[] marked;
    String[] folded;
    int[] foldedOf;

    /** The written-form numbers of the words of {@code text}. */
    int[] numbers(String text) {
      int[][] out = {new int[64]};
      int[] n = {0};
      SearchText.wordsOfClean(text, w -> {
        long id = ids.computeIfAbsent(w, k -> {
          int f = foldedIds.computeIfAbsent(VietnameseText.fold(k), x -> nextFolded.getAndIncrement());
          return ((long) nextMarked.getAndIncrement() << 32) | f;
        });
        if (n[0] == out[0].length) {
          out[0] = Arrays.copyOf(out[0], n[0] * 2);
        }
        out[0][n[0]++] = (int) (id >>> 32);
      });
      return Arrays.copyOf(out[0], n[0]);
    }

    /** After numbering: the tables from numbers back to text. */
    void freeze() {
      marked = new String[nextMarked.get()];
      folded = new String[nextFolded.get()];
      foldedOf = new int[marked.length];
      ids.forEach((w, id) -> {
        marked[(int) (id >>> 32)] = w;
        foldedOf[(int) (id >>> 32)] = (int) (long) id;
      });
      foldedIds.forEach((w, id) -> folded[id] = w);
    }

    /** A term's key: a folded word's number, or both numbers of a pair (the first plus one). */
    static long key(int first, int second) {
      return first < 0 ? second : ((long) (first + 1) << 32) | second;
    }

    String term(long key) {
      return key >>> 32 == 0 ? folded[(int) key] : folded[(int) (key >>> 32) - 1] + " " + folded[(int) key];
    }

    String variant(long key) {
      return key >>> 32 == 0 ? marked[(int) key] : marked[(int) (key >>> 32) - 1] + " " + marked[(int) key];
    }
  }

  private static void addField(TermTable table, Words words, int doc, boolean title, int[] tokens, int worker,
      int workers) {
    int previousMarked = -1;
    int previousFolded = -1;
    for (int m : tokens) {
      int f = words.foldedOf[m];
      long unigram = Words.key(-1, f);
      if (owner(unigram, workers) == worker) {
        table.add(unigram, doc, title, Words.key(-1, m));
      }
      if (previousFolded >= 0) {
        long pair = Words.key(previousFolded, f);
        if (owner(pair, workers) == worker) {
          table.add(pair, doc, title, Words.key(previousMarked, m));
        }
      }
      previousMarked = m;
      previousFolded = f;
    }
  }

  private static int owner(long key, int workers) {
    return workers == 1 ? 0 : (int) (((key * 0x9E3779B97F4A7C15L) >>> 40) % workers);
  }

  /** The posting list of term {@code ref} (worker and number) in the format of the class comment. */
  static void encode(TermTable[] tables, Words words, long ref, ByteWriter out) {
    TermTable table = tables[(int) (ref >>> 32)];
    int t = (int) ref;
    int count = table.variantCounts[t];
    out.varint(count);
    for (int i = 0; i < count; i++) {
      out.string(words.variant(table.variants[t][i]));
    }
    out.varint(table.counts[t]);
    TermTable.Posting p = new TermTable.Posting();
    int[] previous = {0};
    table.postings(t, p, () -> {
      out.varint(p.doc - previous[0]);
      previous[0] = p.doc;
      out.put((byte) p.flags);
      if (count > 1) {
        out.varint(p.variants);
      }
    });
  }

  private static void writeVocabulary(Map<String, Long> terms, TermTable[] tables, Sink sink) throws IOException {
    Map<String, List<String>> byPrefix = new TreeMap<>();
    for (String t : terms.keySet()) {
      if (t.length() >= 2 && t.indexOf(' ') < 0 && isPrefixChar(t.charAt(0)) && isPrefixChar(t.charAt(1))) {
        byPrefix.computeIfAbsent(t.substring(0, 2), k -> new ArrayList<>()).add(t);
      }
    }
    ToIntFunction<String> df = t -> {
      long ref = terms.get(t);
      return tables[(int) (ref >>> 32)].counts[(int) ref];
    };
    for (Map.Entry<String, List<String>> e : byPrefix.entrySet()) {
      List<String> list = e.getValue();
      list.sort((a, b) -> {
        int da = df.applyAsInt(a);
        int db = df.applyAsInt(b);
        return da != db ? Integer.compare(db, da) : a.compareTo(b);
      });
      StringBuilder s = new StringBuilder();
      for (String t : list) {
        s.append(t).append(' ').append(df.applyAsInt(t)).append('\n');
      }
      sink.write("search/v/" + e.getKey() + ".txt", s.toString().getBytes(StandardCharsets.UTF_8));
    }
  }

  static boolean isPrefixChar(char c) {
    return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
  }

  private static void writeDocuments(List<ArticlePage> pages, Sink sink) throws IOException {
    try {
      java.util.stream.IntStream.range(0, pages.size()).parallel().forEach(doc -> {
        ArticlePage p = pages.get(doc);
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("url", p.path());
        d.put("title", p.title());
        d.put("date", p.article().date().toLocalDate().toString());
        d.put("category", p.categories().isEmpty() ? "" : p.categories().get(0).name());
        d.put("excerpt", excerpt(p.summary()));
        try {
          sink.write("search/d/" + doc / 1000 + "/" + doc + ".json", Json.write(d).getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
          throw new java.io.UncheckedIOException(e);
        }
      });
    } catch (java.io.UncheckedIOException e) {
      throw e.getCause();
    }
  }

  private static String excerpt(String text) {
    return VietnameseText.shorten(text, EXCERPT_LENGTH);
  }

  private static void writeFacetsAndIndex(List<ArticlePage> pages, int shards, Sink sink) throws IOException {
    Map<String, Object> index = new LinkedHashMap<>();
    index.put("format", FORMAT);
    index.put("documents", pages.size());
    index.put("shards", shards);
    List<Object> years = new ArrayList<>();
    for (int doc = 0; doc < pages.size(); ) {
      int year = pages.get(doc).article().date().getYear();
      int end = doc;
      while (end < pages.size() && pages.get(end).article().date().getYear() == year) {
        end++;
      }
      years.add(List.of(year, doc, end));
      doc = end;
    }
    index.put("years", years);
    for (String facet : FACETS) {
      Map<String, List<Integer>> members = new TreeMap<>();
      for (int doc = 0; doc < pages.size(); doc++) {
        for (String value : facetValues(pages.get(doc), facet)) {
          members.computeIfAbsent(value, k -> new ArrayList<>()).add(doc);
        }
      }
      List<String> names = new ArrayList<>(members.keySet());
      for (int i = 0; i < names.size(); i++) {
        List<Integer> ids = members.get(names.get(i));
        ByteWriter w = new ByteWriter(ids.size() * 2 + 4);
        w.varint(ids.size());
        for (int k = 0; k < ids.size(); k++) {
          w.varint(k == 0 ? ids.get(0) : ids.get(k) - ids.get(k - 1));
        }
        sink.write("search/f/" + facet + "-" + i + ".bin", w.toByteArray());
      }
      index.put(facet, names);
    }
    sink.write("search/index.json", Json.write(index).getBytes(StandardCharsets.UTF_8));
  }

  static List<String> facetValues(ArticlePage p, String facet) {
    return switch (facet) {
      case "category" -> p.categories().stream().map(vn.luutru.site.Link::name).toList();
      case "organization" -> p.congress() == null ? List.of() : List.of(p.congress().organization().name());
      case "term" -> p.congress() == null ? List.of() : List.of(p.congress().term().name());
      default -> throw new IllegalArgumentException(facet);
    };
  }
}
