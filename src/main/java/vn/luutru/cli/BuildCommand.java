package vn.luutru.cli;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import vn.luutru.build.BuildResult;
import vn.luutru.build.SiteBuilder;
import vn.luutru.config.SiteConfig;
import vn.luutru.content.Diagnostic;
import vn.luutru.content.PrintableText;

/**
 * {@code luutru build}: writes the site, or nothing: only what changed, or with {@code --clean}
 * all.
 */
@Command(name = "build", mixinStandardHelpOptions = true)
final class BuildCommand implements Callable<Integer> {
  private final Clock clock;
  private final Switches switches;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Mixin SiteOptions site;

  @Option(names = "--timings")
  boolean timings;

  @Option(names = "--clean")
  boolean clean;

  BuildCommand(Clock clock, Switches switches) {
    this.clock = clock;
    this.switches = switches;
  }

  @Override
  public Integer call() throws Exception {
    var out = spec.commandLine().getOut();
    var err = spec.commandLine().getErr();
    SiteOptions.Resolved resolved = site.resolve(spec.commandLine(), clock);
    if (resolved.config().isEmpty()) {
      return Reports.settingsFailed(resolved.diagnostics(), site.output, err);
    }
    SiteConfig config = resolved.config().get();
    List<Diagnostic> diagnostics = new ArrayList<>(resolved.diagnostics());
    site.localAddressWarning(config, resolved, "luutru build").ifPresent(diagnostics::add);
    BuildResult result = SiteBuilder.build(config, switches.gate(), switches.searchIndex(), clean);
    diagnostics.addAll(result.diagnostics());
    Reports.Counts counts = Reports.print(diagnostics, err);
    if (timings) {
      // Stages on one line, the parts of a stage ("search.postings") on a line of their own.
      StringBuilder s = new StringBuilder(Messages.get("build.timings"));
      Map<String, StringBuilder> parts = new java.util.LinkedHashMap<>();
      for (Map.Entry<String, Long> e : result.timings().entrySet()) {
        int dot = e.getKey().indexOf('.');
        StringBuilder line =
            dot < 0
                ? s
                : parts.computeIfAbsent(
                    e.getKey().substring(0, dot),
                    k -> new StringBuilder(Messages.get("build.timings-of", k)));
        line.append(Messages.get("build.timing", e.getKey().substring(dot + 1), e.getValue()));
      }
      out.println(s);
      parts.values().forEach(out::println);
    }
    if (!result.written()) {
      err.println(
          Messages.get(
              "site.left-as-it-was",
              counts.errors(),
              counts.warnings(),
              PrintableText.escape(site.output.toString())));
      return 1;
    }
    out.println(
        Messages.get(
            counts.warnings() > 0 ? "build.done-with-warnings" : "build.done",
            result.articles(),
            result.files(),
            result.bytes() / 1e6,
            PrintableText.escape(site.output.toString()),
            counts.warnings()));
    if (!result.changes().whole()) {
      out.println(
          Messages.get(
              "build.changes",
              PrintableText.escape(site.output.toString()),
              result.changes().added(),
              result.changes().changed(),
              result.changes().removed()));
    }
    return 0;
  }
}
