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
 *       or for a long list the number of its own file {@code b/<k>.bin}
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
 * bit set of the variants the document uses (variant 31 and later share bit 31).
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

  /** Postings of one term, appended in document order. */
  static final class Postings {
    int[] docs = new int[4];
    byte[] flags = new byte[4];
    int[] variantBits = new int[4];
    int size;
    final List<String> variants = new ArrayList<>(2);
    Map<String, Integer> variantIndex;

    void add(int doc, boolean title, String variant) {
      if (size == 0 || docs[size - 1] != doc) {
        if (size == docs.length) {
          int n = size * 2;
          docs = java.util.Arrays.copyOf(docs, n);
          flags = java.util.Arrays.copyOf(flags, n);
          variantBits = java.util.Arrays.copyOf(variantBits, n);
        }
        docs[size] = doc;
        flags[size] = 0;
        variantBits[size] = 0;
        size++;
      }
      int i = size - 1;
      if (title) {
        flags[i] |= 0x10;
      } else if ((flags[i] & 0x0F) < 15) {
        flags[i]++;
      }
      variantBits[i] |= 1 << Math.min(31, variant(variant));
    }

    private int variant(String v) {
      if (variants.size() < 4 && variantIndex == null) {
        int at = variants.indexOf(v);
        if (at >= 0) {
          return at;
        }
        variants.add(v);
        return variants.size() - 1;
      }
      if (variantIndex == null) {
        variantIndex = new HashMap<>();
        for (int k = 0; k < variants.size(); k++) {
          variantIndex.put(variants.get(k), k);
        }
      }
      Integer at = variantIndex.get(v);
      if (at != null) {
        return at;
      }
      variants.add(v);
      variantIndex.put(v, variants.size() - 1);
      return variants.size() - 1;
    }

    void encode(ByteWriter out) {
      out.varint(variants.size());
      for (String v : variants) {
        out.string(v);
      }
      out.varint(size);
      for (int i = 0; i < size; i++) {
        out.varint(i == 0 ? docs[0] : docs[i] - docs[i - 1]);
        out.put(flags[i]);
        if (variants.size() > 1) {
          out.varint(variantBits[i]);
        }
      }
    }
  }

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
    Map<String, Postings> terms = new HashMap<>();
    for (int doc = 0; doc < pages.size(); doc++) {
      ArticlePage p = pages.get(doc);
      addField(terms, doc, true, SearchText.tokens(p.title()));
      addField(terms, doc, false, SearchText.tokens(p.article().summary()));
      addField(terms, doc, false, SearchText.tokens(p.text()));
    }
    int[] files = {0};
    long[] bytes = {0};
    Sink counting = (file, content) -> {
      files[0]++;
      bytes[0] += content.length;
      sink.write(file, content);
    };

    TreeMap<String, Postings> sorted = new TreeMap<>(terms);
    Map<String, ByteWriter> encoded = new LinkedHashMap<>();
    long inlineBytes = 0;
    for (Map.Entry<String, Postings> e : sorted.entrySet()) {
      ByteWriter w = new ByteWriter(16 + e.getValue().size * 3);
      e.getValue().encode(w);
      encoded.put(e.getKey(), w);
      if (w.size() <= OWN_FILE_BYTES) {
        inlineBytes += w.size() + e.getKey().length() + 2;
      }
    }
    int shards = 16;
    while ((long) shards * SHARD_TARGET_BYTES < inlineBytes) {
      shards *= 2;
    }
    ByteWriter[] shardData = new ByteWriter[shards];
    int ownFiles = 0;
    for (Map.Entry<String, ByteWriter> e : encoded.entrySet()) {
      int s = hash(e.getKey()) & (shards - 1);
      if (shardData[s] == null) {
        shardData[s] = new ByteWriter(SHARD_TARGET_BYTES);
      }
      ByteWriter shard = shardData[s];
      shard.string(e.getKey());
      if (e.getValue().size() <= OWN_FILE_BYTES) {
        shard.put((byte) 0);
        shard.append(e.getValue());
      } else {
        shard.put((byte) 1);
        shard.varint(ownFiles);
        counting.write("search/b/" + ownFiles + ".bin", e.getValue().toByteArray());
        ownFiles++;
      }
    }
    for (int s = 0; s < shards; s++) {
      counting.write("search/s/" + s + ".bin", shardData[s] == null ? new byte[0] : shardData[s].toByteArray());
    }

    writeVocabulary(sorted, counting);
    writeDocuments(pages, counting);
    writeFacetsAndIndex(pages, shards, counting);
    try (InputStream in = SearchIndexWriter.class.getResourceAsStream("search.js")) {
      if (in == null) {
        throw new IOException("search.js is missing from the jar");
      }
      counting.write("search/search.js", in.readAllBytes());
    }
    return new Stats(pages.size(), terms.size(), files[0], bytes[0]);
  }

  private static void addField(Map<String, Postings> terms, int doc, boolean title, List<SearchText.Token> tokens) {
    SearchText.Token previous = null;
    for (SearchText.Token t : tokens) {
      terms.computeIfAbsent(t.folded(), k -> new Postings()).add(doc, title, t.marked());
      if (previous != null) {
        terms.computeIfAbsent(previous.folded() + " " + t.folded(), k -> new Postings())
            .add(doc, title, previous.marked() + " " + t.marked());
      }
      previous = t;
    }
  }

  private static void writeVocabulary(TreeMap<String, Postings> terms, Sink sink) throws IOException {
    Map<String, List<Map.Entry<String, Postings>>> byPrefix = new TreeMap<>();
    for (Map.Entry<String, Postings> e : terms.entrySet()) {
      String t = e.getKey();
      if (t.length() >= 2 && t.indexOf(' ') < 0 && isPrefixChar(t.charAt(0)) && isPrefixChar(t.charAt(1))) {
        byPrefix.computeIfAbsent(t.substring(0, 2), k -> new ArrayList<>()).add(e);
      }
    }
    for (Map.Entry<String, List<Map.Entry<String, Postings>>> e : byPrefix.entrySet()) {
      List<Map.Entry<String, Postings>> list = e.getValue();
      list.sort((a, b) -> a.getValue().size != b.getValue().size
          ? Integer.compare(b.getValue().size, a.getValue().size) : a.getKey().compareTo(b.getKey()));
      StringBuilder s = new StringBuilder();
      for (Map.Entry<String, Postings> t : list) {
        s.append(t.getKey()).append(' ').append(t.getValue().size).append('\n');
      }
      sink.write("search/v/" + e.getKey() + ".txt", s.toString().getBytes(StandardCharsets.UTF_8));
    }
  }

  static boolean isPrefixChar(char c) {
    return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
  }

  private static void writeDocuments(List<ArticlePage> pages, Sink sink) throws IOException {
    for (int doc = 0; doc < pages.size(); doc++) {
      ArticlePage p = pages.get(doc);
      Map<String, Object> d = new LinkedHashMap<>();
      d.put("url", p.path());
      d.put("title", p.title());
      d.put("date", p.article().date().toLocalDate().toString());
      d.put("category", p.categories().isEmpty() ? "" : p.categories().get(0).name());
      d.put("excerpt", excerpt(p.summary()));
      sink.write("search/d/" + doc / 1000 + "/" + doc + ".json", Json.write(d).getBytes(StandardCharsets.UTF_8));
    }
  }

  private static String excerpt(String text) {
    String flat = text.replaceAll("\\s+", " ").strip();
    if (flat.length() <= EXCERPT_LENGTH) {
      return flat;
    }
    int cut = flat.lastIndexOf(' ', EXCERPT_LENGTH);
    return flat.substring(0, cut > 0 ? cut : EXCERPT_LENGTH) + " …";
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
