package vn.luutru.render;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import vn.luutru.content.Article;
import vn.luutru.content.ArticleParser;
import vn.luutru.image.Picture;
import vn.luutru.markdown.MarkdownRenderer;
import vn.luutru.site.ArticlePage;
import vn.luutru.site.CongressEntry;
import vn.luutru.site.SiteModel;
import vn.luutru.site.SiteModelBuilder;

/** What the front page shows besides its list, worked out from the model. */
class FrontTest {
  private static final SiteModelBuilder.Options OPTIONS =
      new SiteModelBuilder.Options("/", false, false, LocalDate.of(2024, 1, 1));
  private static final Picture PHOTO =
      new Picture(
          List.of(new Picture.Size("/anh-480.jpg", "anh-480.jpg", 480, 320)),
          List.of(new Picture.Size("/anh-240x160.jpg", "anh-240x160.jpg", 240, 160)));

  private static Article article(String path, String frontMatter) {
    return new ArticleParser()
        .parse(path, "---\n" + frontMatter + "\n---\nNội dung.\n")
        .article()
        .orElseThrow();
  }

  private static Article congress(String path, String org, String date, String held) {
    return article(
        path,
        "title: \"Đại hội "
            + org
            + "\"\ndate: "
            + date
            + "\ncongress:\n  organization: \""
            + org
            + "\"\n  parent: \"Đảng bộ Sở\"\n  term: \"2020-2025\"\n"
            + (held.isEmpty() ? "" : "  held: " + held + "\n"));
  }

  private static SiteModel model(List<Article> articles) {
    return new SiteModelBuilder(new MarkdownRenderer()).build(articles, List.of(), OPTIONS);
  }

  /** {@code a} with {@code photo} as the thumbnail lists show. */
  private static ArticlePage withPhoto(ArticlePage a) {
    return new ArticlePage(
        a.article(),
        a.path(),
        a.htmlUtf8(),
        a.text(),
        a.summary(),
        a.imagePath(),
        a.picture(),
        Optional.of(PHOTO),
        a.categories(),
        a.tags(),
        a.congress(),
        a.year(),
        a.month(),
        a.related());
  }

  private static List<String> titles(List<ArticlePage> pages) {
    return pages.stream().map(ArticlePage::title).toList();
  }

  private static final List<Article> THREE =
      List.of(
          article("a.md", "title: \"Bài một\"\ndate: 2023-05-03\ncategories: [\"Tin\"]"),
          article("b.md", "title: \"Bài hai\"\ndate: 2023-05-02\ncategories: [\"Tin\"]"),
          article("c.md", "title: \"Bài ba\"\ndate: 2023-05-01"));

  @Test
  void theNewestArticleWithAPhotoLeadsAndTheOthersFollowInDateOrder() {
    SiteModel m = model(THREE);
    List<ArticlePage> page =
        List.of(m.articles().get(0), withPhoto(m.articles().get(1)), m.articles().get(2));
    Front f = Front.of(m, page);
    assertThat(f.lead().title()).isEqualTo("Bài hai");
    assertThat(titles(f.latest())).containsExactly("Bài một", "Bài ba");
  }

  @Test
  void withNoPhotoTheNewestLeads() {
    SiteModel m = model(THREE);
    Front f = Front.of(m, m.articles());
    assertThat(f.lead().title()).isEqualTo("Bài một");
    assertThat(titles(f.latest())).containsExactly("Bài hai", "Bài ba");
    assertThat(f.congresses()).isEmpty();
    assertThat(f.categories()).extracting(t -> t.name()).containsExactly("Tin");
  }

  @Test
  void congressesComeNewestHeldFirstTheReportsDateStandingInForAMissingDay() {
    SiteModel m =
        model(
            List.of(
                congress("1.md", "Chi bộ Một", "2023-05-20", "2023-03-01"),
                congress("2.md", "Chi bộ Hai", "2023-04-10", "2023-04-09"),
                congress("3.md", "Chi bộ Ba", "2023-03-15", ""),
                congress("4.md", "Chi bộ Bốn", "2023-02-01", "2023-01-30"),
                congress("5.md", "Chi bộ Năm", "2023-01-20", "2023-01-10"),
                congress("6.md", "Chi bộ Sáu", "2022-12-20", "2022-12-10"),
                congress("7.md", "Chi bộ Bảy", "2022-11-20", "2022-11-10")));
    Front f = Front.of(m, m.articles());
    assertThat(f.congresses())
        .extracting(e -> e.organization().name())
        .containsExactly(
            "Chi bộ Hai", "Chi bộ Ba", "Chi bộ Một", "Chi bộ Bốn", "Chi bộ Năm", "Chi bộ Sáu");
    assertThat(f.organizations()).extracting(o -> o.name()).containsExactly("Đảng bộ Sở");
    assertThat(f.terms()).extracting(t -> t.label()).containsExactly("2020-2025");
    assertThat(f.congresses()).allMatch((CongressEntry e) -> e.report() != null);
  }

  @Test
  void anEmptyPageHasNoFrontPage() {
    SiteModel m = model(THREE);
    assertThatThrownBy(() -> Front.of(m, List.of())).isInstanceOf(IllegalArgumentException.class);
  }
}
