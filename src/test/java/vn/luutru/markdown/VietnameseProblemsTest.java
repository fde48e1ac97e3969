package vn.luutru.markdown;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.Collectors;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import vn.luutru.internal.Texts;
import vn.luutru.internal.Texts.Language;

/**
 * Raw HTML and nesting problems in Vietnamese, as a table: Markdown → {@code line:column: message}.
 * The language is chosen for each row and given back after it.
 */
class VietnameseProblemsTest {
  private final MarkdownRenderer md = new MarkdownRenderer();

  private String outcome(String markdown) {
    Language before = Texts.language();
    Texts.use(Language.VI);
    try {
      md.render(markdown, LinkResolver.IDENTITY);
      return "";
    } catch (MarkdownRenderer.RefusedException e) {
      return e.problems().stream()
          .map(p -> p.line() + ":" + p.column() + ": " + p.message())
          .collect(Collectors.joining("\n"));
    } finally {
      Texts.use(before);
    }
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '\'',
      textBlock =
          """
      Một <style> mở.\\n\\nĐoạn hai.                 | 1:5: <style> không bao giờ được đóng: chữ phía sau sẽ biến mất khỏi trang; hãy đóng nó bằng </style>, hoặc viết \\<style> để hiện thẻ thành chữ
      Một <h2> mở.\\n\\nĐoạn hai.\\n\\nBa </h2> đóng. | 1:5: <h2> chỉ được đóng sau khi hết đoạn văn mà nó mở ra: các đoạn văn cho đến </h2> sẽ bị gộp vào đề mục; hãy đóng nó trước khi hết đoạn, hoặc viết \\<h2> để hiện thẻ thành chữ
      Một.\\n\\n<!-- ghi chú\\n\\nĐoạn hai.           | 3:1: <!-- mở một ghi chú nhưng không đóng lại: chữ phía sau sẽ biến mất khỏi trang; hãy đóng ghi chú bằng -->
      <xmp>a</xmp>                                   | 1:1: <xmp> đã lỗi thời và chữ bên trong sẽ không được hiển thị; hãy đặt chữ vào một khối mã (giữa hai dòng ```)
      """)
  void problemsInVietnamese(String markdown, String expected) {
    assertThat(outcome(markdown.replace("\\n", "\n"))).isEqualTo(expected);
  }

  @ParameterizedTest(name = "{0} levels")
  @CsvSource({"1, <div>", "2, <div> và <section>", "3, '<div>, <section> và <table>'"})
  void tooDeepNamesTheOpenElements(int kinds, String names) {
    String open =
        switch (kinds) {
          case 1 -> "<div>".repeat(MarkdownRenderer.MAX_DEPTH + 1);
          case 2 -> "<div><section>" + "<div>".repeat(MarkdownRenderer.MAX_DEPTH);
          default -> "<div><section><table>" + "<div>".repeat(MarkdownRenderer.MAX_DEPTH);
        };
    assertThat(outcome(open))
        .contains("HTML viết trực tiếp lồng nhau sâu hơn 100 tầng (" + names + " nằm trong nhau)");
  }
}
