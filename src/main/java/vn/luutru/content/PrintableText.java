package vn.luutru.content;

/**
 * Text made safe to print on a terminal: control characters (a line break in a file name could
 * forge a line of the report) and bidirectional controls (U+202E turns {@code gpj.md} round) are
 * written as escapes, {@code \n}, {@code \t}, {@code \u202E}. Everything else, Vietnamese letters
 * included, is printed as it is.
 *
 * <pre>{@code
 * PrintableText.escape("a\nb\u202E.md")  // "a\\nb\\u202E.md"
 * }</pre>
 */
public final class PrintableText {
  private PrintableText() {}

  public static String escape(String s) {
    int i = 0;
    while (i < s.length() && !escaped(s.charAt(i))) {
      i++;
    }
    if (i == s.length()) {
      return s;
    }
    StringBuilder out = new StringBuilder(s.length() + 8).append(s, 0, i);
    for (; i < s.length(); i++) {
      out.append(escape(s.charAt(i)));
    }
    return out.toString();
  }

  /** One character as printed. */
  public static String escape(char c) {
    if (!escaped(c)) {
      return String.valueOf(c);
    }
    return switch (c) {
      case '\n' -> "\\n";
      case '\r' -> "\\r";
      case '\t' -> "\\t";
      default -> String.format(java.util.Locale.ROOT, "\\u%04X", (int) c);
    };
  }

  /** C0 and C1 controls, DEL, the line and paragraph separators, and the bidirectional controls. */
  static boolean escaped(char c) {
    return c < 0x20
        || (c >= 0x7F && c <= 0x9F)
        || c == '\u061C'
        || c == '\u200E'
        || c == '\u200F'
        || (c >= '\u2028' && c <= '\u202E')
        || (c >= '\u2066' && c <= '\u2069');
  }
}
