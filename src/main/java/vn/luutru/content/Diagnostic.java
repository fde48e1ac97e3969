package vn.luutru.content;

/**
 * One problem in one file, at a line and column (both 1-based; 0 when the problem is the
 * whole file), with the source line it points into so that it can be shown with a caret.
 *
 * <pre>
 * content/2020/dai-hoi.md:3:7: error: impossible date 2020-02-30
 *   date: 2020-02-30
 *         ^
 * </pre>
 */
public record Diagnostic(
    String path, int line, int column, Severity severity, String message, String sourceLine) {

  /** How bad a problem is: errors stop the build, warnings are printed. */
  public enum Severity {
    ERROR,
    WARNING;

    String label() {
      return this == ERROR ? "error" : "warning";
    }
  }

  public Diagnostic {
    sourceLine = sourceLine == null ? "" : sourceLine;
  }

  public static Diagnostic error(String path, int line, int column, String message, String src) {
    return new Diagnostic(path, line, column, Severity.ERROR, message, src);
  }

  public static Diagnostic warning(String path, int line, int column, String message, String src) {
    return new Diagnostic(path, line, column, Severity.WARNING, message, src);
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

  /** The headline, then the source line and a caret under the column, as compilers print. */
  public String format() {
    if (line <= 0 || sourceLine.isEmpty()) {
      return headline();
    }
    StringBuilder caret = new StringBuilder("  ");
    int col = Math.max(column, 1);
    for (int i = 0, cp = 1; i < sourceLine.length() && cp < col; cp++) {
      int c = sourceLine.codePointAt(i);
      caret.append(c == '\t' ? '\t' : ' ');
      i += Character.charCount(c);
    }
    caret.append('^');
    return headline() + "\n  " + sourceLine + "\n" + caret;
  }
}
