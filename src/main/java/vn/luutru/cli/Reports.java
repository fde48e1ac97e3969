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
      err.println(d.format());
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
