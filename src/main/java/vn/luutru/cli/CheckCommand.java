package vn.luutru.cli;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import vn.luutru.build.BuildResult;
import vn.luutru.build.SiteBuilder;
import vn.luutru.content.Diagnostic;
import vn.luutru.content.PrintableText;

/** {@code luutru check}: every problem a publisher should fix before deploying; writes nothing. */
@Command(
    name = "check",
    mixinStandardHelpOptions = true,
    description = {
      "Builds the archive in memory, drafts included, and reports every problem to fix before",
      "deploying: front matter errors, links, images and anchors that lead nowhere (in raw HTML",
      "too, and links from the site's root that no page, file or alias answers), duplicate addresses,",
      "congress blocks that disagree with their title (errors); articles without a summary,",
      "images without alternative text (warnings). Exit 1 on any error."
    })
final class CheckCommand implements Callable<Integer> {
  private final Clock clock;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Mixin SiteOptions site;

  @Option(names = "--strict", description = "Count warnings as errors.")
  boolean strict;

  CheckCommand(Clock clock) {
    this.clock = clock;
  }

  @Override
  public Integer call() throws Exception {
    SiteOptions.Resolved resolved = site.resolve(spec.commandLine(), clock);
    if (resolved.config().isEmpty()) {
      Reports.Counts counts = Reports.print(resolved.diagnostics(), spec.commandLine().getErr());
      spec.commandLine()
          .getErr()
          .printf(
              Locale.ROOT,
              "luutru check: %d error(s), %d warning(s) in %s%n",
              counts.errors(),
              counts.warnings(),
              PrintableText.escape(resolved.settingsPath()));
      return 1;
    }
    BuildResult result =
        SiteBuilder.check(resolved.config().get(), resolved.settingsPath(), resolved.positions());
    List<Diagnostic> diagnostics = new ArrayList<>(resolved.diagnostics());
    diagnostics.addAll(result.diagnostics());
    Reports.Counts counts = Reports.print(diagnostics, spec.commandLine().getErr());
    boolean failed = counts.errors() > 0 || (strict && counts.warnings() > 0);
    (failed ? spec.commandLine().getErr() : spec.commandLine().getOut())
        .printf(
            Locale.ROOT,
            "luutru check: %d articles, %d error(s), %d warning(s)%s%n",
            result.articles(),
            counts.errors(),
            counts.warnings(),
            strict && counts.warnings() > 0 ? " (--strict: warnings count as errors)" : "");
    return failed ? 1 : 0;
  }
}
