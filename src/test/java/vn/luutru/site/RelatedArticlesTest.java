package vn.luutru.site;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import vn.luutru.content.Article;
import vn.luutru.content.ArticleParser;
import vn.luutru.markdown.MarkdownRenderer;

/** Related articles depend on the two articles alone: one more changes only the lists it enters. */
class RelatedArticlesTest {
  private static final SiteModelBuilder.Options OPTIONS =
      new SiteModelBuilder.Options("/", false, false, LocalDate.of(2030, 1, 1));
  private final ArticleParser parser = new ArticleParser();

  /**
   * Sixty articles over two categories, several a day, some reports of one organisation's family
   * and some tagged: ties of time, of score and of both.
   */
  private List<Article> archive() {
    List<Article> out = new ArrayList<>();
    for (int i = 0; i < 60; i++) {
      String front =
          "title: \"Bài "
              + i
              + "\"\ndate: 2021-03-"
              + String.format("%02d", 1 + i / 4)
              + "\ncategories: [\""
              + (i % 3 == 0 ? "Xây dựng Đảng" : "Thời sự")
              + "\"]"
              + (i % 7 == 0 ? "\ntags: [\"Nhiệm kỳ 2020-2025\"]" : "")
              + (i % 5 == 0
                  ? "\ncongress:\n  organization: \"Chi bộ "
                      + (i % 2)
                      + "\"\n  parent: \"Đảng bộ Sở\"\n  term: \"2020-2025\""
                  : "");
      out.add(article("bai-" + i + ".md", front));
    }
    return out;
  }

  private Article article(String path, String frontMatter) {
    return parser.parse(path, "---\n" + frontMatter + "\n---\nThân bài.\n").article().orElseThrow();
  }

  private static Map<String, List<String>> related(List<Article> articles) {
    SiteModel m = new SiteModelBuilder(new MarkdownRenderer()).build(articles, List.of(), OPTIONS);
    return m.articles().stream()
        .collect(
            Collectors.toMap(
                a -> a.article().contentPath(),
                a -> a.related().stream().map(ArticleRef::path).toList()));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "date: 2021-03-16\ncategories: [\"Thời sự\"]",
        "date: 2021-03-08\ncategories: [\"Thời sự\"]",
        "date: 2021-03-08\ncategories: [\"Xây dựng Đảng\"]\ntags: [\"Nhiệm kỳ 2020-2025\"]",
        "date: 2021-03-01\ncategories: [\"Thời sự\"]\ncongress:\n  organization: \"Chi bộ 1\"\n"
            + "  parent: \"Đảng bộ Sở\"\n  term: \"2020-2025\""
      })
  void aNewArticleChangesOnlyTheListsItEnters(String front) {
    List<Article> before = archive();
    List<Article> after = new ArrayList<>(before);
    after.add(article("moi.md", "title: \"Bài mới\"\n" + front));
    Map<String, List<String>> was = related(before);
    Map<String, List<String>> is = related(after);
    String added = "2021/03/bai-moi/";
    List<String> entered = new ArrayList<>();
    was.forEach(
        (source, list) -> {
          if (!is.get(source).equals(list)) {
            assertThat(is.get(source)).as(source).contains(added);
            entered.add(source);
          }
        });
    assertThat(entered).as("the lists it entered").isNotEmpty();
  }

  @Test
  void aDeletedArticleChangesOnlyTheListsItLeaves() {
    List<Article> before = archive();
    List<Article> after = new ArrayList<>(before);
    Article gone = after.remove(25);
    Map<String, List<String>> was = related(before);
    Map<String, List<String>> is = related(after);
    String path = "2021/03/bai-25/";
    is.forEach(
        (source, list) -> {
          if (!was.get(source).equals(list)) {
            assertThat(was.get(source)).as(source).contains(path);
          }
        });
    assertThat(was).containsKey(gone.contentPath());
  }

  @Test
  void theSameOrganisationAndCategoryComeFirstThenTheNearestInTime() {
    Map<String, List<String>> r = related(archive());
    assertThat(r.get("bai-10.md"))
        .as("Chi bộ 0's reports in Thời sự, then in another category; nearest first")
        .containsExactly(
            "2021/03/bai-20/",
            "2021/03/bai-40/",
            "2021/03/bai-50/",
            "2021/03/bai-0/",
            "2021/03/bai-30/");
    assertThat(r.get("bai-13.md"))
        .as("Thời sự of the same day, then a day after it, then a day before it")
        .containsExactly(
            "2021/03/bai-14/",
            "2021/03/bai-16/",
            "2021/03/bai-17/",
            "2021/03/bai-19/",
            "2021/03/bai-10/");
  }
}
