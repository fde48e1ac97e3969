package vn.luutru.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;
import picocli.CommandLine;
import picocli.CommandLine.Option;
import vn.luutru.config.Settings;
import vn.luutru.config.SettingsFile;
import vn.luutru.config.SiteConfig;
import vn.luutru.content.Dates;
import vn.luutru.content.Diagnostic;
import vn.luutru.content.Position;

/**
 * The options that say which site to build, shared by build, check and serve, over the settings
 * file: an option given on the command line wins over {@code luutru.yaml}, which wins over the
 * default.
 */
final class SiteOptions {
  // The messages of this class, in one place.
  private static final String NO_CONFIG = "--config: no such file: %s";
  private static final String NO_CONTENT = "--content: no such folder: %s";
  private static final String NO_TEMPLATES = "--templates: no such folder: %s";
  private static final String BAD_PAGE_SIZE = "--page-size must be 1 or more";
  private static final String LOCAL_IN_FILE =
      "%s is an address of this computer only: the site's links, feeds, sitemap and robots.txt"
          + " point there, and nobody else can open them. Before publishing, write here the"
          + " address the site will have, such as base_url: \"https://example.org/luu-tru/\"";
  private static final String LOCAL =
      "the base URL is %s, an address of this computer only: the site's links, feeds, sitemap"
          + " and robots.txt point there, and nobody else can open them. Before publishing, set"
          + " base_url: in %s (or give --base-url) to the address the site will have, such as"
          + " https://example.org/luu-tru/";

  @Option(
      names = "--config",
      paramLabel = "FILE",
      description = "The settings file (default: " + SettingsFile.NAME + " when it exists).")
  Path configFile;

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
          "Where the site will be served, with any path prefix (default: base_url of "
              + SettingsFile.NAME
              + ", else "
              + SiteConfig.DEFAULT_BASE_URL
              + ").")
  String baseUrl;

  @Option(
      names = "--title",
      paramLabel = "TEXT",
      description =
          "The site's name (default: title of "
              + SettingsFile.NAME
              + ", else "
              + SiteConfig.DEFAULT_TITLE
              + ").")
  String title;

  @Option(
      names = "--description",
      paramLabel = "TEXT",
      description =
          "One sentence about the site, for the home page and feeds (default: description of "
              + SettingsFile.NAME
              + ").")
  String description;

  @Option(
      names = "--page-size",
      paramLabel = "N",
      description =
          "Articles per list page (default: page_size of "
              + SettingsFile.NAME
              + ", else "
              + SiteConfig.DEFAULT_PAGE_SIZE
              + ").")
  Integer pageSize;

  @Option(names = "--drafts", description = "Include articles marked draft: true.")
  boolean drafts;

  @Option(names = "--future", description = "Include articles dated after today.")
  boolean future;

  /**
   * The build's configuration, or empty when the settings file has errors; either way the settings
   * file's diagnostics.
   */
  record Resolved(
      Optional<SiteConfig> config,
      List<Diagnostic> diagnostics,
      String settingsPath,
      Map<String, Position> positions) {
    Resolved {
      diagnostics = List.copyOf(diagnostics);
      positions = Map.copyOf(positions);
    }
  }

  /**
   * Reads the settings file and applies the options over it.
   *
   * @throws CommandLine.ParameterException for a usage error: a folder or the file given is
   *     missing, a value given is not usable
   */
  Resolved resolve(CommandLine cli, Clock clock) throws IOException {
    if (!Files.isDirectory(content)) {
      throw new CommandLine.ParameterException(cli, String.format(NO_CONTENT, content));
    }
    Optional<Path> userTemplates = Optional.ofNullable(templates);
    if (templates != null && !Files.isDirectory(templates)) {
      throw new CommandLine.ParameterException(cli, String.format(NO_TEMPLATES, templates));
    }
    if (templates == null && Files.isDirectory(Path.of("templates"))) {
      userTemplates = Optional.of(Path.of("templates"));
    }
    if (pageSize != null && pageSize < 1) {
      throw new CommandLine.ParameterException(cli, BAD_PAGE_SIZE);
    }
    Path file = configFile == null ? Path.of(SettingsFile.NAME) : configFile;
    if (configFile != null && !Files.isRegularFile(configFile)) {
      throw new CommandLine.ParameterException(cli, String.format(NO_CONFIG, configFile));
    }
    String shown = file.toString();
    SettingsFile.Loaded loaded =
        Files.isRegularFile(file)
            ? SettingsFile.read(shown, Files.readAllBytes(file), siteHasFile(userTemplates))
            : new SettingsFile.Loaded(Optional.of(Settings.DEFAULT), List.of(), Map.of());
    if (loaded.settings().isEmpty()) {
      return new Resolved(Optional.empty(), loaded.diagnostics(), shown, Map.of());
    }
    SiteConfig.Builder b = SiteConfig.builder().settings(loaded.settings().get());
    if (title != null) {
      b.title(title);
    }
    if (description != null) {
      b.description(description);
    }
    if (baseUrl != null) {
      b.baseUrl(baseUrl);
    }
    if (pageSize != null) {
      b.pageSize(pageSize);
    }
    SiteConfig config;
    try {
      config =
          b.contentDir(content)
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
    return new Resolved(Optional.of(config), loaded.diagnostics(), shown, loaded.positions());
  }

  /**
   * The warning that the site is built for an address of this computer only, at the settings file's
   * {@code base_url} when the address came from there; empty when the address is public.
   */
  Optional<Diagnostic> localAddressWarning(SiteConfig config, Resolved resolved, String command) {
    if (!config.isLocal()) {
      return Optional.empty();
    }
    Position at = resolved.positions().get("base_url");
    if (baseUrl == null && at != null) {
      return Optional.of(
          at.warning(resolved.settingsPath(), String.format(LOCAL_IN_FILE, config.baseUrl())));
    }
    return Optional.of(
        Diagnostic.warning(
            command, 0, 0, String.format(LOCAL, config.baseUrl(), SettingsFile.NAME), ""));
  }

  /**
   * Whether a path in the site is a file the build copies: one of the content folder, or an asset
   * of the user's templates or of the packed theme.
   */
  private Predicate<String> siteHasFile(Optional<Path> userTemplates) {
    return path -> {
      List<Path> candidates = new ArrayList<>();
      candidates.add(content.resolve(path));
      if (path.startsWith("assets/")) {
        userTemplates.ifPresent(t -> candidates.add(t.resolve(path)));
        if (SiteOptions.class.getClassLoader().getResource("luutru-theme/" + path) != null) {
          return true;
        }
      }
      return candidates.stream().anyMatch(Files::isRegularFile);
    };
  }
}
