package vn.luutru.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The part of a document between {@code <!-- NAME:begin -->} and {@code <!-- NAME:end -->} lines,
 * where a benchmark writes its figures (as bench/bench.py's {@code write_section} does).
 */
public final class DocSections {
  private DocSections() {}

  /** Puts {@code text} in place of what stands between the markers {@code name} of {@code doc}. */
  public static void replace(Path doc, String name, String text) throws IOException {
    write(doc, name, text, false);
  }

  /** Adds {@code text} after what stands between the markers {@code name} of {@code doc}. */
  public static void append(Path doc, String name, String text) throws IOException {
    write(doc, name, text, true);
  }

  private static void write(Path doc, String name, String text, boolean keep) throws IOException {
    String begin = "<!-- " + name + ":begin -->\n";
    String end = "<!-- " + name + ":end -->";
    String old = Files.readString(doc, StandardCharsets.UTF_8);
    int a = old.indexOf(begin);
    int b = old.indexOf(end);
    if (a < 0 || b < a) {
      throw new IllegalStateException(doc + " has no " + begin.strip() + " … " + end);
    }
    String before = keep ? old.substring(0, b) + "\n" : old.substring(0, a + begin.length());
    Files.writeString(doc, before + text + old.substring(b), StandardCharsets.UTF_8);
  }
}
