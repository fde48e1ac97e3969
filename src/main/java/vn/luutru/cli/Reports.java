package vn.luutru.cli;

import java.io.PrintWriter;
import java.util.List;
import vn.luutru.content.Diagnostic;

/**
 * Prints diagnostics as compilers do, and counts them: of each file, the first errors and warnings
 * ({@link Diagnostic#firstOfEachFile}), then how many more there are.
 */
final class Reports {
  private Reports() {}

  /** The numbers of errors and warnings found, printed or not. */
  record Counts(long errors, long warnings) {}

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
