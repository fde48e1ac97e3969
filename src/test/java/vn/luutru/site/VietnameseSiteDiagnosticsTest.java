package vn.luutru.site;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import vn.luutru.content.Article;
import vn.luutru.content.ArticleParser;
import vn.luutru.content.Diagnostic;
import vn.luutru.internal.Texts;
import vn.luutru.internal.Texts.Language;
import vn.luutru.markdown.MarkdownRenderer;

/**
 * The site's diagnostics in Vietnamese, as a table: two articles (path, front matter, body) → one
 * diagnostic as printed, with the source line and the caret. The language is chosen for each row
 * and given back after it.
 */
class VietnameseSiteDiagnosticsTest {
  private static final SiteModelBuilder.Options OPTIONS =
      new SiteModelBuilder.Options("/luu-tru/", false, false, LocalDate.of(2024, 1, 1));

  static Stream<Arguments> table() {
    return Stream.of(
        Arguments.of(
            "title: \"Hai\"\ndate: 2021-03-06\naliases: [\"/tin-tuc/1.html\"]",
            "",
            "b.md:4:11: lỗi: địa chỉ cũ /tin-tuc/1.html đã là địa chỉ của a.md\n"
                + "  aliases: [\"/tin-tuc/1.html\"]\n"
                + "            ^"),
        Arguments.of(
            "title: \"Hai\"\ndate: 2021-03-06",
            "Xem [C](c.md).\n",
            "b.md:5:5: cảnh báo: liên kết tới c.md: không có bài viết này (hoặc bài là bản nháp hay"
                + " có ngày trong tương lai)\n"
                + "  Xem [C](c.md).\n"
                + "      ^"),
        Arguments.of(
            "title: \"Hai\"\ndate: 2021-03-06",
            "Ảnh ![x](anh/khong-co.jpg).\n",
            "b.md:5:5: cảnh báo: ảnh anh/khong-co.jpg: không có tệp này trong thư mục nội dung\n"
                + "  Ảnh ![x](anh/khong-co.jpg).\n"
                + "      ^"),
        Arguments.of(
            "title: \"Hai\"\ndate: 2021-03-06",
            "Xem [A](a.md#ket-qua).\n",
            "b.md:5:5: cảnh báo: không có mục #ket-qua trong a.md\n"
                + "  Xem [A](a.md#ket-qua).\n"
                + "      ^"),
        Arguments.of(
            "title: \"Hai\"\ndate: 2021-03-06",
            "Một <style> mở.\n\nĐoạn hai.\n",
            "b.md:5:5: lỗi: <style> không bao giờ được đóng: chữ phía sau sẽ biến mất khỏi trang;"
                + " hãy đóng nó bằng </style>, hoặc viết \\<style> để hiện thẻ thành chữ\n"
                + "  Một <style> mở.\n"
                + "      ^"));
  }

  @ParameterizedTest
  @MethodSource("table")
  void inVietnamese(String frontMatter, String body, String expected) {
    Language before = Texts.language();
    Texts.use(Language.VI);
    try {
      List<Article> articles =
          List.of(
              article(
                  "a.md", "title: \"Một\"\ndate: 2021-03-05\naliases: [\"/tin-tuc/1.html\"]", ""),
              article("b.md", frontMatter, body));
      SiteModel m =
          new SiteModelBuilder(new MarkdownRenderer()).build(articles, List.of(), OPTIONS);
      assertThat(m.diagnostics()).extracting(Diagnostic::format).contains(expected);
    } finally {
      Texts.use(before);
    }
  }

  private static Article article(String path, String frontMatter, String body) {
    return new ArticleParser()
        .parse(path, "---\n" + frontMatter + "\n---\n" + body)
        .article()
        .orElseThrow();
  }
}
