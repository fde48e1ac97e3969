package vn.luutru.content;

import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An SVG image is a document: opened at its own address it runs the script it carries, with the
 * site's origin. The site publishes images as they are, so an SVG with script, event handlers,
 * {@code javascript:} addresses or embedded HTML is refused at the first such place.
 *
 * <pre>{@code
 * SvgCheck.check("content/anh/logo.svg", bytes)
 * // Optional[content/anh/logo.svg:3:5: error: the SVG carries script (<script) …]
 * }</pre>
 */
public final class SvgCheck {
  private static final Pattern ACTIVE = Pattern.compile(
      "<script\\b|<foreignObject\\b|<iframe\\b|<embed\\b|<object\\b|[\\s\"'/]on[a-z]+\\s*=|javascript\\s*:",
      Pattern.CASE_INSENSITIVE);

  private SvgCheck() {}

  /** The problem with {@code bytes}, an SVG file shown as {@code shown}, if it can run script. */
  public static Optional<Diagnostic> check(String shown, byte[] bytes) {
    String text = new String(bytes, StandardCharsets.UTF_8);
    Matcher m = ACTIVE.matcher(text);
    if (!m.find()) {
      return Optional.empty();
    }
    int start = m.group().charAt(0) == '<' || Character.isLetter(m.group().charAt(0)) ? m.start() : m.start() + 1;
    int line = 1;
    int lineStart = 0;
    for (int i = 0; i < start; i++) {
      if (text.charAt(i) == '\n') {
        line++;
        lineStart = i + 1;
      }
    }
    int lineEnd = text.indexOf('\n', start);
    String source = text.substring(lineStart, lineEnd < 0 ? text.length() : lineEnd).replace("\r", "");
    if (source.length() > 200) {
      source = ""; // a drawing saved on one line: the position says where
    }
    int column = text.codePointCount(lineStart, start) + 1;
    String what = text.substring(start, m.end()).strip();
    return Optional.of(Diagnostic.error(shown, line, column, "the SVG carries script (" + what + "): opened at its"
        + " own address it would run on the site; remove it, or save the picture as PNG", source));
  }
}
