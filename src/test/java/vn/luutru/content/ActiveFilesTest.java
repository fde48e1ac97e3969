package vn.luutru.content;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ActiveFilesTest {
  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '`',
      value = {
        // file name | contents | the start of the diagnostic, or nothing
        "a.html   | <p>Chào <b>đồng chí</b></p>                                  | ",
        "a.HTM    | <p>Chào</p><script>alert(1)</script>                         | a.HTM:1:12: error: the HTML page carries script (<script>)",
        "a.html   | <a href=' JaVa\tScript:alert(1)'>x</a>                       | a.html:1:4: error: the HTML page carries script (a script address in href=",
        "a.html   | <iframe src=x.html></iframe>                                 | a.html:1:1: error: the HTML page carries script (<iframe>)",
        "a.html   | <body onload=alert(1)>                                       | a.html:1:7: error: the HTML page carries script (onload= on <body>)",
        "a.xml    | <tin><tieu-de>Đại hội</tieu-de></tin>                        | ",
        "a.xml    | <tin><tieu-de>không đóng</tin>                               | ",
        "a.xml    | <x><h:script xmlns:h='http://www.w3.org/1999/xhtml'/></x>    | a.xml:1:4: error: the XML document carries script (<script>)",
        "a.xhtml  | <html xmlns='http://www.w3.org/1999/xhtml' onclick='x()'/>   | a.xhtml:1:44: error: the XML document carries script (onclick= on <html>)",
        "a.svgz   | không phải gzip                                               | a.svgz: error: not a gzipped SVG image",
        "a.txt    | <script>alert(1)</script>                                    | ",
        "a.md.bak | <script>alert(1)</script>                                    | ",
      })
  void aDocumentThatCanRunScriptIsRefused(String name, String contents, String expected) {
    Optional<Diagnostic> d =
        ActiveFiles.check(name, name, contents.getBytes(StandardCharsets.UTF_8));
    if (expected == null) {
      assertThat(d).isEmpty();
    } else {
      assertThat(d).hasValueSatisfying(x -> assertThat(x.headline()).startsWith(expected));
    }
  }

  @ParameterizedTest
  @CsvSource({
    "a.svg,true",
    "A.SVGZ,true",
    "a.xhtml,true",
    "trang.html,true",
    "a.shtml,true",
    "a.xml,true",
    "anh.png,false",
    "tep.pdf,false",
    "a.html/b.txt,false",
    "khong-duoi,false"
  })
  void whatIsActive(String name, boolean active) {
    assertThat(ActiveFiles.isActive(name)).isEqualTo(active);
  }
}
