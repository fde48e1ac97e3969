package vn.luutru.search;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.openqa.selenium.chrome.ChromeDriver;
import vn.luutru.bench.DocSections;
import vn.luutru.build.BuildResult;
import vn.luutru.build.SiteBuilder;
import vn.luutru.config.SiteConfig;
import vn.luutru.content.ArticleParser;
import vn.luutru.content.ContentSource;
import vn.luutru.markdown.MarkdownRenderer;
import vn.luutru.site.ArticlePage;
import vn.luutru.site.SiteModel;
import vn.luutru.site.SiteModelBuilder;
import vn.luutru.testing.Browser;
import vn.luutru.testing.CameraPhotos;
import vn.luutru.testing.Nginx;
import vn.luutru.testing.StaticServer;

/**
 * The relevance check: draws queries of three kinds from a content folder, builds the site, and
 * runs every query in headless Chromium, each in a fresh page, printing recall@10, MRR, bytes
 * fetched and latency per kind.
 *
 * <pre>
 * python3 ../shared/corpus/scale.py 10000 /tmp/bench10k/content
 * mvn -q -Pbench test-compile exec:java -Dexec.classpathScope=test \
 *     -Dexec.mainClass=vn.luutru.search.SearchEval -Dexec.args="/tmp/bench10k/content 200"
 * </pre>
 *
 * <p>After the count: {@code --rtt MS} makes Chromium add MS ms to every request (its network
 * emulation); {@code --cold} times each query as the first of its page, {@code index.json}
 * included; {@code --label TEXT} heads the table; {@code --write FILE} adds the table to those
 * between {@code <!-- search-eval:begin -->} and {@code <!-- search-eval:end -->} of FILE.
 *
 * <p>With {@code --photos} after the count, every article gets a photo beside it first (a copy of
 * the folder in {@code target/search-eval/content-photos}, one 1600 × 1200 JPEG named after each
 * article), so that each result carries a thumbnail: run it with and without to see what the
 * thumbnails cost a query.
 *
 * <p>Kinds, for each of N articles drawn with a fixed seed from the originals (not the numbered
 * copies scale.py makes): four consecutive words of the title as written (with marks); the same
 * four words without marks; five consecutive words of the body without marks. The answer is the
 * article the words were drawn from. Bytes are what search.js fetched for the query after a first
 * query had loaded index.json; latency is the time of the search() call.
 */
public final class SearchEval {
  record Query(String kind, String text, String expected, String source) {}

  record Outcome(Query query, int rank, long bytes, int requests, double millis, int total) {}

  public static void main(String[] args) throws Exception {
    Path content = Path.of(args.length > 0 ? args[0] : "../shared/corpus/dantri");
    int perKind = args.length > 1 ? Integer.parseInt(args[1]) : 200;
    Path work = Path.of("target/search-eval");
    Files.createDirectories(work);
    Path site = work.resolve("site");
    PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
    List<String> flags = List.of(args).subList(Math.min(2, args.length), args.length);
    int rtt = flags.contains("--rtt") ? Integer.parseInt(flags.get(flags.indexOf("--rtt") + 1)) : 0;
    boolean cold = flags.contains("--cold");
    Path write =
        flags.contains("--write") ? Path.of(flags.get(flags.indexOf("--write") + 1)) : null;
    String label = flags.contains("--label") ? flags.get(flags.indexOf("--label") + 1) + ": " : "";
    Path source =
        flags.contains("--photos") ? withPhotos(content, work.resolve("content-photos")) : content;

    List<String> kinds =
        flags.contains("--server")
            ? List.of(flags.get(flags.indexOf("--server") + 1).split(","))
            : List.of("java");
    Map<String, Served> servers = new java.util.LinkedHashMap<>();
    try (AutoCloseable stopAll = () -> closeAll(servers.values())) {
      for (String kind : kinds) {
        servers.put(kind, serve(kind, site, work.resolve("server-" + kind)));
      }
      Served server = servers.values().iterator().next();
      SiteConfig config =
          SiteConfig.builder()
              .title("Lưu trữ")
              .baseUrl(server.url())
              .contentDir(source)
              .outputDir(site)
              .today(LocalDate.of(2100, 1, 1))
              .build();
      long t0 = System.nanoTime();
      BuildResult built = SiteBuilder.build(config);
      if (!built.written()) {
        throw new IllegalStateException("build failed: " + built.diagnostics());
      }
      out.printf(
          Locale.ROOT,
          "built %d articles in %.1f s (%s)%n",
          built.articles(),
          (System.nanoTime() - t0) / 1e9,
          built.timings());
      long indexBytes;
      long indexFiles;
      try (Stream<Path> s = Files.walk(site.resolve("search"))) {
        List<Path> files = s.filter(Files::isRegularFile).toList();
        indexFiles = files.size();
        long sum = 0;
        for (Path f : files) {
          sum += Files.size(f);
        }
        indexBytes = sum;
      }
      out.printf(Locale.ROOT, "index: %d files, %.1f MB%n", indexFiles, indexBytes / 1e6);
      long documentBytes;
      try (Stream<Path> s = Files.walk(site.resolve("search/d"))) {
        long sum = 0;
        for (Path f : s.filter(Files::isRegularFile).toList()) {
          sum += Files.size(f);
        }
        documentBytes = sum;
      }
      out.printf(
          Locale.ROOT,
          "documents' files: %d bytes, %.1f a document%n",
          documentBytes,
          (double) documentBytes / Math.max(1, built.articles()));

      List<Query> queries = draw(content, perKind, config);
      Files.write(
          work.resolve("queries.tsv"),
          queries.stream()
              .map(q -> q.kind() + "\t" + q.text() + "\t" + q.expected() + "\t" + q.source())
              .toList(),
          StandardCharsets.UTF_8);

      Map<String, List<Outcome>> outcomesBy = new java.util.LinkedHashMap<>();
      servers.keySet().forEach(k -> outcomesBy.put(k, new ArrayList<>()));
      // The certificate of an HTTPS server is made for the run.
      ChromeDriver driver =
          Browser.start(1280, 900, o -> o.addArguments("--ignore-certificate-errors"));
      // Every query fetches what it needs: a file an earlier query fetched is not taken from the
      // browser's cache (nginx's dates would let it, the JDK's server and HTTPS here would not).
      driver.executeCdpCommand("Network.enable", Map.of());
      driver.executeCdpCommand("Network.setCacheDisabled", Map.of("cacheDisabled", true));
      if (rtt > 0) {
        // Chromium's network emulation: every request waits rtt ms more.
        driver.executeCdpCommand(
            "Network.emulateNetworkConditions",
            Map.of(
                "offline",
                false,
                "latency",
                rtt,
                "downloadThroughput",
                -1,
                "uploadThroughput",
                -1));
      }
      try {
        // Each query on each server in turn, so that the machine's load weighs on all alike.
        for (Query q : queries) {
          for (Map.Entry<String, Served> each : servers.entrySet()) {
            Served on = each.getValue();
            driver.get(on.url() + "404.html");
            @SuppressWarnings("unchecked")
            Map<String, Object> r =
                (Map<String, Object>)
                    driver.executeAsyncScript(
                        "const [url, q, cold, done] = arguments;"
                            + "import(url).then(async m => {"
                            + "  if (!cold) await m.search('a');"
                            + "  const before = m.stats();"
                            + "  const t0 = performance.now();"
                            + "  const r = await m.search(q, { limit: 10 });"
                            + "  const ms = performance.now() - t0;"
                            + "  done({ urls: r.results.map(x => x.url), total: r.total, bytes: m.stats().bytes - before.bytes, requests: m.stats().requests - before.requests, ms });"
                            + "}).catch(e => done({ error: String(e) }));",
                        on.url() + "search/search.js",
                        q.text(),
                        cold);
            if (r.containsKey("error")) {
              throw new IllegalStateException(q + ": " + r.get("error"));
            }
            @SuppressWarnings("unchecked")
            List<String> urls = (List<String>) r.get("urls");
            int rank = urls.indexOf(q.expected()) + 1;
            outcomesBy
                .get(each.getKey())
                .add(
                    new Outcome(
                        q,
                        rank,
                        ((Number) r.get("bytes")).longValue(),
                        ((Number) r.get("requests")).intValue(),
                        ((Number) r.get("ms")).doubleValue(),
                        ((Number) r.get("total")).intValue()));
          }
        }
      } finally {
        driver.quit();
      }
      StringBuilder table = new StringBuilder();
      for (Map.Entry<String, List<Outcome>> served : outcomesBy.entrySet()) {
        String serverKind = served.getKey();
        List<Outcome> outcomes = served.getValue();
        Files.write(
            work.resolve("results-" + serverKind + ".tsv"),
            outcomes.stream()
                .map(
                    o ->
                        String.join(
                            "\t",
                            o.query().kind(),
                            o.query().text(),
                            String.valueOf(o.rank()),
                            String.valueOf(o.total()),
                            String.valueOf(o.bytes()),
                            String.valueOf(o.requests()),
                            String.format(Locale.ROOT, "%.1f", o.millis())))
                .toList(),
            StandardCharsets.UTF_8);
        table.append(
            String.format(
                Locale.ROOT,
                "%s%d articles of %s, %d queries a kind, %s; %s; served by %s; load average %.1f at the end.%n%n",
                label,
                built.articles(),
                content,
                perKind,
                rtt > 0
                    ? rtt + " ms more a request (Chromium's network emulation)"
                    : "no added delay",
                cold
                    ? "each query the first of its page (index.json fetched by it)"
                    : "each query after a first one in its page",
                SERVED_BY.getOrDefault(serverKind, serverKind),
                java.lang.management.ManagementFactory.getOperatingSystemMXBean()
                    .getSystemLoadAverage()));
        table.append(
            "| queries | n | found in top 10 | MRR | bytes per query, median / max | requests per query, median / max | latency, median / p95 |\n");
        table.append("|---|---|---|---|---|---|---|\n");
        Map<String, List<Outcome>> byKind =
            outcomes.stream()
                .collect(
                    Collectors.groupingBy(
                        o -> o.query().kind(), java.util.LinkedHashMap::new, Collectors.toList()));
        byKind.put("all", outcomes);
        byKind.forEach(
            (kind, list) -> {
              double recall =
                  list.stream().filter(o -> o.rank() > 0).count() / (double) list.size();
              double mrr =
                  list.stream()
                      .mapToDouble(o -> o.rank() > 0 ? 1.0 / o.rank() : 0)
                      .average()
                      .orElse(0);
              List<Long> bytes = list.stream().map(Outcome::bytes).sorted().toList();
              List<Double> ms = list.stream().map(Outcome::millis).sorted().toList();
              List<Integer> requests = list.stream().map(Outcome::requests).sorted().toList();
              table.append(
                  String.format(
                      Locale.ROOT,
                      "| %s | %d | %.1f %% | %.3f | %.1f KB / %.1f KB | %d / %d | %.1f ms / %.1f ms |%n",
                      kind,
                      list.size(),
                      recall * 100,
                      mrr,
                      bytes.get(bytes.size() / 2) / 1024.0,
                      bytes.get(bytes.size() - 1) / 1024.0,
                      requests.get(requests.size() / 2),
                      requests.get(requests.size() - 1),
                      ms.get(ms.size() / 2),
                      ms.get((int) Math.min(ms.size() - 1, Math.round(ms.size() * 0.95)))));
            });
        table.append('\n');
      }
      out.println();
      out.print(table);
      if (write != null) {
        // Each run adds its table to those of the runs before it, newest last.
        DocSections.append(write, "search-eval", table.toString());
      }
      out.println();
      out.println(
          "queries: "
              + work.resolve("queries.tsv")
              + "; per query: "
              + work.resolve("results-<server>.tsv"));
    }
  }

  /** A server of the built site for the queries. */
  record Served(String url, AutoCloseable stop) {}

  /** What each {@code --server} is, for the tables. */
  static final Map<String, String> SERVED_BY =
      Map.of(
          "java", "the JDK's HTTP server over HTTP/1.1",
          "nginx", "nginx over HTTP/1.1",
          "h2", "nginx over HTTPS and HTTP/2");

  /** Starts a server of {@code site} at /luu-tru/: java (the default), nginx or h2. */
  static Served serve(String kind, Path site, Path dir) throws Exception {
    switch (kind) {
      case "java" -> {
        StaticServer s = new StaticServer(site, "/luu-tru/");
        return new Served(s.url(), s);
      }
      case "nginx" -> {
        Nginx n = Nginx.start(site, "/luu-tru/", Nginx.freePort(), dir);
        return new Served(n.url(), n);
      }
      case "h2" -> {
        Nginx n = Nginx.startHttp2(site, "/luu-tru/", Nginx.freePort(), dir);
        return new Served(n.url(), n);
      }
      default ->
          throw new IllegalArgumentException(
              "--server " + kind + ": java, nginx or h2, comma-separated");
    }
  }

  /** Stops every server, even when one fails to stop; the first failure is thrown after. */
  static void closeAll(Iterable<Served> servers) throws Exception {
    Exception first = null;
    for (Served s : servers) {
      try {
        s.stop().close();
      } catch (Exception e) {
        if (first == null) {
          first = e;
        } else {
          first.addSuppressed(e);
        }
      }
    }
    if (first != null) {
      throw first;
    }
  }

  /**
   * A copy of {@code content} in {@code copy} in which every article has {@code image: anh/<its
   * name>.jpg}, the same photo beside each.
   */
  static Path withPhotos(Path content, Path copy) throws IOException {
    if (Files.exists(copy)) {
      try (Stream<Path> s = Files.walk(copy)) {
        for (Path p : s.sorted(Comparator.reverseOrder()).toList()) {
          Files.delete(p);
        }
      }
    }
    byte[] photo = CameraPhotos.plainJpeg(CameraPhotos.scene(1600, 1200, 1), false);
    List<Path> articles;
    try (Stream<Path> s = Files.walk(content)) {
      articles = s.filter(p -> p.toString().endsWith(".md")).toList();
    }
    for (Path a : articles) {
      Path to = copy.resolve(content.relativize(a).toString());
      Files.createDirectories(to.getParent().resolve("anh"));
      String name = to.getFileName().toString().replaceFirst("\\.md$", "");
      Files.write(to.getParent().resolve("anh/" + name + ".jpg"), photo);
      String text = Files.readString(a, StandardCharsets.UTF_8);
      if (!text.startsWith("---\n")) {
        throw new IllegalStateException(a + " has no front matter");
      }
      Files.writeString(
          to, "---\nimage: anh/" + name + ".jpg\n" + text.substring(4), StandardCharsets.UTF_8);
    }
    return copy;
  }

  static List<Query> draw(Path content, int perKind, SiteConfig config) throws IOException {
    ContentSource.Content c = ContentSource.load(content, content.toString(), new ArticleParser());
    SiteModel model =
        new SiteModelBuilder(new MarkdownRenderer())
            .build(
                c.articles(),
                c.staticFiles(),
                new SiteModelBuilder.Options(config.basePath(), false, false, config.today()));
    List<ArticlePage> originals =
        model.articles().stream()
            .filter(p -> !p.article().contentPath().matches(".*-\\d+\\.md"))
            .sorted(Comparator.comparing(p -> p.article().contentPath()))
            .toList();
    Random random = new Random(20260101L);
    List<ArticlePage> chosen = new ArrayList<>(originals);
    java.util.Collections.shuffle(chosen, random);
    List<Query> marked = new ArrayList<>();
    List<Query> plain = new ArrayList<>();
    List<Query> body = new ArrayList<>();
    for (ArticlePage p : chosen) {
      if (marked.size() == perKind) {
        break;
      }
      List<SearchText.Token> title = SearchText.tokens(p.title());
      List<SearchText.Token> text = SearchText.tokens(p.text());
      if (title.size() < 4 || text.size() < 5) {
        continue;
      }
      String url = config.basePath() + p.path();
      int at = random.nextInt(title.size() - 3);
      List<SearchText.Token> words = title.subList(at, at + 4);
      marked.add(new Query("title, with marks", join(words, true), url, p.article().contentPath()));
      plain.add(
          new Query("title, without marks", join(words, false), url, p.article().contentPath()));
      int b = random.nextInt(text.size() - 4);
      body.add(
          new Query(
              "body, without marks",
              join(text.subList(b, b + 5), false),
              url,
              p.article().contentPath()));
    }
    List<Query> all = new ArrayList<>(marked);
    all.addAll(plain);
    all.addAll(body);
    return all;
  }

  private static String join(List<SearchText.Token> words, boolean marked) {
    return words.stream()
        .map(t -> marked ? t.marked() : t.folded())
        .collect(Collectors.joining(" "));
  }
}
