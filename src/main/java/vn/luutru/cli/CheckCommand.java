package vn.luutru.cli;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
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
@Command(name = "check", mixinStandardHelpOptions = true)
final class CheckCommand implements Callable<Integer> {
  private final Clock clock;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Mixin SiteOptions site;

  @Option(names = "--strict")
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
          .println(
              Messages.get(
                  "check.settings-failed",
                  counts.errors(),
                  counts.warnings(),
                  PrintableText.escape(resolved.settingsPath())));
      return 1;
    }
    BuildResult result =
        SiteBuilder.check(resolved.config().get(), resolved.settingsPath(), resolved.positions());
    List<Diagnostic> diagnostics = new ArrayList<>(resolved.diagnostics());
    diagnostics.addAll(result.diagnostics());
    Reports.Counts counts = Reports.print(diagnostics, spec.commandLine().getErr());
    boolean failed = counts.errors() > 0 || (strict && counts.warnings() > 0);
    (failed ? spec.commandLine().getErr() : spec.commandLine().getOut())
        .println(
            Messages.get(
                strict && counts.warnings() > 0 ? "check.done-strict" : "check.done",
                result.articles(),
                counts.errors(),
                counts.warnings()));
    return failed ? 1 : 0;
  }
}
