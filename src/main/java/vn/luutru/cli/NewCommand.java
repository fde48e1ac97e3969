package vn.luutru.cli;

import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import vn.luutru.content.CongressTitle;
import vn.luutru.content.Dates;
import vn.luutru.content.PrintableText;
import vn.luutru.content.VietnameseText;

/** {@code luutru new "Tiêu đề"}: scaffolds a draft article and prints its path. */
@Command(name = "new", mixinStandardHelpOptions = true)
final class NewCommand implements Callable<Integer> {
  private final Clock clock;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Parameters(paramLabel = "TITLE", descriptionKey = "luutru.new.TITLE")
  String title;

  @Option(names = "--content", paramLabel = "DIR")
  Path content = Path.of("content");

  @Option(names = "--congress")
  boolean congress;

  NewCommand(Clock clock) {
    this.clock = clock;
  }

  @Override
  public Integer call() throws Exception {
    String clean = VietnameseText.clean(title).strip();
    String slug = VietnameseText.slug(clean);
    if (slug.isEmpty()) {
      throw new CommandLine.ParameterException(
          spec.commandLine(), Messages.get("new.no-letters", title));
    }
    LocalDate today = LocalDate.now(clock.withZone(Dates.VIETNAM));
    Path file =
        content.resolve(
            String.format(
                Locale.ROOT, "%d/%02d/%s.md", today.getYear(), today.getMonthValue(), slug));
    StringBuilder s = new StringBuilder("---\n");
    s.append("title: ").append(quote(clean)).append('\n');
    s.append("date: ").append(today).append('\n');
    s.append("summary: \"\"\n");
    s.append("source: \"\"\n");
    s.append("categories: [").append(congress ? "\"Đại hội Đảng\"" : "").append("]\n");
    s.append("tags: []\n");
    s.append("# image: anh/ten-anh.jpg\n# image_caption: \"\"\n# image_alt: \"\"\n");
    s.append("draft: true\n");
    if (congress) {
      CongressTitle t = CongressTitle.parse(clean);
      s.append("congress:\n");
      s.append("  organization: ")
          .append(quote(t.organization().orElse("(tên chi bộ, đảng bộ)")))
          .append('\n');
      s.append("  # parent: \"\"\n");
      if (t.ordinal().isPresent()) {
        s.append("  ordinal: ").append(t.ordinal().getAsInt()).append('\n');
      } else {
        s.append("  # ordinal: 1\n");
      }
      s.append("  term: ")
          .append(
              quote(
                  t.term()
                      .map(x -> x.label())
                      .orElse(today.getYear() + "-" + (today.getYear() + 5))))
          .append('\n');
      s.append("  held: ").append(today).append('\n');
      s.append("  directed_by: []  # [{ name: \"…\", role: \"…\" }]\n");
      s.append("  elected: []      # - { name: \"…\", role: \"Bí thư\" }\n");
      s.append("  # committee_size: 3\n");
    }
    s.append("---\n\n");
    Files.createDirectories(file.getParent());
    try {
      Files.writeString(
          file, s, StandardCharsets.UTF_8, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
    } catch (FileAlreadyExistsException e) {
      spec.commandLine()
          .getErr()
          .println(Messages.get("new.exists", PrintableText.escape(file.toString())));
      return 1;
    }
    spec.commandLine().getOut().println(PrintableText.escape(file.toString()));
    return 0;
  }

  private static String quote(String s) {
    return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
  }
}
