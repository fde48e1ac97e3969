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
        .isEqualTo("<h2 id=\"ket-qua-dai-hoi\">Kết quả Đại hội</h2>\n<p>Đại hội thành công.</p>\n"
            + "<h2 id=\"ket-qua-dai-hoi-2\">Kết quả Đại hội</h2>\n");
  }

  @Test
  void shiftsHeadingsDownWhenTheBodyUsesLevelOne() {
    assertThat(html("# Phần một\n\n## Mục\n")).isEqualTo("<h2 id=\"phan-mot\">Phần một</h2>\n<h3 id=\"muc\">Mục</h3>\n");
  }

  @Test
  void rendersTablesFootnotesAndAutolinks() {
    String out = html("| Ứng viên | Phiếu |\n|---|---:|\n| A | 12 |\n\nXem https://example.vn[^1].\n\n[^1]: Ghi chú.\n");
    assertThat(out).contains("<table>", "<th>Ứng viên</th>", "<td align=\"right\">12</td>");
    assertThat(out).contains("<a href=\"https://example.vn\">https://example.vn</a>");
    assertThat(out).contains("data-footnote-ref", "Ghi chú.");
  }

  @Test
  void givesPlainTextForSummariesAndSearch() {
    assertThat(md.render("## Tiêu đề\n\nĐoạn *một*.\n", LinkResolver.IDENTITY).text()).isEqualTo("Tiêu đề\nĐoạn một.");
  }

  @Test
  void plainTextLeavesOutRawHtmlLinkAddressesAndTablePipes() {
    String text = md.render("Xem [bài](a.md).\n\n| A | B |\n|---|---|\n| 1 | 2 |\n\n<script>x()</script>\n\n![ảnh](a.jpg) Hết.\n",
        LinkResolver.IDENTITY).text();
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
    assertThat(out).doesNotContain("<script", "onerror", "onclick", "javascript:", "<iframe", "<style");
  }

  @Test
  void keepsHarmlessRawHtml() {
    assertThat(html("<figure><img src=\"a.jpg\" alt=\"Ảnh\"><figcaption>Ảnh: Đại hội</figcaption></figure>\n"))
        .contains("<figure>", "<img src=\"a.jpg\" alt=\"Ảnh\">", "<figcaption>Ảnh: Đại hội</figcaption>");
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
}
