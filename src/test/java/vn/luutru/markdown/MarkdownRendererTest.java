package vn.luutru.markdown;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class MarkdownRendererTest {
  private final MarkdownRenderer md = new MarkdownRenderer();

  private String html(String markdown) {
    return md.render(markdown, LinkResolver.IDENTITY).html();
  }

  @Test
  void rendersParagraphsAndAsciiHeadingAnchors() {
    assertThat(html("## Kết quả Đại hội\n\nĐại hội thành công.\n\n## Kết quả Đại hội\n"))
        .isEqualTo(
            "<h2 id=\"ket-qua-dai-hoi\">Kết quả Đại hội</h2>\n<p>Đại hội thành công.</p>\n"
                + "<h2 id=\"ket-qua-dai-hoi-2\">Kết quả Đại hội</h2>\n");
  }

  @Test
  void shiftsHeadingsDownWhenTheBodyUsesLevelOne() {
    assertThat(html("# Phần một\n\n## Mục\n"))
        .isEqualTo("<h2 id=\"phan-mot\">Phần một</h2>\n<h3 id=\"muc\">Mục</h3>\n");
  }

  @Test
  void rendersTablesFootnotesAndAutolinks() {
    String out =
        html(
            "| Ứng viên | Phiếu |\n|---|---:|\n| A | 12 |\n\nXem https://example.vn[^1].\n\n[^1]: Ghi chú.\n");
    assertThat(out)
        .contains("<table>", "<th>Ứng viên</th>", "<td class=\"align-right\">12</td>")
        .doesNotContain("align=");
    assertThat(out).contains("<a href=\"https://example.vn\">https://example.vn</a>");
    assertThat(out).contains("data-footnote-ref", "Ghi chú.");
    assertThat(out)
        .contains(
            "<section class=\"footnotes\" data-footnotes>\n<h2 class=\"footnotes-title\">Chú thích</h2>");
  }

  @Test
  void aFootnoteLinksBackToItsFirstTenReferencesOnlyAndEveryReferenceToIt() {
    String out = html("Câu[^a] ".repeat(12) + "và[^b] ".repeat(2) + "\n\n[^a]: Một.\n[^b]: Hai.\n");
    assertThat(out.split("href=\"#fn-a\"", -1)).hasSize(13);
    assertThat(out.split("class=\"footnote-backref\"", -1)).hasSize(10 + 2 + 1);
    assertThat(out)
        .contains("href=\"#fnref-a-10\"", "href=\"#fnref-b-2\"")
        .doesNotContain("href=\"#fnref-a-11\"");
    assertThat(out)
        .endsWith(
            "<sup class=\"footnote-ref\">10</sup>↩</a></p>\n</li>\n<li id=\"fn-b\">\n<p>Hai. "
                + "<a href=\"#fnref-b\" class=\"footnote-backref\" data-footnote-backref data-footnote-backref-idx=\"2\""
                + " aria-label=\"Quay lại chỗ dẫn chú thích 2\">↩</a> <a href=\"#fnref-b-2\" class=\"footnote-backref\""
                + " data-footnote-backref data-footnote-backref-idx=\"2-2\" aria-label=\"Quay lại chỗ dẫn chú thích 2-2\">"
                + "<sup class=\"footnote-ref\">2</sup>↩</a></p>\n</li>\n</ol>\n</section>\n");
  }

  @Test
  void givesTheIdsOfTheBodyForLinksToAnchors() {
    assertThat(
            md.render(
                    "## Mục\n\n## Mục\n\nCâu[^1].\n\n<p id=\"rieng\">x</p>\n\n[^1]: Ghi.\n",
                    LinkResolver.IDENTITY)
                .ids())
        .containsExactlyInAnyOrder("muc", "muc-2", "fnref-1", "fn-1", "rieng");
  }

  @Test
  void givesPlainTextForSummariesAndSearch() {
    assertThat(md.render("## Tiêu đề\n\nĐoạn *một*.\n", LinkResolver.IDENTITY).text())
        .isEqualTo("Tiêu đề\nĐoạn một.");
  }

  @Test
  void plainTextLeavesOutRawHtmlLinkAddressesAndTablePipes() {
    String text =
        md.render(
                "Xem [bài](a.md).\n\n| A | B |\n|---|---|\n| 1 | 2 |\n\n<script>x()</script>\n\n![ảnh](a.jpg) Hết.\n",
                LinkResolver.IDENTITY)
            .text();
    assertThat(text).isEqualTo("Xem bài.\nA B\n1 2\nHết.");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "<script>alert(1)</script>",
        "Xin chào <img src=x onerror=alert(1)>",
        "<a href=\"javascript:alert(1)\">bấm</a>",
        "[bấm](javascript:alert(1))",
        "<iframe src=\"https://evil.example\"></iframe>",
        "<div onclick=\"alert(1)\">x</div>",
        "<svg><script>alert(1)</script></svg>",
        "<a href=\"JaVaScRiPt:alert(1)\">x</a>",
        "<style>body{display:none}</style>",
      })
  void removesScriptsFromRawHtmlAndLinks(String markdown) {
    String out = html(markdown).toLowerCase();
    assertThat(out)
        .doesNotContain("<script", "onerror", "onclick", "javascript:", "<iframe", "<style");
  }

  @Test
  void keepsHarmlessRawHtml() {
    assertThat(
            html(
                "<figure><img src=\"a.jpg\" alt=\"Ảnh\"><figcaption>Ảnh: Đại hội</figcaption></figure>\n"))
        .contains(
            "<figure>", "<img src=\"a.jpg\" alt=\"Ảnh\">", "<figcaption>Ảnh: Đại hội</figcaption>");
  }

  @Test
  void resolvesEveryLinkAndImageWithItsPosition() {
    List<String> seen = new ArrayList<>();
    String out =
        md.render(
                "Đoạn đầu.\n\nXem [bài khác](../khac.md) và ![ảnh](anh/a.jpg).\n",
                (dest, kind, line, column) -> {
                  seen.add(kind + " " + dest + " " + line + ":" + column);
                  return "/x/" + dest;
                })
            .html();
    assertThat(seen).containsExactly("LINK ../khac.md 3:5", "IMAGE anh/a.jpg 3:31");
    assertThat(out).contains("href=\"/x/../khac.md\"", "src=\"/x/anh/a.jpg\"", "loading=\"lazy\"");
  }

  // What the Nu Html Checker asks of a body; HtmlValidityIT checks whole pages built from
  // src/test/resources/quality/edge-cases, these say what each repair does.

  @Test
  void writesVoidElementsAsHtml() {
    assertThat(html("a  \nb\\\nc\n\n---\n\n![Hoa](hoa.svg \"Bông\")\n"))
        .isEqualTo(
            "<p>a<br>\nb<br>\nc</p>\n<hr>\n<p><img src=\"hoa.svg\" alt=\"Hoa\" title=\"Bông\" loading=\"lazy\"></p>\n");
  }

  @Test
  void headingsNeverSkipALevelUnderThePageTitle() {
    assertThat(html("### A\n\n#### B\n\n###### C\n\n## D\n"))
        .isEqualTo(
            "<h2 id=\"a\">A</h2>\n<h3 id=\"b\">B</h3>\n<h4 id=\"c\">C</h4>\n<h2 id=\"d\">D</h2>\n");
    assertThat(html("<h1>Thô</h1>\n\n<h4>Sâu</h4>\n")).contains("<h2>Thô</h2>", "<h3>Sâu</h3>");
  }

  @Test
  void headingIdsLeaveThePagesAndTheFootnotesIdsAlone() {
    assertThat(html("## Nội dung\n\n## Bài liên quan\n\n## Fn 1\n\nA[^1]\n\n[^1]: B\n"))
        .contains(
            "id=\"noi-dung-2\"", "id=\"bai-lien-quan-2\"", "id=\"muc-fn-1\"", "<li id=\"fn-1\">");
    assertThat(
            html(
                "<p id=\"noi-dung\">a</p><p id=\"x y\">b</p><p id=\"x-y\">c</p><p id=\"\">d</p>\n"))
        .isEqualTo("<p id=\"noi-dung-2\">a</p><p id=\"x-y\">b</p><p id=\"x-y-2\">c</p><p>d</p>\n");
  }

  @Test
  void encodesAddressesAndDropsUnsafeOnes() {
    assertThat(
            html(
                "[a](<tai lieu.pdf>) [b](https://example.org/a|b?q=[1]) [c](javascript:x()) ![d](javascript:x())\n"))
        .isEqualTo(
            "<p><a href=\"tai%20lieu.pdf\">a</a> <a href=\"https://example.org/a%7Cb?q=%5B1%5D\">b</a> c d</p>\n");
    assertThat(html("<a href=\"tài liệu.pdf\">a</a> <q cite=\"https://example.org/a b\">b</q>\n"))
        .contains("href=\"tài%20liệu.pdf\"", "cite=\"https://example.org/a%20b\"");
  }

  @Test
  void removesCharactersHtmlForbidsAndNormalisesToNfc() {
    assertThat(html("a&#x80;b&#xFDD0;c&#xFFFF;d e&#x301;\n")).isEqualTo("<p>abcd é</p>\n");
    assertThat(md.render("a&#xFFFF;b\n", LinkResolver.IDENTITY).text()).isEqualTo("ab");
  }

  @Test
  void repairsObsoleteAndInvalidRawHtml() {
    assertThat(
            html(
                "<table border=\"1\" width=\"100%\" summary=\"x\"><colgroup><col width=\"30\"></colgroup>"
                    + "<tr><th align=\"center\" width=\"5\" scope=\"column\">A</th><td align=\"right\" colspan=\"0\" rowspan=\"2\">1</td></tr>"
                    + "<tr></tr></table>\n"))
        .isEqualTo(
            "<table><tbody><tr><th class=\"align-center\">A</th><td rowspan=\"2\" class=\"align-right\">1</td></tr>"
                + "</tbody></table>\n");
    assertThat(
            html(
                "<img src=\"a.png\" width=\"100%\" height=\"200px\" align=\"left\"><img src=\"\" alt=\"rỗng\">\n"))
        .isEqualTo("<p><img src=\"a.png\" height=\"200\" alt=\"\">rỗng</p>\n");
    assertThat(
            html(
                "<p lang=\"vietnamese\" dir=\"sideways\">a</p><p lang=\"en_us\" dir=\"RTL\">b</p>"
                    + "<a href=\"/\" rel=\"foo nofollow\">c</a><strike>d</strike>\n"))
        .isEqualTo(
            "<p>a</p><p lang=\"en-US\" dir=\"rtl\">b</p><a href=\"/\" rel=\"nofollow\">c</a><s>d</s>\n");
    // regression: an id in raw HTML took a heading's or a footnote's, and links landed on it
    String ids =
        html(
            "<div id=\"ket-qua\">x</div><span id=\"fn-1\">y</span>\n\n## Kết quả\n\nCâu[^1].\n\n[^1]: Ghi chú.\n");
    assertThat(ids)
        .contains(
            "<div id=\"ket-qua-2\">",
            "<span id=\"fn-1-2\">",
            "<h2 id=\"ket-qua\">",
            "<li id=\"fn-1\">",
            "href=\"#fn-1\"");
    // regression: a tag of dashes alone split into nothing and ended the build
    assertThat(html("<p lang=\"-\">e</p><p lang=\"_\">f</p><p lang=\"-vi\">g</p>\n"))
        .isEqualTo("<p>e</p><p>f</p><p>g</p>\n");
  }

  @Test
  void repairsBrokenNestingInRawHtml() {
    assertThat(html("<div><span><div>a</div></span><em><ul><li>b</li></ul></em></div>\n"))
        .isEqualTo("<div><div>a</div><ul><li>b</li></ul></div>\n");
    assertThat(html("<ul><li>a</li><ul><li>a1</li></ul>lạc</ul>\n"))
        .isEqualTo("<ul><li>a<ul><li>a1</li></ul>lạc</li></ul>\n");
    assertThat(html("<div><li>a</li><li>b</li></div><dd>c</dd><dl><dd>d</dd></dl>\n"))
        .isEqualTo("<div><ul><li>a</li><li>b</li></ul></div><div>c</div><div><div>d</div></div>\n");
    assertThat(html("<h2><p>a</p></h2>\n")).isEqualTo("<h2>a</h2>\n");
  }
}
