package vn.luutru.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * {@link TermTable} against the obvious model of an inverted index (a map from term to its
 * list of postings), on enough random postings that lists cross many slices and blocks, terms
 * have more than 23 written forms, and occurrences pass 15.
 */
@org.junit.jupiter.api.Timeout(120)
class TermTableTest {
  /** One posting as the model keeps it. */
  private static final class Expected {
    final int doc;
    int flags;
    int variants;

    Expected(int doc) {
      this.doc = doc;
    }
  }

  @org.junit.jupiter.params.ParameterizedTest
  @org.junit.jupiter.params.provider.ValueSource(ints = {1, 2, 3})
  void postingsAreThoseOfAMapOfLists(int parts) {
    for (int p = 0; p < parts; p++) {
      check(parts, p);
    }
  }

  /**
   * The index leaves a term's written forms out when it has one: the bytes, with and without
   * forms, must be right whether the second form comes first, late (in a later slice), or never.
   */
  @org.junit.jupiter.api.Test
  void formsArriveLateOrNever() {
    for (int late : new int[] {0, 1, 7, 300, 5000}) {
      TermTable table = new TermTable();
      ByteWriter expected = new ByteWriter(16);
      ByteWriter expectedPlain = new ByteWriter(16);
      int docs = 4000;
      List<Long> forms = new ArrayList<>();
      for (int doc = 0; doc < docs; doc++) {
        boolean second = doc == late || (doc > late && doc % 3 == 0);
        long form = second ? 2 : 1;
        table.add(42, doc * 2, false, form);
        if (!forms.contains(form)) {
          forms.add(form);
        }
        int used = 1 << forms.indexOf(form);
        if (doc % 5 == 0) {
          table.add(42, doc * 2, true, 1);
          if (!forms.contains(1L)) {
            forms.add(1L);
          }
          used |= 1 << forms.indexOf(1L);
        }
        int flags = doc % 5 == 0 ? 0x11 : 0x01;
        expected.varint(doc == 0 ? 0 : 2);
        expected.put((byte) flags);
        expected.varint(used);
        expectedPlain.varint(doc == 0 ? 0 : 2);
        expectedPlain.put((byte) flags);
      }
      table.freeze();
      assertThat(table.variantCount(0)).isEqualTo(late < docs ? 2 : 1);
      ByteWriter with = new ByteWriter(16);
      table.writePostings(0, true, with);
      ByteWriter without = new ByteWriter(16);
      table.writePostings(0, false, without);
      assertThat(with.toByteArray()).as("forms from %d on", late).isEqualTo(expected.toByteArray());
      assertThat(without.toByteArray()).as("forms from %d on", late).isEqualTo(expectedPlain.toByteArray());
    }
  }

  /**
   * The longest postings, 10 bytes (a 5-byte difference, the flags, a 4-byte bit set of forms
   * past the 23rd), go through slice after slice: the first slice has room for 27 bytes, and
   * after postings of 6, 6 and 6 bytes the next one, of 10, does not fit in the 9 left.
   */
  @org.junit.jupiter.api.Test
  void theLongestPostingsFitTheirSlices() {
    TermTable table = new TermTable();
    ByteWriter expected = new ByteWriter(16);
    int previous = 0;
    for (int k = 0; k < 10; k++) {
      int doc = k < 3 ? k : 2 + (k - 2) * (1 << 28);
      for (int form = 0; form < 30; form++) {
        table.add(7, doc, false, 100 + form);
      }
      expected.varint(doc - previous);
      previous = doc;
      expected.put((byte) 15);
      expected.varint((1 << 24) - 1);
    }
    table.freeze();
    ByteWriter with = new ByteWriter(16);
    table.writePostings(0, true, with);
    assertThat(with.toByteArray()).isEqualTo(expected.toByteArray());
  }

  /** Part {@code part} of {@code parts}: single words {@code n} with {@code n % parts == part}. */
  private static void check(int parts, int part) {
    Random random = new Random(20261127);
    TermTable table = new TermTable(parts);
    Map<Long, List<Expected>> model = new HashMap<>();
    Map<Long, List<Long>> forms = new HashMap<>();
    for (int doc = 0; doc < 3000; doc++) {
      int words = 1 + random.nextInt(400);
      for (int i = 0; i < words; i++) {
        // Few common terms (long lists), many rare ones; single words and pairs.
        int word = random.nextInt(4) == 0 ? random.nextInt(5) : random.nextInt(20_000);
        long key = random.nextBoolean() ? word : ((long) (1 + random.nextInt(50)) << 32) | word;
        // Single words' forms belong to one term only; a pair's are two words (the first plus one, above 0).
        long variant = key >>> 32 == 0 ? word * 64L + random.nextInt(word < 5 ? 40 : 2)
            : ((long) (1 + random.nextInt(30)) << 32) | random.nextInt(3);
        boolean title = i < 3 && random.nextInt(3) == 0;
        if ((key >>> 32 == 0 ? word : key >>> 32) % parts != part) {
          continue;
        }
        table.add(key, doc, title, variant);

        List<Long> known = forms.computeIfAbsent(key, k -> new ArrayList<>());
        if (!known.contains(variant)) {
          known.add(variant);
        }
        List<Expected> list = model.computeIfAbsent(key, k -> new ArrayList<>());
        if (list.isEmpty() || list.get(list.size() - 1).doc != doc) {
          list.add(new Expected(doc));
        }
        Expected e = list.get(list.size() - 1);
        if (title) {
          e.flags |= 0x10;
        } else if ((e.flags & 0x0F) < 15) {
          e.flags++;
        }
        e.variants |= 1 << Math.min(23, known.indexOf(variant));
      }
    }
    table.freeze();

    assertThat(table.size()).isEqualTo(model.size());
    assertThat(model.values()).as("some lists are long").anyMatch(l -> l.size() > 2000);
    assertThat(forms.values()).as("some terms have more than 23 forms").anyMatch(l -> l.size() > 23);
    for (int t = 0; t < table.size(); t++) {
      long key = table.key(t);
      List<Expected> expected = model.get(key);
      assertThat(expected).as("term %d", key).isNotNull();
      assertThat(table.count(t)).isEqualTo(expected.size());
      List<Long> variants = new ArrayList<>();
      for (int i = 0; i < table.variantCount(t); i++) {
        variants.add(table.variant(t, i));
      }
      assertThat(variants).as("forms of %d, in order of first use", key).isEqualTo(forms.get(key));
      // The index's bytes: per posting the document's difference, the flags, and the written
      // forms when the index keeps them.
      for (boolean withVariants : new boolean[] {true, false}) {
        ByteWriter written = new ByteWriter(16);
        table.writePostings(t, withVariants, written);
        ByteWriter encoded = new ByteWriter(16);
        int previous = 0;
        for (Expected e : expected) {
          encoded.varint(e.doc - previous);
          previous = e.doc;
          encoded.put((byte) e.flags);
          if (withVariants) {
            encoded.varint(e.variants);
          }
        }
        assertThat(written.toByteArray()).as("index bytes of %d, variants %s", key, withVariants)
            .isEqualTo(encoded.toByteArray());
      }
    }
  }
}
