package vn.luutru.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import vn.luutru.content.VietnameseText;
import vn.luutru.testing.Trees;

/**
 * {@link DocumentWords} splits text into exactly the words {@link SearchText#wordsOfClean} gives
 * (which {@code search.js} gives too), though it looks words up without making them.
 */
class DocumentWordsTest {
  @ParameterizedTest
  @ValueSource(
      strings = {
        "",
        "Đại hội Đảng bộ, nhiệm kỳ 2020-2025!",
        "ĐẠI HỘI ĐẢNG BỘ TỈNH LẦN THỨ XV",
        "İstanbul İİ and ΟΔΟΣ ΣΟΦΟΣ Σ",
        "𐐀𐐁 Deseret capitals, 𝐀𝐁𝐂 mathematical letters, emoji 😀 between",
        "a\u0301 combining, Ⅻ numerals, ½ fractions, ⓐ circled",
        "exactly32charactersxxxxxxxxxxxx3 and 33charactersxxxxxxxxxxxxxxxxxxxx3",
        "đđđđđđđđđđđđđđđđđđđđđđđđđđđđđđđđ đđđđđđđđđđđđđđđđđđđđđđđđđđđđđđđđđ",
        "𐐀𐐀𐐀𐐀𐐀𐐀𐐀𐐀𐐀𐐀𐐀𐐀𐐀𐐀𐐀𐐀𐐀𐐀𐐀𐐀𐐀𐐀𐐀𐐀𐐀𐐀𐐀𐐀𐐀𐐀𐐀𐐀 32 supplementary",
        "  leading and trailing spaces  ",
        "tab\tnew\nline\u00A0nbsp\u2009thin",
      })
  void wordsAreThoseOfSearchText(String text) {
    assertSameWords(List.of(text));
  }

  @Test
  void wordsOfTheCorpusAreThoseOfSearchText() throws IOException {
    Path corpus = Trees.sharedCorpus();
    List<String> texts = new ArrayList<>();
    try (Stream<Path> files = Files.walk(corpus)) {
      files
          .filter(p -> p.toString().endsWith(".md"))
          .sorted()
          .limit(400)
          .forEach(
              p -> {
                try {
                  texts.add(VietnameseText.clean(Files.readString(p, StandardCharsets.UTF_8)));
                } catch (IOException e) {
                  throw new java.io.UncheckedIOException(e);
                }
              });
    }
    assertThat(texts).hasSize(400);
    assertSameWords(texts);
  }

  /**
   * Random strings of letters, marks, digits, separators, surrogates alone and paired, İ and Σ, and
   * long runs.
   */
  @Test
  void wordsOfRandomTextAreThoseOfSearchText() {
    java.util.Random r = new java.util.Random(23);
    String[] alphabet = {
      "a",
      "Đ",
      "ệ",
      "Z",
      "7",
      " ",
      ",",
      "\n",
      "\u00A0",
      "\u0301",
      "\u0130",
      "\u03A3",
      "\u03C3",
      "\uD801\uDC00",
      "\uD835\uDC00",
      "\uD83D\uDE00",
      "\uD801",
      "\uDC00",
      "\u2167",
      "\u00BD",
      "_",
      "-",
      "\uFFFF",
      "xxxxxxxxxxxxxxxx",
      "đđđđđđđđ"
    };
    List<String> texts = new ArrayList<>();
    for (int i = 0; i < 3000; i++) {
      StringBuilder b = new StringBuilder();
      for (int k = r.nextInt(24); k > 0; k--) {
        b.append(alphabet[r.nextInt(alphabet.length)]);
      }
      texts.add(b.toString());
    }
    assertSameWords(texts);
  }

  @Test
  void manyThreadsNumberTheSameWordAlike() {
    int n = 2000;
    DocumentWords words = new DocumentWords(n);
    IntStream.range(0, n)
        .parallel()
        .forEach(i -> words.add(i, "Đại hội " + i, "", "đại hội đảng bộ lần " + (i % 7)));
    words.freeze();
    for (int i = 0; i < n; i++) {
      int[][] f = words.fields(i);
      assertThat(words.marked[f[0][0]]).isEqualTo("đại");
      assertThat(f[0][0]).isEqualTo(f[1][0]);
      assertThat(words.folded[words.foldedOf[f[1][0]]]).isEqualTo("dai");
      assertThat(words.marked[f[0][2]]).isEqualTo(String.valueOf(i));
    }
  }

  @Test
  void eightThreadsTablesMergeIntoOneNumbering() throws Exception {
    int n = 4000;
    DocumentWords words = new DocumentWords(n);
    java.util.concurrent.ExecutorService pool =
        java.util.concurrent.Executors.newFixedThreadPool(8);
    try {
      List<java.util.concurrent.Future<?>> done = new ArrayList<>();
      for (int t = 0; t < 8; t++) {
        int first = t;
        done.add(
            pool.submit(
                () -> {
                  for (int i = first; i < n; i += 8) {
                    words.add(
                        i,
                        "Tin " + (i % 13),
                        "",
                        "Đại hội đảng bộ lần " + (i % 97) + " ĐẠI HỘI " + i);
                  }
                }));
      }
      for (java.util.concurrent.Future<?> f : done) {
        f.get();
      }
    } finally {
      pool.shutdown();
    }
    words.freeze();
    for (int i = 0; i < n; i++) {
      int[] body = words.fields(i)[1];
      assertThat(body).hasSize(9);
      assertThat(body[0])
          .as("đại, whichever thread read it")
          .isEqualTo(words.fields(0)[1][0])
          .isEqualTo(body[6]);
      assertThat(body[1]).isEqualTo(body[7]);
      assertThat(words.marked[body[5]]).isEqualTo(String.valueOf(i % 97));
      assertThat(words.marked[body[8]]).isEqualTo(String.valueOf(i));
      assertThat(words.folded[words.foldedOf[body[6]]]).isEqualTo("dai");
    }
    assertThat(words.marked).doesNotHaveDuplicates();
  }

  @Test
  void documentsNeverReadAreEmptyAndWordsAreWrittenOnce() {
    DocumentWords words = new DocumentWords(3);
    words.add(1, "Đại hội", "", "Sáng nay.");
    words.freeze();
    assertThat(java.util.Arrays.stream(words.fields(0)).mapToInt(f -> f.length).sum()).isZero();
    assertThat(java.util.Arrays.stream(words.fields(2)).mapToInt(f -> f.length).sum()).isZero();
    words.release(0);
    org.assertj.core.api.Assertions.assertThatThrownBy(words::freeze)
        .isInstanceOf(IllegalStateException.class);
  }

  private static void assertSameWords(List<String> texts) {
    DocumentWords words = new DocumentWords(texts.size());
    IntStream.range(0, texts.size()).parallel().forEach(i -> words.add(i, "", "", texts.get(i)));
    words.freeze();
    for (int i = 0; i < texts.size(); i++) {
      List<String> expected = new ArrayList<>();
      SearchText.wordsOfClean(texts.get(i), expected::add);
      int[][] fields = words.fields(i);
      List<String> actual = new ArrayList<>();
      for (int m : fields[fields.length - 1]) {
        actual.add(words.marked[m]);
      }
      assertThat(actual).as("words of text %d", i).isEqualTo(expected);
    }
  }
}
