package vn.luutru.cli;

import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import vn.luutru.content.ArticleParser;
import vn.luutru.content.PrintableText;
import vn.luutru.importer.Importer;

/** {@code luutru import}: saved pages of the former website to Markdown articles. */
@Command(name = "import", mixinStandardHelpOptions = true,
    description = {
      "Turns saved HTML pages of a former news website into Markdown articles with front matter,",
      "written under content/<year>/<month>/; the old address goes into 'aliases'. Never overwrites."
    })
final class ImportCommand implements Callable<Integer> {
  private final Clock clock;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Parameters(paramLabel = "FILE|DIR", arity = "1..*", description = "Saved pages, or folders of them.")
  List<Path> inputs;

  @Option(names = "--content", paramLabel = "DIR", description = "Where articles go (default: ${DEFAULT-VALUE}).")
  Path content = Path.of("content");

  ImportCommand(Clock clock) {
    this.clock = clock;
  }

  @Override
  public Integer call() throws Exception {
    var out = spec.commandLine().getOut();
    var err = spec.commandLine().getErr();
    List<Importer.Result> results =
        Importer.importAll(inputs, content, LocalDate.now(clock.withZone(ArticleParser.VIETNAM)));
    int written = 0;
    int failed = 0;
    for (Importer.Result r : results) {
      if (r.written().isPresent()) {
        written++;
        out.println(PrintableText.escape(r.input() + " → " + r.written().get()));
      } else if (r.failed()) {
        failed++;
      }
      for (String note : r.notes()) {
        String line = r.input() + ": " + (r.failed() ? "error: " : "check: ") + note;
        (r.failed() ? err : out).println("  " + PrintableText.escape(line));
      }
    }
    out.printf("luutru import: %d page(s) imported, %d skipped, %d failed%n", written,
        results.size() - written - failed, failed);
    return failed > 0 ? 1 : 0;
  }
}
