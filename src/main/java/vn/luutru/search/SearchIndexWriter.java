package vn.luutru.search;

import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.IntStream;
import vn.luutru.content.Congress;
import vn.luutru.content.Person;
import vn.luutru.content.VietnameseText;
import vn.luutru.internal.ByteWriter;
import vn.luutru.internal.Json;
import vn.luutru.site.ArticlePage;

/**
 * Writes the search index for a site into {@code search/}, beside {@code search.js}.
 *
 * <p>Documents are numbered oldest first (document 0 is the oldest article in the site's order), so
 * that one more article is one more number and the others' files stay as they were: "newer" is
 * "larger number", a year is a range of numbers, and sorting by date needs no data. Terms are
 * folded syllables ({@code dai}) and pairs of adjacent syllables ({@code dai hoi}): a query of
 * several words looks up its pairs first, which are phrase matches and far shorter lists than
 * common syllables. Each posting keeps which written forms ({@code đại}, {@code dài}) the document
 * uses, so that a query typed with marks ranks exact matches first.
 *
 * <p>The terms are written in segments, runs of documents cut by {@link Segments} from their number
 * alone: one more article rewrites the tail segment's files only, and now and then merges the small
 * segments into a larger one. A query reads a term's list in every segment, in parallel, and puts
 * them one after the other.
 *
 * <p>Files, all small, so that a query fetches only what its words need:
 *
 * <ul>
 *   <li>{@code index.json}: counts, the segments as {@code [first, end, shards]}, year ranges, the
 *       sizes most thumbnails have, facet names
 *   <li>{@code s/<first>/<n>.bin}: the terms of the segment starting at document {@code first}
 *       whose FNV-1a hash falls in shard n (the hash modulo the segment's shards, a power of two),
 *       with their postings, or for a long list the number k of its own file {@code
 *       b/<first>/<n>-<k>.bin}
 *   <li>{@code v/<ab>.txt}: the syllables starting with {@code ab}, one a line, those in more
 *       documents first (by powers of two, then in the order of their text), for completing the
 *       last word typed
 *   <li>{@code d/<n/1000>/<n>.json}: what a result shows: address, title, date, category, excerpt
 *       source (the start of the summary, of which a result shows half, around the match), the
 *       people a congress report names ({@code people}: {@code [name, role]}, elected first), and
 *       the thumbnail when the article has a photo ({@code thumb}, see {@link ResultThumbnails};
 *       the sizes most thumbnails share are {@code thumbs} in {@code index.json})
 *   <li>{@code f/<facet>-<i>.bin}: the documents of one category, organisation or term, its values
 *       numbered in the order of their first document
 * </ul>
 *
 * Binary files are unsigned LEB128 varints; strings are a varint byte length and UTF-8. A posting
 * list is: variant count, variants, posting count, then per posting the document number (the first
 * absolute, the rest as differences), a flags byte (bit 4: in the title; bits 0–3: occurrences in
 * the body, at most 15), and, when there are several variants, a varint bit set of the variants the
 * document uses (variant 23 and later share bit 23). Variants are numbered within each segment's
 * list. {@code years} lists {@code [year, first, end)} runs of document numbers; a year can have
 * several.
 */
public final class SearchIndexWriter {
  public static final int FORMAT = 2;

  /**
   * The size shards aim at in a segment of fewer than {@link #LARGE_SEGMENT} documents, and twice
   * that in larger ones: a query fetches a shard of every segment for each of its terms.
   */
  static final int SHARD_TARGET_BYTES = 512;

  static final int LARGE_SEGMENT = 2048;

  /**
   * The most shards of the tail, the segment of the newest documents that every new article
   * rewrites.
   */
  static final int TAIL_SHARDS = 32;

  static final int OWN_FILE_BYTES = 2048;

  /**
   * The characters of the summary a document's file keeps: twice what a result shows, so that
   * {@code search.js} can show the part around the match.
   */
  static final int EXCERPT_LENGTH = 480;

  static final String[] FACETS = {"category", "organization", "term"};

  private SearchIndexWriter() {}

  /** Where index files go, by path relative to the site root. */
  @FunctionalInterface
  public interface Sink {
    void write(String file, byte[] content) throws IOException;
  }

  /**
   * What was written: documents, terms (a term counted once in each segment that has it), files and
   * bytes.
   */
  public record Stats(int documents, int terms, int files, long bytes) {}

  /** FNV-1a over the UTF-8 bytes of {@code term}; {@code search.js} computes the same. */
  static int hash(String term) {
    return fnv(0x811c9dc5, term.getBytes(StandardCharsets.UTF_8));
  }

  /**
   * Writes the index of {@code pages}, reading each page's title, summary and text. The pages of a
   * one-off build have no text (it went to the build's {@link DocumentWords}): index those with
   * {@link #write(List, DocumentWords, Sink)}.
   */
  public static Stats write(List<ArticlePage> pages, Sink sink) throws IOException {
    DocumentWords words = new DocumentWords(pages.size());
    IntStream.range(0, pages.size())
        .parallel()
        .forEach(
            doc -> {
              ArticlePage p = pages.get(doc);
              words.add(doc, p.title(), p.article().summary(), p.text());
            });
    return write(pages, words, sink);
  }

  /**
   * Writes the index of {@code pages}, whose words {@code words} has already read (document n is
   * {@code pages.get(n)}); the pages' own text is not looked at.
   */
  public static Stats write(List<ArticlePage> pages, DocumentWords words, Sink sink)
      throws IOException {
    return write(pages, words, sink, new LinkedHashMap<>());
  }

  /**
   * As {@link #write(List, DocumentWords, Sink)}, putting how long each part took, in ms, into
   * {@code timings}: {@code words} (merging the threads' numbers), {@code postings}, {@code terms}
   * (the shards and long lists) and {@code files} (vocabulary, facets, and the rest of the
   * documents' files, which a thread of their own writes from the start).
   */
  public static Stats write(
      List<ArticlePage> pages, DocumentWords words, Sink sink, Map<String, Long> timings)
      throws IOException {
    return write(pages, words, sink, timings, Segments.DEFAULT);
  }

  /**
   * As {@link #write(List, DocumentWords, Sink, Map)}, cutting the documents into {@code tiers}.
   */
  static Stats write(
      List<ArticlePage> pages,
      DocumentWords words,
      Sink sink,
      Map<String, Long> timings,
      Segments tiers)
      throws IOException {
    if (words.documents() != pages.size()) {
      throw new IllegalArgumentException(
          Messages.get("search.documents-mismatch", words.documents(), pages.size()));
    }
    AtomicInteger files = new AtomicInteger();
    AtomicLong bytes = new AtomicLong();
    Sink counting =
        (file, content) -> {
          files.incrementAndGet();
          bytes.addAndGet(content.length);
          sink.write(file, content);
        };
    // The index numbers documents oldest first: one more article is one more number, and the
    // files of the others stay as they were.
    List<ArticlePage> oldestFirst = new ArrayList<>(pages);
    Collections.reverse(oldestFirst);
    // The documents' files need nothing of the terms: a thread of their own writes them
    // meanwhile, in the moments the terms' steps leave a core idle.
    ResultThumbnails thumbnails =
        ResultThumbnails.of(oldestFirst.stream().map(ArticlePage::thumbnail).toList());
    FutureTask<Void> documents =
        new FutureTask<>(
            () -> {
              writeDocuments(oldestFirst, thumbnails, counting);
              return null;
            });
    Thread documentWriter = new Thread(documents, "luutru-search-documents");
    documentWriter.setDaemon(true);
    documentWriter.start();
    try {
      Terms terms = writeTerms(words, tiers, counting, timings);
      long start = System.nanoTime();
      writeVocabulary(words, terms.documentsOf(), counting);
      writeFacetsAndIndex(oldestFirst, terms.segments(), thumbnails, counting);
      try (InputStream in = SearchIndexWriter.class.getResourceAsStream("search.js")) {
        if (in == null) {
          throw new IOException(Messages.get("search.missing-script"));
        }
        counting.write("search/search.js", in.readAllBytes());
      }
      await(documents);
      lap(timings, "files", start);
      return new Stats(pages.size(), terms.count(), files.get(), bytes.get());
    } finally {
      // Never leave the thread writing into a folder that a failed build deletes.
      awaitQuietly(documentWriter);
    }
  }

  /** A segment as {@code index.json} lists it: its documents and how many shards it has. */
  private record Written(Segments.Segment segment, int shards) {}

  /**
   * The segments written, how many terms (a term counted in each segment that has it), and for each
   * folded word how many documents have it.
   */
  private record Terms(List<Written> segments, int count, int[] documentsOf) {}

  /**
   * Numbers the words, then for each segment makes its terms' lists and writes its shards and long
   * lists, putting the time of each step into {@code timings}.
   */
  private static Terms writeTerms(
      DocumentWords words, Segments tiers, Sink counting, Map<String, Long> timings)
      throws IOException {
    long start = System.nanoTime();
    // 1. Words to numbers: merge what the threads numbered.
    words.freeze();
    words.reverse();
    start = lap(timings, "words", start);
    TermHashes hashes = new TermHashes(words);
    int[] documentsOf = new int[words.folded.length];
    List<Written> written = new ArrayList<>();
    int terms = 0;
    long postings = 0;
    long shards = 0;
    for (Segments.Segment segment : tiers.of(words.documents())) {
      // 2. Each term's list, in parallel: see Postings.
      Postings.TermLists[] tables =
          Postings.build(words, hashes::writeVariant, segment.start(), segment.end());
      long made = System.nanoTime();
      postings += made - start;
      // 3. The segment's shards and long lists.
      boolean tail = segment.end() - segment.start() < tiers.unit();
      written.add(
          new Written(
              segment,
              writeShards(
                  tables, hashes, segment, tail ? TAIL_SHARDS : Integer.MAX_VALUE, counting)));
      for (Postings.TermLists table : tables) {
        terms += table.size();
        for (int t = 0; t < table.size(); t++) {
          long key = table.key(t);
          if (key >>> 32 == 0) {
            documentsOf[(int) key] += table.count(t);
          }
        }
      }
      start = System.nanoTime();
      shards += start - made;
    }
    timings.put("postings", postings / 1_000_000);
    timings.put("terms", shards / 1_000_000);
    return new Terms(List.copyOf(written), terms, documentsOf);
  }

  /**
   * Writes a segment's shards, {@code s/<start>/<n>.bin}, and its long lists, {@code
   * b/<start>/<n>-<k>.bin}: how many shards, a power of two that keeps them near {@link
   * #shardBytes}, at most {@code maxShards}.
   */
  private static int writeShards(
      Postings.TermLists[] tables,
      TermHashes hashes,
      Segments.Segment segment,
      int maxShards,
      Sink counting)
      throws IOException {
    // A term's shard is its hash, computed from its words' bytes without making the term itself;
    // only a shard being written makes its terms' text. Each part's terms on a thread: the size
    // estimate, then each term's hash.
    long estimate =
        IntStream.range(0, tables.length)
            .parallel()
            .mapToLong(
                w -> {
                  Postings.TermLists table = tables[w];
                  long sum = 0;
                  for (int t = 0; t < table.size(); t++) {
                    long size = table.count(t) * 3L + hashes.length(table.key(t)) + 8;
                    if (size <= OWN_FILE_BYTES) {
                      sum += size;
                    }
                  }
                  return sum;
                })
            .sum();
    int shards = 1;
    int target = shardBytes(segment);
    while ((long) shards * target < estimate && shards < maxShards) {
      shards *= 2;
    }
    int mask = shards - 1;
    int[][] hashOf = new int[tables.length][];
    IntStream.range(0, tables.length)
        .parallel()
        .forEach(
            w -> {
              Postings.TermLists table = tables[w];
              int[] h = new int[table.size()];
              for (int t = 0; t < h.length; t++) {
                h[t] = hashes.hash(table.key(t));
              }
              hashOf[w] = h;
            });
    int[] shardSize = new int[shards];
    for (int[] h : hashOf) {
      for (int x : h) {
        shardSize[x & mask]++;
      }
    }
    long[][] byShard = new long[shards][];
    for (int s = 0; s < shards; s++) {
      byShard[s] = new long[shardSize[s]];
      shardSize[s] = 0;
    }
    for (int w = 0; w < tables.length; w++) {
      int[] h = hashOf[w];
      for (int t = 0; t < h.length; t++) {
        int s = h[t] & mask;
        byShard[s][shardSize[s]++] = ((long) w << 32) | t;
      }
      hashOf[w] = null;
    }
    String shardPrefix = "search/s/" + segment.start() + "/";
    String listPrefix = "search/b/" + segment.start() + "/";
    // Shards are independent and encoded in parallel; a term with a long list gets a file of
    // its own, b/<start>/<shard>-<k>.bin, numbered within its shard.
    AtomicReference<IOException> failure = new AtomicReference<>();
    IntStream.range(0, shards)
        .parallel()
        .forEach(
            s -> {
              long[] refs = byShard[s];
              long[] keys = new long[refs.length];
              // The terms in the order of their text: each has a sort key of its own.
              long[] sortKeys = new long[refs.length];
              for (int k = 0; k < refs.length; k++) {
                keys[k] = tables[(int) (refs[k] >>> 32)].key((int) refs[k]);
                sortKeys[k] = hashes.sortKey(keys[k]);
              }
              long[] sorted = sortKeys.clone();
              Arrays.sort(sorted);
              for (int k = 1; k < sorted.length; k++) {
                if (sorted[k] == sorted[k - 1]) {
                  // Each term is placed by its key below: two the same would leave one out.
                  throw new IllegalStateException("two terms of shard " + s + " sort the same");
                }
              }
              int[] order = new int[refs.length];
              for (int k = 0; k < refs.length; k++) {
                order[Arrays.binarySearch(sorted, sortKeys[k])] = k;
              }
              ByteWriter shard = new ByteWriter(2 * target);
              int own = 0;
              try {
                for (int k : order) {
                  Postings.TermLists table = tables[(int) (refs[k] >>> 32)];
                  int t = (int) refs[k];
                  hashes.writeTerm(keys[k], shard);
                  if (table.length(t) <= OWN_FILE_BYTES) {
                    shard.put((byte) 0);
                    table.write(t, shard);
                  } else {
                    shard.put((byte) 1);
                    shard.varint(own);
                    counting.write(listPrefix + s + "-" + own + ".bin", table.list(t));
                    own++;
                  }
                }
                counting.write(shardPrefix + s + ".bin", shard.toByteArray());
              } catch (IOException e) {
                failure.compareAndSet(null, e);
              }
            });
    if (failure.get() != null) {
      throw failure.get();
    }
    return shards;
  }

  /** The size {@code segment}'s shards aim at. */
  static int shardBytes(Segments.Segment segment) {
    return segment.end() - segment.start() < LARGE_SEGMENT
        ? SHARD_TARGET_BYTES
        : 2 * SHARD_TARGET_BYTES;
  }

  /** Waits for {@code thread} to end, keeping an interruption for later. */
  private static void awaitQuietly(Thread thread) {
    boolean interrupted = false;
    while (thread.isAlive()) {
      try {
        thread.join();
      } catch (InterruptedException e) {
        interrupted = true;
      }
    }
    if (interrupted) {
      Thread.currentThread().interrupt();
    }
  }

  /** The outcome of a task: its failure thrown as it was. */
  private static void await(FutureTask<Void> task) throws IOException {
    try {
      task.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new InterruptedIOException(Messages.get("search.interrupted"));
    } catch (ExecutionException e) {
      if (e.getCause() instanceof IOException io) {
        throw io;
      } else if (e.getCause() instanceof RuntimeException r) {
        throw r;
      } else if (e.getCause() instanceof Error error) {
        throw error;
      }
      throw new IllegalStateException(e.getCause());
    }
  }

  private static long lap(Map<String, Long> timings, String part, long since) {
    long now = System.nanoTime();
    timings.put(part, (now - since) / 1_000_000);
    return now;
  }

  /**
   * Terms and written forms as UTF-8 by their keys, and {@link #hash} and the length in characters
   * of terms, from each word's bytes made once: FNV-1a goes byte by byte, so a pair's hash goes on
   * from its first word's and a space.
   */
  static final class TermHashes {
    private final byte[][] utf8;
    private final byte[][] markedUtf8;
    private final int[] single;
    private final int[] withSpace;
    private final int[] chars;

    /** Each folded word's place in the order of their text. */
    private final int[] rank;

    TermHashes(DocumentWords words) {
      String[] folded = words.folded;
      utf8 = new byte[folded.length][];
      single = new int[folded.length];
      withSpace = new int[folded.length];
      chars = new int[folded.length];
      IntStream.range(0, folded.length)
          .parallel()
          .forEach(
              f -> {
                utf8[f] = folded[f].getBytes(StandardCharsets.UTF_8);
                single[f] = fnv(0x811c9dc5, utf8[f]);
                withSpace[f] = (single[f] ^ ' ') * 16777619;
                chars[f] = folded[f].length();
              });
      Integer[] byText = new Integer[folded.length];
      Arrays.setAll(byText, f -> f);
      Arrays.parallelSort(byText, (a, b) -> folded[a].compareTo(folded[b]));
      rank = new int[folded.length];
      for (int r = 0; r < byText.length; r++) {
        rank[byText[r]] = r;
      }
      markedUtf8 = new byte[words.marked.length][];
      IntStream.range(0, markedUtf8.length)
          .parallel()
          .forEach(m -> markedUtf8[m] = words.marked[m].getBytes(StandardCharsets.UTF_8));
    }

    int hash(long key) {
      int second = (int) key;
      return key >>> 32 == 0
          ? single[second]
          : fnv(withSpace[(int) (key >>> 32) - 1], utf8[second]);
    }

    int length(long key) {
      int second = (int) key;
      return key >>> 32 == 0 ? chars[second] : chars[(int) (key >>> 32) - 1] + 1 + chars[second];
    }

    /**
     * A term's place in the order of the terms' text ({@link String#compareTo}), no two terms the
     * same: a pair after its first word alone and before any longer word that word begins (a space
     * sorts before every letter and digit), so by the rank of its first word, then its second.
     */
    long sortKey(long key) {
      int second = (int) key;
      return key >>> 32 == 0
          ? (long) rank[second] << 32
          : ((long) rank[(int) (key >>> 32) - 1] << 32) | (rank[second] + 1L);
    }

    /**
     * The term of {@code key} as the index writes it: a byte length, then {@code dai} or {@code dai
     * hoi} in UTF-8.
     */
    void writeTerm(long key, ByteWriter out) {
      join(utf8, key, out);
    }

    /** A written form likewise: {@code đại} or {@code đại hội}. */
    void writeVariant(long key, ByteWriter out) {
      join(markedUtf8, key, out);
    }

    private static void join(byte[][] words, long key, ByteWriter out) {
      byte[] second = words[(int) key];
      if (key >>> 32 == 0) {
        out.varint(second.length);
        out.bytes(second, 0, second.length);
        return;
      }
      byte[] first = words[(int) (key >>> 32) - 1];
      out.varint(first.length + 1 + second.length);
      out.bytes(first, 0, first.length);
      out.put((byte) ' ');
      out.bytes(second, 0, second.length);
    }
  }

  private static int fnv(int h, byte[] bytes) {
    for (byte b : bytes) {
      h ^= b & 0xFF;
      h *= 16777619;
    }
    return h;
  }

  /**
   * {@code v/<ab>.txt}: the single words starting with {@code ab}, one a line, those in more
   * documents first by powers of two (in 2 to 3 documents, then 4 to 7, …), then in the order of
   * their text: one more document moves a word only when its count reaches a power of two.
   */
  private static void writeVocabulary(DocumentWords words, int[] documentsOf, Sink sink)
      throws IOException {
    Map<String, List<Integer>> byPrefix = new TreeMap<>();
    for (int f = 0; f < documentsOf.length; f++) {
      String w = words.folded[f];
      if (documentsOf[f] > 0
          && w.length() >= 2
          && isPrefixChar(w.charAt(0))
          && isPrefixChar(w.charAt(1))) {
        byPrefix.computeIfAbsent(w.substring(0, 2), k -> new ArrayList<>()).add(f);
      }
    }
    for (Map.Entry<String, List<Integer>> e : byPrefix.entrySet()) {
      List<Integer> list = e.getValue();
      list.sort(
          Comparator.comparingInt((Integer f) -> Integer.numberOfLeadingZeros(documentsOf[f]))
              .thenComparing(f -> words.folded[f]));
      StringBuilder s = new StringBuilder();
      for (int f : list) {
        s.append(words.folded[f]).append('\n');
      }
      sink.write("search/v/" + e.getKey() + ".txt", s.toString().getBytes(StandardCharsets.UTF_8));
    }
  }

  static boolean isPrefixChar(char c) {
    return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
  }

  private static void writeDocuments(
      List<ArticlePage> pages, ResultThumbnails thumbnails, Sink sink) throws IOException {
    for (int doc = 0; doc < pages.size(); doc++) {
      ArticlePage p = pages.get(doc);
      Map<String, Object> d = new LinkedHashMap<>();
      d.put("url", p.path());
      d.put("title", p.title());
      d.put("date", p.article().date().toLocalDate().toString());
      d.put("category", p.categories().isEmpty() ? "" : p.categories().get(0).name());
      d.put("excerpt", excerpt(p.summary()));
      if (p.congress() != null) {
        List<List<String>> people = people(p.congress().congress());
        if (!people.isEmpty()) {
          d.put("people", people);
        }
      }
      p.thumbnail().flatMap(thumbnails::entry).ifPresent(t -> d.put("thumb", t));
      sink.write(
          "search/d/" + doc / 1000 + "/" + doc + ".json",
          Json.write(d).getBytes(StandardCharsets.UTF_8));
    }
  }

  /**
   * The people a congress report names, elected first, as {@code [name, role]} (the role empty when
   * the report gives none): a result for a person's name shows the person's role.
   */
  static List<List<String>> people(Congress congress) {
    List<List<String>> out = new ArrayList<>();
    for (List<Person> list : List.of(congress.elected(), congress.directedBy())) {
      for (Person person : list) {
        out.add(List.of(person.name(), person.role()));
      }
    }
    return List.copyOf(out);
  }

  private static String excerpt(String text) {
    return VietnameseText.shorten(text, EXCERPT_LENGTH);
  }

  /**
   * {@code f/<facet>-<i>.bin} and {@code index.json}. A facet's values are numbered in the order of
   * their first document, so that a value new with the newest document takes the next number.
   */
  private static void writeFacetsAndIndex(
      List<ArticlePage> oldestFirst, List<Written> segments, ResultThumbnails thumbnails, Sink sink)
      throws IOException {
    Map<String, Object> index = new LinkedHashMap<>();
    index.put("format", FORMAT);
    index.put("documents", oldestFirst.size());
    index.put(
        "segments",
        segments.stream()
            .map(w -> List.of(w.segment().start(), w.segment().end(), w.shards()))
            .toList());
    List<Object> years = new ArrayList<>();
    for (int doc = 0; doc < oldestFirst.size(); ) {
      int year = oldestFirst.get(doc).article().date().getYear();
      int end = doc;
      while (end < oldestFirst.size() && oldestFirst.get(end).article().date().getYear() == year) {
        end++;
      }
      years.add(List.of(year, doc, end));
      doc = end;
    }
    index.put("years", years);
    if (!thumbnails.common().isEmpty()) {
      index.put("thumbs", thumbnails.common());
    }
    for (String facet : FACETS) {
      Map<String, List<Integer>> members = new LinkedHashMap<>();
      for (int doc = 0; doc < oldestFirst.size(); doc++) {
        for (String value : facetValues(oldestFirst.get(doc), facet)) {
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
      case "organization" ->
          p.congress() == null ? List.of() : List.of(p.congress().organization().name());
      case "term" -> p.congress() == null ? List.of() : List.of(p.congress().term().name());
      default -> throw new IllegalArgumentException(facet);
    };
  }
}
