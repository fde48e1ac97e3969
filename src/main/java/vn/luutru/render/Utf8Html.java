package vn.luutru.render;

import io.pebbletemplates.pebble.extension.escaper.SafeString;
import vn.luutru.site.Utf8;

/**
 * HTML that is safe to print as it is, kept as UTF-8: a {@link PageWriter} copies the bytes in, and
 * anything else that reads it (a filter, another writer) gets the string, decoded then.
 */
public final class Utf8Html extends SafeString {
  private final Utf8 utf8;

  public Utf8Html(Utf8 utf8) {
    super("");
    this.utf8 = utf8;
  }

  Utf8 utf8() {
    return utf8;
  }

  @Override
  public String toString() {
    return utf8.toString();
  }

  /**
   * Equal to HTML of the same text, as a {@link SafeString} is (a {@code SafeString} does not see
   * it so: it compares its own text with that of its superclass, here empty).
   */
  @Override
  public boolean equals(Object o) {
    if (o instanceof Utf8Html h) {
      return utf8.equals(h.utf8);
    }
    return o instanceof SafeString s && toString().equals(s.toString());
  }

  /** As a {@link SafeString} of the same text hashes. */
  @Override
  public int hashCode() {
    return toString().hashCode();
  }
}
