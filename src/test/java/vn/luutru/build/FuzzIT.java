package vn.luutru.build;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opentest4j.AssertionFailedError;
import vn.luutru.cli.Main;
import vn.luutru.content.Article;
import vn.luutru.content.ArticleParser;
import vn.luutru.content.Diagnostic;
import vn.luutru.content.VietnameseText;
import vn.luutru.markdown.MarkdownRenderer;
import vn.luutru.render.SiteRenderer;
import vn.luutru.render.Views;
import vn.luutru.search.SearchIndexWriter;
import vn.luutru.site.ArticlePage;
import vn.luutru.site.BodyCache;
import vn.luutru.site.SiteModel;
import vn.luutru.site.SiteModelBuilder;
import vn.luutru.testing.Trees;

/**
 * Mutated articles: the sample articles in {@code content/}, with bytes flipped, lines cut,
 * repeated or dropped, YAML and Markdown metacharacters, invalid UTF-8, combining marks, huge
 * numbers and deep nesting put in. Each case goes through the parser, the Markdown renderer and the
 * site model beside the other sample articles (every few cases also the templates and the search
 * index, in memory); a few go through {@code luutru build} itself. Nothing may throw or hang, and
 * every diagnostic must point inside its file: a line that exists, a column on it, and the text of
 * that line.
 *
 * <p>Reproducible: {@code -Dfuzz.seed=N} (default {@value #DEFAULT_SEED}), {@code -Dfuzz.cases=N}
 * (default {@value #DEFAULT_CASES}), {@code -Dfuzz.builds=N} (default 8), {@code
 * -Dfuzz.timeout=SECONDS} for a case (default 30), and {@code -Dfuzz.case=I} to run case I alone
 * (cases of full builds are numbered from {@value #BUILD_CASES}). A failure prints the seed, the
 * case, the mutations and the input, and writes the input to {@code target/fuzz-failures/}. A plain
 * loop over {@link java.util.Random} with a fixed seed: no property-testing library is needed to
 * make inputs, and every case is reproducible by its number alone.
 */
class FuzzIT {
  static final long DEFAULT_SEED = 20240101L;
  static final int DEFAULT_CASES = 3000;
  static final long SEED = Long.getLong("fuzz.seed", DEFAULT_SEED);
  static final int CASES = Integer.getInteger("fuzz.cases", DEFAULT_CASES);
  static final int BUILDS = Integer.getInteger("fuzz.builds", 8);
  static final Integer ONLY = Integer.getInteger("fuzz.case");

  /** Hang detection only: a case normally takes milliseconds. */
  static final Duration CASE_TIMEOUT = Duration.ofSeconds(Long.getLong("fuzz.timeout", 30));

  /** Every how many cases the templates and the search index run too. */
  static final int RENDER_EVERY = 40;

  static final Clock CLOCK = Clock.fixed(Instant.parse("2024-01-01T00:00:00Z"), ZoneOffset.UTC);
  static final Path CONTENT = Path.of("content");

  /** The sample articles, by path relative to content/. */
  static final Map<String, byte[]> samples = new java.util.TreeMap<>();

  static final List<String> statics = new ArrayList<>();
  static final Map<String, Article> parsed = new HashMap<>();

  static final ArticleParser parser = new ArticleParser();
  static final MarkdownRenderer markdown = new MarkdownRenderer();
  static SiteRenderer renderer;

  @BeforeAll
  static void readSamples() throws IOException {
    if (!samples.isEmpty()) {
      return;
    }
    try (Stream<Path> files = Files.walk(CONTENT)) {
      for (Path f : files.filter(Files::isRegularFile).sorted().toList()) {
        String rel = CONTENT.relativize(f).toString().replace('\\', '/');
        if (rel.endsWith(".md")) {
          samples.put(rel, Files.readAllBytes(f));
        } else {
          statics.add(rel);
        }
      }
    }
    assertThat(samples).hasSizeGreaterThan(5);
    for (Map.Entry<String, byte[]> e : samples.entrySet()) {
      ArticleParser.Parsed p = parser.parse(e.getKey(), shown(e.getKey()), e.getValue());
      parsed.put(e.getKey(), p.article().orElseThrow(() -> new AssertionError(p.diagnostics())));
    }
    renderer =
        new SiteRenderer(
            new Views.SiteInfo("Lưu trữ", "", "https://example.org/luu-tru/", "/luu-tru/", "vi"),
            3,
            Optional.of(Path.of("templates")),
            "templates");
  }

  static String shown(String rel) {
    return "content/" + rel;
  }

  /** One generated input: which sample it came from, what was done to it, and the bytes. */
  record Case(int index, String rel, List<String> mutations, byte[] bytes) {
    String describe() {
      String text = new String(bytes, StandardCharsets.UTF_8);
      String shownText =
          text.length() > 4000 ? text.substring(0, 4000) + "… (" + text.length() + " chars)" : text;
      return "fuzz case "
          + index
          + " (reproduce: -Dfuzz.seed="
          + SEED
          + " -Dfuzz.case="
          + index
          + ")\n"
          + "from content/"
          + rel
          + ", mutations: "
          + mutations
          + "\n"
          + "input (Java escapes):\n"
          + escape(shownText);
    }
  }

  /** How many in-memory cases reached the model, the templates and the search index. */
  static final java.util.concurrent.atomic.AtomicInteger MODELLED =
      new java.util.concurrent.atomic.AtomicInteger();

  static final java.util.concurrent.atomic.AtomicInteger RENDERED =
      new java.util.concurrent.atomic.AtomicInteger();
  static final java.util.concurrent.atomic.AtomicInteger INDEXED =
      new java.util.concurrent.atomic.AtomicInteger();

  @Test
  void parserMarkdownModelAndTemplatesNeverCrashNorHangAndPointInsideTheFile() {
    fuzzInMemory(cases(0, CASES));
  }

  /**
   * Runs {@code cases} through the parser, the Markdown renderer and the model (every {@value
   * #RENDER_EVERY}th also through the templates and the search index), and checks that enough of
   * them reached each stage. {@link #readSamples} must have run.
   */
  static void fuzzInMemory(int[] cases) {
    long started = System.nanoTime();
    AtomicLong diagnostics = new AtomicLong();
    BodyCache cache = new BodyCache();
    int modelledBefore = MODELLED.get();
    int renderedBefore = RENDERED.get();
    int indexedBefore = INDEXED.get();
    for (int i : cases) {
      Case c = generate(i);
      int index = i;
      try {
        assertTimeoutPreemptively(
            CASE_TIMEOUT,
            () -> diagnostics.addAndGet(runInMemory(c, cache, index)),
            () -> "hang: no answer within " + CASE_TIMEOUT.toSeconds() + " s");
      } catch (AssertionError | RuntimeException e) {
        throw failure(c, e);
      }
    }
    System.out.printf(
        "fuzz: %d cases from seed %d, %d diagnostics, %d modelled, %d rendered, %d indexed, %.1f s%n",
        cases.length,
        SEED,
        diagnostics.get(),
        MODELLED.get() - modelledBefore,
        RENDERED.get() - renderedBefore,
        INDEXED.get() - indexedBefore,
        (System.nanoTime() - started) / 1e9);
    // A fuzzer whose mutations all stopped at the parser would prove nothing about the rest.
    assertThat(MODELLED.get() - modelledBefore)
        .as("cases that reached the model")
        .isGreaterThan(cases.length / 4);
    assertThat(RENDERED.get() - renderedBefore)
        .as("cases that reached the templates")
        .isGreaterThan(cases.length / RENDER_EVERY / 4);
    assertThat(INDEXED.get() - indexedBefore)
        .as("cases that reached the search index")
        .isGreaterThan(cases.length / RENDER_EVERY / 8);
  }

  @Test
  void fullBuildsExitWithZeroOrOneAndAFailedBuildLeavesThePreviousSite(@TempDir Path dir)
      throws IOException {
    Path content = dir.resolve("content");
    Path site = dir.resolve("site");
    List<String> keep =
        List.of(
            "2020/01/dai-hoi-chi-bo-van-phong-2.md",
            "2015/06/dai-hoi-dang-bo-so-cong-thuong.md",
            "2020/06/dai-hoi-dang-bo-so-cong-thuong.md");
    for (String rel : keep) {
      write(content.resolve(rel), samples.get(rel));
    }
    for (String rel : statics) {
      write(content.resolve(rel), Files.readAllBytes(CONTENT.resolve(rel)));
    }
    String[] args = {
      "build",
      "--content",
      content.toString(),
      "--output",
      site.toString(),
      "--templates",
      "templates"
    };
    assertThat(run(args).code).isZero();
    for (int i : cases(BUILD_CASES, BUILDS)) {
      Case c = generate(i);
      Path target = content.resolve("2020/01/dai-hoi-chi-bo-van-phong-2.md");
      try {
        assertTimeoutPreemptively(
            CASE_TIMEOUT.multipliedBy(2),
            () -> {
              write(target, c.bytes());
              Map<String, Integer> before = Trees.digest(site);
              Result r = run(args);
              assertThat(r.code).as(r.err).isIn(0, 1);
              assertThat(r.err)
                  .as("no internal error")
                  .doesNotContain("luutru: error:", "Exception", "internal error");
              if (r.code == 1) {
                assertThat(Trees.digest(site))
                    .as("a failed build leaves the site as it was")
                    .isEqualTo(before);
                assertThat(r.err).contains("error: ");
              }
              try (Stream<Path> s = Files.list(dir)) {
                assertThat(
                        s.map(p -> p.getFileName().toString())
                            // the builds' lock and cache folder
                            .filter(f -> !f.equals(".luutru")))
                    .containsExactlyInAnyOrder("content", "site");
              }
            });
      } catch (AssertionError | RuntimeException e) {
        throw failure(c, e);
      }
    }
  }

  /**
   * Cases of full builds are numbered from here, so that each case has one number to run it again
   * by.
   */
  static final int BUILD_CASES = 1_000_000;

  /**
   * Cases {@code first} to {@code first + count - 1}, or only -Dfuzz.case when it is one of them.
   */
  static int[] cases(int first, int count) {
    if (ONLY != null) {
      return ONLY >= first && ONLY < first + Math.max(count, BUILD_CASES)
          ? new int[] {ONLY}
          : new int[0];
    }
    return java.util.stream.IntStream.range(first, first + count).toArray();
  }

  record Result(int code, String out, String err) {}

  static Result run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = Main.run(args, new PrintWriter(out), new PrintWriter(err), CLOCK);
    return new Result(code, out.toString(), err.toString());
  }

  private static void write(Path p, byte[] bytes) {
    try {
      Files.createDirectories(p.getParent());
      Files.write(p, bytes);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Parse, model (with the other samples) and, now and then, templates and search; returns the
   * diagnostics.
   */
  private static long runInMemory(Case c, BodyCache cache, int i) throws IOException {
    String path = shown(c.rel());
    ArticleParser.Parsed p = parser.parse(c.rel(), path, c.bytes());
    Map<String, List<String>> lines = new HashMap<>();
    lines.put(path, lines(c.bytes()));
    samples.forEach((rel, bytes) -> lines.putIfAbsent(shown(rel), lines(bytes)));
    checkDiagnostics(p.diagnostics(), lines);
    boolean errors = p.diagnostics().stream().anyMatch(Diagnostic::isError);
    assertThat(p.article().isPresent())
        .as("an article exactly when there are no errors")
        .isEqualTo(!errors);
    if (p.article().isEmpty()) {
      return p.diagnostics().size();
    }
    Article a = p.article().get();
    a.positions()
        .forEach(
            (key, pos) ->
                checkPosition(
                    path,
                    pos.line(),
                    pos.column(),
                    pos.sourceLine(),
                    lines.get(path),
                    "position of " + key));
    List<Article> all = new ArrayList<>();
    parsed.forEach(
        (rel, article) -> {
          if (!rel.equals(c.rel())) {
            all.add(article);
          }
        });
    all.add(a);
    boolean check = i % 2 == 0;
    SiteModel model =
        new SiteModelBuilder(markdown, cache)
            .build(
                all,
                statics,
                new SiteModelBuilder.Options(
                    "/luu-tru/", true, true, LocalDate.of(2024, 1, 1), check));
    checkDiagnostics(model.diagnostics(), lines);
    MODELLED.incrementAndGet();
    model.articles().forEach(x -> checkFileName(x.path() + "index.html"));
    model.aliases().forEach(x -> checkFileName(x.file()));
    Stream.concat(model.categories().stream(), model.tags().stream())
        .forEach(t -> checkFileName(t.path() + "index.html"));
    model.organizations().forEach(o -> checkFileName(o.path() + "index.html"));
    model.terms().forEach(t -> checkFileName(t.path() + "index.html"));
    ArticlePage page =
        model.articles().stream().filter(x -> x.article() == a).findFirst().orElseThrow();
    assertThat(page.html())
        .as("the body stays safe")
        .doesNotContainIgnoringCase("<script")
        .doesNotContainPattern("(?i)=\"\\s*(javascript|vbscript|data):")
        .doesNotContainPattern("(?i)<[^>]*\\son[a-z]+\\s*=");
    long count = p.diagnostics().size() + model.diagnostics().size();
    if (i % RENDER_EVERY == 0 && model.diagnostics().stream().noneMatch(Diagnostic::isError)) {
      Set<String> files = java.util.concurrent.ConcurrentHashMap.newKeySet();
      List<Diagnostic> rendered =
          renderer.render(
              model,
              (file, bytes) -> {
                checkFileName(file);
                assertThat(files.add(file)).as("written once: " + file).isTrue();
              });
      checkDiagnostics(rendered, lines);
      RENDERED.incrementAndGet();
      assertThat(rendered)
          .as("only address collisions, never a template failure")
          .allMatch(d -> d.message().contains("address"));
      if (rendered.isEmpty()) {
        SearchIndexWriter.write(
            model.articles(),
            (file, bytes) -> {
              assertThat(files.add(file)).as("written once: " + file).isTrue();
            });
        INDEXED.incrementAndGet();
      }
      count += rendered.size();
    }
    return count;
  }

  /**
   * A file the site may have on any file system: relative, no control characters, short segments.
   */
  static void checkFileName(String file) {
    assertThat(file)
        .as("site file name")
        .isNotEmpty()
        .doesNotStartWith("/")
        .doesNotContain("\\", "//")
        .doesNotContainPattern("[\\x00-\\x1F\\x7F]");
    for (String segment : file.split("/")) {
      assertThat(segment).as("segment of " + file).isNotIn("", ".", "..");
      assertThat(segment.getBytes(StandardCharsets.UTF_8).length)
          .as("bytes in a segment of " + file)
          .isLessThanOrEqualTo(255);
    }
  }

  /**
   * The lines a diagnostic may quote: the file decoded leniently, cleaned as the parser cleans it.
   */
  static List<String> lines(byte[] bytes) {
    String text = new String(bytes, StandardCharsets.UTF_8);
    if (text.startsWith("\uFEFF")) {
      text = text.substring(1);
    }
    return List.of(VietnameseText.clean(text).split("\n", -1));
  }

  static void checkDiagnostics(List<Diagnostic> diags, Map<String, List<String>> lines) {
    for (Diagnostic d : diags) {
      assertThat(d.message())
          .as("message of " + d.format())
          .isNotBlank()
          .doesNotContain("Exception", "internal error", "java.");
      List<String> file = lines.get(d.path());
      if (file == null) {
        // A file that is not an article (a static file that takes a page's address): named by its
        // path.
        assertThat(d.line()).as(d.format()).isZero();
        assertThat(d.path()).as(d.format()).startsWith("content/");
        continue;
      }
      checkPosition(d.path(), d.line(), d.column(), d.sourceLine(), file, d.format());
      boolean inBody =
          d.message().startsWith("link to ")
              || d.message().startsWith("anchor #")
              || d.message().startsWith("image without alternative text: write it")
              || (d.message().startsWith("image ")
                  && d.message().endsWith("no such file in the content folder"));
      if (inBody && d.line() > 0) {
        String text = file.get(d.line() - 1);
        int at = text.offsetByCodePoints(0, d.column() - 1);
        assertThat(at < text.length() ? text.charAt(at) : ' ')
            .as(d.format() + ": the column is where the link starts")
            .isIn('[', '!', '<');
      }
    }
  }

  static void checkPosition(
      String path, int line, int column, String sourceLine, List<String> file, String what) {
    if (line == 0) {
      assertThat(column).as(what).isZero();
      return;
    }
    assertThat(line)
        .as(what + ": line inside " + path + " (" + file.size() + " lines)")
        .isBetween(1, file.size());
    String text = file.get(line - 1);
    int length = text.codePointCount(0, text.length());
    assertThat(column)
        .as(what + ": column on line " + line + " (" + length + " characters)")
        .isBetween(1, length + 1);
    if (what.contains(": error: not valid UTF-8") || what.contains(": error: not a text file")) {
      // Placed at a byte: the line is quoted up to it (its last letter may take an accent from
      // beyond it).
      String start =
          sourceLine.isEmpty()
              ? ""
              : sourceLine.substring(0, sourceLine.offsetByCodePoints(sourceLine.length(), -1));
      assertThat(text)
          .as(what + ": the quoted line is the start of line " + line)
          .startsWith(start);
    } else if (!sourceLine.isEmpty()) {
      assertThat(sourceLine).as(what + ": the quoted line is line " + line).isEqualTo(text);
    }
  }

  private static AssertionError failure(Case c, Throwable e) {
    try {
      Path dir = Path.of("target", "fuzz-failures");
      Files.createDirectories(dir);
      Files.write(dir.resolve("seed-" + SEED + "-case-" + c.index() + ".md"), c.bytes());
    } catch (IOException ignored) {
      // The printed input is enough.
    }
    AssertionFailedError error = new AssertionFailedError(c.describe() + "\n\nfailure: " + e, e);
    return error;
  }

  // ---- generation ----

  private static final List<String> KEYS =
      List.of(
          "title",
          "date",
          "summary",
          "description",
          "source",
          "source_url",
          "author",
          "authors",
          "categories",
          "category",
          "tags",
          "image",
          "image_caption",
          "image_alt",
          "draft",
          "published",
          "slug",
          "aliases",
          "redirect_from",
          "weight",
          "lastmod",
          "updated",
          "congress",
          "layout",
          "tieu_de");
  private static final List<String> CONGRESS_KEYS =
      List.of(
          "organization",
          "organisation",
          "parent",
          "ordinal",
          "term",
          "held",
          "directed_by",
          "elected",
          "committee_size",
          "extra");
  private static final List<String> VALUES =
      List.of(
          "",
          "~",
          "null",
          "[]",
          "{}",
          "\"\"",
          "''",
          "0",
          "-1",
          "1",
          "99999999999999999999",
          "2147483648",
          "-2147483649",
          "1e400",
          "0x7FFFFFFF",
          "0o17",
          ".inf",
          "-.nan",
          "true",
          "có",
          "2020-02-30",
          "2020-13-01",
          "0000-01-01",
          "9999-12-31",
          "10000-01-01",
          "2020-01-17T25:61:00",
          "2020-01-17T08:30:00+99:99",
          "2020-01-17T08:30:00+07:00",
          "31/12/9999",
          "00/00/0000",
          "17/01/2020",
          "\"2020-2022\"",
          "\"2022-2020\"",
          "\"9999-99999\"",
          "[\"a\", [\"b\"]]",
          "[{name: \"\"}]",
          "[{role: x}]",
          "{organization: \"Chi bộ\", term: \"2020-2025\"}",
          "{ name: \"A\", role: \"B\" }",
          "&a [1, 2]",
          "*a",
          "*b",
          "!!binary aGk=",
          "!!int x",
          "!foo bar",
          "|\n  khối\n  văn bản",
          ">-\n  gấp",
          "\"\\u0000\\b\\x85\"",
          "\"/tin-tuc/205.html\"",
          "[\"/tin-tuc/205.html\", \"/\", \"/../x\", \"/a/%00/b\", \"/a%2F..%2Fb\"]",
          "[\"/chuyen-muc/dai-hoi-dang/\", \"/index.html\", \"/search/index.json\", \"/2020/01/\"]",
          "[\"/a/%00/b\"]",
          "[\"/a%0Ab/\"]",
          "[\"/" + "x".repeat(300) + ".html\"]",
          "\"/tin-tuc/%E1%BA%A1.html\"",
          "[\"/a b/c\"]",
          "[\"/%C0%AE%C0%AE/x\"]",
          "[\"/a%2Fb\"]",
          "[\"/a/%2e%2e/b\"]",
          "\"/tin-tuc/205.html?x=1#y\"",
          "\"http://x\"",
          "\"javascript:alert(1)\"",
          "\"../../../../etc/passwd\"",
          "\"anh/dai-hoi-van-phong-2.svg\"",
          "\"//evil.example/x.png\"",
          "\"-\"",
          "\"Đại hội Đảng\"",
          "\"Dai hoi Dang\"",
          "\"ĐẠI HỘI ĐẢNG\"",
          "\"" + "x".repeat(300) + "\"",
          "\"" + "Đ".repeat(200) + "\"",
          "\"\u0301\u0303\u0323\"");
  private static final List<String> META =
      List.of(
          ":",
          "-",
          "[",
          "]",
          "{",
          "}",
          "*",
          ">",
          "`",
          "|",
          "&",
          "!",
          "\t",
          "\r",
          "\uFEFF",
          "#",
          "%",
          "@",
          "'",
          "\"",
          "\\",
          "\n",
          "---\n",
          "...\n",
          "? ",
          ": ",
          "- ",
          "&a ",
          "*a ",
          "<<: ",
          "!!str ",
          "\u2028",
          "\u0085",
          "\u0000",
          "\u00AD",
          "\u200B",
          "\u202E",
          "\r\n",
          "\n\n",
          "    ",
          "```",
          "~~~",
          "<!--",
          "<div>",
          "</div>",
          "<script>alert(1)</script>",
          "<img src=x onerror=alert(1)>",
          "[^1]",
          "[^1]: chú thích\n",
          "[x]: /url\n",
          "| a | b |\n|---|---|\n",
          "&#0;",
          "&#x110000;",
          "&ZZZ;",
          "&amp;",
          "\\",
          "_",
          "~",
          "<",
          "https://",
          "www.",
          "😀",
          "𝔸",
          "\uD800",
          "\uDFFF",
          "\uFFFE",
          "\uFFFF");
  private static final List<String> MARKS =
      List.of("\u0300", "\u0301", "\u0303", "\u0309", "\u0323", "\u0302", "\u0306", "\u031B");
  private static final List<String> MARKDOWN =
      List.of(
          "[liên kết](../01/dai-hoi-chi-bo-van-phong-2.md)",
          "[liên kết](dai-hoi-chi-bo-van-phong-2.md#khong-co)",
          "[x](#muc)",
          "[x](<có khoảng trắng.md>)",
          "![](anh/dai-hoi-van-phong-2.svg)",
          "![ảnh](anh/khong-co.png)",
          "[x](/2020/)",
          "[x](javascript:alert(1))",
          "[x](JaVaScRiPt:alert(1))",
          "[x](data:text/html,1)",
          "<javascript:alert(1)>",
          "<https://example.org>",
          "[x](%)",
          "[x](%zz)",
          "[x](../../../../../etc/passwd)",
          "[x](//evil.example)",
          "# Tiêu đề",
          "###### h6",
          "####### h7",
          "Tiêu đề\n===",
          "- [ ] việc",
          "1. một\n2. hai",
          "2147483648. số lớn",
          "> trích dẫn",
          "```\nmã\n",
          "    mã thụt",
          "***",
          "<table><tr><td>ô</td></tr></table>",
          "<a href=\"javascript:x\">x</a>",
          "<iframe src=x></iframe>",
          "<style>*{}</style>",
          "<svg onload=alert(1)>",
          "[^chú]\n\n[^chú]: giải thích",
          "[^a]: [^a]",
          "| a |\n|:-:|\n| b | c | d |",
          "\\\n",
          "  \n",
          "<br>",
          "&nbsp;",
          "**đậm *nghiêng***",
          "~~gạch~~",
          "😀😀 [x](khong-co.md)",
          "\t[x](khong-co.md)",
          "𝔸 ![](khong-co.png) 𝔸 [x](#khong)",
          "a\t\t[x](y.md)",
          "`mã`",
          "``",
          "[",
          "](",
          "![",
          "<",
          "<a",
          "</",
          "<?php ?>",
          "<![CDATA[ x ]]>");

  static Case generate(int index) {
    Random r = new Random(SEED * 0x9E3779B97F4A7C15L + index);
    List<String> names = new ArrayList<>(samples.keySet());
    String rel = names.get(r.nextInt(names.size()));
    byte[] bytes = samples.get(rel);
    List<String> done = new ArrayList<>();
    if (r.nextInt(50) == 0) {
      bytes = randomBytes(r, done);
    }
    int n = 1 + r.nextInt(r.nextInt(10) == 0 ? 12 : 4);
    for (int k = 0; k < n; k++) {
      bytes = mutate(bytes, r, done);
    }
    return new Case(index, rel, done, bytes);
  }

  private static byte[] randomBytes(Random r, List<String> done) {
    byte[] b = new byte[r.nextInt(2000)];
    r.nextBytes(b);
    done.add("random bytes (" + b.length + ")");
    return b;
  }

  static byte[] mutate(byte[] in, Random r, List<String> done) {
    int kind = r.nextInt(21);
    switch (kind) {
      case 0 -> {
        if (in.length == 0) {
          return in;
        }
        byte[] b = in.clone();
        int at = r.nextInt(b.length);
        b[at] = (byte) r.nextInt(256);
        done.add("byte " + at + " = 0x" + Integer.toHexString(b[at] & 0xFF));
        return b;
      }
      case 1 -> {
        if (in.length == 0) {
          return in;
        }
        byte[] b = in.clone();
        int at = r.nextInt(b.length);
        b[at] ^= (byte) (1 << r.nextInt(8));
        done.add("bit flip at " + at);
        return b;
      }
      case 2 -> {
        int at = in.length == 0 ? 0 : r.nextInt(in.length);
        done.add("truncate at " + at);
        return java.util.Arrays.copyOf(in, at);
      }
      case 3 -> {
        byte[] junk =
            switch (r.nextInt(7)) {
              case 0 -> new byte[] {(byte) 0xFF};
              case 1 -> new byte[] {(byte) 0xC0, (byte) 0x80};
              case 2 -> new byte[] {(byte) 0xED, (byte) 0xA0, (byte) 0x80};
              case 3 -> new byte[] {(byte) 0xF4, (byte) 0x90, (byte) 0x80, (byte) 0x80};
              case 4 -> new byte[] {(byte) 0x80};
              case 5 -> new byte[] {(byte) 0xE1, (byte) 0xBA};
              default -> new byte[] {(byte) 0xFE, (byte) 0xFF, 0};
            };
        int at = r.nextInt(in.length + 1);
        done.add("invalid UTF-8 " + hex(junk) + " at byte " + at);
        return insert(in, at, junk);
      }
      default -> {
        return text(new String(in, StandardCharsets.UTF_8), kind, r, done)
            .getBytes(StandardCharsets.UTF_8);
      }
    }
  }

  private static String text(String s, int kind, Random r, List<String> done) {
    List<String> lines = new ArrayList<>(List.of(s.split("\n", -1)));
    int line = r.nextInt(lines.size());
    int fm = frontMatterEnd(lines);
    switch (kind) {
      case 4 -> {
        done.add("duplicate line " + (line + 1));
        lines.add(line, lines.get(line));
      }
      case 5 -> {
        done.add("delete line " + (line + 1));
        lines.remove(line);
      }
      case 6 -> {
        int other = r.nextInt(lines.size());
        done.add("swap lines " + (line + 1) + " and " + (other + 1));
        java.util.Collections.swap(lines, line, other);
      }
      case 7, 8 -> {
        String m = pick(META, r);
        int at = s.isEmpty() ? 0 : r.nextInt(s.length() + 1);
        done.add("insert " + escape(m) + " at char " + at);
        return s.substring(0, at) + m + s.substring(at);
      }
      case 9 -> {
        String key = pick(KEYS, r);
        String value = pick(VALUES, r);
        int at = fm > 1 ? 1 + r.nextInt(fm - 1) : 1;
        done.add("front matter line " + (at + 1) + ": " + key + ": " + escape(value));
        lines.add(Math.min(at, lines.size()), key + ": " + value);
      }
      case 10 -> {
        String value = pick(VALUES, r);
        int at = fm > 1 ? 1 + r.nextInt(fm - 1) : 1;
        if (at < lines.size() && lines.get(at).contains(":")) {
          String l = lines.get(at);
          String replaced = l.substring(0, l.indexOf(':') + 1) + " " + value;
          done.add("line " + (at + 1) + " value = " + escape(value));
          lines.set(at, replaced);
        } else {
          done.add("no value to replace on line " + (at + 1));
        }
      }
      case 11 -> {
        String key = pick(CONGRESS_KEYS, r);
        String value = pick(VALUES, r);
        int at = fm > 1 ? 1 + r.nextInt(fm - 1) : 1;
        String block =
            r.nextBoolean() ? "congress:\n  " + key + ": " + value : "  " + key + ": " + value;
        done.add("front matter line " + (at + 1) + ": " + escape(block));
        lines.add(Math.min(at, lines.size()), block);
      }
      case 12 -> {
        int depth = 1 + r.nextInt(r.nextBoolean() ? 60 : 3000);
        String[] shapes = {
          "[", "{a: ", "- ", "> ", "* ", "  ", "**", "_", "[", "![", "<div>", "<b>", "1. ", "\t"
        };
        String shape = shapes[r.nextInt(shapes.length)];
        String nest;
        if (shape.equals("  ")) {
          StringBuilder b = new StringBuilder();
          for (int d = 0; d < Math.min(depth, 300); d++) {
            b.append("  ".repeat(d)).append("- mục\n");
          }
          nest = b.toString();
        } else {
          String close =
              switch (shape) {
                case "[" -> "]";
                case "{a: " -> "}";
                case "**" -> "**";
                case "_" -> "_";
                case "![" -> "](x.png)";
                case "<div>" -> "</div>";
                case "<b>" -> "</b>";
                default -> "";
              };
          nest = shape.repeat(depth) + "sâu" + close.repeat(depth);
        }
        boolean inFront = fm > 1 && r.nextBoolean();
        int at =
            inFront
                ? 1 + r.nextInt(fm - 1)
                : Math.min(lines.size(), fm + 1 + r.nextInt(Math.max(1, lines.size() - fm)));
        String l = inFront ? "tags: " + nest : nest;
        done.add("nest " + escape(shape) + " x" + depth + " at line " + (at + 1));
        lines.add(Math.min(at, lines.size()), l);
      }
      case 13 -> {
        String mark = pick(MARKS, r);
        int count = r.nextInt(5) == 0 ? 1 + r.nextInt(200) : 1;
        int at = s.isEmpty() ? 0 : r.nextInt(s.length() + 1);
        done.add("combining " + escape(mark) + " x" + count + " at char " + at);
        return s.substring(0, at) + mark.repeat(count) + s.substring(at);
      }
      case 14 -> {
        done.add("NFD");
        return java.text.Normalizer.normalize(s, java.text.Normalizer.Form.NFD);
      }
      case 15 -> {
        String md = pick(MARKDOWN, r);
        int at = Math.min(lines.size(), fm + 1 + r.nextInt(Math.max(1, lines.size() - fm)));
        done.add("Markdown line " + (at + 1) + ": " + escape(md));
        lines.add(at, md);
      }
      case 16 -> {
        String md = pick(MARKDOWN, r);
        String l = lines.get(line);
        int at = r.nextInt(l.length() + 1);
        done.add("Markdown " + escape(md) + " in line " + (line + 1) + " at " + at);
        lines.set(line, l.substring(0, at) + md + l.substring(at));
      }
      case 17 -> {
        String[] eol = {"\r\n", "\r", "\u2028", "\n\n"};
        String e = eol[r.nextInt(eol.length)];
        done.add("line ends " + escape(e));
        return String.join(e, lines);
      }
      case 18 -> {
        String[] huge = {
          "99999999999999999999",
          "2147483648",
          "-2147483649",
          "1e400",
          "0x7FFFFFFFFFFF",
          "9".repeat(400)
        };
        String h = huge[r.nextInt(huge.length)];
        String l = lines.get(line);
        String replaced = l.replaceFirst("\\d+", java.util.regex.Matcher.quoteReplacement(h));
        done.add("number on line " + (line + 1) + " = " + h);
        lines.set(line, replaced);
      }
      case 19 -> {
        // Long runs of white space: regular expressions with \s+ before something else take time
        // in the square of the run.
        String[] runs = {" ", "\t", " \t", "\n", " \n"};
        String run = runs[r.nextInt(runs.length)].repeat(1_000 + r.nextInt(100_000));
        int at = s.isEmpty() ? 0 : r.nextInt(s.length() + 1);
        done.add("white space run of " + run.length() + " at char " + at);
        return s.substring(0, at) + run + "x" + s.substring(at);
      }
      default -> {
        int from = r.nextInt(lines.size());
        int count = 1 + r.nextInt(Math.min(5, lines.size() - from));
        int to = r.nextInt(lines.size() + 1);
        done.add("copy lines " + (from + 1) + "+" + count + " to " + (to + 1));
        lines.addAll(to, new ArrayList<>(lines.subList(from, from + count)));
      }
    }
    return String.join("\n", lines);
  }

  private static int frontMatterEnd(List<String> lines) {
    for (int i = 1; i < lines.size(); i++) {
      if (lines.get(i).strip().equals("---")) {
        return i;
      }
    }
    return 1;
  }

  private static <T> T pick(List<T> list, Random r) {
    return list.get(r.nextInt(list.size()));
  }

  private static byte[] insert(byte[] in, int at, byte[] what) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(in.length + what.length);
    out.write(in, 0, at);
    out.write(what, 0, what.length);
    out.write(in, at, in.length - at);
    return out.toByteArray();
  }

  private static String hex(byte[] b) {
    StringBuilder s = new StringBuilder();
    for (byte x : b) {
      s.append(String.format("%02X ", x & 0xFF));
    }
    return s.toString().strip();
  }

  static String escape(String s) {
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '\n') {
        out.append("\\n\n");
      } else if (c == '\r') {
        out.append("\\r");
      } else if (c == '\t') {
        out.append("\\t");
      } else if (c < 0x20
          || (c >= 0x7F && c <= 0x9F)
          || Character.isSurrogate(c)
          || c == '\uFEFF'
          || (c >= '\u2028' && c <= '\u202E')
          || (c >= '\u200B' && c <= '\u200F')
          || c == '\u00AD'
          || Character.getType(c) == Character.NON_SPACING_MARK) {
        out.append(String.format("\\u%04X", (int) c));
      } else {
        out.append(c);
      }
    }
    return out.toString();
  }
}
