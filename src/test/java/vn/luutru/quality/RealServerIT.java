package vn.luutru.quality;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.logging.Level;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.parser.Parser;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.WebDriverWait;
import vn.luutru.cli.Main;
import vn.luutru.testing.Browser;
import vn.luutru.testing.Nginx;
import vn.luutru.testing.SampleSite;
import vn.luutru.testing.Trees;

/**
 * The sample archive built with {@code luutru build --base-url http://127.0.0.1:PORT/luu-tru/} and
 * served by a real nginx under that prefix: everything the pages, feeds, sitemap and search index
 * point at answers 200; in Chromium the search finds the seed article and the alias pages lead to
 * their articles; screenshots at phone and desktop width go to {@code target/screenshots/}.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RealServerIT {
  static final String PREFIX = "/luu-tru/";

  Path tmp;
  Path site;
  Nginx nginx;
  String base;
  ChromeDriver driver;
  final HttpClient http =
      HttpClient.newBuilder()
          .followRedirects(HttpClient.Redirect.NEVER)
          .connectTimeout(Duration.ofSeconds(5))
          .build();

  @BeforeAll
  void start() throws Exception {
    Nginx.require();
    tmp = Files.createTempDirectory("luutru-nginx");
    site = tmp.resolve("site");
    int port = Nginx.freePort();
    base = "http://127.0.0.1:" + port + PREFIX;
    // The command line itself, as someone deploying would run it.
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code =
        Main.run(
            new String[] {
              "build",
              "--content",
              "content",
              "--templates",
              "templates",
              "--output",
              site.toString(),
              "--base-url",
              base
            },
            new PrintWriter(out),
            new PrintWriter(err),
            Clock.systemUTC());
    assertThat(code).as("luutru build: %s%s", out, err).isZero();
    nginx = Nginx.start(site, PREFIX, port, tmp.resolve("nginx"));
    assertThat(nginx.url()).isEqualTo(base);
    LoggingPreferences logs = new LoggingPreferences();
    logs.enable(LogType.BROWSER, Level.ALL);
    driver = Browser.start(1280, 900, o -> o.setCapability("goog:loggingPrefs", logs));
  }

  @AfterAll
  void stop() throws Exception {
    if (driver != null) {
      driver.quit();
    }
    if (nginx != null) {
      nginx.close();
    }
    Trees.delete(tmp);
  }

  // ---------------------------------------------------------------------------------------
  // Crawl over HTTP

  @Test
  void everythingLinkedFromTheHomePageAnswers200() throws Exception {
    Crawl crawl = new Crawl();
    crawl.add(base, "(start)");
    crawl.add(base + "robots.txt", "(start)");
    crawl.run();
    System.out.printf(
        "crawl through nginx: %d addresses answered, %d outside the site not followed%n",
        crawl.fetched.size(), crawl.external.size());
    assertThat(crawl.problems)
        .as("addresses that do not answer 200 through nginx (address ← where it was found)")
        .isEmpty();
    // Every file of the built site was reached by some link, page, feed or index reference,
    // except the 404 page (nginx serves it) and the redirect pages of aliases (old addresses).
    // The favicon is named in every page: browsers ask for /favicon.ico at the host's root
    // otherwise, outside the prefix.
    List<String> unreached = new ArrayList<>();
    try (Stream<Path> files = Files.walk(site)) {
      files
          .filter(Files::isRegularFile)
          .map(f -> site.relativize(f).toString().replace('\\', '/'))
          .filter(
              f ->
                  !crawl.fetched.contains(PREFIX + f) && !crawl.fetched.contains(PREFIX + dirOf(f)))
          .filter(f -> !f.equals("404.html") && !isRedirect(site.resolve(f)))
          .filter(f -> !f.equals(".luutru")) // the build's mark on its output folder
          .forEach(unreached::add);
    }
    assertThat(unreached).as("files of the site no link, feed or index leads to").isEmpty();
    assertThat(crawl.fetched)
        .contains(
            PREFIX + "rss.xml",
            PREFIX + "atom.xml",
            PREFIX + "sitemap.xml",
            PREFIX + "search/search.js",
            PREFIX + "search/index.json",
            PREFIX + "assets/style.css",
            PREFIX + "assets/search-ui.js",
            PREFIX + "assets/favicon.svg",
            PREFIX + SampleSite.SEED_PATH);
  }

  @Test
  void aMissingAddressGetsTheSitesNotFoundPage() throws Exception {
    HttpResponse<String> r = get(base + "khong-co/trang-nay/");
    assertThat(r.statusCode()).isEqualTo(404);
    assertThat(r.body())
        .contains("<h1>Không tìm thấy trang</h1>")
        .contains(PREFIX + "assets/style.css");
    HttpResponse<String> css = get(base + "assets/style.css");
    assertThat(css.statusCode()).isEqualTo(200);
    assertThat(css.headers().firstValue("content-type"))
        .hasValueSatisfying(t -> assertThat(t).startsWith("text/css"));
  }

  private static String dirOf(String file) {
    return file.endsWith("index.html")
        ? file.substring(0, file.length() - "index.html".length())
        : file;
  }

  private static boolean isRedirect(Path f) {
    try {
      return f.toString().endsWith(".html")
          && Files.readString(f).contains("http-equiv=\"refresh\"");
    } catch (Exception e) {
      return false;
    }
  }

  HttpResponse<String> get(String url) throws Exception {
    return http.send(
        HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10)).build(),
        HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
  }

  /** Breadth-first from the home page over every address the site's files name. */
  final class Crawl {
    final Deque<String> queue = new ArrayDeque<>();
    final Map<String, String> foundIn = new LinkedHashMap<>();
    final TreeSet<String> fetched = new TreeSet<>();
    final TreeSet<String> external = new TreeSet<>();
    final List<String> problems = new ArrayList<>();

    /** Queues {@code href} (resolved against {@code from}) when it is this site's and new. */
    void add(String href, String from) {
      URI uri;
      try {
        URI context = URI.create(from.startsWith("http") ? from : base);
        uri = context.resolve(href.strip().replace(" ", "%20"));
      } catch (IllegalArgumentException e) {
        problems.add("not an address: '" + href + "' ← " + from);
        return;
      }
      if (uri.getScheme() == null || !uri.getScheme().startsWith("http")) {
        if (uri.getScheme() != null
            && !uri.getScheme().equals("mailto")
            && !uri.getScheme().equals("tel")) {
          problems.add("unexpected scheme: " + href + " ← " + from);
        }
        return;
      }
      if (!URI.create(base).getAuthority().equals(uri.getAuthority())) {
        external.add(uri.toString());
        return;
      }
      String path = uri.getRawPath();
      if (!path.startsWith(PREFIX)) {
        problems.add("outside the site's prefix: " + href + " ← " + from);
        return;
      }
      String url = "http://" + uri.getRawAuthority() + path;
      if (!foundIn.containsKey(url)) {
        foundIn.put(url, from);
        queue.add(url);
      }
    }

    void run() throws Exception {
      while (!queue.isEmpty()) {
        assertThat(fetched.size()).as("crawl size bound").isLessThan(5000);
        String url = queue.poll();
        HttpResponse<byte[]> r =
            http.send(
                HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10)).build(),
                HttpResponse.BodyHandlers.ofByteArray());
        fetched.add(URI.create(url).getPath());
        if (r.statusCode() != 200) {
          problems.add(r.statusCode() + " " + url + " ← " + foundIn.get(url));
          continue;
        }
        String type = r.headers().firstValue("content-type").orElse("");
        String path = URI.create(url).getPath();
        String text = new String(r.body(), StandardCharsets.UTF_8);
        if (type.startsWith("text/html")) {
          html(Jsoup.parse(text, url), url);
        } else if (path.endsWith(".xml")) {
          xml(text, url);
        } else if (path.endsWith(".js")) {
          Matcher m = IMPORT.matcher(text);
          while (m.find()) {
            add(m.group(1) != null ? m.group(1) : m.group(2), url);
          }
          // search.js fetches its index beside itself: fetchJson("index.json").
          Matcher f = Pattern.compile("fetch(?:Json|Text|Bytes)\\(\"([^\"]+)\"\\)").matcher(text);
          while (f.find()) {
            add(f.group(1), url);
          }
        } else if (path.endsWith("robots.txt")) {
          for (String line : text.split("\n")) {
            if (line.startsWith("Sitemap:")) {
              add(line.substring("Sitemap:".length()).strip(), url);
            }
          }
        } else if (path.equals(PREFIX + "search/index.json")) {
          index(url);
        } else if (path.startsWith(PREFIX + "search/d/")) {
          Matcher m = Pattern.compile("\"url\":\"([^\"]*)\"").matcher(text);
          assertThat(m.find()).as("url in %s", url).isTrue();
          add(base + m.group(1), url);
        }
      }
    }

    void html(Document doc, String url) {
      for (Element e : doc.select("a[href], link[href]")) {
        add(e.attr("href"), url);
      }
      for (Element e : doc.select("img[src], script[src], source[src], iframe[src]")) {
        add(e.attr("src"), url);
      }
      for (Element e : doc.select("img[srcset], source[srcset]")) {
        for (String part : e.attr("srcset").split(",")) {
          add(part.strip().split("\\s+")[0], url);
        }
      }
      for (Element e : doc.select("form[action]")) {
        add(e.attr("action"), url);
      }
      for (Element e : doc.select("meta[property=og:url], meta[property=og:image]")) {
        add(e.attr("content"), url);
      }
      for (Element e : doc.select("meta[http-equiv=refresh]")) {
        Matcher m = Pattern.compile("(?i)url=(.+)").matcher(e.attr("content"));
        if (m.find()) {
          add(m.group(1), url);
        }
      }
      for (Element e : doc.select("script[type=application/ld+json]")) {
        Matcher m = Pattern.compile("\"(https?://[^\"]+)\"").matcher(e.data());
        while (m.find()) {
          if (!m.group(1).equals("https://schema.org")) {
            add(m.group(1), url);
          }
        }
      }
    }

    void xml(String text, String url) {
      Document doc = Jsoup.parse(text, url, Parser.xmlParser());
      for (Element e :
          doc.select(
              "loc, channel > link, item > link, guid[isPermaLink=true], entry > id, feed > id")) {
        add(e.text(), url);
      }
      for (Element e : doc.select("link[href]")) {
        add(e.attr("href"), url);
      }
      // Article bodies inside feeds: a reader resolves them against the feed's address.
      for (Element e : doc.select("content[type=html], description, summary")) {
        html(Jsoup.parseBodyFragment(e.text(), url), url);
      }
    }

    /** What the search index names, as search.js would fetch it for some query. */
    void index(String url) throws Exception {
      String dir = url.substring(0, url.lastIndexOf('/') + 1);
      String json = get(url).body();
      int documents = intField(json, "documents");
      // "segments":[[start,end,shards],…]: each segment's shards.
      Matcher listed = Pattern.compile("\"segments\":\\[(.*?)\\]\\]").matcher(json);
      assertThat(listed.find()).as("segments in index.json").isTrue();
      List<int[]> segments = new ArrayList<>();
      Matcher segment = Pattern.compile("\\[?(\\d+),(\\d+),(\\d+)").matcher(listed.group(1));
      while (segment.find()) {
        segments.add(
            new int[] {Integer.parseInt(segment.group(1)), Integer.parseInt(segment.group(3))});
      }
      for (int n = 0; n < documents; n++) {
        add(dir + "d/" + n / 1000 + "/" + n + ".json", url);
      }
      for (String facet : List.of("category", "organization", "term")) {
        Matcher list = Pattern.compile("\"" + facet + "\":\\[([^\\]]*)\\]").matcher(json);
        int count =
            list.find() ? (list.group(1).isEmpty() ? 0 : list.group(1).split("\",\"").length) : 0;
        for (int i = 0; i < count; i++) {
          add(dir + "f/" + facet + "-" + i + ".bin", url);
        }
      }
      TreeSet<String> prefixes = new TreeSet<>();
      for (int[] g : segments) {
        for (int n = 0; n < g[1]; n++) {
          String shardFile = dir + "s/" + g[0] + "/" + n + ".bin";
          HttpResponse<byte[]> r =
              http.send(
                  HttpRequest.newBuilder(URI.create(shardFile)).build(),
                  HttpResponse.BodyHandlers.ofByteArray());
          add(shardFile, url);
          if (r.statusCode() != 200) {
            continue;
          }
          Shard shard = new Shard(r.body());
          while (shard.more()) {
            String term = shard.string();
            if (term.length() >= 2
                && term.indexOf(' ') < 0
                && term.substring(0, 2).matches("[a-z0-9]{2}")) {
              prefixes.add(term.substring(0, 2));
            }
            if (shard.b[shard.i++] == 0) {
              shard.postings();
            } else {
              add(dir + "b/" + g[0] + "/" + n + "-" + shard.varint() + ".bin", shardFile);
            }
          }
        }
      }
      for (String p : prefixes) {
        add(dir + "v/" + p + ".txt", url);
      }
    }
  }

  static final Pattern IMPORT =
      Pattern.compile("(?:import|export)[^\"'();]*?from\\s*\"([^\"]+)\"|import\\(\"([^\"]+)\"\\)");

  static int intField(String json, String name) {
    Matcher m = Pattern.compile("\"" + name + "\":(\\d+)").matcher(json);
    assertThat(m.find()).as("%s in index.json", name).isTrue();
    return Integer.parseInt(m.group(1));
  }

  /**
   * Reads a shard of the index (format in SearchIndexWriter): terms, postings, own-file numbers.
   */
  static final class Shard {
    final byte[] b;
    int i;

    Shard(byte[] b) {
      this.b = b;
    }

    boolean more() {
      return i < b.length;
    }

    long varint() {
      long v = 0;
      for (int shift = 0; ; shift += 7) {
        int x = b[i++] & 0xFF;
        v |= (long) (x & 0x7F) << shift;
        if (x < 0x80) {
          return v;
        }
      }
    }

    String string() {
      int n = (int) varint();
      String s = new String(b, i, n, StandardCharsets.UTF_8);
      i += n;
      return s;
    }

    void postings() {
      long variants = varint();
      for (long k = 0; k < variants; k++) {
        string();
      }
      long n = varint();
      for (long k = 0; k < n; k++) {
        varint();
        i++;
        if (variants > 1) {
          varint();
        }
      }
    }
  }

  // ---------------------------------------------------------------------------------------
  // In Chromium, through nginx

  @Test
  void theSearchPageFindsTheSeedArticleThroughNginx() {
    WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(20));
    driver.get(base);
    driver.findElement(By.id("tim-nhanh")).sendKeys("dai hoi chi bo van phong\n");
    wait.until(d -> d.getCurrentUrl().startsWith(base + "tim-kiem/"));
    wait.until(
        d ->
            d.findElements(By.cssSelector("#danh-sach li h2 a")).stream()
                .anyMatch(a -> a.getText().equals(SampleSite.SEED_TITLE)));
    WebElement first = driver.findElement(By.cssSelector("#danh-sach li h2 a"));
    assertThat(first.getText()).isEqualTo(SampleSite.SEED_TITLE);
    assertThat(first.getAttribute("href")).isEqualTo(base + SampleSite.SEED_PATH);
    // Every request the page made (the module, the index parts for the query) answered 200.
    List<Request> requests = requests(driver);
    assertThat(requests)
        .extracting(Request::name)
        .anyMatch(n -> n.endsWith("/search/index.json"))
        .anyMatch(n -> n.contains("/search/s/"))
        .anyMatch(n -> n.contains("/search/d/"));
    assertThat(requests).allSatisfy(r -> assertThat(r.status()).as(r.name()).isEqualTo(200));
    first.click();
    wait.until(d -> d.getCurrentUrl().equals(base + SampleSite.SEED_PATH));
    assertThat(driver.findElement(By.tagName("h1")).getText()).isEqualTo(SampleSite.SEED_TITLE);
    assertThat(severeConsoleMessages()).isEmpty();
  }

  /**
   * The setup the README advises, HTTPS with HTTP/2: the search page, its module and every part of
   * the index it asks for answer over HTTP/2, and the search finds the seed article.
   */
  @Test
  void theSearchAnswersOverHttpsAndHttp2() throws Exception {
    try (Nginx h2 = Nginx.startHttp2(site, PREFIX, Nginx.freePort(), tmp.resolve("nginx-h2"))) {
      // The certificate is made for the test: this browser accepts it.
      ChromeDriver browser =
          Browser.start(1280, 900, o -> o.addArguments("--ignore-certificate-errors"));
      try {
        browser.get(h2.url() + "tim-kiem/?q=dai+hoi+chi+bo+van+phong");
        new WebDriverWait(browser, Duration.ofSeconds(20))
            .until(
                d ->
                    d.findElements(By.cssSelector("#danh-sach li h2 a")).stream()
                        .anyMatch(a -> a.getText().equals(SampleSite.SEED_TITLE)));
        List<Request> requests = requests(browser);
        assertThat(requests)
            .extracting(Request::name)
            .anyMatch(n -> n.endsWith("/search/search.js"))
            .anyMatch(n -> n.contains("/search/s/"))
            .anyMatch(n -> n.contains("/search/d/"));
        assertThat(requests)
            .allSatisfy(
                r -> {
                  assertThat(r.protocol()).as(r.name()).isEqualTo("h2");
                  assertThat(r.status()).as(r.name()).isEqualTo(200);
                });
      } finally {
        browser.quit();
      }
    }
  }

  @Test
  void everyAliasLandsOnItsArticle() throws Exception {
    // The alias pages in the built site, each with the article its canonical link names.
    Map<String, String> aliases = new TreeMap<>();
    try (Stream<Path> files = Files.walk(site)) {
      for (Path f : files.filter(f -> Files.isRegularFile(f) && isRedirect(f)).toList()) {
        Document d = Jsoup.parse(f.toFile(), "UTF-8");
        aliases.put(
            site.relativize(f).toString().replace('\\', '/'),
            d.select("link[rel=canonical]").attr("href"));
      }
    }
    assertThat(aliases).containsEntry("tin-tuc/205.html", base + SampleSite.SEED_PATH).hasSize(3);
    WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(10));
    for (Map.Entry<String, String> alias : aliases.entrySet()) {
      String title = Jsoup.parse(get(alias.getValue()).body()).selectFirst("h1").text();
      driver.get(base + alias.getKey());
      wait.until(d -> alias.getValue().equals(d.getCurrentUrl()));
      assertThat(driver.findElement(By.tagName("h1")).getText())
          .as(alias.getKey())
          .isEqualTo(title);
      assertThat(driver.getTitle()).as(alias.getKey()).startsWith(title);
    }
  }

  @Test
  void screenshotsAtPhoneAndDesktopWidth() throws Exception {
    Path dir = Path.of("target", "screenshots");
    Files.createDirectories(dir);
    Map<String, String> pages = new LinkedHashMap<>();
    pages.put("home", base);
    pages.put("article", base + SampleSite.SEED_PATH);
    pages.put("organisation", base + "to-chuc/chi-bo-van-phong-so-2/");
    pages.put("search", base + "tim-kiem/?q=dai+hoi+chi+bo+van+phong");
    List<String> overflowing = new ArrayList<>();
    try {
      for (int width : new int[] {360, 1280}) {
        driver.executeCdpCommand(
            "Emulation.setDeviceMetricsOverride",
            Map.of(
                "width",
                width,
                "height",
                width == 360 ? 740 : 900,
                "deviceScaleFactor",
                1,
                "mobile",
                width == 360));
        for (Map.Entry<String, String> page : pages.entrySet()) {
          driver.get(page.getValue());
          if (page.getKey().equals("search")) {
            new WebDriverWait(driver, Duration.ofSeconds(20))
                .until(d -> !d.findElements(By.cssSelector("#danh-sach li h2 a")).isEmpty());
          }
          // Nothing wider than the screen: no sideways scrolling on a phone.
          Number scroll =
              (Number) driver.executeScript("return document.documentElement.scrollWidth");
          if (scroll.intValue() > width) {
            overflowing.add(
                page.getKey()
                    + " at "
                    + width
                    + " px is "
                    + scroll
                    + " px wide: "
                    + driver.executeScript(
                        "return [...document.querySelectorAll('body *')].filter(e => e.getBoundingClientRect().right > "
                            + width
                            + ").slice(0, 5).map(e => e.tagName + '.' + e.className).join(', ')"));
          }
          // The whole page, not just what fits on the screen.
          Number height =
              (Number) driver.executeScript("return document.documentElement.scrollHeight");
          Map<String, Object> clip =
              Map.of(
                  "x",
                  0,
                  "y",
                  0,
                  "width",
                  width,
                  "height",
                  Math.min(height.intValue(), 8000),
                  "scale",
                  1);
          Map<String, Object> shot =
              driver.executeCdpCommand(
                  "Page.captureScreenshot",
                  Map.of("format", "png", "captureBeyondViewport", true, "clip", clip));
          Path file = dir.resolve(page.getKey() + "-" + width + ".png");
          Files.write(file, Base64.getDecoder().decode((String) shot.get("data")));
          assertThat(Files.size(file)).isGreaterThan(1000);
        }
      }
    } finally {
      driver.executeCdpCommand("Emulation.clearDeviceMetricsOverride", Map.of());
    }
    System.out.println("screenshots: " + dir.toAbsolutePath());
    assertThat(overflowing).as("pages wider than the screen").isEmpty();
  }

  /** A request the open page made, as the browser's timing entries tell it. */
  record Request(String name, String protocol, int status) {}

  /** Every request the open page made, the page itself included. */
  private static List<Request> requests(ChromeDriver browser) {
    @SuppressWarnings("unchecked")
    List<Map<String, Object>> entries =
        (List<Map<String, Object>>)
            browser.executeScript(
                "return performance.getEntriesByType('navigation')"
                    + ".concat(performance.getEntriesByType('resource'))"
                    + ".map(e => ({name: e.name, protocol: e.nextHopProtocol, status: e.responseStatus}))");
    return entries.stream()
        .map(
            e ->
                new Request(
                    e.get("name").toString(),
                    String.valueOf(e.get("protocol")),
                    ((Number) e.get("status")).intValue()))
        .toList();
  }

  private List<String> severeConsoleMessages() {
    return driver.manage().logs().get(LogType.BROWSER).getAll().stream()
        .filter(e -> e.getLevel().intValue() >= Level.SEVERE.intValue())
        .map(LogEntry::getMessage)
        .toList();
  }
}
