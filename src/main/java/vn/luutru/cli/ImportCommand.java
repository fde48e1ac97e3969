package vn.luutru.cli;

import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
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
      "Brings a former news website over: a saved site (wget --mirror, a copy of the web root) or",
      "single pages become Markdown articles under content/<year>/<month>/, with their photos and",
      "files beside them, links between them rewritten, and the old address in 'aliases'. Lists of",
      "articles are skipped. Never overwrites. Exits 1 when something of a page (a photo, a file,",
      "letters, the whole page) could not be imported; the report says what and why."
    })
final class ImportCommand implements Callable<Integer> {
  private final Clock clock;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Parameters(
      paramLabel = "SITE|PAGE",
      arity = "1..*",
      description = "The saved site's folder, or saved pages.")
  List<Path> inputs;

  @Option(
      names = "--content",
      paramLabel = "DIR",
      description = "Where articles go (default: ${DEFAULT-VALUE}).")
  Path content = Path.of("content");

  @Option(
      names = "--site-root",
      paramLabel = "DIR",
      description =
          "The saved site's top folder: addresses from the root (/Portals/0/…) are read in it"
              + " (default: the folder given, or each page's own folder).")
  Path siteRoot;

  @Option(
      names = "--old-base-url",
      paramLabel = "URL",
      description =
          "The former site's address (http://sct.example.gov.vn): its links and photos are read in"
              + " the saved site. May be given more than once.")
  List<String> oldBaseUrls = List.of();

  ImportCommand(Clock clock) {
    this.clock = clock;
  }

  @Override
  public Integer call() throws Exception {
    var out = spec.commandLine().getOut();
    var err = spec.commandLine().getErr();
    List<Importer.Result> results =
        Importer.importAll(
            inputs,
            content,
            LocalDate.now(clock.withZone(Dates.VIETNAM)),
            new Importer.Options(Optional.ofNullable(siteRoot), oldBaseUrls));
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
      } else {
        out.println(PrintableText.escape(r.input() + ": skipped: " + r.skipped()));
      }
      for (String d : r.dropped()) {
        out.println("  " + PrintableText.escape(r.input() + ": left out: " + d));
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
