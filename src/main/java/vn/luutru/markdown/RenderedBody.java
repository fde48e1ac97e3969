package vn.luutru.markdown;

import java.util.HashSet;
import java.util.Set;

/**
 * A rendered body: safe HTML, the plain text (for summaries, feeds and search), which is clean
 * ({@link vn.luutru.content.VietnameseText#clean}) like all text of an article, and the ids of its
 * elements (headings, footnotes, raw elements), which links to {@code #anchor} may name.
 */
public record RenderedBody(String html, String text, Set<String> ids) {
  public RenderedBody {
    ids = Set.copyOf(ids);
  }

  /** A body whose ids are those of {@code html}'s elements. */
  public RenderedBody(String html, String text) {
    this(html, text, idsOf(html));
  }

  /** The values of the {@code id="…"} attributes in {@code html}, in one pass. */
  static Set<String> idsOf(String html) {
    Set<String> out = new HashSet<>();
    for (int i = html.indexOf(" id=\""); i >= 0; i = html.indexOf(" id=\"", i + 1)) {
      int start = i + 5;
      int end = html.indexOf('"', start);
      if (end < 0) {
        break;
      }
      if (end > start) {
        out.add(html.substring(start, end));
      }
      i = end;
    }
    return out;
  }
}
