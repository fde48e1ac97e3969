package vn.luutru.search;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.IntStream;
import vn.luutru.bench.DocSections;
import vn.luutru.build.SiteBuilder;
import vn.luutru.config.SiteConfig;
import vn.luutru.site.ArticlePage;

/**
 * What adding one article changes in the search index: the index of the oldest n articles of a
 * folder, then of the oldest n + 1 (one more article, newer than all the others), compared file by
 * file in memory. Reports the index's files and bytes at n, the files changed by an ordinary
 * addition (n to n + 15) and by each kind of merge (the tail into the smallest tier, and into the
 * next tiers), and with {@code --write FILE} puts its table between {@code <!--
 * segments.bench:begin -->} and {@code <!-- segments.bench:end -->} of that file.
 *
 * <pre>
 * python3 ../shared/corpus/scale.py 10240 /tmp/segw/content
 * mvn -q -Pbench test-compile exec:exec -Dexec.executable=java -Dexec.classpathScope=test \
 *     -Dexec.args="-Xmx3g -cp %classpath vn.luutru.search.SegmentBench /tmp/segw/content 10000 --write docs/benchmarks.md"
 * </pre>
 *
 * <p>An article's entry in the index depends on that article alone, so the oldest n articles of the
 * folder index as a folder of those n would.
 */
public final class SegmentBench {
  record Change(int from, int files, long bytes, int deleted, Map<String, Integer> byKind) {}

  public static void main(String[] args) throws Exception {
    Path content = Path.of(args[0]);
    int n = Integer.parseInt(args[1]);
    Path write = null;
    boolean quick = false;
    List<Segments> tiers = new ArrayList<>(List.of(Segments.DEFAULT));
    for (int i = 2; i < args.length; i++) {
      if (args[i].equals("--write")) {
        write = Path.of(args[++i]);
      } else if (args[i].equals("--quick")) {
        quick = true;
      } else if (args[i].equals("--tiers")) {
        tiers.clear();
        for (String t : args[++i].split(",")) {
          String[] ub = t.split("x");
          tiers.add(new Segments(Integer.parseInt(ub[0]), Integer.parseInt(ub[1])));
        }
      }
    }
    SiteConfig config =
        SiteConfig.builder()
            .title("Lưu trữ")
            .baseUrl("http://localhost:8080/")
            .contentDir(content)
            .outputDir(Path.of("target/segment-bench/unused"))
            .today(LocalDate.of(2100, 1, 1))
            .build();
    List<ArticlePage> all =
        SiteBuilder.model(config, SiteBuilder.Caches.none(), false, new LinkedHashMap<>())
            .built()
            .articles();
    List<SearchEval.Query> queries = SearchEval.draw(content, 200, config);
    StringBuilder out = new StringBuilder();
    for (Segments t : tiers) {
      out.append(report(all, quick ? n + 1 : all.size(), n, t, queries));
    }
    System.out.print(out);
    if (write != null) {
      DocSections.replace(write, "segments.bench", out.toString());
    }
  }

  private static String report(
      List<ArticlePage> all, int upTo, int n, Segments tiers, List<SearchEval.Query> queries)
      throws IOException {
    Map<String, byte[]> at = index(all, n, tiers);
    long bytes = at.values().stream().mapToLong(b -> b.length).sum();
    StringBuilder s = new StringBuilder();
    s.append(
        String.format(
            Locale.ROOT,
            "%n%s, load average %.1f at the start. Tiers of %d documents, %d times larger each: at"
                + " %,d articles, %d segments %s, %,d files, %.1f MB; a term's shards average %,d"
                + " bytes in all (%s).%n%n",
            java.time.LocalDate.now(java.time.ZoneOffset.UTC),
            java.lang.management.ManagementFactory.getOperatingSystemMXBean()
                .getSystemLoadAverage(),
            tiers.unit(),
            tiers.base(),
            n,
            tiers.of(n).size(),
            ranges(tiers.of(n)),
            at.size(),
            bytes / 1e6,
            shardBytes(at).values().stream().mapToLong(Long::longValue).sum(),
            shardBytes(at)));
    long[] fetched = queries.stream().mapToLong(q -> termBytes(at, q.text())).sorted().toArray();
    s.append(
        String.format(
            Locale.ROOT,
            "Shards and long lists a query of SearchEval's fetches (its phrase's pairs, and its last"
                + " word's shards unless the last pair is found), median %,d bytes, mean %,.0f,"
                + " max %,d, over %d queries.%n%n",
            fetched[fetched.length / 2],
            Arrays.stream(fetched).average().orElse(0),
            fetched[fetched.length - 1],
            fetched.length));
    s.append(
        "| articles | files changed or new | their bytes | files deleted | of which | segment"
            + " rewritten |\n|---|---|---|---|---|---|\n");
    // A run of consecutive additions (the tail's and the two smallest tiers' merges), then the
    // addition before each larger merge.
    int window = Math.min(tiers.unit() * tiers.base(), upTo - n);
    List<Change> run = new ArrayList<>();
    Map<String, byte[]> before = at;
    for (int m = n; m < n + window; m++) {
      Map<String, byte[]> after = index(all, m + 1, tiers);
      Change c = change(m, before, after);
      run.add(c);
      if (m == n || (m + 1) % tiers.unit() == 0) {
        s.append(row(c, tiers));
      }
      before = after;
    }
    before = null;
    Set<Long> merges = new HashSet<>();
    for (long tier = (long) tiers.unit() * tiers.base() * tiers.base();
        tier <= upTo;
        tier *= tiers.base()) {
      long next = ((n + window) / tier + 1) * tier;
      if (next <= upTo && merges.add(next)) {
        int m = (int) next - 1;
        s.append(row(change(m, index(all, m, tiers), index(all, m + 1, tiers)), tiers));
      }
    }
    if (!run.isEmpty()) {
      int[] ordinary =
          run.stream()
              .filter(c -> (c.from() + 1) % tiers.unit() != 0)
              .mapToInt(Change::files)
              .sorted()
              .toArray();
      s.append(
          String.format(
              Locale.ROOT,
              "%nThe %d additions from %,d: files changed or new, without a merge median %d, max"
                  + " %d; with the merges among them, %.0f an addition on average (%,.0f KB).%n",
              run.size(),
              n,
              ordinary[ordinary.length / 2],
              ordinary[ordinary.length - 1],
              run.stream().mapToInt(Change::files).average().orElse(0),
              run.stream().mapToLong(Change::bytes).average().orElse(0) / 1024));
    }
    return s.toString();
  }

  private static String row(Change c, Segments tiers) {
    List<Segments.Segment> after = tiers.of(c.from() + 1);
    return String.format(
        Locale.ROOT,
        "| %,d → %,d%s | %,d | %,.0f KB | %d | %s | %s |%n",
        c.from(),
        c.from() + 1,
        (c.from() + 1) % tiers.unit() == 0 ? " (merge)" : "",
        c.files(),
        c.bytes() / 1024.0,
        c.deleted(),
        c.byKind(),
        ranges(after.subList(after.size() - 1, after.size())));
  }

  private static String ranges(List<Segments.Segment> segments) {
    return String.join(
        " ", segments.stream().map(g -> "[" + g.start() + ", " + g.end() + ")").toList());
  }

  /**
   * The bytes of the shards and long lists search.js fetches for {@code query}: each pair of
   * neighbouring words, and the last word's shards (whether it is a word of the archive).
   */
  private static long termBytes(Map<String, byte[]> files, String query) {
    List<SearchText.Token> tokens = SearchText.tokens(query);
    String index = new String(files.get("search/index.json"), StandardCharsets.UTF_8);
    java.util.regex.Matcher m =
        java.util.regex.Pattern.compile("\\[(\\d+),(\\d+),(\\d+)\\]")
            .matcher(index.substring(index.indexOf("\"segments\""), index.indexOf("\"years\"")));
    List<int[]> segments = new ArrayList<>();
    while (m.find()) {
      segments.add(new int[] {Integer.parseInt(m.group(1)), Integer.parseInt(m.group(3))});
    }
    Set<String> fetched = new HashSet<>();
    boolean lastPairFound = false;
    for (int i = 0; i < tokens.size(); i++) {
      boolean pair = i + 1 < tokens.size();
      if (!pair && lastPairFound) {
        break;
      }
      String term =
          pair ? tokens.get(i).folded() + " " + tokens.get(i + 1).folded() : tokens.get(i).folded();
      int h = SearchIndexWriter.hash(term);
      for (int[] g : segments) {
        int shard = h & (g[1] - 1);
        String file = "search/s/" + g[0] + "/" + shard + ".bin";
        fetched.add(file);
        int own = ownFile(files.get(file), term);
        if (pair && i + 2 == tokens.size() && own > -2) {
          lastPairFound = true;
        }
        if (pair && own >= 0) {
          fetched.add("search/b/" + g[0] + "/" + shard + "-" + own + ".bin");
        }
      }
      if (!pair) {
        break;
      }
    }
    return fetched.stream().mapToLong(f -> files.get(f).length).sum();
  }

  /** The number of {@code term}'s own file in {@code shard}, −1 when it has none, −2 without it. */
  private static int ownFile(byte[] shard, String term) {
    int[] at = {0};
    java.util.function.IntSupplier varint =
        () -> {
          int v = 0;
          for (int shift = 0; ; shift += 7) {
            int x = shard[at[0]++] & 0xFF;
            v |= (x & 0x7F) << shift;
            if (x < 0x80) {
              return v;
            }
          }
        };
    while (at[0] < shard.length) {
      int length = varint.getAsInt();
      String t = new String(shard, at[0], length, StandardCharsets.UTF_8);
      at[0] += length;
      if (shard[at[0]++] == 1) {
        int own = varint.getAsInt();
        if (t.equals(term)) {
          return own;
        }
        continue;
      }
      if (t.equals(term)) {
        return -1;
      }
      int forms = varint.getAsInt();
      for (int k = 0; k < forms; k++) {
        int l = varint.getAsInt();
        at[0] += l;
      }
      int postings = varint.getAsInt();
      for (int k = 0; k < postings; k++) {
        varint.getAsInt();
        at[0]++;
        if (forms > 1) {
          varint.getAsInt();
        }
      }
    }
    return -2;
  }

  /** Each segment's shards' mean size, by the segment's first document. */
  private static Map<String, Long> shardBytes(Map<String, byte[]> files) {
    Map<String, long[]> sums = new TreeMap<>();
    files.forEach(
        (path, b) -> {
          if (path.startsWith("search/s/")) {
            String segment = path.substring(9, path.indexOf('/', 9));
            long[] sum = sums.computeIfAbsent(segment, k -> new long[2]);
            sum[0] += b.length;
            sum[1]++;
          }
        });
    Map<String, Long> mean = new TreeMap<>();
    sums.forEach((k, v) -> mean.put(k, v[0] / v[1]));
    return mean;
  }

  private static Change change(int from, Map<String, byte[]> a, Map<String, byte[]> b) {
    int files = 0;
    long bytes = 0;
    int deleted = 0;
    Map<String, Integer> byKind = new TreeMap<>();
    Set<String> paths = new HashSet<>(a.keySet());
    paths.addAll(b.keySet());
    for (String p : paths) {
      byte[] x = a.get(p);
      byte[] y = b.get(p);
      if (y == null) {
        deleted++;
      } else if (x == null || !Arrays.equals(x, y)) {
        files++;
        bytes += y.length;
        String kind = p.substring("search/".length());
        kind = kind.contains("/") ? kind.substring(0, kind.indexOf('/')) : kind;
        byKind.merge(kind, 1, Integer::sum);
      }
    }
    return new Change(from, files, bytes, deleted, byKind);
  }

  /** The index of the oldest {@code m} articles of {@code all} (newest first), in memory. */
  private static Map<String, byte[]> index(List<ArticlePage> all, int m, Segments tiers)
      throws IOException {
    List<ArticlePage> pages = all.subList(all.size() - m, all.size());
    DocumentWords words = new DocumentWords(pages.size());
    IntStream.range(0, pages.size())
        .parallel()
        .forEach(
            doc -> {
              ArticlePage p = pages.get(doc);
              words.add(doc, p.title(), p.article().summary(), p.text());
            });
    Map<String, byte[]> files = new ConcurrentHashMap<>();
    SearchIndexWriter.write(pages, words, files::put, new LinkedHashMap<>(), tiers);
    return files;
  }
}
