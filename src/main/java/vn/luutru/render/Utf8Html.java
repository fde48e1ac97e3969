package vn.luutru.render;

import io.pebbletemplates.pebble.extension.escaper.SafeString;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * HTML that is safe to print as it is, kept as UTF-8: a {@link PageWriter} copies the bytes in,
 * and anything else that reads it (a filter, another writer) gets the string, decoded then.
 */
public final class Utf8Html extends SafeString {
  private final byte[] utf8;

  /**
   * {@code utf8} must be valid UTF-8 (as {@code String.getBytes} writes it), and is not copied:
   * it must not change while a page is rendered from it.
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

  @Override
  public boolean equals(Object o) {
    return o instanceof Utf8Html h && Arrays.equals(utf8, h.utf8);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(utf8);
  }
}
