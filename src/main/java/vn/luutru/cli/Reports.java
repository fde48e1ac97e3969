package vn.luutru.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import vn.luutru.content.Diagnostic;
import vn.luutru.content.PrintableText;

/**
 * Prints diagnostics as compilers do, and counts them: of each file, the first errors and warnings
 * ({@link Diagnostic#firstOfEachFile}), then how many more there are.
 */
final class Reports {
  private Reports() {}

  /** The numbers of errors and warnings found, printed or not. */
  record Counts(long errors, long warnings) {}

  /**
   * Prints the diagnostics of a settings file that could not be read, and that the output was left
   * as it was; returns the exit code, 1.
   */
  static int settingsFailed(List<Diagnostic> diagnostics, Path output, PrintWriter err) {
    Counts counts = print(diagnostics, err);
    err.println(
        Messages.get(
            "site.left-as-it-was",
            counts.errors(),
            counts.warnings(),
            PrintableText.escape(output.toString())));
    return 1;
  }

  static Counts print(List<Diagnostic> diagnostics, PrintWriter err) {
    for (Diagnostic d : Diagnostic.firstOfEachFile(diagnostics)) {
      err.println(d.format());
    }
    long errors = 0;
    long warnings = 0;
    for (Diagnostic d : diagnostics) {
      if (d.isError()) {
        errors++;
      } else {
        warnings++;
      }
    }
    err.flush();
    return new Counts(errors, warnings);
  }
}
