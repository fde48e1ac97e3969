package vn.luutru.render;

import java.io.IOException;
import java.util.Map;

/**
 * The theme packed into luutru (the repository's {@code templates/}), for {@code luutru init
 * --theme} to copy into an archive to customise.
 */
public final class BuiltInTheme {
  private BuiltInTheme() {}

  /** Every file of the theme, by path in it ({@code layout.peb}, {@code assets/style.css}). */
  public static Map<String, byte[]> files() throws IOException {
    return Theme.readPacked("");
  }
}
