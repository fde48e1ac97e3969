package vn.luutru.markdown;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.stream.Collectors;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Raw HTML that would swallow the text after it: what each input renders, or the error it gives
 * ({@code line:column: message}). An article's words never disappear without an error.
 */
class RawHtmlTest {
  private final MarkdownRenderer md = new MarkdownRenderer();

  /** The rendered HTML, or the errors as {@code line:column: message}, one a line. */
  private String outcome(String markdown) {
    try {
      return md.render(markdown, LinkResolver.IDENTITY).html();
    } catch (MarkdownRenderer.RefusedException e) {
      return e.problems().stream()
          .map(p -> p.line() + ":" + p.column() + ": " + p.message())
          .collect(Collectors.joining("\n"));
    }
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '\'',
      textBlock =
          """
      # Unclosed: the rest of the article would vanish, or be shown as stray markup
      Một <style> mở.\\n\\nĐoạn hai.       | 1:5: <style> is never closed: the text after it would disappear from the page; close it with </style>, or write \\<style> to show the tag as text
      Một <script> mở.\\n\\nĐoạn hai.      | 1:5: <script> is never closed: the text after it would disappear from the page; close it with </script>, or write \\<script> to show the tag as text
      Một <iframe src="x"> mở.\\n\\nHai.   | 1:5: <iframe> is never closed: the text after it would disappear from the page; close it with </iframe>, or write \\<iframe> to show the tag as text
      Một <noembed> mở.\\n\\nĐoạn hai.     | 1:5: <noembed> is never closed: the text after it would disappear from the page; close it with </noembed>, or write \\<noembed> to show the tag as text
      Một <noframes> mở.\\n\\nĐoạn hai.    | 1:5: <noframes> is never closed: the text after it would disappear from the page; close it with </noframes>, or write \\<noframes> to show the tag as text
      Một <textarea> mở.\\n\\nĐoạn hai.    | 1:5: <textarea> is never closed: the text after it would be shown as raw markup; close it with </textarea>, or write \\<textarea> to show the tag as text
      Một <TITLE> mở.\\n\\nĐoạn hai.       | 1:5: <title> is never closed: the text after it would be shown as raw markup; close it with </title>, or write \\<title> to show the tag as text
      Một <select> mở.\\n\\nĐoạn hai.      | 1:5: <select> is never closed: the paragraphs after it would be merged or moved; close it with </select>, or write \\<select> to show the tag as text
      Một <template> mở.\\n\\nĐoạn hai.    | 1:5: <template> is never closed: the paragraphs after it would be merged or moved; close it with </template>, or write \\<template> to show the tag as text
      Một <table> mở.\\n\\nĐoạn hai.       | 1:5: <table> is never closed: the paragraphs after it would be merged or moved; close it with </table>, or write \\<table> to show the tag as text
      Một <h2> mở.\\n\\nĐoạn hai.         | 1:5: <h2> is never closed: the paragraphs after it would be merged into the heading; close it with </h2>, or write \\<h2> to show the tag as text
      # Closed only in a later paragraph: what lies between is rendered Markdown, and would vanish, show as markup or move
      Một <style> mở.\\n\\nĐoạn hai.\\n\\nBa </style> đóng.       | 1:5: <style> is closed only after the paragraph it opens in: the text up to </style> would disappear from the page; close it before the paragraph ends, or write \\<style> to show the tag as text
      Một <iframe> mở.\\n\\nĐoạn hai.\\n\\nBa </iframe> đóng.     | 1:5: <iframe> is closed only after the paragraph it opens in: the text up to </iframe> would disappear from the page; close it before the paragraph ends, or write \\<iframe> to show the tag as text
      Một <noembed> mở.\\n\\nĐoạn hai.\\n\\nBa </noembed> đóng.   | 1:5: <noembed> is closed only after the paragraph it opens in: the text up to </noembed> would disappear from the page; close it before the paragraph ends, or write \\<noembed> to show the tag as text
      Một <textarea> mở.\\n\\nĐoạn hai.\\n\\nBa </textarea> đóng. | 1:5: <textarea> is closed only after the paragraph it opens in: the text up to </textarea> would be shown as raw markup; close it before the paragraph ends, or write \\<textarea> to show the tag as text
      Một <title> mở.\\n\\nĐoạn hai.\\n\\nBa </title> đóng.       | 1:5: <title> is closed only after the paragraph it opens in: the text up to </title> would be shown as raw markup; close it before the paragraph ends, or write \\<title> to show the tag as text
      Một <select> mở.\\n\\nĐoạn hai.\\n\\nBa </select> đóng.     | 1:5: <select> is closed only after the paragraph it opens in: the paragraphs up to </select> would be merged or moved; close it before the paragraph ends, or write \\<select> to show the tag as text
      Một <template> mở.\\n\\nĐoạn hai.\\n\\nBa </template> đóng. | 1:5: <template> is closed only after the paragraph it opens in: the paragraphs up to </template> would be merged or moved; close it before the paragraph ends, or write \\<template> to show the tag as text
      Một <h2> mở.\\n\\nĐoạn hai.\\n\\nBa </h2> đóng.             | 1:5: <h2> is closed only after the paragraph it opens in: the paragraphs up to </h2> would be merged into the heading; close it before the paragraph ends, or write \\<h2> to show the tag as text
      <div>\\n<style>\\np{}\\n\\nĐoạn hai.\\n</style>\\n</div>      | 2:1: <style> is closed only after the paragraph it opens in: the text up to </style> would disappear from the page; close it before the paragraph ends, or write \\<style> to show the tag as text
      - Mục <style> một\\n- Mục </style> hai                       | 1:7: <style> is closed only after the paragraph it opens in: the text up to </style> would disappear from the page; close it before the paragraph ends, or write \\<style> to show the tag as text
      # Closed in the same paragraph, or in the next piece of raw HTML with no Markdown between: nothing is lost
      <div>\\n<select>\\n<option>a</option>\\n\\n</select>\\n</div> | <div>\\n\\na\\n\\n</div>\\n
      # Comment ends the check missed (HTML ends a comment at <!-->, <!---> and --!>): the <style> after them is read
      <!--> <style> -->\\n\\nĐoạn hai.             | 1:7: <style> is never closed: the text after it would disappear from the page; close it with </style>, or write \\<style> to show the tag as text
      <!---> <style> -->\\n\\nĐoạn hai.            | 1:8: <style> is never closed: the text after it would disappear from the page; close it with </style>, or write \\<style> to show the tag as text
      <!-- a --!> <style> -->\\n\\nĐoạn hai.      | 1:13: <style> is never closed: the text after it would disappear from the page; close it with </style>, or write \\<style> to show the tag as text
      Một <!--> <style> --> x\\n\\nĐoạn hai.      | 1:11: <style> is never closed: the text after it would disappear from the page; close it with </style>, or write \\<style> to show the tag as text
      <!-- a --!> b\\n\\nĐoạn hai.               | ' b\\n\\nĐoạn hai.\\n'
      # In SVG and MathML, <style> and <title> are elements like any other; in their HTML parts (desc, foreignObject, mi …) they are raw text again
      <div>\\n<svg><style></svg>\\n</div>\\n\\nHai. | <div>\\n\\n</div>\\n<p>Hai.</p>\\n
      <div>\\n<SVG><title>a</SVG>\\n</div>\\n\\nHai. | <div>\\na\\n</div>\\n<p>Hai.</p>\\n
      <div>\\n<math><style></math>\\n</div>\\n\\nHai. | <div>\\n\\n</div>\\n<p>Hai.</p>\\n
      <div>\\n<svg><title><style></title></svg>\\n</div>\\n\\nHai. | 2:13: <style> is never closed: the text after it would disappear from the page; close it with </style>, or write \\<style> to show the tag as text
      <div>\\n<svg><foreignObject><style></foreignObject></svg>\\n</div>\\n\\nHai. | 2:21: <style> is never closed: the text after it would disappear from the page; close it with </style>, or write \\<style> to show the tag as text
      <div>\\n<math><mi><style></mi></math>\\n</div>\\n\\nHai. | 2:11: <style> is never closed: the text after it would disappear from the page; close it with </style>, or write \\<style> to show the tag as text
      <div>\\n<svg><p><style></svg>\\n</div>\\n\\nHai. | 2:9: <style> is never closed: the text after it would disappear from the page; close it with </style>, or write \\<style> to show the tag as text
      <div>\\n<svg><script></svg>\\n</div>\\n\\nHai. | 2:6: <script> is never closed: the text after it would disappear from the page; close it with </script>, or write \\<script> to show the tag as text
      <div>\\n<svg/><style></svg>\\n</div>\\n\\nHai. | 2:7: <style> is never closed: the text after it would disappear from the page; close it with </style>, or write \\<style> to show the tag as text
      # Obsolete: what they hold is never shown as it was written
      Một <xmp>a < b</xmp> mở.          | 1:5: <xmp> is obsolete and the text in it would not be shown; put the text in a code block (between ``` lines) instead
      Một <plaintext> mở.\\n\\nĐoạn hai.   | 1:5: <plaintext> is obsolete and cannot be closed: the text after it would be shown as raw markup; remove it, or write \\<plaintext> to show the tag as text
      # Where: the tag's own line and column, in blocks, lists and quotes, and after letters beyond ASCII
      Đoạn một.\\n\\n<script>\\nalert(1)\\n\\nĐoạn hai. | 3:1: <script> is never closed: the text after it would disappear from the page; close it with </script>, or write \\<script> to show the tag as text
      - Mục\\n- Đã <style> x\\n\\nHết.     | 2:6: <style> is never closed: the text after it would disappear from the page; close it with </style>, or write \\<style> to show the tag as text
      > Trích <textarea\\n> rows=2> x     | 1:9: <textarea> is never closed: the text after it would be shown as raw markup; close it with </textarea>, or write \\<textarea> to show the tag as text
      <div>\\n  <table><tr><td>a</td></tr>\\n</div>\\n\\nHết. | 2:3: <table> is never closed: the paragraphs after it would be merged or moved; close it with </table>, or write \\<table> to show the tag as text
      # An HTML comment never closed hides the rest of the article
      Một.\\n\\n<!-- ghi chú\\n\\nĐoạn hai.  | 3:1: <!-- opens a comment that is never closed: the text after it would disappear from the page; close it with -->
      # Closed: what they hold is not the article's words (script, style) or stays as text
      Một <style>p{color:red}</style> mở.  | <p>Một  mở.</p>\\n
      Một <script>x()</script> mở.         | <p>Một  mở.</p>\\n
      <style>\\np{}\\n</style>\\n\\nHai.      | \\n<p>Hai.</p>\\n
      Một <textarea>trong</textarea> mở.   | <p>Một trong mở.</p>\\n
      Một <noscript> mở.\\n\\nĐoạn hai.    | <p>Một  mở.</p>\\n<p>Đoạn hai.</p>\\n
      Một <!-- ghi chú --> mở.             | <p>Một  mở.</p>\\n
      <table><tr><td>a</td></tr></table>\\n\\nHai. | <table><tbody><tr><td>a</td></tr></tbody></table>\\n<p>Hai.</p>\\n
      <TABLE><tr><td><table><tr><td>a</table></TABLE> | <table><tbody><tr><td><table><tbody><tr><td>a</td></tr></tbody></table></td></tr></tbody></table>\\n
      <h2>a<h3>b</h2>\\n\\nĐoạn.          | <h2>a</h2><h3>b</h3>\\n<p>Đoạn.</p>\\n
      # Elements the cleaner takes out leave no paragraph in a paragraph
      Một <button> mở.\\n\\nĐoạn hai.     | Một  mở.<p></p>\\n<p>Đoạn hai.</p>\\n
      Một <object data="x"> mở.\\n\\nHai. | Một  mở.<p></p>\\n<p>Hai.</p>\\n
      # A tag in a code span or escaped is text
      Dùng `<style>` hoặc \\<script>.      | <p>Dùng <code>&lt;style&gt;</code> hoặc &lt;script&gt;.</p>\\n
      # Text in a table but in no cell is moved before it, as browsers show it
      <table>lạc<tr><td>a</td></tr></table> | lạc<table><tbody><tr><td>a</td></tr></tbody></table>\\n
      """)
  void rawHtmlThatWouldSwallowTextIsAnErrorWhereItStands(String markdown, String expected) {
    String input = markdown.replace("\\n", "\n");
    assertThat(outcome(input)).as(input).isEqualTo(expected.replace("\\n", "\n"));
  }

  /**
   * Legacy pasted HTML: a font never closed in each paragraph. The parser closes it with the
   * paragraph.
   */
  @org.junit.jupiter.api.Test
  void phrasingElementsLeftOpenDoNotNestAcrossParagraphs() {
    StringBuilder body = new StringBuilder();
    for (int i = 1; i <= 1000; i++) {
      body.append("Đoạn ").append(i).append(" <font color=red>chữ <span>đỏ.\n\n");
    }
    assertThat(outcome(body.toString()))
        .startsWith("<p>Đoạn 1 chữ <span>đỏ.</span></p>\n<p>Đoạn 2 chữ <span>đỏ.</span></p>\n")
        .contains("Đoạn 1000 ");
  }

  /** The message names the elements nested, not others. */
  @org.junit.jupiter.api.Test
  void theDepthErrorNamesTheElementsThatAreNested() {
    assertThat(outcome("<div>\n" + "<span><div>".repeat(60) + "\n</div>\n"))
        .isEqualTo(
            "2:"
                + (1 + 11 * 49 + 6)
                + ": the raw HTML is nested more than 100 levels deep (<div> and <span> inside each other);"
                + " luutru does not render it: close the elements sooner");
  }

  @org.junit.jupiter.api.Test
  void rawHtmlNestedDeeperThanTheLimitIsRefusedAtTheFirstTooDeepTag() {
    String body =
        "Đoạn.\n\n<div>\n"
            + "<table><tr><td>".repeat(120)
            + "x"
            + "</td></tr></table>".repeat(120)
            + "\n</div>\n";
    assertThatThrownBy(() -> md.render(body, LinkResolver.IDENTITY))
        .isInstanceOf(MarkdownRenderer.RefusedException.class)
        .satisfies(
            e ->
                assertThat(((MarkdownRenderer.RefusedException) e).problems())
                    .singleElement()
                    .satisfies(
                        p -> {
                          assertThat(p.line()).isEqualTo(4);
                          assertThat(p.column()).isEqualTo(1 + 15 * 99);
                          assertThat(p.message())
                              .startsWith(
                                  "the raw HTML is nested more than 100 levels deep (<div> and <table>"
                                      + " inside each other)");
                        }));
    String fine =
        "<div>\n"
            + "<table><tr><td>".repeat(99)
            + "x"
            + "</td></tr></table>".repeat(99)
            + "\n</div>\n";
    assertThat(md.render(fine, LinkResolver.IDENTITY).html()).contains("x");
  }
}
