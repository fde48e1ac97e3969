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
@Command(name = "import", mixinStandardHelpOptions = true)
final class ImportCommand implements Callable<Integer> {
  private final Clock clock;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Parameters(paramLabel = "SITE|PAGE", arity = "1..*", descriptionKey = "luutru.import.SITE|PAGE")
  List<Path> inputs;

  @Option(names = "--content", paramLabel = "DIR")
  Path content = Path.of("content");

  @Option(names = "--site-root", paramLabel = "DIR")
  Path siteRoot;

  @Option(names = "--old-base-url", paramLabel = "URL")
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
            Messages.get(
                "import.written",
                PrintableText.escape(r.input().toString()),
                PrintableText.escape(r.written().get().toString()),
                r.encoding()));
        incomplete += r.failed() ? 1 : 0;
      } else if (r.failed()) {
        failed++;
      } else {
        out.println(
            Messages.get(
                "import.skipped",
                PrintableText.escape(r.input().toString()),
                PrintableText.escape(r.skipped())));
      }
      for (String d : r.dropped()) {
        out.println(
            Messages.get(
                "import.left-out",
                PrintableText.escape(r.input().toString()),
                PrintableText.escape(d)));
      }
      for (String note : r.notes()) {
        out.println(
            Messages.get(
                "import.to-check",
                PrintableText.escape(r.input().toString()),
                PrintableText.escape(note)));
      }
      for (Diagnostic d : r.errors()) {
        err.println(d.format());
      }
    }
    int skipped = results.size() - written - failed;
    out.println(
        incomplete == 0
            ? Messages.get("import.done", written, skipped, failed)
            : Messages.get("import.done-incomplete", written, incomplete, skipped, failed));
    return failed + incomplete > 0 ? 1 : 0;
  }
}
