package vn.luutru.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import vn.luutru.config.SettingsFile;
import vn.luutru.config.SiteConfig;
import vn.luutru.content.PrintableText;
import vn.luutru.content.VietnameseText;
import vn.luutru.render.BuiltInTheme;

/**
 * {@code luutru init DIR}: starts a new archive in a folder: the settings file, a content folder
 * with an example congress article, a {@code .gitignore} and a short README; with {@code --theme},
 * a copy of the built-in theme to customise. Never overwrites a file: one in the way is reported
 * and left, and the command exits 1.
 */
@Command(name = "init", mixinStandardHelpOptions = true)
final class InitCommand implements Callable<Integer> {
  /** Where the files {@code init} writes are kept in the jar. */
  private static final String SCAFFOLD = "/vn/luutru/cli/init/";

  /** The example article's path in the content folder. */
  static final String EXAMPLE =
      "content/2025/01/dai-hoi-chi-bo-van-phong-lan-thu-nhat-nhiem-ky-2025-2027.md";

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Parameters(paramLabel = "DIR", arity = "0..1", descriptionKey = "luutru.init.DIR")
  Path dir = Path.of(".");

  @Option(names = "--title", paramLabel = "TEXT")
  String title = SiteConfig.DEFAULT_TITLE;

  @Option(names = "--base-url", paramLabel = "URL")
  String baseUrl = SiteConfig.DEFAULT_BASE_URL;

  @Option(names = "--theme")
  boolean theme;

  @Override
  public Integer call() throws IOException {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    String url;
    try {
      url = SiteConfig.normalizeBaseUrl(baseUrl);
    } catch (IllegalArgumentException e) {
      throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
    }
    if (Files.exists(dir) && !Files.isDirectory(dir)) {
      throw new CommandLine.ParameterException(
          spec.commandLine(),
          Messages.get("init.not-a-folder", PrintableText.escape(dir.toString())));
    }
    String cleanTitle = VietnameseText.clean(title).strip();
    Map<String, byte[]> files = new LinkedHashMap<>();
    files.put(
        SettingsFile.NAME,
        text("luutru.yaml")
            .replace("{{title}}", quote(cleanTitle))
            .replace("{{base_url}}", quote(url))
            .getBytes(StandardCharsets.UTF_8));
    files.put(EXAMPLE, text("bai-mau.md").getBytes(StandardCharsets.UTF_8));
    files.put(".gitignore", text("gitignore").getBytes(StandardCharsets.UTF_8));
    files.put(
        "README.md",
        text("README.md").replace("{{title}}", cleanTitle).getBytes(StandardCharsets.UTF_8));
    if (theme) {
      BuiltInTheme.files().forEach((path, bytes) -> files.put("templates/" + path, bytes));
    }
    List<Path> inTheWay = new ArrayList<>();
    for (Map.Entry<String, byte[]> f : files.entrySet()) {
      Path file = dir.resolve(f.getKey());
      Optional<Path> notFolder = fileAsFolder(file);
      if (notFolder.isPresent()) {
        if (!inTheWay.contains(notFolder.get())) {
          inTheWay.add(notFolder.get());
          err.println(
              Messages.get(
                  "init.file-in-the-way", PrintableText.escape(notFolder.get().toString())));
        }
        continue;
      }
      try {
        Files.createDirectories(file.getParent());
        Files.write(file, f.getValue(), StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
        out.println(Messages.get("init.created", PrintableText.escape(file.toString())));
      } catch (FileAlreadyExistsException e) {
        inTheWay.add(file);
        err.println(Messages.get("init.in-the-way", PrintableText.escape(file.toString())));
      }
    }
    if (!inTheWay.isEmpty()) {
      err.println(Messages.get("init.some-in-the-way", inTheWay.size()));
      return 1;
    }
    String shown = PrintableText.escape(dir.toString());
    out.println(
        Messages.get(
            "init.next",
            shown,
            PrintableText.escape(dir.resolve(SettingsFile.NAME).toString()),
            shown));
    return 0;
  }

  /** The first folder on the way to {@code file} from {@code dir} that is a file, if one is. */
  private Optional<Path> fileAsFolder(Path file) {
    Path rel = dir.relativize(file);
    Path p = dir;
    for (int i = 0; i < rel.getNameCount() - 1; i++) {
      p = p.resolve(rel.getName(i));
      if (Files.exists(p) && !Files.isDirectory(p)) {
        return Optional.of(p);
      }
    }
    return Optional.empty();
  }

  /** A file of the scaffold, as text. */
  private static String text(String name) throws IOException {
    try (InputStream in = InitCommand.class.getResourceAsStream(SCAFFOLD + name)) {
      if (in == null) {
        throw new IllegalStateException(Messages.get("init.missing-resource", SCAFFOLD + name));
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  /** {@code s} as a double-quoted YAML scalar. */
  private static String quote(String s) {
    StringBuilder q = new StringBuilder("\"");
    s.codePoints()
        .forEach(
            c -> {
              if (c == '"' || c == '\\') {
                q.append('\\').appendCodePoint(c);
              } else if (c < 0x20 || c == 0x7F) {
                q.append(String.format(Locale.ROOT, "\\x%02X", c));
              } else {
                q.appendCodePoint(c);
              }
            });
    return q.append('"').toString();
  }
}
