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
import vn.luutru.content.Dates;
import vn.luutru.content.Diagnostic;
import vn.luutru.content.PrintableText;
import vn.luutru.importer.Importer;

/** {@code luutru import}: saved pages of the former website to Markdown articles. */
@Command(
    name = "import",
    mixinStandardHelpOptions = true,
    description = {
      "Turns saved HTML pages of a former news website into Markdown articles with front matter,",
      "written under content/<year>/<month>/; the old address goes into 'aliases'. Never overwrites.",
      "Photos and files are copied from inside the given folder only. Exits 1 when a page, or part",
      "of one (a photo, undecodable text), could not be imported."
    })
final class ImportCommand implements Callable<Integer> {
  private final Clock clock;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Parameters(
      paramLabel = "FILE|DIR",
      arity = "1..*",
      description = "Saved pages, or folders of them.")
  List<Path> inputs;

  @Option(
      names = "--content",
      paramLabel = "DIR",
      description = "Where articles go (default: ${DEFAULT-VALUE}).")
  Path content = Path.of("content");

  ImportCommand(Clock clock) {
    this.clock = clock;
  }

  @Override
  public Integer call() throws Exception {
    var out = spec.commandLine().getOut();
    var err = spec.commandLine().getErr();
    List<Importer.Result> results =
        Importer.importAll(inputs, content, LocalDate.now(clock.withZone(Dates.VIETNAM)));
    int written = 0;
    int failed = 0;
    int incomplete = 0;
    for (Importer.Result r : results) {
      if (r.written().isPresent()) {
        written++;
        out.println(
            PrintableText.escape(r.input() + " → " + r.written().get())
                + " ("
                + r.encoding()
                + ")");
        incomplete += r.failed() ? 1 : 0;
      } else if (r.failed()) {
        failed++;
      }
      for (String note : r.notes()) {
        out.println("  " + PrintableText.escape(r.input() + ": check: " + note));
      }
      for (Diagnostic d : r.errors()) {
        err.println(d.format());
      }
    }
    out.printf(
        "luutru import: %d page(s) imported%s, %d skipped, %d failed%n",
        written,
        incomplete == 0
            ? ""
            : " (" + incomplete + " of them with errors: something of the page was left out)",
        results.size() - written - failed,
        failed);
    return failed + incomplete > 0 ? 1 : 0;
  }
}
