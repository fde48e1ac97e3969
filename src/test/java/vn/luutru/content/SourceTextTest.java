package vn.luutru.content;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Random;
import org.junit.jupiter.api.Test;

class SourceTextTest {
  /**
   * decode takes the string's own UTF-8 decoding when it has no U+FFFD; on random bytes, most of
   * them near-UTF-8, it must accept exactly what a strict decoder accepts, with the same text.
   */
  @Test
  void decodesExactlyWhatAStrictDecoderAccepts() {
    Random r = new Random(3);
    byte[][] pieces = {
      "a".getBytes(StandardCharsets.UTF_8),
      "đ".getBytes(StandardCharsets.UTF_8),
      "ệ".getBytes(StandardCharsets.UTF_8),
      "\uD83D\uDE00".getBytes(StandardCharsets.UTF_8),
      "\uFFFD".getBytes(StandardCharsets.UTF_8),
      "\n".getBytes(StandardCharsets.UTF_8),
      {(byte) 0xC0, (byte) 0x80},
      {(byte) 0xED, (byte) 0xA0, (byte) 0x80},
      {(byte) 0xF4, (byte) 0x90, (byte) 0x80, (byte) 0x80},
      {(byte) 0xE0, (byte) 0x80, (byte) 0xAF},
      {(byte) 0xF0, (byte) 0x9F},
      {(byte) 0x80},
      {(byte) 0xFF},
      {(byte) 0xC3},
      {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}
    };
    int accepted = 0;
    for (int round = 0; round < 30_000; round++) {
      java.io.ByteArrayOutputStream b = new java.io.ByteArrayOutputStream();
      for (int k = r.nextInt(8); k > 0; k--) {
        if (r.nextInt(10) == 0) {
          b.write(r.nextInt(255) + 1);
        } else {
          b.writeBytes(pieces[r.nextInt(pieces.length)]);
        }
      }
      byte[] bytes = b.toByteArray();
      String strict;
      try {
        strict =
            StandardCharsets.UTF_8
                .newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT)
                .decode(ByteBuffer.wrap(bytes))
                .toString();
      } catch (CharacterCodingException e) {
        strict = null;
      }
      SourceText.Decoded d = SourceText.decode("bai.md", bytes);
      String shown = java.util.HexFormat.of().formatHex(bytes);
      if (strict == null) {
        assertThat(d.text()).as(shown).isEmpty();
        assertThat(d.error()).as(shown).isPresent();
      } else {
        accepted++;
        assertThat(d.error()).as(shown).isEmpty();
        assertThat(d.text().orElseThrow().text())
            .as(shown)
            .isEqualTo(SourceText.of("bai.md", strict).text());
      }
    }
    assertThat(accepted).isBetween(5_000, 25_000);
  }

  @Test
  void findsItsLines() {
    SourceText s = SourceText.of("bai.md", "một\nhai\r\nba\n\nnăm");
    assertThat(s.lineCount()).isEqualTo(5);
    assertThat(s.line(1)).isEqualTo("một");
    assertThat(s.line(2)).isEqualTo("hai");
    assertThat(s.line(4)).isEmpty();
    assertThat(s.line(5)).isEqualTo("năm");
    assertThat(s.line(6)).isEmpty();
    StringBuilder many = new StringBuilder();
    for (int i = 0; i < 1000; i++) {
      many.append(i).append('\n');
    }
    SourceText m = SourceText.of("dai.md", many.toString());
    assertThat(m.lineCount()).isEqualTo(1001);
    assertThat(m.line(1000)).isEqualTo("999");
    assertThat(m.lineStart(1000)).isEqualTo(many.lastIndexOf("999"));
  }
}
