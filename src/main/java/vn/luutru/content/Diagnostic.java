package vn.luutru.content;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * One problem in one file, at a line and column (both 1-based; 0 when the problem is the whole
 * file), with the source line it points into so that it can be shown with a caret.
 *
 * <pre>
 * content/2020/dai-hoi.md:3:7: error: impossible date 2020-02-30
 *   date: 2020-02-30
 *         ^
 * </pre>
 */
public record Diagnostic(
    String path, int line, int column, Severity severity, String message, String sourceLine) {
  /** The most characters of a source line quoted: a long line is shown around its column. */
  static final int MAX_QUOTED = 160;

  /** How many characters before the column a cut line keeps. */
  static final int QUOTED_BEFORE = 60;

  /** The most errors, and the most warnings, of one file that {@link #firstOfEachFile} keeps. */
  static final int MAX_SHOWN = 20;

  /** How bad a problem is: errors stop the build, warnings are printed. */
  public enum Severity {
    ERROR,
    WARNING;

    /** The word that names it in the interface's language: {@code error} or {@code lỗi}. */
    String label() {
      return Messages.get(this == ERROR ? "severity.error" : "severity.warning");
    }
  }

  /** The one order diagnostics are reported in: by path, line, column, then message. */
  public static final Comparator<Diagnostic> ORDER =
      Comparator.comparing(Diagnostic::path)
          .thenComparingInt(Diagnostic::line)
          .thenComparingInt(Diagnostic::column)
          .thenComparing(Diagnostic::message);

  public Diagnostic {
    sourceLine = sourceLine == null ? "" : sourceLine;
  }

  /** The given diagnostics in {@link #ORDER}, as an unmodifiable list. */
  public static List<Diagnostic> sorted(Collection<Diagnostic> diagnostics) {
    List<Diagnostic> out = new ArrayList<>(diagnostics);
    out.sort(ORDER);
    return List.copyOf(out);
  }

  public static Diagnostic error(String path, int line, int column, String message, String src) {
    return new Diagnostic(path, line, column, Severity.ERROR, message, src);
  }

  public static Diagnostic warning(String path, int line, int column, String message, String src) {
    return new Diagnostic(path, line, column, Severity.WARNING, message, src);
  }

  /**
   * The diagnostics to print: of each file, the first {@value #MAX_SHOWN} errors and the first
   * {@value #MAX_SHOWN} warnings, in the order given, then, after the last one shown, a line that
   * counts the rest (as compilers stop at a hundred errors). One broken line can hold thousands of
   * problems; the user fixes the first ones and builds again.
   */
  public static List<Diagnostic> firstOfEachFile(List<Diagnostic> diagnostics) {
    Map<String, int[]> counts = new HashMap<>();
    Map<String, Integer> lastShown = new HashMap<>();
    List<Diagnostic> shown = new ArrayList<>();
    boolean cut = false;
    for (Diagnostic d : diagnostics) {
      int[] c = counts.computeIfAbsent(d.path(), p -> new int[Severity.values().length]);
      if (++c[d.severity().ordinal()] <= MAX_SHOWN) {
        lastShown.put(d.path(), shown.size());
        shown.add(d);
      } else {
        cut = true;
      }
    }
    if (!cut) {
      return List.copyOf(diagnostics);
    }
    List<Diagnostic> out = new ArrayList<>();
    for (int i = 0; i < shown.size(); i++) {
      Diagnostic d = shown.get(i);
      out.add(d);
      if (lastShown.get(d.path()) == i) {
        int[] c = counts.get(d.path());
        for (Severity s : Severity.values()) {
          int more = c[s.ordinal()] - MAX_SHOWN;
          if (more > 0) {
            out.add(
                new Diagnostic(
                    d.path(),
                    0,
                    0,
                    s,
                    Messages.get(
                        (s == Severity.ERROR
                                ? "diagnostic.more-errors"
                                : "diagnostic.more-warnings")
                            + (more == 1 ? ".one" : ".many"),
                        more,
                        MAX_SHOWN),
                    ""));
          }
        }
      }
    }
    return List.copyOf(out);
  }

  public boolean isError() {
    return severity == Severity.ERROR;
  }

  /** {@code path:line:column: severity: message}, without the source line. */
  public String headline() {
    StringBuilder s = new StringBuilder(path);
    if (line > 0) {
      s.append(':').append(line).append(':').append(Math.max(column, 1));
    }
    return s.append(": ").append(severity.label()).append(": ").append(message).toString();
  }

  /**
   * The headline, then the source line and a caret under the column, as compilers print. A line
   * longer than {@value #MAX_QUOTED} characters is quoted around the column, up to {@value
   * #MAX_QUOTED} of them, with {@code …} where it is cut. Control and bidirectional characters are
   * escaped ({@link PrintableText}), the caret still under its column.
   */
  public String format() {
    String headline = PrintableText.escape(headline());
    if (line <= 0 || sourceLine.isEmpty()) {
      return headline;
    }
    String l = sourceLine;
    int at = forward(l, 0, Math.max(column, 1) - 1);
    int start = 0;
    int end = l.length();
    if (l.length() > 2 * MAX_QUOTED || l.codePointCount(0, l.length()) > MAX_QUOTED) {
      start = back(l, at, QUOTED_BEFORE);
      end = forward(l, start, MAX_QUOTED);
      if (end == l.length()) {
        start = back(l, end, MAX_QUOTED);
      }
    }
    StringBuilder quoted = new StringBuilder("  ");
    StringBuilder caret = new StringBuilder("  ");
    if (start > 0) {
      quoted.append('…');
      caret.append(' ');
    }
    for (int i = start; i < end; ) {
      int c = l.codePointAt(i);
      String shown =
          c == '\t' || Character.charCount(c) > 1
              ? Character.toString(c)
              : PrintableText.escape((char) c);
      quoted.append(shown);
      if (i < at) {
        caret.append(c == '\t' ? "\t" : " ".repeat(shown.codePointCount(0, shown.length())));
      }
      i += Character.charCount(c);
    }
    if (end < l.length()) {
      quoted.append('…');
    }
    caret.append('^');
    return headline + "\n" + quoted + "\n" + caret;
  }

  /** The offset {@code n} characters (code points) after {@code from}, or the end of {@code s}. */
  private static int forward(String s, int from, int n) {
    int i = from;
    for (int k = 0; k < n && i < s.length(); k++) {
      i += Character.charCount(s.codePointAt(i));
    }
    return i;
  }

  /** The offset {@code n} characters (code points) before {@code from}, or 0. */
  private static int back(String s, int from, int n) {
    int i = from;
    for (int k = 0; k < n && i > 0; k++) {
      i -= Character.charCount(s.codePointBefore(i));
    }
    return i;
  }
}
