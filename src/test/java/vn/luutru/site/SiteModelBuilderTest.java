package vn.luutru.site;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import vn.luutru.content.Article;
import vn.luutru.content.ArticleParser;
import vn.luutru.content.Diagnostic;
import vn.luutru.markdown.MarkdownRenderer;

class SiteModelBuilderTest {
  private static final SiteModelBuilder.Options OPTIONS =
      new SiteModelBuilder.Options("/luu-tru/", false, false, LocalDate.of(2024, 1, 1));
  private final ArticleParser parser = new ArticleParser();

  private Article article(String path, String frontMatter, String body) {
    ArticleParser.Parsed p = parser.parse(path, "---\n" + frontMatter + "\n---\n" + body);
    assertThat(p.diagnostics()).as(path).noneMatch(Diagnostic::isError);
    return p.article().orElseThrow();
  }

  private SiteModel build(List<Article> articles, List<String> statics) {
    return new SiteModelBuilder(new MarkdownRenderer()).build(articles, statics, OPTIONS);
  }

  private static Map<String, String> pathsBySource(SiteModel m) {
    return m.articles().stream()
        .collect(Collectors.toMap(a -> a.article().contentPath(), ArticlePage::path));
  }

  private static List<String> messages(SiteModel m) {
    return m.diagnostics().stream().map(Diagnostic::headline).toList();
  }

  @Test
  void addressesArticlesByYearMonthAndFoldedTitle() {
    SiteModel m =
        build(
            List.of(
                article(
                    "2020/a.md",
                    "title: \"Đại hội Chi bộ Văn phòng 2 lần thứ nhất nhiệm kỳ 2020 - 2022\"\ndate: 2020-01-17",
                    "")),
            List.of());
    assertThat(m.articles().get(0).path())
        .isEqualTo("2020/01/dai-hoi-chi-bo-van-phong-2-lan-thu-nhat-nhiem-ky-2020-2022/");
  }

  @Test
  void sameTitlesGetStableAddressesDecidedBySourcePathWhateverTheOrder() {
    List<Article> articles =
        new ArrayList<>(
            List.of(
                article("b/hoi-nghi.md", "title: \"Hội nghị Ban Chấp hành\"\ndate: 2021-03-26", ""),
                article("a/hoi-nghi.md", "title: \"Hội nghị Ban Chấp hành\"\ndate: 2021-03-05", ""),
                article(
                    "c/hoi-nghi.md", "title: \"Hội nghị ban chấp hành\"\ndate: 2021-03-01", "")));
    Map<String, String> first = pathsBySource(build(articles, List.of()));
    Collections.reverse(articles);
    SiteModel m = build(articles, List.of());
    assertThat(pathsBySource(m))
        .isEqualTo(first)
        .containsExactlyInAnyOrderEntriesOf(
            Map.of(
                "a/hoi-nghi.md", "2021/03/hoi-nghi-ban-chap-hanh/",
                "b/hoi-nghi.md", "2021/03/hoi-nghi-ban-chap-hanh-2/",
                "c/hoi-nghi.md", "2021/03/hoi-nghi-ban-chap-hanh-3/"));
    assertThat(messages(m))
        .containsExactly(
            "b/hoi-nghi.md:2:8: warning: title gives the same address /2021/03/hoi-nghi-ban-chap-hanh/ as a/hoi-nghi.md;"
                + " this article is at /2021/03/hoi-nghi-ban-chap-hanh-2/ (set 'slug' to choose)",
            "c/hoi-nghi.md:2:8: warning: title gives the same address /2021/03/hoi-nghi-ban-chap-hanh/ as a/hoi-nghi.md;"
                + " this article is at /2021/03/hoi-nghi-ban-chap-hanh-3/ (set 'slug' to choose)");
  }

  @Test
  void anExplicitSlugThatTakesAnotherArticlesAddressIsAnErrorNamingBothFiles() {
    SiteModel m =
        build(
            List.of(
                article("a.md", "title: \"Hội nghị\"\ndate: 2021-03-05", ""),
                article("b.md", "title: \"Khác\"\ndate: 2021-03-09\nslug: \"hoi-nghi\"", "")),
            List.of());
    assertThat(messages(m))
        .containsExactly(
            "b.md:4:7: error: duplicate address /2021/03/hoi-nghi/: a.md has it too; change the slug of one of them");
  }

  @Test
  void anAliasThatTakesAnotherAddressIsAnErrorNamingBothFiles() {
    SiteModel m =
        build(
            List.of(
                article(
                    "a.md", "title: \"Một\"\ndate: 2021-03-05\naliases: [\"/tin-tuc/1.html\"]", ""),
                article(
                    "b.md",
                    "title: \"Hai\"\ndate: 2021-03-06\naliases: [\"/tin-tuc/1.html\", \"/2021/03/mot/\"]",
                    "")),
            List.of());
    assertThat(messages(m))
        .containsExactlyInAnyOrder(
            "b.md:4:11: error: alias /tin-tuc/1.html is already the address of a.md",
            "b.md:4:30: error: alias /2021/03/mot/ is already the address of a.md");
    assertThat(m.aliases()).extracting(Alias::file).containsExactly("tin-tuc/1.html");
  }

  @Test
  void leavesOutDraftsAndFutureArticlesUnlessAskedFor() {
    List<Article> articles =
        List.of(
            article("draft.md", "title: \"Nháp\"\ndate: 2020-01-01\ndraft: true", ""),
            article("future.md", "title: \"Sắp tới\"\ndate: 2030-01-01", ""),
            article("ok.md", "title: \"Đã đăng\"\ndate: 2020-01-01", ""));
    assertThat(build(articles, List.of()).articles())
        .extracting(ArticlePage::title)
        .containsExactly("Đã đăng");
    SiteModel all =
        new SiteModelBuilder(new MarkdownRenderer())
            .build(
                articles,
                List.of(),
                new SiteModelBuilder.Options("/", true, true, LocalDate.of(2024, 1, 1)));
    assertThat(all.articles())
        .extracting(ArticlePage::title)
        .containsExactly("Sắp tới", "Nháp", "Đã đăng");
  }

  @Test
  void buildsOrganisationsWithTheirCongressHistoryAndPlaceUnderTheParent() {
    String cell =
        "congress:\n  organization: \"Chi bộ Văn phòng Sở 2\"\n  parent: \"Đảng bộ Sở Công Thương\"\n";
    SiteModel m =
        build(
            List.of(
                article(
                    "1.md",
                    "title: \"Đại hội lần thứ nhất\"\ndate: 2020-01-17\n"
                        + cell
                        + "  ordinal: 1\n  term: \"2020-2022\"\n  held: 2020-01-16\n  elected: [\"Nguyễn Trọng Thức - Bí thư\"]",
                    ""),
                article(
                    "2.md",
                    "title: \"Đại hội lần thứ hai\"\ndate: 2022-05-20\n"
                        + cell
                        + "  ordinal: 2\n  term: \"2022-2025\"\n  held: 2022-05-19",
                    ""),
                article(
                    "3.md",
                    "title: \"Đại hội Đảng bộ\"\ndate: 2020-06-12\ncongress:\n"
                        + "  organization: \"Đảng bộ Sở Công Thương\"\n  parent: \"Đảng bộ Khối\"\n  ordinal: 5\n  term: \"2020-2025\"",
                    "")),
            List.of());
    Map<String, Organization> orgs =
        m.organizations().stream()
            .collect(Collectors.toMap(Organization::name, Function.identity()));
    assertThat(orgs)
        .containsOnlyKeys("Chi bộ Văn phòng Sở 2", "Đảng bộ Sở Công Thương", "Đảng bộ Khối");
    Organization cellOrg = orgs.get("Chi bộ Văn phòng Sở 2");
    assertThat(cellOrg.path()).isEqualTo("to-chuc/chi-bo-van-phong-so-2/");
    assertThat(cellOrg.ancestors())
        .extracting(Link::name)
        .containsExactly("Đảng bộ Khối", "Đảng bộ Sở Công Thương");
    assertThat(cellOrg.congresses()).extracting(e -> e.congress().ordinal()).containsExactly(1, 2);
    assertThat(cellOrg.congresses().get(0).congress().elected().get(0).name())
        .isEqualTo("Nguyễn Trọng Thức");
    assertThat(orgs.get("Đảng bộ Sở Công Thương").children())
        .extracting(Link::name)
        .containsExactly("Chi bộ Văn phòng Sở 2");
    assertThat(orgs.get("Đảng bộ Khối").congresses()).isEmpty();
    assertThat(m.rootOrganizations())
        .extracting(Organization::name)
        .containsExactly("Đảng bộ Khối");
    assertThat(m.terms())
        .extracting(TermPage::label)
        .containsExactly("2022-2025", "2020-2025", "2020-2022");
    assertThat(
            m.articles().stream()
                .filter(a -> a.title().equals("Đại hội lần thứ nhất"))
                .findFirst()
                .orElseThrow()
                .related())
        .extracting(ArticleRef::title)
        .startsWith("Đại hội lần thứ hai");
  }

  @Test
  void groupsCategoriesAndTagsBySlugAndArchivesByYearAndMonth() {
    SiteModel m =
        build(
            List.of(
                article(
                    "a.md",
                    "title: \"A\"\ndate: 2020-01-17\ncategories: [\"Đại hội Đảng\"]\ntags: [\"Nhiệm kỳ 2020-2022\"]",
                    ""),
                article(
                    "b.md",
                    "title: \"B\"\ndate: 2020-02-01\ncategories: [\"Đại hội đảng\"]\ntags: [\"nhiệm kỳ 2020-2022\"]",
                    ""),
                article(
                    "c.md", "title: \"C\"\ndate: 2021-02-01\ncategories: [\"Đại hội Đảng\"]", "")),
            List.of());
    assertThat(m.categories())
        .singleElement()
        .satisfies(
            t -> {
              assertThat(t.name()).isEqualTo("Đại hội Đảng");
              assertThat(t.path()).isEqualTo("chuyen-muc/dai-hoi-dang/");
              assertThat(t.articles())
                  .extracting(ArticlePage::title)
                  .containsExactly("C", "B", "A");
            });
    assertThat(m.tags())
        .singleElement()
        .extracting(Taxon::path)
        .isEqualTo("the/nhiem-ky-2020-2022/");
    assertThat(m.years()).extracting(YearArchive::path).containsExactly("2021/", "2020/");
    assertThat(m.years().get(1).months())
        .extracting(YearArchive.MonthArchive::path)
        .containsExactly("2020/02/", "2020/01/");
  }

  @Test
  void resolvesLinksToOtherArticlesAndFilesAndWarnsAtTheLinkWhenTheyLeadNowhere() {
    SiteModel m =
        build(
            List.of(
                article(
                    "2020/a.md",
                    "title: \"A\"\ndate: 2020-01-17\nimage: anh/a.jpg",
                    "Xem [B](b.md#ket-qua) và ![ảnh](anh/a.jpg).\n\nLỗi: [C](c.md) ![x](anh/khong-co.jpg)\n"),
                article("2020/b.md", "title: \"B\"\ndate: 2020-01-18", "")),
            List.of("2020/anh/a.jpg"));
    ArticlePage a =
        m.articles().stream().filter(p -> p.title().equals("A")).findFirst().orElseThrow();
    assertThat(a.html())
        .contains("href=\"/luu-tru/2020/01/b/#ket-qua\"", "src=\"/luu-tru/2020/anh/a.jpg\"");
    assertThat(a.imagePath()).isEqualTo("2020/anh/a.jpg");
    assertThat(messages(m))
        .containsExactly(
            "2020/a.md:6:5: warning: anchor #ket-qua does not exist in 2020/b.md",
            "2020/a.md:8:6: warning: link to c.md: no such article (or it is a draft or dated in the future)",
            "2020/a.md:8:16: warning: image anh/khong-co.jpg: no such file in the content folder");
  }

  /**
   * The model and diagnostics of a one-off build are those of a kept one, and the text goes to the
   * sink. That each article's Markdown is let go while the others are still rendered is not seen
   * here (only in memory at 100,000 articles with {@code -Xmx2g}, bench.py).
   */
  @Test
  void aOneOffBuildGivesTheSameModelAndSendsTheTextAway() {
    List<Article> articles =
        List.of(
            article(
                "a.md",
                "title: \"Đại hội\"\ndate: 2021-03-05\nsummary: \"Tóm tắt.\"",
                "Sáng nay, [đi tới](b.md#khong-co) đại hội.\n\nĐoạn hai."),
            article(
                "b.md",
                "title: \"Hội nghị\"\ndate: 2021-03-01",
                "## Mục một\n\nKhông có tóm tắt, [lỗi](c.md) ở đây."));
    SiteModel kept = build(articles, List.of());
    Map<Integer, String> texts = new java.util.concurrent.ConcurrentHashMap<>();
    int[] documents = {-1};
    SiteModelBuilder.TextSink sink =
        new SiteModelBuilder.TextSink() {
          @Override
          public void documents(int count) {
            documents[0] = count;
          }

          @Override
          public void text(int doc, String title, String summary, String text) {
            texts.put(doc, title + "|" + summary + "|" + text);
          }
        };
    List<Article> owned = new ArrayList<>(articles);
    SiteModel oneOff =
        new SiteModelBuilder(new MarkdownRenderer())
            .buildOnce(new Handover(owned), List.of(), OPTIONS, sink);

    assertThat(owned).as("the caller's list is left as it was").hasSize(2);
    assertThat(documents[0]).isEqualTo(2);
    assertThat(messages(oneOff))
        .as("diagnostics, quoting their lines")
        .isEqualTo(messages(kept))
        .anyMatch(m -> m.contains("anchor #khong-co"))
        .anyMatch(m -> m.contains("c.md"));
    assertThat(oneOff.diagnostics())
        .map(Diagnostic::sourceLine)
        .isEqualTo(kept.diagnostics().stream().map(Diagnostic::sourceLine).toList())
        .contains("Sáng nay, [đi tới](b.md#khong-co) đại hội.");
    for (int i = 0; i < 2; i++) {
      ArticlePage k = kept.articles().get(i);
      ArticlePage o = oneOff.articles().get(i);
      assertThat(o.path()).isEqualTo(k.path());
      assertThat(o.html()).isEqualTo(k.html()).isNotEmpty();
      assertThat(o.summary()).isEqualTo(k.summary()).isNotEmpty();
      assertThat(o.text()).as("the text went to the sink").isEmpty();
      assertThat(texts.get(i)).isEqualTo(k.title() + "|" + k.article().summary() + "|" + k.text());
    }
  }

  @Test
  void aOneOffModelHoldsNoArticleAsItWasRead() {
    List<Article> owned = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      owned.add(
          article(
              "a" + i + ".md",
              "title: \"Bài " + i + "\"\ndate: 2021-03-0" + (i + 1),
              "Thân bài " + i + ", [x](#dau)."));
    }
    List<Article> read = List.copyOf(owned);
    Handover handover = new Handover(owned);
    owned = null;
    SiteModel m =
        new SiteModelBuilder(new MarkdownRenderer()).buildOnce(handover, List.of(), OPTIONS, null);
    assertThatThrownBy(handover::take)
        .as("handed over once")
        .isInstanceOf(IllegalStateException.class);
    assertThat(m.articles())
        .as("the model keeps only articles without their Markdown")
        .allSatisfy(p -> assertThat(read).noneMatch(a -> a == p.article()));
    assertThat(m.articles()).hasSize(3).allSatisfy(p -> assertThat(p.article().body()).isEmpty());
    assertThat(m.articles().get(1).text())
        .as("no sink: the text is kept")
        .isEqualTo("Thân bài 1, x.");
  }

  /**
   * Newest first with each instant worked out once: the order the comparator of dates gave, ties
   * and offsets included.
   */
  @Test
  void sortsNewestFirstAsTheDateComparatorDid() {
    java.util.Random r = new java.util.Random(9);
    String[] times = {
      "2020-01-17",
      "2020-01-17T08:00:00+07:00",
      "2020-01-17T01:00:00Z",
      "2020-01-17T01:00:00+00:00",
      "2020-01-16T20:00:00-05:00",
      "2020-01-17T01:00:00.5Z",
      "2019-12-31T23:59:59+07:00",
      "2021-02-28T12:00:00+09:30"
    };
    List<Article> all = new java.util.ArrayList<>();
    for (int i = 0; i < 60; i++) {
      all.add(
          article(
              "bai/" + r.nextInt(20) + "-" + i + ".md",
              "title: \"Bài " + i + "\"\ndate: " + times[r.nextInt(times.length)],
              "x"));
    }
    for (int round = 0; round < 50; round++) {
      java.util.Collections.shuffle(all, r);
      List<Article> expected =
          all.stream()
              .sorted(
                  java.util.Comparator.comparing(Article::date, java.util.Comparator.reverseOrder())
                      .thenComparing(Article::contentPath))
              .toList();
      Article[] actual = all.toArray(new Article[0]);
      SiteModelBuilder.newestFirst(actual);
      assertThat(actual).containsExactlyElementsOf(expected);
    }
  }
}
