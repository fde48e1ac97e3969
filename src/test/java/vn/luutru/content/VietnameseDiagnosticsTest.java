package vn.luutru.content;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.luutru.testing.InLanguage.vietnamese;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import vn.luutru.internal.Texts;
import vn.luutru.internal.Texts.Language;

/**
 * Front matter and file diagnostics in Vietnamese, as a table: input → the whole diagnostic as
 * printed ({@code path:line:column: lỗi: …}, the source line, the caret). The language is chosen
 * for each row and given back after it.
 */
class VietnameseDiagnosticsTest {

  static Stream<Arguments> frontMatter() {
    return Stream.of(
        Arguments.of(
            "---\ntitle: \"Đại hội\"\ndate: 2020-02-30\n---\n",
            "content/a.md:3:7: lỗi: date: ngày không tồn tại 2020-02-30\n"
                + "  date: 2020-02-30\n"
                + "        ^"),
        Arguments.of(
            "---\ntitle: \"Đại hội\"\ndate: 2020-01-17\ntieu_de: x\n---\n",
            "content/a.md:4:1: cảnh báo: khóa 'tieu_de' không được hỗ trợ nên bị bỏ qua\n"
                + "  tieu_de: x\n"
                + "  ^"),
        Arguments.of(
            "---\ndate: 2020-01-17\n---\n",
            "content/a.md:1:1: lỗi: thiếu tiêu đề: hãy thêm dòng 'title: \"…\"' vào phần thông tin"
                + " đầu bài\n"
                + "  ---\n"
                + "  ^"),
        Arguments.of(
            "---\ntitle: a\ndate: 2020-01-17\ncongress:\n  term: 2020\n---\n",
            "content/a.md:5:9: lỗi: congress.term: cần hai năm như \"2020-2025\", nhưng lại thấy"
                + " '2020'\n"
                + "    term: 2020\n"
                + "          ^"),
        Arguments.of(
            "---\ntitle: a\ndate: 2020-01-17\ndraft: [1]\n---\n",
            "content/a.md:4:8: lỗi: draft: cần true hoặc false, nhưng lại thấy một danh sách\n"
                + "  draft: [1]\n"
                + "         ^"));
  }

  @ParameterizedTest
  @MethodSource("frontMatter")
  void frontMatterInVietnamese(String input, String expected) {
    List<String> shown =
        vietnamese(
            () ->
                new ArticleParser()
                        .parse("a.md", "content/a.md", input.getBytes(StandardCharsets.UTF_8))
                        .diagnostics()
                        .stream()
                        .map(Diagnostic::format)
                        .toList());
    assertThat(shown).contains(expected);
  }

  @Test
  void notTextInVietnamese() {
    byte[] png = {(byte) 0x89, 'P', 'N', 'G', 0, 0};
    String shown =
        vietnamese(
            () ->
                new ArticleParser()
                    .parse("a.md", "content/a.md", png)
                    .diagnostics()
                    .get(0)
                    .format());
    assertThat(shown)
        .startsWith(
            "content/a.md:1:1: lỗi: không phải tệp văn bản: tệp bắt đầu giống một ảnh PNG;"
                + " bài viết là văn bản Markdown lưu ở dạng UTF-8");
  }

  @Test
  void severityWordsFollowTheLanguage() {
    Diagnostic d = Diagnostic.warning("a.md", 2, 3, "x", "ab");
    assertThat(vietnamese(d::headline)).isEqualTo("a.md:2:3: cảnh báo: x");
    assertThat(d.headline()).isEqualTo("a.md:2:3: warning: x");
    assertThat(Texts.get(Language.VI, Messages.class, "severity.error")).isEqualTo("lỗi");
  }
}
