package vn.luutru.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * {@link Postings} against one table of every term fed one word at a time, in document order:
 * whatever the parts and chunks, and however often a document repeats a word, each term must
 * get the same documents, flags, written forms in the same order, and bytes.
 */
@org.junit.jupiter.api.Timeout(120)
class PostingsTest {
  /** Syllables with several written forms each, so that folded terms collect forms in document order. */
  private static final String[] SYLLABLES = {
    "đại", "Đại", "dai", "dài", "dải", "hội", "hơi", "hoi", "chi", "chí", "bộ", "bồ", "bo", "văn", "vân",
    "van", "phòng", "phong", "Phong", "tỉnh", "tinh", "tình", "đảng", "Đảng", "dang", "nhiệm", "kỳ", "ky",
    "2020", "2025", "a", "ạ",
  };

  @ParameterizedTest(name = "{0} parts, chunks of {1}, {2} threads")
  @CsvSource({"1, 4194304, 2", "3, 4194304, 2", "32, 4194304, 2", "32, 1, 2", "7, 300, 3", "64, 5000, 8",
      "32, 4194304, 1", "32, 20000, 8"})
  void sameAsOneTableFedWordByWord(int parts, int chunk, int dealers) {
    DocumentWords once = words();
    Map<String, String> expected = describe(reference(once), once);
    DocumentWords words = words();
    TermTable[] tables = Postings.build(words, parts, chunk, dealers);
    Map<String, String> actual = new HashMap<>();
    for (TermTable table : tables) {
      actual.putAll(describe(new TermTable[] {table}, words));
    }
    assertThat(actual).hasSize(expected.size()).isEqualTo(expected);
    for (int p = 0; p < parts; p++) {
      for (int t = 0; t < tables[p].size(); t++) {
        assertThat(Postings.part(tables[p].key(t), parts)).isEqualTo(p);
      }
    }
  }

  /** A buffer entry keeps the largest word numbers it allows, its count stops at 15, and a title stays one. */
  @org.junit.jupiter.api.Test
  void entriesHoldTheirWordsAndCounts() {
    int largest = (1 << 29) - 2;
    for (int first : new int[] {-1, 0, 1, largest - 1}) {
      for (int second : new int[] {0, 1, largest}) {
        for (boolean title : new boolean[] {false, true}) {
          long e = Postings.entry(first, second, title);
          assertThat(e).isNotNegative();
          assertThat(Postings.first(e)).isEqualTo(first);
          assertThat(Postings.second(e)).isEqualTo(second);
          assertThat(Postings.title(e)).isEqualTo(title);
          assertThat(Postings.occurrences(e)).isEqualTo(title ? 0 : 1);
          for (int i = 0; i < 40; i++) {
            e = Postings.again(e, false);
          }
          e = Postings.again(e, true);
          assertThat(e).isNotNegative();
          assertThat(Postings.occurrences(e)).isEqualTo(15);
          assertThat(Postings.title(e)).isTrue();
          assertThat(Postings.first(e)).isEqualTo(first);
          assertThat(Postings.second(e)).isEqualTo(second);
        }
      }
    }
  }

  @org.junit.jupiter.api.Test
  void documentsWithoutWordsAndAnEmptyIndex() {
    DocumentWords none = new DocumentWords(0);
    none.freeze();
    assertThat(Postings.build(none, 4, 10)).hasSize(4).allSatisfy(t -> assertThat(t.size()).isZero());
    DocumentWords empty = new DocumentWords(3);
    empty.add(1, "", "", "");
    empty.freeze();
    assertThat(Postings.build(empty, 2, 10)).allSatisfy(t -> assertThat(t.size()).isZero());
  }

  @org.junit.jupiter.api.Test
  void wordsAreReleasedOnceRead() {
    DocumentWords words = words();
    Postings.build(words, 4, 1000);
    assertThat(words.fields(0)).isNull();
    assertThatThrownBy(words::freeze).isInstanceOf(IllegalStateException.class);
  }

  /** 1,500 documents: titles, summaries repeated or not by the body, words said more than 15 times. */
  private static DocumentWords words() {
    Random random = new Random(20261127);
    int documents = 1500;
    DocumentWords words = new DocumentWords(documents);
    for (int doc = 0; doc < documents; doc++) {
      String title = text(random, random.nextInt(8));
      String summary = text(random, random.nextInt(20));
      StringBuilder body = new StringBuilder(random.nextBoolean() ? summary + " " : "");
      body.append(text(random, random.nextInt(doc % 50 == 0 ? 3000 : 300)));
      if (random.nextInt(10) == 0) {
        body.append(" đại hội".repeat(20 + random.nextInt(20)));
      }
      if (doc == 700) {
        // One very long document, 20,000 words said once each: the dealers' tables grow, then shrink.
        for (int i = 0; i < 20_000; i++) {
          body.append(" dài").append(i);
        }
      }
      words.add(doc, title, summary, body.toString());
    }
    words.freeze();
    return words;
  }

  private static String text(Random random, int words) {
    StringBuilder s = new StringBuilder();
    for (int i = 0; i < words; i++) {
      if (i > 0) {
        s.append(random.nextInt(12) == 0 ? ", " : " ");
      }
      // A few common syllables, and rarer made-up words, so that lists are long and short.
      s.append(random.nextInt(3) > 0 ? SYLLABLES[random.nextInt(SYLLABLES.length)]
          : "từ" + random.nextInt(random.nextBoolean() ? 30 : 3000));
    }
    return s.toString();
  }

  /** What the index was made from before parts: one table, every word and pair added as it comes. */
  private static TermTable[] reference(DocumentWords words) {
    TermTable table = new TermTable();
    for (int doc = 0; doc < words.documents(); doc++) {
      int[][] fields = words.fields(doc);
      for (int f = 0; f < fields.length; f++) {
        int previousMarked = -1;
        int previousFolded = -1;
        for (int m : fields[f]) {
          int folded = words.foldedOf[m];
          table.add(DocumentWords.key(-1, folded), doc, f == 0, DocumentWords.key(-1, m));
          if (previousFolded >= 0) {
            table.add(DocumentWords.key(previousFolded, folded), doc, f == 0, DocumentWords.key(previousMarked, m));
          }
          previousMarked = m;
          previousFolded = folded;
        }
      }
    }
    table.freeze();
    return new TermTable[] {table};
  }

  /** Each term by its text: its written forms, in order, and its postings' bytes. */
  private static Map<String, String> describe(TermTable[] tables, DocumentWords words) {
    Map<String, String> out = new HashMap<>();
    for (TermTable table : tables) {
      for (int t = 0; t < table.size(); t++) {
        long key = table.key(t);
        List<String> forms = new ArrayList<>();
        for (int i = 0; i < table.variantCount(t); i++) {
          forms.add(text(words.marked, table.variant(t, i)));
        }
        ByteWriter with = new ByteWriter(64);
        table.writePostings(t, true, with);
        ByteWriter without = new ByteWriter(64);
        table.writePostings(t, false, without);
        String previous = out.put(text(words.folded, key), table.count(t) + " " + forms + " "
            + java.util.HexFormat.of().formatHex(with.toByteArray()) + " "
            + java.util.HexFormat.of().formatHex(without.toByteArray()));
        assertThat(previous).as("a term in two tables").isNull();
      }
    }
    return out;
  }

  private static String text(String[] texts, long key) {
    return key >>> 32 == 0 ? texts[(int) key] : texts[(int) (key >>> 32) - 1] + " " + texts[(int) key];
  }
}
