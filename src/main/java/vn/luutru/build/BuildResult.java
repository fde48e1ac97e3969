package vn.luutru.build;

import java.util.List;
import java.util.Map;
import vn.luutru.content.Diagnostic;
import vn.luutru.output.SiteWriter;

/**
 * What a build did: every diagnostic (sorted by file, line, column), whether the site was written,
 * how many articles and files, how long each stage took in milliseconds, and what changed in the
 * output.
 */
public record BuildResult(
    List<Diagnostic> diagnostics,
    boolean written,
    int articles,
    int files,
    long bytes,
    Map<String, Long> timings,
    SiteWriter.Changes changes) {
  public BuildResult {
    diagnostics = List.copyOf(diagnostics);
    timings = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(timings));
  }

  /** A build that changed nothing in the output. */
  public BuildResult(
      List<Diagnostic> diagnostics,
      boolean written,
      int articles,
      int files,
      long bytes,
      Map<String, Long> timings) {
    this(diagnostics, written, articles, files, bytes, timings, SiteWriter.Changes.NONE);
  }

  public boolean hasErrors() {
    return diagnostics.stream().anyMatch(Diagnostic::isError);
  }
}
