package vn.luutru.build;

import java.util.List;
import java.util.Map;
import vn.luutru.content.Diagnostic;

/**
 * What a build did: every diagnostic (sorted by file, line, column), whether the site was written,
 * how many articles and files, and how long each stage took in milliseconds.
 */
public record BuildResult(
    List<Diagnostic> diagnostics,
    boolean written,
    int articles,
    int files,
    long bytes,
    Map<String, Long> timings) {
  public BuildResult {
    diagnostics = List.copyOf(diagnostics);
    timings = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(timings));
  }

  public boolean hasErrors() {
    return diagnostics.stream().anyMatch(Diagnostic::isError);
  }
}
