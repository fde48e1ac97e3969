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
  @Option(names = "--config", paramLabel = "FILE")
  Path configFile;

  @Option(names = "--content", paramLabel = "DIR")
  Path content = Path.of("content");

  @Option(names = "--templates", paramLabel = "DIR")
  Path templates;

  @Option(names = "--output", paramLabel = "DIR")
  Path output = Path.of("site");

  @Option(names = "--base-url", paramLabel = "URL")
  String baseUrl;

  @Option(names = "--title", paramLabel = "TEXT")
  String title;

  @Option(names = "--description", paramLabel = "TEXT")
  String description;

  @Option(names = "--page-size", paramLabel = "N")
  Integer pageSize;

  @Option(names = "--drafts")
  boolean drafts;

  @Option(names = "--future")
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
      throw new CommandLine.ParameterException(cli, Messages.get("usage.no-content", content));
    }
    Optional<Path> userTemplates = Optional.ofNullable(templates);
    if (templates != null && !Files.isDirectory(templates)) {
      throw new CommandLine.ParameterException(cli, Messages.get("usage.no-templates", templates));
    }
    if (templates == null && Files.isDirectory(Path.of("templates"))) {
      userTemplates = Optional.of(Path.of("templates"));
    }
    if (pageSize != null && pageSize < 1) {
      throw new CommandLine.ParameterException(cli, Messages.get("usage.bad-page-size"));
    }
    Path file = configFile == null ? Path.of(SettingsFile.NAME) : configFile;
    if (configFile != null && !Files.isRegularFile(configFile)) {
      throw new CommandLine.ParameterException(cli, Messages.get("usage.no-config", configFile));
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
          at.warning(
              resolved.settingsPath(), Messages.get("site.local-in-file", config.baseUrl())));
    }
    return Optional.of(
        Diagnostic.warning(
            command, 0, 0, Messages.get("site.local", config.baseUrl(), SettingsFile.NAME), ""));
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
