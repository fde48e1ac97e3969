package vn.luutru.quality;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
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
import org.openqa.selenium.NoAlertPresentException;
import org.openqa.selenium.UnexpectedAlertBehaviour;
import org.openqa.selenium.UnhandledAlertException;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.remote.CapabilityType;
import org.openqa.selenium.support.ui.WebDriverWait;
import vn.luutru.build.BuildResult;
import vn.luutru.build.SiteBuilder;
import vn.luutru.config.SiteConfig;
import vn.luutru.testing.Browser;
import vn.luutru.testing.StaticServer;
import vn.luutru.testing.Trees;

/**
 * An archive whose every text an author can write carries script: titles, summaries, authors,
 * categories, tags, organisations, people, captions, alternative texts, the site's own title,
 * Markdown bodies with raw HTML, {@code javascript:} links, attribute breakouts and payloads in
 * link titles. Every page of it, and a search that returns those articles, opened in Chromium: no
 * dialog opens, {@code window.__xss} stays unset, and the only scripts are the theme's.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ScriptInjectionIT {
  Path tmp;
  Path site;
  StaticServer server;
  ChromeDriver driver;
  BuildResult build;

  /**
   * Script that, wherever it lands as HTML, in an attribute of either quote, inside a {@code
   * <script>} or a JSON string, sets {@code window.__xss} to {@code where} and opens a dialog.
   */
  static String payload(String where) {
    String js = "window.__xss='" + where + "';alert('" + where + "')";
    return "\"><script>"
        + js
        + "</script><img src=x onerror=\""
        + js
        + "\">'><svg onload=\""
        + js
        + "\"></svg></script><script>"
        + js
        + "</script>' onfocus='"
        + js
        + "' autofocus x='{{ site.title }}";
  }

  /** A YAML double-quoted scalar. */
  static String yaml(String s) {
    return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
  }

  @BeforeAll
  void start() throws Exception {
    tmp = Files.createTempDirectory("luutru-xss");
    Path content = tmp.resolve("content");
    site = tmp.resolve("site");
    Files.createDirectories(content.resolve("2020/01/anh"));
    Files.writeString(
        content.resolve("2020/01/anh/hinh.svg"),
        "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"40\" height=\"20\"><rect width=\"40\" height=\"20\" fill=\"#a3120f\"/></svg>");
    // Every front matter text.
    Files.writeString(
        content.resolve("2020/01/truong.md"),
        """
        ---
        title: %s
        date: 2020-01-17
        summary: %s
        author: %s
        source: %s
        source_url: "https://example.invalid/tin?x=%%22%%3E%%3Cscript%%3Ealert(1)%%3C/script%%3E"
        categories: [%s, "Đại hội Đảng"]
        tags: [%s, %s]
        image: anh/hinh.svg
        image_caption: %s
        image_alt: %s
        aliases: ["/cu/%%22%%3E%%3Cimg%%20src=x%%20onerror=alert(1)%%3E.html"]
        congress:
          organization: %s
          parent: %s
          ordinal: 1
          term: "2020-2025"
          held: 2020-01-16
          directed_by: [{ name: %s, role: %s }]
          elected:
            - { name: %s, role: %s }
            - %s
          committee_size: 3
        ---

        Thân bài xssmarker.
        """
            .formatted(
                yaml("Đại hội xssmarker lần thứ nhất nhiệm kỳ 2020 - 2025 " + payload("title")),
                yaml("Tóm tắt xssmarker " + payload("summary")),
                yaml(payload("author")),
                yaml(payload("source")),
                yaml("Chuyên mục " + payload("category")),
                yaml("Thẻ " + payload("tag")),
                yaml("javascript:alert('tag2')"),
                yaml("Chú thích " + payload("caption")),
                yaml("Ảnh " + payload("alt")),
                yaml("Chi bộ " + payload("organization")),
                yaml("Đảng bộ " + payload("parent")),
                yaml("Người " + payload("directed")),
                yaml("Vai trò " + payload("directed-role")),
                yaml("Người " + payload("elected")),
                yaml("Vai trò " + payload("elected-role")),
                yaml("Người " + payload("elected-line") + " - Phó Bí thư")),
        StandardCharsets.UTF_8);
    // Markdown bodies: raw HTML, links, images, code, footnotes, tables, headings.
    String js = "window.__xss='body';alert('body')";
    Files.writeString(
        content.resolve("2020/01/than-bai.md"),
        """
        ---
        title: "Thân bài xssmarker"
        date: 2020-01-18
        categories: ["Đại hội Đảng"]
        ---

        Mở đầu xssmarker `<script>JS</script>` và \\<img src=x onerror="JS"\\> và &lt;script&gt;JS&lt;/script&gt;.

        <script>JS</script>

        <img src="x" onerror="JS"> <svg onload="JS"><circle r="1"/></svg> <body onload="JS">

        <p onclick="JS" onmouseover="JS" style="background:url(javascript:JS)">đoạn</p>

        [liên kết](javascript:JS) [hoa](JaVaScRiPt:JS) [cách](%20javascript:JS) [dữ liệu](data:text/html,<script>JS</script>)
        [vb](vbscript:JS) <javascript:JS> <a href="javascript:JS">thô</a> <a href="&#106;avascript:JS">thực thể</a>
        <a href="&#x6A;&#x61;&#x76;&#x61;&#x73;&#x63;&#x72;&#x69;&#x70;&#x74;&#x3A;JS">hex</a> <a href="java\tscript:JS">tab</a>

        [tiêu đề](https://example.invalid/ "\\"><script>JS</script>") ![ảnh" onerror="JS](anh/hinh.svg "\\" onload=\\"JS")

        <iframe src="javascript:JS"></iframe><object data="javascript:JS"></object><embed src="javascript:JS">
        <form action="javascript:JS"><button formaction="javascript:JS">gửi</button><input onfocus="JS" autofocus></form>
        <math><mi xlink:href="javascript:JS">m</mi></math> <details open ontoggle="JS">x</details>
        <noscript><p title="</noscript><img src=x onerror=JS>"></p></noscript>
        <style>*{background:url(javascript:JS)}</style><meta http-equiv="refresh" content="0;url=javascript:JS"><base href="javascript:JS//">
        <a href="https://example.invalid/" target="_blank" rel="opener" onclick="JS">mở</a>
        <div><scr<script>ipt>JS</scr</script>ipt></div> <img src=x onerror=JS//<b>

        ## Tiêu đề <img src=x onerror="JS"> xssmarker

        | cột <script>JS</script> | `<img src=x onerror=JS>` |
        |---|---|
        | <img src=x onerror="JS"> | [x](javascript:JS) |

        ```html
        <script>JS</script>
        ```

        Chú thích[^1].

        [^1]: <script>JS</script><img src=x onerror="JS"> [x](javascript:JS)
        """
            .replace("JS", js),
        StandardCharsets.UTF_8);
    // The search excerpt comes from the start of the body when there is no summary.
    Files.writeString(
        content.resolve("2020/01/trich-doan.md"),
        """
        ---
        title: "Trích đoạn xssmarker"
        date: 2020-01-19
        ---

        xssmarker `%s` \\<img src=x onerror=alert('excerpt')\\> &lt;/mark&gt;&lt;script&gt;alert('excerpt')&lt;/script&gt;
        """
            .formatted(payload("excerpt")),
        StandardCharsets.UTF_8);

    // Addresses in the front matter: the image, the source, the slug. A javascript: image is
    // refused
    // by the build (HostileInputIT, anh-javascript); this one tries to break out of the attribute.
    Files.writeString(
        content.resolve("2020/01/dia-chi.md"),
        """
        ---
        title: "Địa chỉ xssmarker"
        date: 2020-01-20
        image: "x.png\\" onerror=\\"window.__xss='image';alert('image')"
        source: "Nguồn"
        source_url: "javascript:window.__xss='source-url';alert('source-url')"
        slug: %s
        ---

        xssmarker
        """
            .formatted(yaml(payload("slug"))),
        StandardCharsets.UTF_8);

    server = new StaticServer(site, "/luu-tru/");
    SiteConfig config =
        SiteConfig.builder()
            .title("Lưu trữ " + payload("site-title"))
            .description(payload("site-description"))
            .baseUrl(server.url())
            .contentDir(content)
            .shownContentDir("content")
            .templatesDir(Path.of("templates"))
            .outputDir(site)
            .today(LocalDate.of(2026, 1, 1))
            .build();
    build = SiteBuilder.build(config);
    assertThat(build.written()).as("%s", build.diagnostics()).isTrue();
    // Dialogs stay open, so that each one is seen and reported.
    driver =
        Browser.start(
            1280,
            900,
            o ->
                o.setCapability(
                    CapabilityType.UNHANDLED_PROMPT_BEHAVIOUR, UnexpectedAlertBehaviour.IGNORE));
  }

  @AfterAll
  void stop() {
    if (driver != null) {
      driver.quit();
    }
    if (server != null) {
      server.close();
    }
    Trees.delete(tmp);
  }

  @Test
  void noPageRunsScriptFromTheContent() throws Exception {
    List<String> pages = new ArrayList<>();
    try (Stream<Path> files = Files.walk(site)) {
      files
          .filter(f -> f.toString().endsWith(".html"))
          .map(f -> site.relativize(f).toString().replace('\\', '/'))
          .sorted()
          .forEach(pages::add);
    }
    assertThat(pages).hasSizeGreaterThan(20);
    List<String> problems = new ArrayList<>();
    for (String page : pages) {
      String path =
          page.endsWith("index.html")
              ? page.substring(0, page.length() - "index.html".length())
              : page;
      String url =
          new URI("http", null, "127.0.0.1", server.port(), "/luu-tru/" + path, null, null)
              .toASCIIString();
      problems.addAll(visit(url, page));
    }
    assertThat(problems).as("script from the content ran or is in the page").isEmpty();
    System.out.printf("script injection: %d pages checked%n", pages.size());
  }

  @Test
  void searchingShowsThePayloadsAsText() {
    List<String> problems = new ArrayList<>();
    WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(20));
    String q = "xssmarker";
    problems.addAll(
        visit(
            server.url() + "tim-kiem/?q=" + q,
            "search " + q,
            () ->
                wait.until(d -> d.findElements(By.cssSelector("#danh-sach li h2 a")).size() >= 3)));
    // The excerpts carry the payloads as text, marked up only with <mark>.
    assertThat(
            driver.findElements(By.cssSelector("#danh-sach li > p:last-child")).stream()
                .map(e -> e.getText())
                .toList())
        .anyMatch(t -> t.contains("<script>"))
        .anyMatch(t -> t.contains("onerror="));
    assertThat(
            driver.findElements(By.cssSelector("#danh-sach li > p:last-child *")).stream()
                .map(e -> e.getTagName())
                .distinct()
                .toList())
        .containsOnly("mark");
    // A query that is itself script, typed or arriving in the address.
    String evil = "xssmarker " + payload("query");
    problems.addAll(
        visit(
            server.url() + "tim-kiem/?q=" + URLEncoder.encode(evil, StandardCharsets.UTF_8),
            "search by address",
            () -> wait.until(d -> !d.findElement(By.id("trang-thai")).getText().isEmpty())));
    problems.addAll(
        visit(
            server.url() + "tim-kiem/",
            "search typed",
            () -> {
              driver.findElement(By.id("q")).sendKeys(evil.replace("xssmarker ", "") + " onerror");
              wait.until(d -> !d.findElement(By.id("trang-thai")).getText().isEmpty());
            }));
    assertThat(problems).as("script from the content or the query ran or is in the page").isEmpty();
  }

  /**
   * The feeds as a reader shows them: the fields that feeds carry as HTML (RSS item descriptions,
   * Atom content and summaries of type html) put into a page as HTML.
   */
  @Test
  void feedReadersGetNoScriptEither() throws Exception {
    List<String> feeds = new ArrayList<>();
    try (Stream<Path> files = Files.walk(site)) {
      files
          .filter(f -> f.getFileName().toString().matches("(rss|atom)\\.xml"))
          .forEach(f -> feeds.add(site.relativize(f).toString().replace('\\', '/')));
    }
    assertThat(feeds).hasSizeGreaterThanOrEqualTo(4);
    List<String> problems = new ArrayList<>();
    int fields = 0;
    for (String feed : feeds) {
      Document xml =
          Jsoup.parse(
              Files.readString(site.resolve(feed)), server.url() + feed, Parser.xmlParser());
      for (Element e :
          xml.select(
              "item > description, entry > content[type=html], entry > summary[type=html], "
                  + "entry > title[type=html]")) {
        fields++;
        String html = e.text();
        problems.addAll(
            visit(
                server.url() + "404.html",
                feed + " " + e.tagName(),
                () ->
                    driver.executeScript(
                        "const d = document.createElement('div'); d.innerHTML = arguments[0]; document.querySelector('main').append(d);",
                        html)));
      }
    }
    assertThat(fields).isGreaterThan(10);
    assertThat(problems).as("script in what feeds carry as HTML").isEmpty();
  }

  /** The check itself: a page that does run script must fail it, naming what it found. */
  @Test
  void theCheckCatchesScriptThatRuns() {
    List<String> problems =
        visit(
            server.url(),
            "spoiled home",
            () ->
                driver.executeScript(
                    "const s = document.createElement('script'); s.textContent = \"window.__xss='spoiled'\";"
                        + "document.body.append(s); document.body.insertAdjacentHTML('beforeend', '<a href=\"javascript:void 0\">x</a>');"
                        + "setTimeout(() => alert('spoiled'), 0);"));
    assertThat(problems)
        .anyMatch(p -> p.contains("dialog") && p.contains("spoiled"))
        .anyMatch(p -> p.contains("window.__xss = spoiled"))
        .anyMatch(p -> p.contains("<script>"))
        .anyMatch(p -> p.contains("javascript:"));
  }

  private List<String> visit(String url, String name) {
    return visit(url, name, () -> {});
  }

  /** Opens {@code url}, runs {@code then}, and lists any sign of script from the content. */
  private List<String> visit(String url, String name, Runnable then) {
    List<String> problems = new ArrayList<>();
    try {
      driver.get(url);
      then.run();
      // Let load-time handlers (onerror, onload, autofocus) have their turn: after the load
      // event, wait for a timer, an animation frame and a timer again to run in the page.
      new WebDriverWait(driver, Duration.ofSeconds(10))
          .until(d -> "complete".equals(driver.executeScript("return document.readyState")));
      driver.executeAsyncScript(
          "const done = arguments[arguments.length - 1];"
              + "setTimeout(() => requestAnimationFrame(() => setTimeout(done, 0)), 0);");
    } catch (UnhandledAlertException e) {
      problems.add(name + ": a dialog opened while loading: " + e.getAlertText());
    }
    for (int i = 0; i < 20; i++) {
      try {
        var alert = driver.switchTo().alert();
        problems.add(name + ": a dialog opened: " + alert.getText());
        alert.dismiss();
      } catch (NoAlertPresentException none) {
        break;
      }
    }
    Object xss = driver.executeScript("return window.__xss");
    if (xss != null) {
      problems.add(name + ": window.__xss = " + xss);
    }
    @SuppressWarnings("unchecked")
    List<String> found = (List<String>) driver.executeScript(AUDIT, server.url());
    found.forEach(f -> problems.add(name + ": " + f));
    return problems;
  }

  /**
   * What the page's DOM holds that could run script: {@code <script>} elements other than the
   * theme's (JSON-LD data, the search page's module), event-handler attributes, and {@code
   * javascript:}, {@code vbscript:} or {@code data:text/html} addresses.
   */
  static final String AUDIT =
      """
      const base = arguments[0];
      const out = [];
      for (const s of document.querySelectorAll('script')) {
        const data = s.type === 'application/ld+json';
        if (data) {
          try { JSON.parse(s.textContent); } catch (e) { out.push('<script> JSON-LD that is not JSON: ' + s.textContent.slice(0, 200)); }
          if (s.attributes.length !== 1) out.push('<script> JSON-LD with attributes: ' + s.outerHTML.slice(0, 200));
        } else if (!(s.type === 'module' && s.src === base + 'assets/search-ui.js' && s.textContent === '')) {
          out.push('<script> not the theme\\'s: ' + s.outerHTML.slice(0, 200));
        }
      }
      const urlAttributes = ['href', 'src', 'action', 'formaction', 'data', 'xlink:href', 'poster', 'background', 'srcdoc'];
      for (const e of document.querySelectorAll('*')) {
        for (const a of e.attributes) {
          const n = a.name.toLowerCase();
          const v = a.value.replace(/[\\u0000-\\u0020]/g, '').toLowerCase();
          if (n.startsWith('on')) out.push('event attribute ' + n + ' on <' + e.tagName.toLowerCase() + '>: ' + a.value.slice(0, 120));
          if (urlAttributes.includes(n) && (v.startsWith('javascript:') || v.startsWith('vbscript:') || v.startsWith('data:text/html')))
            out.push(n + '=' + a.value.slice(0, 120) + ' on <' + e.tagName.toLowerCase() + '>');
        }
      }
      for (const e of document.querySelectorAll('iframe, object, embed, base, body meta, main style, main link'))
        out.push('<' + e.tagName.toLowerCase() + '> in the page: ' + e.outerHTML.slice(0, 120));
      for (const m of document.querySelectorAll('meta[http-equiv]')) {
        const c = m.content.replace(/\\s/g, '').toLowerCase();
        if (!c.startsWith('0;url=' + new URL(base).pathname)) out.push('meta refresh: ' + m.content);
      }
      return out;
      """;
}
