package vn.luutru.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import vn.luutru.internal.ByteWriter;

/**
 * {@link Postings} against the obvious model of an inverted index, a map from each term to its
 * written forms and its list of postings, fed one word at a time in document order: whatever the
 * parts, chunks and threads, and however often a document repeats a word, each term must get the
 * same documents, flags, written forms in the same order, and bytes. The documents make lists long
 * and short, terms of more than 23 written forms, counts past 15, and one very long document.
 */
@org.junit.jupiter.api.Timeout(120)
class PostingsIT {
  /**
   * Syllables with several written forms each, so that folded terms collect forms in document
   * order.
   */
  private static final String[] SYLLABLES = {
    "đại", "Đại", "dai", "dài", "dải", "hội", "hơi", "hoi", "chi", "chí", "bộ", "bồ", "bo", "văn",
    "vân", "van", "phòng", "phong", "Phong", "tỉnh", "tinh", "tình", "đảng", "Đảng", "dang",
    "nhiệm", "kỳ", "ky", "2020", "2025", "a", "ạ",
  };

  /**
   * Eighteen written forms of "a": a pair of two has up to 324, past the 23 a posting tells apart.
   */
  private static final String[] A = {
    "a", "à", "á", "ả", "ã", "ạ", "ă", "ằ", "ắ", "ẳ", "ẵ", "ặ", "â", "ầ", "ấ", "ẩ", "ẫ", "ậ",
  };

  @ParameterizedTest(name = "{0} parts, chunks of {1}, {2} threads")
  @CsvSource({
    "1, 4194304, 2",
    "3, 4194304, 2",
    "32, 4194304, 2",
    "32, 1, 2",
    "7, 300, 3",
    "64, 5000, 8",
    "32, 4194304, 1",
    "32, 20000, 8"
  })
  void sameAsAMapOfLists(int parts, int chunk, int dealers) {
    DocumentWords once = words();
    Map<String, String> expected = model(once);
    DocumentWords words = words();
    Postings.TermLists[] lists = Postings.build(words, forms(words), parts, chunk, dealers);
    assertThat(lists).hasSize(parts);
    Map<String, String> actual = new HashMap<>();
    for (int p = 0; p < parts; p++) {
      for (int t = 0; t < lists[p].size(); t++) {
        long key = lists[p].key(t);
        assertThat(Postings.part(key, parts)).isEqualTo(p);
        ByteWriter written = new ByteWriter(16);
        lists[p].write(t, written);
        assertThat(written.toByteArray()).isEqualTo(lists[p].list(t));
        assertThat(lists[p].length(t)).isEqualTo(written.size());
        String previous =
            actual.put(
                text(words.folded, key),
                lists[p].count(t) + " " + HexFormat.of().formatHex(written.toByteArray()));
        assertThat(previous).as("a term in two parts").isNull();
      }
    }
    assertThat(actual).hasSize(expected.size()).isEqualTo(expected);
  }

  /**
   * A buffer entry keeps the largest word numbers it allows, its count stops at 15, and a title
   * stays one.
   */
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
    assertThat(Postings.build(none, forms(none), 4, 10, 2))
        .hasSize(4)
        .allSatisfy(t -> assertThat(t.size()).isZero());
    DocumentWords empty = new DocumentWords(3);
    empty.add(1, "", "", "");
    empty.freeze();
    assertThat(Postings.build(empty, forms(empty), 2, 10, 3))
        .allSatisfy(t -> assertThat(t.size()).isZero());
  }

  @org.junit.jupiter.api.Test
  void wordsAreReleasedOnceRead() {
    DocumentWords words = words();
    Postings.build(words, forms(words), 4, 1000, 2);
    assertThat(words.fields(0)).isNull();
    assertThat(words.fields(words.documents() - 1)).isNull();
    assertThatThrownBy(words::freeze).isInstanceOf(IllegalStateException.class);
  }

  /**
   * 1,500 documents: titles, summaries repeated or not by the body, words said more than 15 times.
   */
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
      if (random.nextInt(4) == 0) {
        for (int i = 0; i < 10; i++) {
          body.append(' ').append(A[random.nextInt(A.length)]);
        }
      }
      if (doc == 700) {
        // One very long document, 20,000 words said once each: the dealers' tables grow, then
        // shrink.
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
      s.append(
          random.nextInt(3) > 0
              ? SYLLABLES[random.nextInt(SYLLABLES.length)]
              : "từ" + random.nextInt(random.nextBoolean() ? 30 : 3000));
    }
    return s.toString();
  }

  /** A written form as the index writes it: a byte length, then the form in UTF-8. */
  private static Postings.Forms forms(DocumentWords words) {
    return (key, out) -> {
      byte[] b = text(words.marked, key).getBytes(StandardCharsets.UTF_8);
      out.varint(b.length);
      out.bytes(b, 0, b.length);
    };
  }

  /** One posting as the model keeps it. */
  private static final class Posting {
    final int doc;
    int flags;
    int forms;

    Posting(int doc) {
      this.doc = doc;
    }
  }

  /**
   * Each term by its text: its number of documents, and its list as the index writes it (its
   * written forms, in the order of their first use, then per document the difference from the last,
   * the flags, and the forms it uses when the term has several).
   */
  private static Map<String, String> model(DocumentWords words) {
    Map<Long, List<Long>> forms = new HashMap<>();
    Map<Long, List<Posting>> lists = new HashMap<>();
    for (int doc = 0; doc < words.documents(); doc++) {
      int[][] fields = words.fields(doc);
      for (int f = 0; f < fields.length; f++) {
        int previousMarked = -1;
        int previousFolded = -1;
        for (int m : fields[f]) {
          int folded = words.foldedOf[m];
          add(forms, lists, DocumentWords.key(-1, folded), DocumentWords.key(-1, m), doc, f == 0);
          if (previousFolded >= 0) {
            add(
                forms,
                lists,
                DocumentWords.key(previousFolded, folded),
                DocumentWords.key(previousMarked, m),
                doc,
                f == 0);
          }
          previousMarked = m;
          previousFolded = folded;
        }
      }
    }
    assertThat(lists.values()).as("some lists are long").anyMatch(l -> l.size() > 1000);
    assertThat(forms.values())
        .as("some terms have more than 23 forms")
        .anyMatch(l -> l.size() > 23);
    assertThat(lists.values())
        .as("some counts pass 15")
        .anyMatch(l -> l.stream().anyMatch(p -> (p.flags & 0x0F) == 15));
    Map<String, String> out = new HashMap<>();
    lists.forEach(
        (key, list) -> {
          List<Long> known = forms.get(key);
          ByteWriter w = new ByteWriter(16);
          w.varint(known.size());
          for (long form : known) {
            byte[] b = text(words.marked, form).getBytes(StandardCharsets.UTF_8);
            w.varint(b.length);
            w.bytes(b, 0, b.length);
          }
          w.varint(list.size());
          int previous = 0;
          for (Posting p : list) {
            w.varint(p.doc - previous);
            previous = p.doc;
            w.put((byte) p.flags);
            if (known.size() > 1) {
              w.varint(p.forms);
            }
          }
          out.put(
              text(words.folded, key),
              list.size() + " " + HexFormat.of().formatHex(w.toByteArray()));
        });
    return out;
  }

  private static void add(
      Map<Long, List<Long>> forms,
      Map<Long, List<Posting>> lists,
      long key,
      long form,
      int doc,
      boolean title) {
    List<Long> known = forms.computeIfAbsent(key, k -> new ArrayList<>());
    if (!known.contains(form)) {
      known.add(form);
    }
    List<Posting> list = lists.computeIfAbsent(key, k -> new ArrayList<>());
    if (list.isEmpty() || list.get(list.size() - 1).doc != doc) {
      list.add(new Posting(doc));
    }
    Posting p = list.get(list.size() - 1);
    if (title) {
      p.flags |= 0x10;
    } else if ((p.flags & 0x0F) < 15) {
      p.flags++;
    }
    p.forms |= 1 << Math.min(23, known.indexOf(form));
  }

  private static String text(String[] texts, long key) {
    return key >>> 32 == 0
        ? texts[(int) key]
        : texts[(int) (key >>> 32) - 1] + " " + texts[(int) key];
  }
}
