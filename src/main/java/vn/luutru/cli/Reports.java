package vn.luutru.cli;

import java.io.PrintWriter;
import java.util.List;
import vn.luutru.content.Diagnostic;

/** Prints diagnostics as compilers do, and counts them. */
final class Reports {
  private Reports() {}

  /** The numbers of errors and warnings printed. */
  record Counts(long errors, long warnings) {}

  static Counts print(List<Diagnostic> diagnostics, PrintWriter err) {
    long errors = 0;
    long warnings = 0;
    for (Diagnostic d : diagnostics) {
      err.println(format(d));
      if (d.isError()) {
        errors++;
      } else {
        warnings++;
      }
    }
    err.flush();
    return new Counts(errors, warnings);
  }

  /**
   * As {@link Diagnostic#format()}, with control and bidirectional characters escaped (see
   * {@link Printable}) in the headline and the source line, the caret still under its column.
   * The source line keeps its tabs, for the caret to line up.
   */
  static String format(Diagnostic d) {
    String headline = Printable.escape(d.headline());
    if (d.line() <= 0 || d.sourceLine().isEmpty()) {
      return headline;
    }
    String src = d.sourceLine();
    StringBuilder line = new StringBuilder("  ");
    StringBuilder caret = new StringBuilder("  ");
    int col = Math.max(d.column(), 1);
    for (int i = 0, cp = 1; i < src.length(); cp++) {
      int c = src.codePointAt(i);
      String shown = c == '\t' ? "\t" : Character.charCount(c) == 1 ? Printable.escape((char) c) : Character.toString(c);
      line.append(shown);
      if (cp < col) {
        caret.append(c == '\t' ? "\t" : " ".repeat(shown.codePointCount(0, shown.length())));
      }
      i += Character.charCount(c);
    }
    return headline + "\n" + line + "\n" + caret.append('^');
  }
}
