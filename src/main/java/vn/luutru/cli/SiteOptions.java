package vn.luutru.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Optional;
import picocli.CommandLine;
import picocli.CommandLine.Option;
import vn.luutru.config.SiteConfig;
import vn.luutru.content.Dates;

/** The options that say which site to build: shared by build, check and serve. */
final class SiteOptions {
  @Option(
      names = "--content",
      paramLabel = "DIR",
      description = "Articles (default: ${DEFAULT-VALUE}).")
  Path content = Path.of("content");

  @Option(
      names = "--templates",
      paramLabel = "DIR",
      description =
          "Templates overriding the packed theme file by file (default: ./templates when it exists).")
  Path templates;

  @Option(
      names = "--output",
      paramLabel = "DIR",
      description = "Where the site goes (default: ${DEFAULT-VALUE}).")
  Path output = Path.of("site");

  @Option(
      names = "--base-url",
      paramLabel = "URL",
      description =
          "Where the site will be served, with any path prefix (default: ${DEFAULT-VALUE}).")
  String baseUrl = SiteConfig.DEFAULT_BASE_URL;

  @Option(names = "--title", description = "The site's name (default: ${DEFAULT-VALUE}).")
  String title = SiteConfig.DEFAULT_TITLE;

  @Option(
      names = "--description",
      description = "One sentence about the site, for the home page and feeds.")
  String description = "Kho lưu trữ tin bài";

  @Option(
      names = "--page-size",
      paramLabel = "N",
      description = "Articles per list page (default: ${DEFAULT-VALUE}).")
  int pageSize = SiteConfig.DEFAULT_PAGE_SIZE;

  @Option(names = "--drafts", description = "Include articles marked draft: true.")
  boolean drafts;

  @Option(names = "--future", description = "Include articles dated after today.")
  boolean future;

  /** The build's configuration, or a usage error. */
  SiteConfig config(CommandLine cli, Clock clock) {
    if (!Files.isDirectory(content)) {
      throw new CommandLine.ParameterException(cli, "--content: no such folder: " + content);
    }
    Optional<Path> userTemplates = Optional.ofNullable(templates);
    if (templates != null && !Files.isDirectory(templates)) {
      throw new CommandLine.ParameterException(cli, "--templates: no such folder: " + templates);
    }
    if (templates == null && Files.isDirectory(Path.of("templates"))) {
      userTemplates = Optional.of(Path.of("templates"));
    }
    if (pageSize < 1) {
      throw new CommandLine.ParameterException(cli, "--page-size must be 1 or more");
    }
    try {
      return SiteConfig.builder()
          .title(title)
          .description(description)
          .baseUrl(baseUrl)
          .pageSize(pageSize)
          .contentDir(content)
          .templatesDir(userTemplates)
          .outputDir(output)
          .drafts(drafts)
          .future(future)
          .today(LocalDate.now(clock.withZone(Dates.VIETNAM)))
          .cacheDir(SiteConfig.defaultCacheDir(content))
          .build();
    } catch (IllegalArgumentException e) {
      throw new CommandLine.ParameterException(cli, e.getMessage());
    }
  }
}
