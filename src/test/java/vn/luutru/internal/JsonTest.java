package vn.luutru.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

class JsonTest {
  @Test
  void writesMapsListsNumbersAndEscapedStrings() {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("url", "/2020/01/dai-hoi/");
    m.put("n", 3);
    m.put("tags", List.of("Đại hội", "a\"b\\c"));
    m.put("html", "</script><!-- & \u2028\u2029\n\r\t\u0000\u001f");
    assertThat(Json.write(m))
        .isEqualTo(
            "{\"url\":\"/2020/01/dai-hoi/\",\"n\":3,\"tags\":[\"Đại hội\",\"a\\\"b\\\\c\"],"
                + "\"html\":\"\\u003c/script\\u003e\\u003c!-- \\u0026 \\u2028\\u2029\\n\\r\\t\\u0000\\u001f\"}");
    assertThatThrownBy(() -> Json.write(Map.of("a", 1, "b", 2)))
        .isInstanceOf(IllegalArgumentException.class);
  }

  /**
   * Strings are escaped in runs now; on random strings the output must be what the per-character
   * loop wrote.
   */
  @Test
  void escapesAsTheCharacterLoopDid() {
    Random r = new Random(5);
    char[] alphabet = {
      'a', 'đ', '"', '\\', '\n', '\r', '\t', '<', '>', '&', '\u2028', '\u2029', '\u0000', '\u001f',
      '\u007f', ' ', '/', '\uD83D', '\uDE00'
    };
    for (int i = 0; i < 20_000; i++) {
      StringBuilder b = new StringBuilder();
      for (int k = r.nextInt(10); k > 0; k--) {
        b.append(alphabet[r.nextInt(alphabet.length)]);
      }
      assertThat(Json.write(b.toString())).isEqualTo(reference(b.toString()));
    }
  }

  private static String reference(String v) {
    StringBuilder s = new StringBuilder("\"");
    for (char c : v.toCharArray()) {
      switch (c) {
        case '"' -> s.append("\\\"");
        case '\\' -> s.append("\\\\");
        case '\n' -> s.append("\\n");
        case '\r' -> s.append("\\r");
        case '\t' -> s.append("\\t");
        case '<', '>', '&', '\u2028', '\u2029' -> s.append(String.format("\\u%04x", (int) c));
        default -> s.append(c < 0x20 ? String.format("\\u%04x", (int) c) : String.valueOf(c));
      }
    }
    return s.append('"').toString();
  }
}
