package vn.luutru.importer;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Stream;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import vn.luutru.content.ArticleParser;
import vn.luutru.content.ContentSource;
import vn.luutru.content.Diagnostic;
import vn.luutru.content.VietnameseText;

/**
 * Imports saved HTML pages into a content folder, one Markdown article each, under the
 * article's year and month. Never overwrites: a page already imported is skipped and said so.
 *
 * <pre>{@code
 * for (Importer.Result r : Importer.importAll(List.of(Path.of("cu/tin-tuc")), Path.of("content"), today)) {
 *   System.out.println(r.input() + " → " + r.written().orElse(null) + " " + r.notes());
 * }
 * }</pre>
 */
public final class Importer {
  private Importer() {}

  /**
   * One page: where it went (empty when it was not written), what to check, and its errors:
   * what could not be imported, which makes the command exit 1.
   */
  public record Result(Path input, Optional<Path> written, List<String> notes, List<Diagnostic> errors,
      String encoding) {
    public Result {
      notes = List.copyOf(notes);
      errors = List.copyOf(errors);
    }

    static Result failed(Path input, String message) {
      return new Result(input, Optional.empty(), List.of(), List.of(Diagnostic.error(input.toString(), 0, 0, message, "")),
          "");
    }

    /** Whether something of the page could not be imported. */
    public boolean failed() {
      return !errors.isEmpty();
    }
  }

  /**
   * Imports every {@code .html}/{@code .htm} file given or found in the folders given. A folder
   * is a saved site: the addresses its pages give are read inside it and nowhere else; a page
   * given alone is a saved site of its own folder.
   */
  public static List<Result> importAll(List<Path> inputs, Path content, LocalDate today) throws IOException {
    List<Result> out = new ArrayList<>();
    for (Path input : inputs) {
      if (Files.isDirectory(input)) {
        Mirror mirror;
        List<Path> pages;
        try (Stream<Path> s = Files.walk(input)) {
          mirror = Mirror.of(input);
          pages = s.filter(Files::isRegularFile).filter(Importer::isHtml).sorted().toList();
        } catch (IOException | java.io.UncheckedIOException e) {
          out.add(Result.failed(input, "the folder cannot be read to the end (" + e.getMessage() + "): check that"
              + " you may read every folder in it, then import again"));
          continue;
        }
        for (Path page : pages) {
          if (!contains(mirror, page)) {
            out.add(Result.failed(page, "is a symbolic link that leads outside the saved site (" + mirror.root()
                + "); it was not read. If the page belongs to the site, copy it into the folder and import again"));
            continue;
          }
          out.add(importOne(page, mirror, "/" + input.relativize(page).toString().replace('\\', '/'), content, today));
        }
      } else if (Files.isRegularFile(input)) {
        Path folder = input.toAbsolutePath().normalize().getParent();
        out.add(importOne(input, Mirror.of(folder), "/" + input.getFileName(), content, today));
      } else {
        out.add(Result.failed(input, "no such file or folder: check the name, or give the folder of the saved site"));
      }
    }
    return out;
  }

  private static boolean contains(Mirror mirror, Path page) {
    try {
      return mirror.contains(page);
    } catch (IOException e) {
      return false;
    }
  }

  private static boolean isHtml(Path p) {
    String n = p.getFileName().toString().toLowerCase(Locale.ROOT);
    return n.endsWith(".html") || n.endsWith(".htm");
  }

  /** The largest page read: four times the largest article, for the markup around its text. */
  static final long MAX_PAGE_BYTES = 4 * ContentSource.MAX_ARTICLE_BYTES;

  static Result importOne(Path page, Mirror mirror, String fallbackAlias, Path content, LocalDate today) {
    byte[] bytes;
    try {
      long size = Files.size(page);
      if (size > MAX_PAGE_BYTES) {
        return Result.failed(page, String.format(Locale.ROOT, "the page is %.1f MB, more than luutru reads as one"
            + " page (%d MB): is it really one article? Split it into several pages and import them",
            size / 1e6, MAX_PAGE_BYTES >> 20));
      }
      bytes = Files.readAllBytes(page);
    } catch (IOException e) {
      return Result.failed(page, "cannot be read (" + e.getMessage() + "): check that the file is there and readable");
    }
    PageText read = PageText.decode(bytes);
    String encoding = read.encoding();
    List<String> notes = new ArrayList<>(read.notes());
    List<Diagnostic> errors = new ArrayList<>();
    if (read.problem().isPresent()) {
      PageText.Problem problem = read.problem().get();
      errors.add(Diagnostic.error(page.toString(), problem.line(), problem.column(), problem.message(), ""));
      if (read.text().isEmpty()) {
        return new Result(page, Optional.empty(), notes, errors, encoding);
      }
    }
    Document doc = Jsoup.parse(read.text(), "");
    Attachments[] files = new Attachments[1];
    LegacyPage p = PageReader.read(doc, fallbackAlias, found -> {
      files[0] = new Attachments(mirror, page, folder(content, found.orElse(today)), notes, errors);
      return files[0];
    });
    Attachments attachments = files[0];
    notes.addAll(p.notes());
    String alias = p.alias();
    if (alias.contains("?")) {
      notes.add("the old address " + alias + " has a query (?…), which a static site cannot answer;"
          + " it is not kept in aliases");
      alias = "";
    }
    Optional<String> aliasProblem = alias.isEmpty() ? Optional.empty() : aliasProblem(alias);
    if (aliasProblem.isPresent()) {
      notes.add("the old address " + alias + " is not kept in aliases: " + aliasProblem.get());
      alias = "";
    }
    LocalDate date = p.date().orElse(today);
    String stem = page.getFileName().toString().replaceFirst("\\.[^.]*$", "");
    String title = p.title();
    if (title.isBlank()) {
      title = VietnameseText.clean(stem.replaceAll("[-_.\\s]+", " ")).strip();
      title = title.isEmpty() ? "Bài viết không có tiêu đề" : title;
      notes.add("the page has no title (no <h1>, <h2> or <title> with text): the title '" + title
          + "' was made from its file name; write the real one");
    }
    String slug = VietnameseText.slug(title);
    if (slug.isEmpty()) {
      slug = VietnameseText.slug(stem);
    }
    if (slug.isEmpty()) {
      slug = "bai-viet";
    }
    Path folder = folder(content, date);
    // Another page of the month may have the same title: it gets -2, -3…; the same page again is skipped below.
    Path target = folder.resolve(slug + ".md");
    for (int n = 2; n < 1000 && Files.exists(target) && !isSamePage(target, alias); n++) {
      target = folder.resolve(slug + "-" + n + ".md");
    }
    String image = p.image().flatMap(attachments::leadImage).orElse("");
    StringBuilder s = new StringBuilder("---\n");
    s.append("title: ").append(quote(title)).append('\n');
    s.append("date: ").append(date).append('\n');
    if (!p.summary().isEmpty()) {
      s.append("summary: ").append(quote(p.summary())).append('\n');
    }
    if (!p.source().isEmpty()) {
      s.append("source: ").append(quote(p.source())).append('\n');
    }
    s.append("categories: [").append(String.join(", ", p.categories().stream().map(Importer::quote).toList()))
        .append("]\n");
    if (!image.isEmpty()) {
      s.append("image: ").append(quote(image)).append('\n');
      if (!p.imageCaption().isEmpty()) {
        s.append("image_caption: ").append(quote(p.imageCaption())).append('\n');
      }
      if (!p.imageAlt().isEmpty()) {
        s.append("image_alt: ").append(quote(p.imageAlt())).append('\n');
      }
    }
    if (!alias.isEmpty()) {
      s.append("aliases: [").append(quote(alias)).append("]\n");
    }
    if (p.date().isEmpty()) {
      s.append("draft: true\n");
    }
    s.append("---\n\n").append(p.markdown());
    // What build will say of the article, said now: it reads what import writes, or import fails.
    long articleBytes = utf8Length(s);
    if (articleBytes > ContentSource.MAX_ARTICLE_BYTES) {
      errors.add(Diagnostic.error(page.toString(), 0, 0, String.format(Locale.ROOT, "the article would be %.1f MB,"
          + " more than build reads (%d MB): it is not written. Split the page into several pages (one per part of"
          + " the report) and import them", articleBytes / 1e6, ContentSource.MAX_ARTICLE_BYTES >> 20), ""));
      return new Result(page, Optional.empty(), notes, errors, encoding);
    }
    ArticleParser.Parsed parsed = new ArticleParser().parse(content.relativize(target).toString(), s.toString());
    List<Diagnostic> rejected = parsed.diagnostics().stream().filter(Diagnostic::isError).toList();
    if (!rejected.isEmpty() || parsed.article().isEmpty()) {
      for (Diagnostic d : rejected) {
        errors.add(Diagnostic.error(page.toString(), 0, 0, "the article would be refused by build (" + target
            + ":" + d.line() + ":" + d.column() + ": " + d.message() + "), so it is not written: please report this"
            + " page to the maintainers of luutru", ""));
      }
      return new Result(page, Optional.empty(), notes, errors, encoding);
    }
    if (Files.exists(target)) {
      notes.add(target + " already exists; not overwritten");
      return new Result(page, Optional.empty(), notes, errors, encoding);
    }
    try {
      Files.createDirectories(folder);
      Files.writeString(target, s, StandardCharsets.UTF_8, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
    } catch (FileAlreadyExistsException e) {
      notes.add(target + " already exists; not overwritten");
      return new Result(page, Optional.empty(), notes, errors, encoding);
    } catch (IOException e) {
      errors.add(Diagnostic.error(page.toString(), 0, 0,
          "cannot write " + target + " (" + e.getMessage() + "): check that the content folder is writable", ""));
      return new Result(page, Optional.empty(), notes, errors, encoding);
    }
    attachments.copy();
    return new Result(page, Optional.of(target), notes, errors, encoding);
  }

  /**
   * Whether the article at {@code existing} was imported from the page whose old address is
   * {@code alias}: it lists the address in its aliases. When that cannot be told (no address,
   * an article that does not parse), it is taken to be the same page, so nothing is overwritten
   * and nothing imported twice.
   */
  private static boolean isSamePage(Path existing, String alias) {
    if (alias.isEmpty()) {
      return true;
    }
    try {
      if (Files.size(existing) > ContentSource.MAX_ARTICLE_BYTES) {
        return true;
      }
      ArticleParser parser = new ArticleParser();
      Optional<vn.luutru.content.Article> there = parser.parse("a.md", existing.toString(), Files.readAllBytes(existing))
          .article();
      Optional<vn.luutru.content.Article> ours = parser.parse("a.md", probe(alias)).article();
      return there.isEmpty() || ours.isEmpty() || there.get().aliases().containsAll(ours.get().aliases());
    } catch (IOException e) {
      return true;
    }
  }

  private static String probe(String alias) {
    return "---\ntitle: \"x\"\ndate: 2020-01-01\naliases: [" + quote(alias) + "]\n---\n";
  }

  /** Why build would refuse {@code alias} in {@code aliases}, asked of the parser build uses. */
  private static Optional<String> aliasProblem(String alias) {
    return new ArticleParser().parse("alias.md", probe(alias)).diagnostics().stream().filter(Diagnostic::isError)
        .map(Diagnostic::message).findFirst();
  }

  private static long utf8Length(CharSequence s) {
    long n = 0;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      n += c < 0x80 ? 1 : c < 0x800 ? 2 : Character.isSurrogate(c) ? 2 : 3;
    }
    return n;
  }

  private static Path folder(Path content, LocalDate date) {
    return content.resolve(String.format(Locale.ROOT, "%d/%02d", date.getYear(), date.getMonthValue()));
  }

  /** A YAML double-quoted string; line breaks become spaces, other control characters escapes. */
  static String quote(String s) {
    StringBuilder q = new StringBuilder(s.length() + 2).append('"');
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '\\' -> q.append("\\\\");
        case '"' -> q.append("\\\"");
        case '\n', '\r', '\t', '\u2028', '\u2029', '\u0085' -> q.append(' ');
        default -> {
          if (c < 0x20 || (c >= 0x7F && c < 0xA0) || c == '\uFEFF' || (c >= 0xD800 && c <= 0xDFFF
              && !(Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1)))
              && !(Character.isLowSurrogate(c) && i > 0 && Character.isHighSurrogate(s.charAt(i - 1))))) {
            q.append(String.format(Locale.ROOT, "\\u%04X", (int) c));
          } else {
            q.append(c);
          }
        }
      }
    }
    return q.append('"').toString();
  }
}
