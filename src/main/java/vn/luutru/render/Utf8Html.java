package vn.luutru.render;

import io.pebbletemplates.pebble.extension.escaper.SafeString;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * HTML that is safe to print as it is, kept as UTF-8: a {@link PageWriter} copies the bytes in, and
 * anything else that reads it (a filter, another writer) gets the string, decoded then.
 */
public final class Utf8Html extends SafeString {
  private final byte[] utf8;

  /**
   * {@code utf8} must be valid UTF-8 (as {@code String.getBytes} writes it), and is not copied: it
   * must not change while a page is rendered from it.
   */
  public Utf8Html(byte[] utf8) {
    super("");
    this.utf8 = utf8;
  }

  byte[] utf8() {
    return utf8;
  }

  @Override
  public String toString() {
    return new String(utf8, StandardCharsets.UTF_8);
  }

  /**
   * Equal to HTML of the same text, as a {@link SafeString} is (a {@code SafeString} does not see
   * it so: it compares its own text with that of its superclass, here empty).
   */
  @Override
  public boolean equals(Object o) {
    if (o instanceof Utf8Html h) {
      return Arrays.equals(utf8, h.utf8);
    }
    return o instanceof SafeString s && toString().equals(s.toString());
  }

  /** As a {@link SafeString} of the same text hashes. */
  @Override
  public int hashCode() {
    return toString().hashCode();
  }
}
