package vn.luutru.content;

import static org.assertj.core.api.Assertions.assertThat;

import java.text.Normalizer;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class VietnameseTextTest {

  @ParameterizedTest(name = "fold({0}) = {1}")
  @CsvSource(
      delimiter = '|',
      value = {
        "Đại hội Đảng | dai hoi dang",
        "đảng bộ | dang bo",
        "ĐẠI HỘI | dai hoi",
        "Nhiệm kỳ 2020 - 2022 | nhiem ky 2020 - 2022",
        "Thừa Thiên Huế | thua thien hue",
        "Nguyễn Sỹ Chín | nguyen sy chin",
        "Ưu tiên, ơn, ữ | uu tien, on, u",
        "Đà Nẵng | da nang",
        "plain ascii | plain ascii",
      })
  void folds(String input, String folded) {
    assertThat(VietnameseText.fold(input)).isEqualTo(folded);
  }

  @ParameterizedTest(name = "fold of decomposed {0}")
  @CsvSource({"Đại hội", "Tiếng Việt", "Quảng Ngãi"})
  void foldsDecomposedTextLikeComposed(String input) {
    String nfd = Normalizer.normalize(input, Normalizer.Form.NFD);
    assertThat(nfd).isNotEqualTo(input);
    assertThat(VietnameseText.fold(nfd)).isEqualTo(VietnameseText.fold(input));
  }

  @ParameterizedTest(name = "slug({0}) = {1}")
  @CsvSource(
      delimiter = '|',
      value = {
        "Đại hội Chi bộ Văn phòng 2 lần thứ nhất nhiệm kỳ 2020 - 2022"
            + " | dai-hoi-chi-bo-van-phong-2-lan-thu-nhat-nhiem-ky-2020-2022",
        "Đại hội Đảng | dai-hoi-dang",
        "  --Hội nghị (lần 2)!--  | hoi-nghi-lan-2",
        "Chỉ thị số 05-CT/TW | chi-thi-so-05-ct-tw",
        "Covid-19: 1.000 ca | covid-19-1-000-ca",
        "!!! | ''",
      })
  void slugs(String input, String slug) {
    assertThat(VietnameseText.slug(input)).isEqualTo(slug);
  }

  @ParameterizedTest(name = "long slug cut at a word: {0}")
  @CsvSource({
    "Tàu ngầm KRI Nanggala hoạt động tại vùng biển ngoài khơi Đông Java Indonesia năm 2014 ảnh AP mới nhất hôm nay",
  })
  void cutsLongSlugsAtAWordBoundary(String input) {
    String slug = VietnameseText.slug(input);
    String full = VietnameseText.slug(input, 1000);
    assertThat(slug.length()).isLessThanOrEqualTo(VietnameseText.MAX_SLUG_LENGTH);
    assertThat(full).startsWith(slug + "-");
  }

  @ParameterizedTest(name = "clean: {2}")
  @CsvSource(
      delimiter = '|',
      value = {
        "a\u00ADb | ab | soft hyphen",
        "a\u200Bb | ab | zero-width space",
        "a\bb | ab | backspace",
        "a\u0085b | ab | C1 control",
        "a\u0000b | ab | NUL",
        "a\uFEFFb | ab | stray BOM",
        "a\tb | a\tb | tab kept",
        "a\uFFFFb | ab | noncharacter U+FFFF",
        "a\uFDD0b | ab | noncharacter U+FDD0",
        "a\uD83F\uDFFFb | ab | noncharacter U+1FFFF",
        "a\uD800b | ab | lone surrogate",
        "a\uD83D\uDE00b | a\uD83D\uDE00b | emoji kept",
      })
  void removesInvisibleCharacters(String input, String expected, String what) {
    assertThat(VietnameseText.clean(input)).isEqualTo(expected);
  }

  @org.junit.jupiter.api.Test
  void cleanNormalisesToNfcAndLineEndingsToLf() {
    String nfd = Normalizer.normalize("Đại hội", Normalizer.Form.NFD);
    assertThat(VietnameseText.clean(nfd)).isEqualTo("Đại hội");
    assertThat(VietnameseText.clean("a\r\nb\rc\n")).isEqualTo("a\nb\nc\n");
  }

  /** clean reads from an array now; on random strings it must give what the plain loop gave. */
  @org.junit.jupiter.api.Test
  void cleanGivesWhatTheCodePointLoopGave() {
    java.util.Random r = new java.util.Random(7);
    String[] alphabet = {
      "a",
      "đ",
      "ạ",
      "\r",
      "\n",
      "\t",
      "\u0000",
      "\u0085",
      "\u00AD",
      "\u200B",
      "\u202C",
      "\uFEFF",
      "\uFDD0",
      "\uFFFE",
      "\uD83D\uDE00",
      "\uD83D",
      "\uDE00",
      "\uD83F\uDFFE",
      "\u0301",
      "e\u0302",
      "\u2060",
      "\u4E2D",
      "\u01A0",
      "\u1EDB",
      "\u1E9B",
      "\u2013",
      "\u201C",
      "\u2026",
      "\u2000",
      "\u0340",
      "\u0F73",
      "\u1161"
    };
    for (int i = 0; i < 50_000; i++) {
      StringBuilder b = new StringBuilder();
      for (int k = r.nextInt(12); k > 0; k--) {
        b.append(alphabet[r.nextInt(alphabet.length)]);
      }
      String in = b.toString();
      assertThat(VietnameseText.clean(in))
          .as("%s", in.chars().mapToObj(Integer::toHexString).toList())
          .isEqualTo(reference(in));
    }
  }

  /**
   * clean skips the JDK's NFC check for text of nothing but {@link VietnameseText#isStable}
   * characters; each must be NFC on its own, no combining mark (every character of a combining
   * class other than 0 is one), and never the second part of a canonical decomposition (what could
   * compose with the character before it). The pairs of them are checked too.
   */
  @org.junit.jupiter.api.Test
  void stableCharactersMakeNfcText() {
    java.util.BitSet composesWithBefore = new java.util.BitSet();
    for (int cp = 0; cp <= Character.MAX_CODE_POINT; cp++) {
      if (Character.isSurrogate((char) cp) && cp <= 0xFFFF) {
        continue;
      }
      String one = new String(Character.toChars(cp));
      if (!Normalizer.isNormalized(one, Normalizer.Form.NFD)) {
        int[] parts = Normalizer.normalize(one, Normalizer.Form.NFD).codePoints().toArray();
        for (int k = 1; k < parts.length; k++) {
          composesWithBefore.set(parts[k]);
        }
      }
    }
    StringBuilder stable = new StringBuilder();
    for (char c = 0; c < 0xFFFF; c++) {
      if (!VietnameseText.isStable(c)) {
        continue;
      }
      stable.append(c);
      int type = Character.getType(c);
      assertThat(Normalizer.isNormalized(String.valueOf(c), Normalizer.Form.NFC))
          .as("U+%04X", (int) c)
          .isTrue();
      assertThat(type)
          .as("U+%04X", (int) c)
          .isNotIn(
              (int) Character.NON_SPACING_MARK,
              (int) Character.COMBINING_SPACING_MARK,
              (int) Character.ENCLOSING_MARK);
      assertThat(composesWithBefore.get(c)).as("U+%04X", (int) c).isFalse();
    }
    assertThat(stable.length()).isGreaterThan(1000);
    char[] pair = new char[2];
    for (int a = 0; a < stable.length(); a++) {
      pair[0] = stable.charAt(a);
      for (int b = 0; b < stable.length(); b++) {
        pair[1] = stable.charAt(b);
        String s = new String(pair);
        if (!Normalizer.isNormalized(s, Normalizer.Form.NFC)) {
          throw new AssertionError(
              String.format("U+%04X U+%04X is not NFC", (int) pair[0], (int) pair[1]));
        }
      }
    }
  }

  /**
   * shorten flattens white space in a loop now; it must give what the pattern gave, cuts included.
   */
  @org.junit.jupiter.api.Test
  void shortenGivesWhatThePatternGave() {
    java.util.Random r = new java.util.Random(11);
    String[] alphabet = {
      "a",
      "đ",
      " ",
      "  ",
      "\t",
      "\n",
      "\r\n",
      "\u000B",
      "\f",
      "\u001C",
      "\u0085",
      "\u00A0",
      "\u2003",
      "\u3000",
      "\u2028",
      "\uD83D\uDE00",
      "\u0301",
      "xin chào"
    };
    for (int i = 0; i < 50_000; i++) {
      StringBuilder b = new StringBuilder();
      for (int k = r.nextInt(16); k > 0; k--) {
        b.append(alphabet[r.nextInt(alphabet.length)]);
      }
      String in = b.toString();
      int max = r.nextInt(20);
      String flat = in.replaceAll("\\s+", " ").strip();
      int cut = flat.lastIndexOf(' ', max);
      String expected = flat.length() <= max ? flat : flat.substring(0, cut > 0 ? cut : max) + " …";
      assertThat(VietnameseText.shorten(in, max))
          .as("%s, %d", in.chars().mapToObj(Integer::toHexString).toList(), max)
          .isEqualTo(expected);
    }
  }

  /** The code-point loop clean was before it read from an array. */
  private static String reference(String text) {
    StringBuilder out = new StringBuilder();
    int n = text.length();
    for (int i = 0; i < n; ) {
      int c = text.codePointAt(i);
      if (c == '\r') {
        if (i + 1 >= n || text.charAt(i + 1) != '\n') {
          out.append('\n');
        }
      } else if (!(c < 0x20
          ? c != '\n' && c != '\t'
          : (c >= 0x7F && c <= 0x9F)
              || c == 0xAD
              || (c >= 0x200B && c <= 0x200F)
              || (c >= 0x202A && c <= 0x202E)
              || c == 0x2060
              || c == 0xFEFF
              || (c >= 0xFDD0 && c <= 0xFDEF)
              || (c & 0xFFFE) == 0xFFFE
              || (c >= 0xD800 && c <= 0xDFFF))) {
        out.appendCodePoint(c);
      }
      i += Character.charCount(c);
    }
    return Normalizer.normalize(out, Normalizer.Form.NFC);
  }
}
