package vn.luutru.build;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import vn.luutru.config.SiteConfig;
import vn.luutru.testing.Trees;

/**
 * One new article changes only what shows it: its page, the own addresses, feeds and newest
 * numbered pages of its lists (the page before too when it starts a new one), the indexes that
 * count articles, the sitemap, the 404's latest, and the pages whose related articles now include
 * it. Older numbered pages stay byte for byte as they were.
 */
class StablePagesTest {
  private static final int PAGE_SIZE = 5;
  private static final String NEW = "2021/03/bai-moi/index.html";

  /** Lists the new article is in: the home, its category, its year and its month. */
  private static final String[] LISTS = {"", "chuyen-muc/thoi-su/", "2021/", "2021/03/"};

  private static final Set<String> INDEXES =
      Set.of(
          "sitemap.xml",
          "404.html",
          "chuyen-muc/index.html",
          "thoi-gian/index.html",
          "the/index.html",
          "tim-kiem/index.html");

  @ParameterizedTest(name = "{0} articles, then one more")
  @CsvSource({"23", "25", "29"})
  void aNewArticleLeavesOlderPagesAsTheyWere(int count, @TempDir Path tmp) throws IOException {
    Path content = tmp.resolve("content");
    for (int i = 0; i < count; i++) {
      write(
          content.resolve("bai-" + i + ".md"),
          "Bài " + i,
          LocalDate.of(2021, 2, 10).plusDays(i),
          i % 4 == 0 ? "\ntags: [\"Đại hội\"]" : "");
    }
    Map<String, byte[]> before = build(content, tmp.resolve("before"));
    write(content.resolve("moi.md"), "Bài mới", LocalDate.of(2021, 3, 20), "");
    Map<String, byte[]> after = build(content, tmp.resolve("after"));

    Set<String> changed = new TreeSet<>();
    for (Map.Entry<String, byte[]> e : after.entrySet()) {
      byte[] was = before.get(e.getKey());
      if (!e.getKey().startsWith("search/") && !Arrays.equals(was, e.getValue())) {
        changed.add(e.getKey());
      }
    }
    // The search index merges its small segments now and then (SearchIndexWriterTest).
    assertThat(before.keySet().stream().filter(f -> !f.startsWith("search/")))
        .as("no page deleted")
        .isSubsetOf(after.keySet());

    Set<String> allowed = new TreeSet<>(INDEXES);
    allowed.add(NEW);
    for (String list : LISTS) {
      allowed.add(list + "index.html");
      allowed.add(list + "rss.xml");
      allowed.add(list + "atom.xml");
      int pages = pages(after, list);
      allowed.add(list + "page/" + pages + "/index.html");
      if (pages > pages(before, list)) {
        allowed.add(list + "page/" + (pages - 1) + "/index.html");
      }
    }
    String link = "/2021/03/bai-moi/";
    for (String file : changed) {
      if (!allowed.contains(file)) {
        assertThat(new String(after.get(file), StandardCharsets.UTF_8))
            .as("%s changed: only a page whose related articles now show the new one may", file)
            .contains("<aside class=\"related\"")
            .contains(link);
      }
    }
    assertThat(changed).contains(NEW, "index.html", "page/" + pages(after, "") + "/index.html");
    assertThat(changed).as("the oldest page of the home").doesNotContain("page/1/index.html");
  }

  /** How many numbered pages the list at {@code list} has in {@code site}. */
  private static int pages(Map<String, byte[]> site, String list) {
    int n = 0;
    while (site.containsKey(list + "page/" + (n + 1) + "/index.html")) {
      n++;
    }
    return n;
  }

  private static void write(Path file, String title, LocalDate date, String more)
      throws IOException {
    Files.createDirectories(file.getParent());
    Files.writeString(
        file,
        "---\ntitle: \""
            + title
            + "\"\ndate: "
            + date
            + "\ncategories: [\"Thời sự\"]"
            + more
            + "\n---\nNội dung "
            + title
            + ".\n");
  }

  private static Map<String, byte[]> build(Path content, Path out) throws IOException {
    SiteConfig config =
        SiteConfig.builder()
            .title("Lưu trữ thử")
            .baseUrl("https://example.org/")
            .pageSize(PAGE_SIZE)
            .contentDir(content)
            .templatesDir(Path.of("templates"))
            .outputDir(out)
            .today(LocalDate.of(2024, 1, 1))
            .build();
    BuildResult result = SiteBuilder.build(config);
    assertThat(result.hasErrors()).as("%s", result.diagnostics()).isFalse();
    return Trees.read(out);
  }
}
