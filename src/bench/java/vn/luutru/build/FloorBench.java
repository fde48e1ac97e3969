package vn.luutru.build;

import io.pebbletemplates.pebble.PebbleEngine;
import io.pebbletemplates.pebble.loader.ClasspathLoader;
import io.pebbletemplates.pebble.template.PebbleTemplate;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.Normalizer;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.commonmark.Extension;
import org.commonmark.ext.autolink.AutolinkExtension;
import org.commonmark.ext.footnotes.FootnotesExtension;
import org.commonmark.ext.gfm.tables.TablesExtension;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.composer.Composer;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.NodeTuple;
import org.snakeyaml.engine.v2.nodes.ScalarNode;
import org.snakeyaml.engine.v2.nodes.SequenceNode;
import org.snakeyaml.engine.v2.parser.ParserImpl;
import org.snakeyaml.engine.v2.scanner.StreamReader;

/**
 * The least a build on this project's libraries costs: a site of the kinds of pages {@code
 * bench/hugo} makes, built with snakeyaml-engine, commonmark-java and Pebble and nothing of
 * luutru's, for {@code bench/bench.py --floor} to time beside Hugo and {@code luutru build}.
 *
 * <p>It reads each file and cuts its front matter at the second {@code ---} line, loads the YAML,
 * parses and renders the Markdown with the extensions luutru uses, and renders through the
 * templates in {@code src/bench/resources/floor} (the Pebble twins of {@code bench/hugo}'s):
 * article pages, home and category lists of 20 a page with their pager, RSS and Atom of 20 for home
 * and each category, the list of categories, a sitemap. On both cores, in a JVM started as {@code
 * luutru build} starts its second one.
 *
 * <p>Left out, all of which {@code luutru build} does: checking anything (no diagnostics, no NFC,
 * no control characters, no address clashes), plain text and summaries, related articles, year and
 * month archives, the search index and page, the JVM that chooses the second one's options, writing
 * beside the old site and swapping it in. So its time is a floor for a build on these libraries,
 * not a build.
 *
 * <pre>
 * python3 bench/bench.py --sizes 10000 --runs 5 --floor
 * </pre>
 *
 * <p>It prints its stages as {@code luutru build --timings} does, named as luutru's: content
 * (reading, front matter), model (Markdown), render (templates and writing).
 */
public final class FloorBench {
  private static final String SITE = "Lưu trữ tin bài";
  private static final String BASE = "http://localhost:8080";
  private static final Map<String, Map<String, Object>> CATEGORIES =
      new java.util.concurrent.ConcurrentHashMap<>();
  private static final String[] WEEKDAYS = {
    "Thứ Hai", "Thứ Ba", "Thứ Tư", "Thứ Năm", "Thứ Sáu", "Thứ Bảy", "Chủ Nhật"
  };

  private FloorBench() {}

  public static void main(String[] args) throws Exception {
    Path content = Path.of(args[0]);
    Path out = Path.of(args[1]);
    Map<String, Long> timings = new LinkedHashMap<>();
    long t = System.nanoTime();

    // content: the files, and their front matter as YAML.
    List<Path> files;
    try (Stream<Path> s = Files.walk(content)) {
      files = s.filter(p -> p.toString().endsWith(".md")).sorted().toList();
    }
    int n = files.size();
    String[] bodies = new String[n];
    List<Map<String, Object>> articles = new ArrayList<>(java.util.Collections.nCopies(n, null));
    // Without marks (positions), which only error messages need.
    LoadSettings yaml = LoadSettings.builder().setLabel("front matter").setUseMarks(false).build();
    IntStream.range(0, n)
        .parallel()
        .forEach(
            i -> {
              String text;
              try {
                text = Files.readString(files.get(i));
              } catch (IOException e) {
                throw new UncheckedIOException(e);
              }
              int close = text.indexOf("\n---\n", 3);
              if (!text.startsWith("---\n") || close < 0) {
                throw new IllegalArgumentException(
                    files.get(i) + ": no front matter between '---' lines (LF only)");
              }
              int bodyStart = close + 5;
              Map<String, Object> front = frontMatter(yaml, text.substring(4, close + 1));
              bodies[i] = text.substring(bodyStart);
              articles.set(i, article(front, files.get(i)));
            });
    t = lap(timings, "content", t);

    // model: Markdown to HTML.
    List<Extension> extensions =
        List.of(TablesExtension.create(), AutolinkExtension.create(), FootnotesExtension.create());
    Parser parser = Parser.builder().extensions(extensions).build();
    HtmlRenderer renderer = HtmlRenderer.builder().extensions(extensions).build();
    IntStream.range(0, n)
        .parallel()
        .forEach(
            i -> {
              articles.get(i).put("body", renderer.render(parser.parse(bodies[i])));
              bodies[i] = null;
            });
    t = lap(timings, "model", t);

    // render: every page through its template, each written as it is made.
    List<Map<String, Object>> sorted = new ArrayList<>(articles);
    sorted.sort(
        Comparator.comparing((Map<String, Object> a) -> (String) a.get("date"))
            .reversed()
            .thenComparing(a -> (String) a.get("title")));
    Map<String, List<Map<String, Object>>> byCategory = new TreeMap<>();
    for (Map<String, Object> a : sorted) {
      for (Object c : (List<?>) a.get("categories")) {
        @SuppressWarnings("unchecked")
        Map<String, Object> category = (Map<String, Object>) c;
        byCategory.computeIfAbsent((String) category.get("name"), k -> new ArrayList<>()).add(a);
      }
    }
    PebbleEngine engine =
        new PebbleEngine.Builder()
            .loader(
                new ClasspathLoader() {
                  {
                    setPrefix("floor");
                  }
                })
            .build();
    PebbleTemplate articlePage = engine.getTemplate("article.peb");
    PebbleTemplate listPage = engine.getTemplate("list.peb");
    Writer writer = new Writer(out);
    List<Runnable> pages = new ArrayList<>();
    List<String> urls = new ArrayList<>();
    for (Map<String, Object> a : sorted) {
      String url = (String) a.get("url");
      urls.add(url);
      pages.add(
          () -> {
            Map<String, Object> page = page((String) a.get("title"), url);
            page.put("article", a);
            page.put("summary", a.get("summary"));
            page.put("jsonLd", jsonLd(a));
            writer.write(url + "index.html", articlePage, page);
          });
    }
    lists(pages, urls, writer, listPage, engine, "Bài viết mới", "/", sorted, true);
    List<Map<String, Object>> categories = new ArrayList<>();
    byCategory.forEach(
        (name, members) -> {
          String url = "/categories/" + slug(name) + "/";
          categories.add(Map.of("name", name, "url", url, "count", members.size()));
          lists(pages, urls, writer, listPage, engine, name, url, members, false);
        });
    pages.add(
        () -> {
          Map<String, Object> page = page("Chuyên mục", "/categories/");
          page.put("items", categories);
          writer.write("/categories/index.html", engine.getTemplate("terms.peb"), page);
        });
    urls.add("/categories/");
    pages.add(
        () -> {
          Map<String, Object> page = page(SITE, "/sitemap.xml");
          page.put("urls", urls);
          writer.write("/sitemap.xml", engine.getTemplate("sitemap.xml.peb"), page);
        });
    pages.parallelStream().forEach(Runnable::run);
    writer.bytes(
        "/robots.txt",
        ("User-agent: *\nSitemap: " + BASE + "/sitemap.xml\n").getBytes(StandardCharsets.UTF_8));
    t = lap(timings, "render", t);
    timings.put("search", 0L);
    timings.put("write", 0L);

    StringBuilder line = new StringBuilder("timings:");
    timings.forEach((k, v) -> line.append(' ').append(k).append(' ').append(v).append(" ms"));
    System.out.println(line);
    System.out.printf(
        Locale.ROOT,
        "floor: %d articles, %d files (%.1f MB) written to %s%n",
        n,
        writer.files.get(),
        writer.bytes.get() / 1e6,
        out);
  }

  /**
   * One list paginated by 20, its RSS and Atom of the first 20, and their addresses in the sitemap.
   */
  private static void lists(
      List<Runnable> pages,
      List<String> urls,
      Writer writer,
      PebbleTemplate template,
      PebbleEngine engine,
      String title,
      String url,
      List<Map<String, Object>> members,
      boolean home) {
    int count = (members.size() + 19) / 20;
    List<String> pageUrls = new ArrayList<>();
    for (int k = 1; k <= count; k++) {
      pageUrls.add(k == 1 ? url : url + "page/" + k + "/");
    }
    urls.add(url);
    for (int k = 1; k <= count; k++) {
      int number = k;
      pages.add(
          () -> {
            Map<String, Object> page = page(title, pageUrls.get(number - 1));
            page.put("home", home);
            page.put(
                "items", members.subList((number - 1) * 20, Math.min(members.size(), number * 20)));
            page.put("total", members.size());
            page.put("page", number);
            page.put("pages", count);
            page.put("pageUrls", pageUrls);
            page.put("shown", shown(number, count));
            writer.write(pageUrls.get(number - 1) + "index.html", template, page);
          });
    }
    for (String feed : List.of("rss.xml", "atom.xml")) {
      pages.add(
          () -> {
            Map<String, Object> page = page(title, url);
            page.put("home", home);
            page.put("items", members.subList(0, Math.min(20, members.size())));
            writer.write(url + feed, engine.getTemplate(feed + ".peb"), page);
          });
    }
  }

  /**
   * The page numbers the pager shows: the first two, the last two, and two either side of this one.
   */
  private static List<Integer> shown(int page, int pages) {
    List<Integer> shown = new ArrayList<>();
    for (int k = 1; k <= pages; k++) {
      if (k <= 2 || k >= pages - 1 || (k >= page - 2 && k <= page + 2)) {
        shown.add(k);
      } else if (k < page - 2) {
        k = page - 3;
      } else {
        k = pages - 2;
      }
    }
    return shown;
  }

  private static Map<String, Object> page(String title, String url) {
    Map<String, Object> page = new LinkedHashMap<>();
    page.put("site", SITE);
    page.put("base", BASE);
    page.put("title", title);
    page.put("url", url);
    return page;
  }

  /**
   * An article as the templates read it, its address {@code /yyyy/mm/<file name>/} as bench/hugo's.
   */
  private static Map<String, Object> article(Map<String, Object> front, Path file) {
    Map<String, Object> a = new LinkedHashMap<>();
    String title = String.valueOf(front.get("title"));
    String date = String.valueOf(front.get("date"));
    String year = date.substring(0, 4);
    String month = date.substring(5, 7);
    String dayOfMonth = date.substring(8, 10);
    LocalDate day =
        LocalDate.of(Integer.parseInt(year), Integer.parseInt(month), Integer.parseInt(dayOfMonth));
    String name = file.getFileName().toString();
    a.put("title", title);
    a.put("date", date.substring(0, 10));
    a.put("shortDate", dayOfMonth + "/" + month + "/" + year);
    a.put("weekday", WEEKDAYS[day.getDayOfWeek().getValue() - 1]);
    a.put("url", "/" + year + "/" + month + "/" + name.substring(0, name.length() - 3) + "/");
    Object summary = front.get("summary");
    a.put("summary", summary == null ? "" : summary.toString());
    Object source = front.get("source_url");
    a.put("source", source == null ? "" : source.toString());
    List<Map<String, Object>> categories = new ArrayList<>();
    if (front.get("categories") instanceof List<?> list) {
      for (Object c : list) {
        categories.add(
            CATEGORIES.computeIfAbsent(
                c.toString(), k -> Map.of("name", k, "url", "/categories/" + slug(k) + "/")));
      }
    }
    a.put("categories", categories);
    return a;
  }

  /**
   * The front matter's keys and values (a string, or a list of strings), read as luutru reads it:
   * the composer's node tree, without making Java objects of the whole document.
   */
  private static Map<String, Object> frontMatter(LoadSettings settings, String yaml) {
    Node root =
        new Composer(settings, new ParserImpl(settings, new StreamReader(settings, yaml)))
            .getSingleNode()
            .orElseThrow();
    Map<String, Object> front = new LinkedHashMap<>();
    for (NodeTuple t : ((MappingNode) root).getValue()) {
      String key = ((ScalarNode) t.getKeyNode()).getValue();
      if (t.getValueNode() instanceof ScalarNode v) {
        front.put(key, v.getValue());
      } else if (t.getValueNode() instanceof SequenceNode list) {
        front.put(key, list.getValue().stream().map(n -> ((ScalarNode) n).getValue()).toList());
      }
    }
    return front;
  }

  private static String jsonLd(Map<String, Object> a) {
    return "{\"@context\":\"https://schema.org\",\"@type\":\"NewsArticle\",\"headline\":\""
        + json(a.get("title"))
        + "\",\"datePublished\":\""
        + a.get("date")
        + "T00:00:00+07:00\",\"url\":\""
        + BASE
        + a.get("url")
        + "\",\"publisher\":{\"@type\":\"Organization\",\"name\":\""
        + json(SITE)
        + "\"}}";
  }

  private static String json(Object s) {
    return s.toString().replace("\\", "\\\\").replace("\"", "\\\"").replace("<", "\\u003c");
  }

  /** Lower case, marks and đ folded, anything else between words a hyphen. */
  static String slug(String s) {
    String folded =
        Normalizer.normalize(s.replace('đ', 'd').replace('Đ', 'D'), Normalizer.Form.NFD)
            .replaceAll("\\p{M}+", "")
            .toLowerCase(Locale.ROOT);
    return folded.replaceAll("[^a-z0-9]+", "-").replaceAll("^-|-$", "");
  }

  private static long lap(Map<String, Long> timings, String stage, long since) {
    long now = System.nanoTime();
    timings.put(stage, (now - since) / 1_000_000);
    return now;
  }

  /** A page's characters straight into UTF-8 bytes, without a string of the whole page between. */
  private static final class Utf8 extends java.io.Writer {
    byte[] bytes = new byte[32768];
    int size;

    /** A high surrogate that ended the last write, waiting for its low one. */
    private char pending;

    @Override
    public void write(char[] c, int off, int len) {
      write(new String(c, off, len), 0, len); // Pebble writes strings; this is for the rest
    }

    @Override
    public void write(String s, int off, int len) {
      room(len * 3 + 4);
      int i = off;
      int end = off + len;
      if (pending != 0 && i < end) {
        put(pending, s.charAt(i));
        if (Character.isLowSurrogate(s.charAt(i))) {
          i++;
        }
        pending = 0;
      }
      for (; i < end; i++) {
        char c = s.charAt(i);
        if (Character.isHighSurrogate(c) && i + 1 == end) {
          pending = c;
          return;
        }
        put(c, i + 1 < end ? s.charAt(i + 1) : 0);
        if (Character.isHighSurrogate(c) && Character.isLowSurrogate(s.charAt(i + 1))) {
          i++;
        }
      }
    }

    private void room(int n) {
      if (size + n > bytes.length) {
        bytes = java.util.Arrays.copyOf(bytes, Math.max(bytes.length * 2, size + n));
      }
    }

    private void put(char c, char next) {
      if (c < 0x80) {
        bytes[size++] = (byte) c;
      } else if (c < 0x800) {
        bytes[size++] = (byte) (0xC0 | c >> 6);
        bytes[size++] = (byte) (0x80 | c & 0x3F);
      } else if (Character.isHighSurrogate(c) && Character.isLowSurrogate(next)) {
        int cp = Character.toCodePoint(c, next);
        bytes[size++] = (byte) (0xF0 | cp >> 18);
        bytes[size++] = (byte) (0x80 | cp >> 12 & 0x3F);
        bytes[size++] = (byte) (0x80 | cp >> 6 & 0x3F);
        bytes[size++] = (byte) (0x80 | cp & 0x3F);
      } else {
        bytes[size++] = (byte) (0xE0 | c >> 12);
        bytes[size++] = (byte) (0x80 | c >> 6 & 0x3F);
        bytes[size++] = (byte) (0x80 | c & 0x3F);
      }
    }

    @Override
    public void flush() {}

    @Override
    public void close() {}
  }

  /** Renders and writes pages under one folder, making each folder once. */
  private static final class Writer {
    private final Path root;
    private final java.util.Set<Path> folders = java.util.concurrent.ConcurrentHashMap.newKeySet();
    final AtomicInteger files = new AtomicInteger();
    final AtomicLong bytes = new AtomicLong();

    Writer(Path root) {
      this.root = root;
    }

    void write(String file, PebbleTemplate template, Map<String, Object> context) {
      Utf8 s = new Utf8();
      try {
        template.evaluate(s, context);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      bytes(file, java.util.Arrays.copyOf(s.bytes, s.size));
    }

    void bytes(String file, byte[] content) {
      Path target = root.resolve(file.substring(1));
      try {
        Path dir = target.getParent();
        if (!folders.contains(dir)) {
          Files.createDirectories(dir);
          folders.add(dir);
        }
        Files.write(target, content);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      files.incrementAndGet();
      bytes.addAndGet(content.length);
    }
  }
}
