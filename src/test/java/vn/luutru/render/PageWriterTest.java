package vn.luutru.render;

import static org.assertj.core.api.Assertions.assertThat;

import io.pebbletemplates.pebble.PebbleEngine;
import io.pebbletemplates.pebble.loader.StringLoader;
import io.pebbletemplates.pebble.template.PebbleTemplate;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import vn.luutru.site.Utf8;

class PageWriterTest {
  private static final char[] ALPHABET = {
    'a', 'Z', '<', '\n', '\u0000', '\u007f', '\u0080', 'đ', 'Ữ', '\u07ff', '\u0800', '\u1ec7',
    '\ufffd', '\uffff', '\uD83D', '\uDE00', '\uDBFF', '\uDC00', '\u0301'
  };

  /**
   * Written in random pieces, in every way a writer is written to: the bytes of the whole string.
   */
  @Test
  void encodesAsStringGetBytesDoesOnTheWholeText() {
    Random r = new Random(7);
    for (int round = 0; round < 20_000; round++) {
      String whole = random(r, round % 100 == 0 ? 5000 : 12);
      PageWriter w = new PageWriter(r.nextInt(40));
      int at = 0;
      while (at < whole.length()) {
        int end = Math.min(whole.length(), at + 1 + r.nextInt(round % 100 == 0 ? 3000 : 5));
        writePiece(r, w, whole, at, end);
        at = end;
      }
      assertThat(w.toByteArray())
          .as("%s", whole.chars().mapToObj(Integer::toHexString).toList())
          .isEqualTo(whole.getBytes(StandardCharsets.UTF_8));
    }
  }

  /**
   * A body of UTF-8 among other writes: the bytes the page had when the body was decoded and the
   * whole page encoded again.
   */
  @Test
  void copiesUtf8HtmlAsTheDecodedAndEncodedPageWouldBe() {
    Random r = new Random(11);
    for (int round = 0; round < 20_000; round++) {
      String before = random(r, 6);
      // As a body reaches the page: encoded once (a lone surrogate becomes '?').
      String body = Utf8.of(random(r, 6)).toString();
      String after = random(r, 6);
      PageWriter w = new PageWriter(8);
      writePiece(r, w, before, 0, before.length());
      w.write((Object) new Utf8Html(Utf8.of(body)));
      writePiece(r, w, after, 0, after.length());
      String page = before + body + after;
      assertThat(w.toByteArray()).isEqualTo(page.getBytes(StandardCharsets.UTF_8));
    }
  }

  /**
   * Through Pebble, with escaping on: the page a StringWriter gave, body unescaped, numbers as
   * before.
   */
  @Test
  void rendersWhatAStringWriterRendered() throws Exception {
    PebbleEngine engine =
        new PebbleEngine.Builder().loader(new StringLoader()).strictVariables(true).build();
    PebbleTemplate t =
        engine.getTemplate(
            "{% set kept = content %}<div>{{ content }}</div>"
                + "<p>{{ content | upper }}|{{ content | length }}|{{ kept }}</p>{{ n }} {{ x }} {{ big }} {{ text }}"
                + "{% for i in list %}{{ i }},{% endfor %}{% if content is empty %}empty{% endif %}");
    Map<String, Object> c = new HashMap<>();
    c.put("content", new Utf8Html(Utf8.of("<b>Đại hội</b> \uD83D\uDE00 &amp;")));
    c.put("n", 3);
    c.put("x", 2.5);
    c.put("big", 1L << 40);
    c.put("text", "<i>Đảng bộ</i>");
    c.put("list", List.of('a', (short) 2, (byte) 1, 1.5f));
    StringWriter expected = new StringWriter();
    t.evaluate(expected, c);
    PageWriter actual = new PageWriter(4);
    t.evaluate(actual, c);
    assertThat(new String(actual.toByteArray(), StandardCharsets.UTF_8))
        .isEqualTo(expected.toString())
        .contains("<div><b>Đại hội</b>", "&lt;i&gt;");
  }

  /** Blocks of a layout, macros, includes and the parallel tag, through the same writer or not. */
  @Test
  void rendersLayoutsMacrosAndIncludesAsAStringWriterDid() throws Exception {
    io.pebbletemplates.pebble.loader.MemoryLoader loader =
        new io.pebbletemplates.pebble.loader.MemoryLoader();
    loader.addTemplate(
        "layout",
        "<html>{% block head %}<title>{{ title }}</title>{% endblock %}"
            + "<main>{% block content %}{% endblock %}</main>{% include \"footer\" %}</html>");
    loader.addTemplate("footer", "<footer>{{ content | length }} \uD83D{{ half }}</footer>");
    loader.addTemplate("macros", "{% macro show(x) %}<div>{{ x }}</div>{% endmacro %}");
    loader.addTemplate(
        "article",
        "{% extends \"layout\" %}{% import \"macros\" %}"
            + "{% block content %}{{ content }}{{ show(content) }}{{ block(\"head\") }}"
            + "{% parallel %}{{ content }}{% endparallel %}{% endblock %}");
    PebbleEngine engine = new PebbleEngine.Builder().loader(loader).strictVariables(true).build();
    PebbleTemplate t = engine.getTemplate("article");
    Map<String, Object> c = new HashMap<>();
    c.put("content", new Utf8Html(Utf8.of("<p>Đại hội \uD83D\uDE00</p>")));
    c.put("title", "Đảng bộ <tỉnh>");
    c.put("half", "\uDE00");
    StringWriter expected = new StringWriter();
    t.evaluate(expected, c);
    PageWriter actual = new PageWriter(4);
    t.evaluate(actual, c);
    assertThat(actual.toByteArray())
        .isEqualTo(expected.toString().getBytes(StandardCharsets.UTF_8));
    assertThat(expected.toString())
        .contains("<main><p>Đại hội", "<div><p>Đại hội", "\uD83D\uDE00</footer>");
  }

  @Test
  void utf8HtmlIsItsTextElsewhere() {
    Utf8Html h = new Utf8Html(Utf8.of("<p>Đà Nẵng</p>"));
    assertThat(h.toString()).isEqualTo("<p>Đà Nẵng</p>");
    assertThat(h)
        .isEqualTo(new Utf8Html(Utf8.of("<p>Đà Nẵng</p>")))
        .hasSameHashCodeAs(new Utf8Html(Utf8.of("<p>Đà Nẵng</p>")))
        .isNotEqualTo(new Utf8Html(Utf8.of("<p>Da Nang</p>")))
        .isEqualTo(new io.pebbletemplates.pebble.extension.escaper.SafeString("<p>Đà Nẵng</p>"))
        .hasSameHashCodeAs(
            new io.pebbletemplates.pebble.extension.escaper.SafeString("<p>Đà Nẵng</p>"));
  }

  private static String random(Random r, int max) {
    StringBuilder b = new StringBuilder();
    for (int k = r.nextInt(max + 1); k > 0; k--) {
      b.append(ALPHABET[r.nextInt(ALPHABET.length)]);
    }
    return b.toString();
  }

  private static void writePiece(Random r, PageWriter w, String s, int from, int to) {
    String piece = s.substring(from, to);
    switch (r.nextInt(8)) {
      case 0 -> w.write(piece);
      case 1 -> w.write("xx" + piece + "yy", 2, piece.length());
      case 2 -> w.write(("." + piece).toCharArray(), 1, piece.length());
      case 3 -> piece.chars().forEach(w::write);
      case 4 -> w.append(new StringBuilder(piece));
      case 5 -> w.append("[" + piece + "]", 1, piece.length() + 1);
      case 6 -> piece.chars().forEach(ch -> w.writeSpecialized((char) ch));
      default -> w.write((Object) piece);
    }
  }
}
