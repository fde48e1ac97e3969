package vn.luutru.markdown;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import org.junit.jupiter.api.Test;

class PlainTextTest {
  /** The one-pass version must give what the two regular expressions it replaced gave. */
  @Test
  void tidiesWhiteSpaceExactlyAsTheRegularExpressionsDid() {
    Random r = new Random(42);
    char[] alphabet = {' ', '\t', '\n', 'a', 'đ', '\u000B', '\f', '\r'};
    for (int i = 0; i < 50_000; i++) {
      StringBuilder s = new StringBuilder();
      for (int k = r.nextInt(30); k > 0; k--) {
        s.append(alphabet[r.nextInt(alphabet.length)]);
      }
      String in = s.toString();
      assertThat(PlainText.tidy(in))
          .as(FuzzEscapes.of(in))
          .isEqualTo(in.replaceAll("[ \\t]*\\n[\\s]*", "\n").replaceAll("[ \\t]{2,}", " "));
    }
  }

  /** Escapes for a readable failure. */
  static final class FuzzEscapes {
    static String of(String s) {
      StringBuilder out = new StringBuilder();
      s.chars()
          .forEach(
              c -> out.append(c < 0x20 ? String.format("\\u%04X", c) : String.valueOf((char) c)));
      return out.toString();
    }
  }
}
