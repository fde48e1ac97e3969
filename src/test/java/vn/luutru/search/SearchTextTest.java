package vn.luutru.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Tokens and folding; the fixture is shared with search.test.mjs so both languages agree. */
class SearchTextTest {
  static final Path FIXTURE = Path.of("src/test/resources/search/fold-fixture.tsv");

  static Stream<Arguments> fixture() throws IOException {
    return Files.readAllLines(FIXTURE, StandardCharsets.UTF_8).stream()
        .filter(l -> !l.startsWith("#") && !l.isEmpty())
        .map(l -> l.split("\t", -1))
        .map(c -> Arguments.of(unescape(c[0]), c[1], c[2]));
  }

  static String unescape(String s) {
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c != '\\' || i + 1 == s.length()) {
        out.append(c);
        continue;
      }
      char n = s.charAt(++i);
      switch (n) {
        case 't' -> out.append('\t');
        case 'b' -> out.append('\b');
        case 'u' -> {
          out.append((char) Integer.parseInt(s.substring(i + 1, i + 5), 16));
          i += 4;
        }
        default -> out.append(n);
      }
    }
    return out.toString();
  }

  @ParameterizedTest(name = "[{index}] {1}")
  @MethodSource("fixture")
  void tokenizesLikeSearchJs(String input, String marked, String folded) {
    List<SearchText.Token> tokens = SearchText.tokens(input);
    assertThat(tokens.stream().map(SearchText.Token::marked).collect(Collectors.joining(" ")))
        .isEqualTo(marked);
    assertThat(tokens.stream().map(SearchText.Token::folded).collect(Collectors.joining(" ")))
        .isEqualTo(folded);
  }

  @Test
  void hashesLikeSearchJs() {
    // The same values are asserted in search.test.mjs.
    assertThat(Integer.toUnsignedString(SearchIndexWriter.hash(""))).isEqualTo("2166136261");
    assertThat(Integer.toUnsignedString(SearchIndexWriter.hash("dai hoi"))).isEqualTo("1448055485");
    assertThat(Integer.toUnsignedString(SearchIndexWriter.hash("đại"))).isEqualTo("2890113847");
  }

  @Test
  void aSummaryTheBodyBeginsWithIsIndexedOnce() {
    DocumentWords words = new DocumentWords(3);
    words.add(0, "Đại hội", "Sáng 17/1, đại hội.", "Sáng 17/1, Đại hội! Rồi bầu.");
    words.add(1, "Đại hội", "Tóm tắt riêng.", "Sáng 17/1, đại hội.");
    words.add(2, "Đại hội", "Sáng 17/1, đại hội. Thêm.", "Sáng 17/1, đại hội.");
    words.freeze();
    assertThat(words.fields(0).length).as("title and body only").isEqualTo(2);
    assertThat(words.fields(1).length).as("a summary of its own is indexed").isEqualTo(3);
    assertThat(words.fields(2).length).as("a summary longer than the body is indexed").isEqualTo(3);
  }

  @Test
  void shardTermsAreHashedAndOrderedAsTheirStrings() {
    java.util.Random r = new java.util.Random(3);
    String[] alphabet = {
      "a", "b", "é", "đ", "\u4E2D", "\uE000", "\uFF41", "\uD835\uDC1A", "\uD840\uDC00", "1"
    };
    DocumentWords words = new DocumentWords(1);
    StringBuilder text = new StringBuilder();
    for (int i = 0; i < 300; i++) {
      text.append(random(r, alphabet)).append(' ');
    }
    words.add(0, "", "", text.toString());
    words.freeze();
    SearchIndexWriter.TermHashes hashes = new SearchIndexWriter.TermHashes(words);
    int n = words.folded.length;
    for (int i = 0; i < 20_000; i++) {
      long x = key(r, n);
      long y = key(r, n);
      // The shards' order of terms (equal keys only for the same term).
      assertThat(Long.signum(Long.compare(hashes.sortKey(x), hashes.sortKey(y))))
          .as("%s / %s", term(words, x), term(words, y))
          .isEqualTo(Integer.signum(term(words, x).compareTo(term(words, y))));
      // The hash and length a term's shard is chosen by, made from its words' bytes, are those
      // of the term itself (hash is what search.js computes).
      assertThat(hashes.hash(x))
          .as("hash of %s", term(words, x))
          .isEqualTo(SearchIndexWriter.hash(term(words, x)));
      assertThat(hashes.length(x)).isEqualTo(term(words, x).length());
    }
  }

  private static long key(java.util.Random r, int words) {
    return r.nextBoolean()
        ? r.nextInt(words)
        : DocumentWords.key(r.nextInt(words), r.nextInt(words));
  }

  private static String term(DocumentWords words, long key) {
    String second = words.folded[(int) key];
    return key >>> 32 == 0 ? second : words.folded[(int) (key >>> 32) - 1] + " " + second;
  }

  private static String random(java.util.Random r, String[] alphabet) {
    StringBuilder b = new StringBuilder();
    for (int k = 1 + r.nextInt(3); k > 0; k--) {
      b.append(alphabet[r.nextInt(alphabet.length)]);
    }
    return b.toString();
  }
}
