package vn.luutru.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import vn.luutru.build.BuildResult;
import vn.luutru.build.SiteBuilder;
import vn.luutru.config.SiteConfig;
import vn.luutru.content.ArticleParser;
import vn.luutru.content.Diagnostic;

/** {@code luutru build}: writes the whole site, or nothing. */
@Command(
    name = "build",
    mixinStandardHelpOptions = true,
    description = {
      "Builds the archive into the output folder.",
      "The site is written to a temporary folder and swapped in only when the whole build succeeded;"
          + " on any error the previous output stays as it was."
    })
final class BuildCommand implements Callable<Integer> {
  private final Clock clock;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Option(names = "--content", paramLabel = "DIR", description = "Articles (default: ${DEFAULT-VALUE}).")
  Path content = Path.of("content");

  @Option(names = "--templates", paramLabel = "DIR",
      description = "Templates overriding the packed theme file by file (default: ./templates when it exists).")
  Path templates;

  @Option(names = "--output", paramLabel = "DIR", description = "Where the site goes (default: ${DEFAULT-VALUE}).")
  Path output = Path.of("site");

  @Option(names = "--base-url", paramLabel = "URL",
      description = "Where the site will be served, with any path prefix (default: ${DEFAULT-VALUE}).")
  String baseUrl = SiteConfig.DEFAULT_BASE_URL;

  @Option(names = "--title", description = "The site's name (default: ${DEFAULT-VALUE}).")
  String title = SiteConfig.DEFAULT_TITLE;

  @Option(names = "--description", description = "One sentence about the site, for the home page and feeds.")
  String description = "Kho lưu trữ tin bài";

  @Option(names = "--page-size", paramLabel = "N", description = "Articles per list page (default: ${DEFAULT-VALUE}).")
  int pageSize = 20;

  @Option(names = "--drafts", description = "Include articles marked draft: true.")
  boolean drafts;

  @Option(names = "--future", description = "Include articles dated after today.")
  boolean future;

  @Option(names = "--timings", description = "Print how long each stage took.")
  boolean timings;

  BuildCommand(Clock clock) {
    this.clock = clock;
  }

  @Override
  public Integer call() throws Exception {
    var out = spec.commandLine().getOut();
    var err = spec.commandLine().getErr();
    if (!Files.isDirectory(content)) {
      throw new CommandLine.ParameterException(spec.commandLine(), "--content: no such folder: " + content);
    }
    Optional<Path> userTemplates = Optional.ofNullable(templates);
    if (templates != null && !Files.isDirectory(templates)) {
      throw new CommandLine.ParameterException(spec.commandLine(), "--templates: no such folder: " + templates);
    }
    if (templates == null && Files.isDirectory(Path.of("templates"))) {
      userTemplates = Optional.of(Path.of("templates"));
    }
    if (pageSize < 1) {
      throw new CommandLine.ParameterException(spec.commandLine(), "--page-size must be 1 or more");
    }
    SiteConfig config;
    try {
      config = new SiteConfig(title, description, baseUrl, pageSize, content, content.toString(), userTemplates,
          output, drafts, future, LocalDate.now(clock.withZone(ArticleParser.VIETNAM)));
    } catch (IllegalArgumentException e) {
      throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
    }
    BuildResult result = SiteBuilder.build(config);
    long errors = 0;
    long warnings = 0;
    for (Diagnostic d : result.diagnostics()) {
      err.println(d.format());
      if (d.isError()) {
        errors++;
      } else {
        warnings++;
      }
    }
    if (timings) {
      StringBuilder s = new StringBuilder("timings:");
      for (Map.Entry<String, Long> e : result.timings().entrySet()) {
        s.append(String.format(Locale.ROOT, " %s %d ms", e.getKey(), e.getValue()));
      }
      out.println(s);
    }
    if (!result.written()) {
      err.printf(Locale.ROOT, "luutru: %d error(s), %d warning(s); %s was left as it was%n", errors, warnings, output);
      return 1;
    }
    out.printf(Locale.ROOT, "luutru: %d articles, %d files (%.1f MB) written to %s%s%n", result.articles(),
        result.files(), result.bytes() / 1e6, output, warnings > 0 ? "; " + warnings + " warning(s)" : "");
    return 0;
  }
}
