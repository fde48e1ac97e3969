package vn.luutru.site;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import vn.luutru.content.Article;
import vn.luutru.content.ArticleParser;
import vn.luutru.markdown.MarkdownRenderer;

class PageListTest {
  private static final List<String> HOME =
      List.of(
          "index.html",
          "page/1/index.html",
          "page/2/index.html",
          "page/3/index.html",
          "rss.xml",
          "atom.xml");
  private static final List<String> WHOLE =
      List.of("tim-kiem/index.html", "404.html", "sitemap.xml");

  /** Three articles, one a page, so that every list has as many pages as articles. */
  private static final PageList PAGES = PageList.of(model(), 1);

  private static SiteModel model() {
    ArticleParser parser = new ArticleParser();
    List<Article> articles =
        Stream.of(
                new String[] {
                  "a.md",
                  "title: \"Một\"\ndate: 2021-03-05\ncategories: [\"Thời sự\"]\n"
                      + "tags: [\"Đại hội\"]\naliases: [\"/tin-tuc/1.html\"]"
                },
                new String[] {
                  "b.md", "title: \"Hai\"\ndate: 2021-04-10\ncategories: [\"Thời sự\"]"
                },
                new String[] {
                  "c.md",
                  "title: \"Ba\"\ndate: 2020-06-12\ncategories: [\"Giáo dục\"]\n"
                      + "congress:\n  organization: \"Chi bộ A\"\n  parent: \"Đảng bộ B\"\n  ordinal: 1\n"
                      + "  term: \"2020-2025\""
                })
            .map(
                f ->
                    parser
                        .parse(f[0], "---\n" + f[1] + "\n---\nThân bài.\n")
                        .article()
                        .orElseThrow())
            .toList();
    return new SiteModelBuilder(new MarkdownRenderer())
        .build(
            articles,
            List.of(),
            new SiteModelBuilder.Options("/", false, false, LocalDate.of(2024, 1, 1)));
  }

  static Stream<Arguments> changes() {
    return Stream.of(
        Arguments.of(
            Set.of("a.md"),
            concat(
                HOME,
                WHOLE,
                List.of(
                    "2021/03/mot/index.html",
                    "2021/04/hai/index.html",
                    "tin-tuc/1.html",
                    "chuyen-muc/thoi-su/index.html",
                    "chuyen-muc/thoi-su/page/1/index.html",
                    "chuyen-muc/thoi-su/page/2/index.html",
                    "chuyen-muc/thoi-su/rss.xml",
                    "chuyen-muc/thoi-su/atom.xml",
                    "the/dai-hoi/index.html",
                    "2021/index.html",
                    "2021/page/1/index.html",
                    "2021/page/2/index.html",
                    "2021/03/index.html",
                    "chuyen-muc/index.html",
                    "the/index.html",
                    "thoi-gian/index.html"))),
        Arguments.of(
            Set.of("c.md"),
            concat(
                HOME,
                WHOLE,
                List.of(
                    "2020/06/ba/index.html",
                    "chuyen-muc/giao-duc/index.html",
                    "chuyen-muc/giao-duc/rss.xml",
                    "chuyen-muc/giao-duc/atom.xml",
                    "2020/index.html",
                    "2020/06/index.html",
                    "to-chuc/chi-bo-a/index.html",
                    "to-chuc/dang-bo-b/index.html",
                    "nhiem-ky/2020-2025/index.html",
                    "chuyen-muc/index.html",
                    "thoi-gian/index.html",
                    "to-chuc/index.html",
                    "nhiem-ky/index.html"))),
        Arguments.of(Set.of("gone.md"), List.of()),
        Arguments.of(Set.of(), List.of()));
  }

  @SafeVarargs
  private static List<String> concat(List<String>... lists) {
    return Stream.of(lists).flatMap(List::stream).toList();
  }

  @ParameterizedTest
  @MethodSource("changes")
  void aChangedArticleTouchesThePagesMadeFromIt(Set<String> changed, List<String> touched) {
    assertThat(PAGES.touchedBy(changed))
        .extracting(Page::file)
        .containsExactlyInAnyOrderElementsOf(touched);
  }

  @Test
  void theNameOfAListIsShownWhereItsMembersAndChildrenAre() {
    assertThat(PAGES.naming(Set.of("to-chuc/dang-bo-b/")))
        .extracting(Page::file)
        .containsExactlyInAnyOrder("2020/06/ba/index.html", "to-chuc/chi-bo-a/index.html");
  }

  @Test
  void everyFixedFileIsAPageOfEverySiteOrTheSearchIndex() {
    assertThat(PAGES.pages())
        .extracting(Page::file)
        .containsAll(PageList.fixedFiles().stream().filter(f -> !f.startsWith("search/")).toList());
    assertThat(PageList.fixedFiles())
        .containsExactlyInAnyOrder(
            "index.html",
            "404.html",
            "rss.xml",
            "atom.xml",
            "sitemap.xml",
            "robots.txt",
            "chuyen-muc/index.html",
            "the/index.html",
            "to-chuc/index.html",
            "nhiem-ky/index.html",
            "thoi-gian/index.html",
            "tim-kiem/index.html",
            "search/index.json",
            "search/search.js");
  }

  @Test
  void listsGiveTheAddressesOfTheirPages() {
    assertThat(PAGES.pages())
        .filteredOn(p -> p instanceof Page.OfList)
        .extracting(Page::address)
        .contains(
            "",
            "page/1/",
            "page/2/",
            "page/3/",
            "chuyen-muc/thoi-su/page/1/",
            "chuyen-muc/thoi-su/page/2/",
            "2021/page/2/")
        .doesNotContain("the/dai-hoi/page/1/", "2020/page/1/");
  }

  /** A sitemap in parts: the lists, then each month's articles, split at the protocol's limit. */
  @Test
  void aLargeSitesSitemapHasAPartForTheListsAndOneForEachMonth() {
    // Three articles and their 15 lists are over 5 addresses; parts of at most 2 addresses.
    PageList pages = PageList.of(model(), 1, 5, 2);
    Map<String, List<String>> parts = new java.util.LinkedHashMap<>();
    for (Page p : pages.pages()) {
      if (p instanceof Page.OfSitemap s) {
        parts.put(s.file(), s.entries().stream().map(SitemapEntry::path).toList());
      }
    }
    Page.SitemapIndex index =
        pages.pages().stream()
            .flatMap(p -> p instanceof Page.SitemapIndex i ? Stream.of(i) : Stream.empty())
            .findFirst()
            .orElseThrow();
    assertThat(index.file()).isEqualTo("sitemap.xml");
    assertThat(index.parts()).isEqualTo(List.copyOf(parts.keySet()));
    assertThat(parts.keySet())
        .startsWith("sitemap-danh-sach-1.xml")
        .endsWith("sitemap-2021-04.xml", "sitemap-2021-03.xml", "sitemap-2020-06.xml");
    assertThat(parts.get("sitemap-2021-04.xml")).containsExactly("2021/04/hai/");
    assertThat(parts.get("sitemap-2021-03.xml")).containsExactly("2021/03/mot/");
    assertThat(parts.get("sitemap-2020-06.xml")).containsExactly("2020/06/ba/");
    assertThat(parts.get("sitemap-danh-sach-1.xml")).startsWith("");
    assertThat(parts.values().stream().mapToInt(List::size).sum())
        .as("every address once")
        .isEqualTo(
            PageList.of(model(), 1).pages().stream()
                .flatMap(p -> p instanceof Page.OfSitemap s ? s.entries().stream() : Stream.empty())
                .count());
  }
}
