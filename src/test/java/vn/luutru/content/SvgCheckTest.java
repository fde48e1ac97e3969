package vn.luutru.content;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** SVG images that can run script are refused where the script is; pictures are not. */
class SvgCheckTest {
  static final String SVG =
      "<svg xmlns=\"http://www.w3.org/2000/svg\" xmlns:xlink=\"http://www.w3.org/1999/xlink\">\n";

  static Optional<String> check(String svg) {
    return SvgCheck.check("a.svg", svg.getBytes(StandardCharsets.UTF_8)).map(Diagnostic::headline);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
      script element            | <rect/><script>alert(1)</script>                                   | a.svg:2:8: error: the SVG carries script (<script>)
      script in another prefix  | <s:script xmlns:s="http://www.w3.org/2000/svg">x</s:script>        | a.svg:2:1: error: the SVG carries script (<script>)
      upper case                | <SCRIPT>x</SCRIPT>                                                 | a.svg:2:1: error: the SVG carries script (<SCRIPT>)
      HTML inside               | <foreignObject><div/></foreignObject>                              | a.svg:2:1: error: the SVG carries script (<foreignObject>)
      event handler             | <rect width="1" onclick="x()"/>                                    | a.svg:2:17: error: the SVG carries script (onclick= on <rect>)
      link                      | <a xlink:href="javascript:x()"><rect/></a>                         | a.svg:2:4: error: the SVG carries script (a script address in xlink:href= on <a>)
      link spelt with entities  | <a href="&#106;ava&#x09;script:x()"><rect/></a>                    | a.svg:2:4: error: the SVG carries script (a script address in href= on <a>)
      animation that sets one   | <a><set attributeName="href" to="javascript:x()"/></a>             | a.svg:2:30: error: the SVG carries script (a script address in to= on <set>)
      HTML by data address      | <image href="data:text/html,x"/>                                   | a.svg:2:8: error: the SVG carries script (a script address in href= on <image>)
      """)
  void refusesScript(String what, String body, String expected) {
    assertThat(check(SVG + body + "\n</svg>\n"))
        .as(what)
        .hasValueSatisfying(h -> assertThat(h).startsWith(expected));
  }

  @Test
  void picturesWithTextAboutScriptAndDrawingProgramHeadersPass() {
    assertThat(
            check(
                SVG
                    + "<text>JavaScript: status online = true</text><a href=\"#x\"><rect/></a>\n</svg>\n"))
        .isEmpty();
    // Illustrator: a DOCTYPE naming a DTD on the web (never fetched) and internal entities
    assertThat(
            check(
                "<?xml version=\"1.0\"?>\n<!DOCTYPE svg PUBLIC \"-//W3C//DTD SVG 1.1//EN\""
                    + " \"http://www.w3.org/Graphics/SVG/1.1/DTD/svg11.dtd\" [\n<!ENTITY ns_svg \"http://www.w3.org/2000/svg\">\n]>\n"
                    + "<svg xmlns=\"&ns_svg;\"><rect/></svg>\n"))
        .isEmpty();
  }

  @Test
  void theSampleArchivesPictureIsAPicture() throws Exception {
    Path svg = Path.of("content/2020/01/anh/dai-hoi-van-phong-2.svg");
    assertThat(SvgCheck.check("x.svg", Files.readAllBytes(svg))).isEmpty();
  }

  @Test
  void utf16AndBrokenFilesAreReadAsBrowsersReadThem() {
    byte[] utf16 =
        ("\uFEFF" + SVG + "<script>x</script></svg>").getBytes(StandardCharsets.UTF_16BE);
    assertThat(SvgCheck.check("a.svg", utf16).map(Diagnostic::headline))
        .hasValueSatisfying(
            h -> assertThat(h).startsWith("a.svg:2:1: error: the SVG carries script (<script>)"));
    assertThat(check(SVG + "<rect>\n</svg>\n"))
        .hasValueSatisfying(
            h -> assertThat(h).startsWith("a.svg:3:").contains("error: not a well-formed SVG"));
  }
}
