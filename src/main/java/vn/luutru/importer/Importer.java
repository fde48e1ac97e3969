package vn.luutru.importer;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import vn.luutru.build.SiteBuilder;
import vn.luutru.config.SiteConfig;
import vn.luutru.content.ArticleParser;
import vn.luutru.content.ContentSource;
import vn.luutru.content.Diagnostic;
import vn.luutru.content.VietnameseText;
import vn.luutru.render.SiteRenderer;
import vn.luutru.site.SiteModel;

/**
 * Imports saved HTML pages into a content folder, one Markdown article each, under the article's
 * year and month. Never overwrites: a page already imported is skipped and said so. The content
 * folder a run leaves is one build accepts, if it did before: an old address two pages (or a page
 * and an article already there) claim is kept by one of them only.
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
   * One page: where it went (empty when it was not written), what to check, and its errors: what
   * could not be imported, which makes the command exit 1.
   */
  public record Result(
      Path input,
      Optional<Path> written,
      List<String> notes,
      List<Diagnostic> errors,
      String encoding,
      List<String> dropped,
      String skipped,
      Optional<Path> existing,
      String alias,
      List<String> pageLinks) {
    public Result {
      notes = List.copyOf(notes);
      errors = List.copyOf(errors);
      dropped = List.copyOf(dropped);
      pageLinks = List.copyOf(pageLinks);
    }

    Result(
        Path input,
        Optional<Path> written,
        List<String> notes,
        List<Diagnostic> errors,
        String encoding) {
      this(input, written, notes, errors, encoding, List.of(), "", Optional.empty(), "", List.of());
    }

    Result withNotes(List<String> notes) {
      return new Result(
          input, written, notes, errors, encoding, dropped, skipped, existing, alias, pageLinks);
    }

    Result withErrors(Optional<Path> written, List<Diagnostic> errors) {
      return new Result(
          input, written, notes, errors, encoding, dropped, skipped, existing, alias, pageLinks);
    }

    /** Whether the page was left alone on purpose: not an article, or imported before. */
    public boolean isSkipped() {
      return written.isEmpty() && errors.isEmpty();
    }

    /** A page left alone on purpose, saying {@code why}; its old address is {@code alias}. */
    static Result skipped(
        Path input,
        List<String> notes,
        List<Diagnostic> errors,
        String encoding,
        String why,
        String alias) {
      return new Result(
          input,
          Optional.empty(),
          notes,
          errors,
          encoding,
          List.of(),
          why,
          Optional.empty(),
          alias,
          List.of());
    }

    static Result failed(Path input, String message) {
      return new Result(
          input,
          Optional.empty(),
          List.of(),
          List.of(Diagnostic.error(input.toString(), 0, 0, message, "")),
          "");
    }

    /** Whether something of the page could not be imported. */
    public boolean failed() {
      return !errors.isEmpty();
    }
  }

  /**
   * Imports every {@code .html}/{@code .htm} file given or found in the folders given. A folder is
   * a saved site: the addresses its pages give are read inside it and nowhere else; a page given
   * alone is a saved site of its own folder. Once every page is written, the content folder is
   * checked as build checks it (see {@link #settle}).
   */
  public static List<Result> importAll(List<Path> inputs, Path content, LocalDate today)
      throws IOException {
    return importAll(inputs, content, today, Options.DEFAULT);
  }

  /**
   * How pages are read: {@code siteRoot} is the folder that addresses from the root ({@code
   * /Portals/0/…}) are read in (by default the folder given, or a page's own folder); {@code
   * oldBaseUrls} are the former site's own addresses ({@code http://sct.hatinh.gov.vn}), whose
   * links and photos are read in the saved site as if written from its root.
   */
  public record Options(Optional<Path> siteRoot, List<String> oldBaseUrls) {
    public static final Options DEFAULT = new Options(Optional.empty(), List.of());

    public Options {
      oldBaseUrls = List.copyOf(oldBaseUrls);
    }
  }

  /** As {@link #importAll(List, Path, LocalDate)}, read as {@code options} say. */
  public static List<Result> importAll(
      List<Path> inputs, Path content, LocalDate today, Options options) throws IOException {
    Set<String> before =
        Files.isDirectory(content) ? keys(buildErrors(content, today).errors()) : Set.of();
    List<Result> out = new ArrayList<>();
    for (Path input : inputs) {
      if (Files.isDirectory(input)) {
        Mirror mirror;
        List<Path> pages;
        try (Stream<Path> s = Files.walk(input)) {
          mirror = Mirror.of(options.siteRoot().orElse(input));
          pages = s.filter(Files::isRegularFile).filter(Importer::isHtml).sorted().toList();
        } catch (IOException | java.io.UncheckedIOException e) {
          out.add(Result.failed(input, Messages.get("import.folder-unreadable", e.getMessage())));
          continue;
        }
        for (Path page : pages) {
          if (!contains(mirror, page)) {
            out.add(Result.failed(page, Messages.get("import.link-outside", mirror.root())));
            continue;
          }
          out.add(importOne(page, mirror, sitePath(mirror, page), content, today, options));
        }
      } else if (Files.isRegularFile(input)) {
        Path folder = input.toAbsolutePath().normalize().getParent();
        Mirror mirror = Mirror.of(options.siteRoot().orElse(folder));
        if (!contains(mirror, input)) {
          out.add(Result.failed(input, Messages.get("import.not-in-site-root", mirror.root())));
          continue;
        }
        out.add(importOne(input, mirror, sitePath(mirror, input), content, today, options));
      } else {
        out.add(Result.failed(input, Messages.get("import.no-such-input")));
      }
    }
    return settle(crossLinks(out, content), content, today, before);
  }

  /**
   * Links between the pages of the run point to their articles' Markdown files ({@code
   * /2020/04/hoi-nghi.md}), so no article depends on an old address answered by a redirect; a link
   * to a page that was not imported keeps its old address and is listed in the page's notes.
   */
  private static List<Result> crossLinks(List<Result> results, Path content) throws IOException {
    Map<String, Path> articles = new HashMap<>();
    Map<String, String> skipped = new HashMap<>();
    for (Result r : results) {
      Optional<Path> at = r.written().or(r::existing);
      String key = addressKey(r.alias());
      if (r.alias().isEmpty()) {
        continue;
      } else if (at.isPresent()) {
        articles.putIfAbsent(key, at.get());
      } else if (!r.skipped().isEmpty()) {
        skipped.putIfAbsent(key, r.skipped());
      }
    }
    List<Result> out = new ArrayList<>(results);
    for (int i = 0; i < out.size(); i++) {
      Result r = out.get(i);
      if (r.written().isEmpty() || r.pageLinks().isEmpty()) {
        continue;
      }
      Path file = r.written().get();
      String text = Files.readString(file, StandardCharsets.UTF_8);
      String rewritten = text;
      Set<String> left = new java.util.LinkedHashSet<>();
      for (String link : new java.util.LinkedHashSet<>(r.pageLinks())) {
        int hash = link.indexOf('#');
        String address = hash < 0 ? link : link.substring(0, hash);
        Path target = articles.get(addressKey(address));
        if (target == null) {
          String why = skipped.get(addressKey(address));
          boolean query = address.contains("%3F");
          if (query) {
            // A page addressed by a question (?…): no static site answers it; the text stays.
            rewritten =
                rewritten.replaceAll(
                    "(?<!\\\\)\\[((?:\\\\.|[^\\]\\\\])*)\\]\\("
                        + Pattern.quote(PageReader.Converter.destination(link))
                        + "\\)",
                    "$1");
          }
          String shown = query ? Mirror.decode(address) : address;
          left.add(
              why == null
                  ? Messages.get(query ? "import.left-query-missing" : "import.left-missing", shown)
                  : Messages.get(
                      query ? "import.left-query-skipped" : "import.left-skipped", shown, why));
          continue;
        }
        // The article, not a place in it: the old page's anchors are not ids of the new one.
        String to =
            "/" + Attachments.encode(content.relativize(target).toString().replace('\\', '/'));
        rewritten =
            rewritten.replace(
                "](" + PageReader.Converter.destination(link) + ")",
                "](" + PageReader.Converter.destination(to) + ")");
      }
      if (!rewritten.equals(text)) {
        Files.writeString(file, rewritten, StandardCharsets.UTF_8);
      }
      if (!left.isEmpty()) {
        List<String> notes = new ArrayList<>(r.notes());
        notes.add(Messages.get("import.links-not-imported", String.join(", ", left)));
        out.set(i, r.withNotes(notes));
      }
    }
    return out;
  }

  /**
   * The key an old address is looked up by: decoded, in lower case (the portals' servers ignore
   * case), a folder's index page and a trailing slash as the folder.
   */
  static String addressKey(String address) {
    String a = Mirror.decode(address).toLowerCase(Locale.ROOT);
    a = a.startsWith("/") ? a : "/" + a;
    a = a.replaceFirst("(\\.(aspx?|php|jsp|cfm))@(?=[^/]*$)", "$1?");
    a = a.replaceFirst("/(index|default)\\.(html?|aspx?|php)$", "/");
    return a.length() > 1 && a.endsWith("/") ? a.substring(0, a.length() - 1) : a;
  }

  /**
   * What build would refuse in the content folder (with drafts and future articles), and the model
   * it built.
   */
  private record Checked(SiteModel model, List<Diagnostic> errors) {}

  private static Checked buildErrors(Path content, LocalDate today) throws IOException {
    SiteConfig config =
        SiteConfig.builder()
            .contentDir(content)
            .shownContentDir(content.toString())
            .outputDir(content.resolveSibling("site"))
            .drafts(true)
            .future(true)
            .today(today)
            .build();
    SiteBuilder.Modelled modelled =
        SiteBuilder.model(config, SiteBuilder.Caches.none(), false, new HashMap<>());
    List<Diagnostic> errors = new ArrayList<>(modelled.diagnostics());
    errors.addAll(SiteRenderer.of(config).plan(modelled.built()).collisions());
    return new Checked(modelled.built(), errors.stream().filter(Diagnostic::isError).toList());
  }

  private static Set<String> keys(List<Diagnostic> errors) {
    Set<String> out = new HashSet<>();
    for (Diagnostic d : errors) {
      out.add(key(d));
    }
    return out;
  }

  private static String key(Diagnostic d) {
    return d.path() + ":" + d.line() + ":" + d.column() + ": " + d.message();
  }

  /**
   * An old address as written in an article's front matter ({@code quoted}), as build names it, and
   * the line of the article it stands on, where build reports what is wrong with it.
   */
  private record OldAddress(String quoted, String shown, int line) {}

  /**
   * Makes the run's articles ones build accepts together and beside the articles already there:
   * each page was checked alone, but an old address may be claimed by two pages of the run, be an
   * address of the site already, or an article of the run may take an address an article already
   * there claims. The content folder is checked as build checks it; an old address that clashes is
   * taken out of the imported article (the page keeps its words; the address answers the other
   * page), and an imported article that clashes otherwise is deleted and its page failed. Articles
   * that were there before are never changed: they win.
   */
  private static List<Result> settle(
      List<Result> results, Path content, LocalDate today, Set<String> before) throws IOException {
    List<Result> out = new ArrayList<>(results);
    Map<String, Integer> written = new LinkedHashMap<>();
    Map<Integer, OldAddress> aliases = new HashMap<>();
    for (int i = 0; i < out.size(); i++) {
      Optional<Path> target = out.get(i).written();
      if (target.isPresent()) {
        written.put(target.get().toString(), i);
        Optional<OldAddress> alias = aliasOf(target.get());
        if (alias.isPresent()) {
          aliases.put(i, alias.get());
        }
      }
    }
    if (written.isEmpty()) {
      return out;
    }
    // The old addresses taken out of articles of the run, by the article's index.
    Map<Integer, String> dropped = new TreeMap<>();
    Checked checked;
    // Each round drops an address or deletes an article of the run, or ends: it ends.
    while (true) {
      checked = buildErrors(content, today);
      List<Diagnostic> fresh =
          checked.errors().stream().filter(d -> !before.contains(key(d))).toList();
      if (fresh.isEmpty()) {
        break;
      }
      Map<Integer, Diagnostic> drop = new TreeMap<>();
      Map<Integer, Diagnostic> undo = new TreeMap<>();
      List<Diagnostic> unexplained = new ArrayList<>();
      for (Diagnostic d : fresh) {
        Integer own = written.get(d.path());
        if (own != null) {
          OldAddress alias = aliases.get(own);
          (alias != null && d.line() == alias.line() ? drop : undo).putIfAbsent(own, d);
          continue;
        }
        // An article that was there before: the imported articles its message names are the cause.
        boolean named = false;
        for (Map.Entry<String, Integer> e : written.entrySet()) {
          if (d.message().contains(e.getKey())) {
            named = true;
            OldAddress alias = aliases.get(e.getValue());
            (alias != null && d.message().contains(alias.shown()) ? drop : undo)
                .putIfAbsent(e.getValue(), d);
          }
        }
        if (!named) {
          unexplained.add(d);
        }
      }
      if (drop.isEmpty() && undo.isEmpty()) {
        if (unexplained.isEmpty()) {
          break;
        }
        // Nothing names a page of the run, yet build refuses only since it: none of it is kept.
        for (int i : written.values()) {
          undo.put(i, unexplained.get(0));
        }
      }
      for (Map.Entry<Integer, Diagnostic> e : drop.entrySet()) {
        if (undo.containsKey(e.getKey())) {
          continue;
        }
        Path target = out.get(e.getKey()).written().orElseThrow();
        OldAddress alias = aliases.remove(e.getKey());
        try {
          String text = Files.readString(target, StandardCharsets.UTF_8);
          String without = withoutAlias(text, alias.quoted());
          if (without.equals(text)) {
            undo.put(e.getKey(), e.getValue());
            continue;
          }
          Files.writeString(target, without, StandardCharsets.UTF_8);
          dropped.put(e.getKey(), alias.shown());
        } catch (IOException x) {
          undo.put(e.getKey(), e.getValue());
        }
      }
      for (Map.Entry<Integer, Diagnostic> e : undo.entrySet()) {
        Result r = out.get(e.getKey());
        Path target = r.written().orElseThrow();
        Diagnostic d = e.getValue();
        List<Diagnostic> errors = new ArrayList<>(r.errors());
        String why =
            Messages.get("import.build-would-refuse", d.path(), d.line(), d.column(), d.message());
        try {
          Files.deleteIfExists(target);
          errors.add(
              Diagnostic.error(
                  r.input().toString(), 0, 0, Messages.get("import.not-written", target, why), ""));
        } catch (IOException x) {
          errors.add(
              Diagnostic.error(
                  r.input().toString(),
                  0,
                  0,
                  Messages.get("import.not-deleted", target, why, x.getMessage()),
                  ""));
        }
        out.set(e.getKey(), r.withErrors(Optional.empty(), errors));
        written.remove(target.toString());
        aliases.remove(e.getKey());
        dropped.remove(e.getKey());
      }
    }
    for (Map.Entry<Integer, String> e : dropped.entrySet()) {
      Result r = out.get(e.getKey());
      String alias = e.getValue();
      List<String> notes = new ArrayList<>(r.notes());
      notes.add(
          Messages.get(
              "import.alias-taken",
              alias,
              owner(checked.model(), alias).orElse(Messages.get("import.another-page"))));
      out.set(e.getKey(), r.withNotes(notes));
    }
    return out;
  }

  /** The old address an article written by import keeps in its aliases. */
  private static Optional<OldAddress> aliasOf(Path article) throws IOException {
    String text = Files.readString(article, StandardCharsets.UTF_8);
    int end = text.indexOf("\n---\n");
    int at = text.indexOf("\naliases: [\"");
    if (at < 0 || at > end) {
      return Optional.empty();
    }
    String line = text.substring(at + "\naliases: [".length(), text.indexOf('\n', at + 1) - 1);
    int lineNumber = (int) text.substring(0, at + 1).chars().filter(c -> c == '\n').count() + 1;
    Optional<vn.luutru.content.Article> parsed =
        new ArticleParser().parse("a.md", probeQuoted(line)).article();
    return parsed
        .flatMap(a -> a.aliases().stream().findFirst())
        .map(a -> new OldAddress(line, "/" + a, lineNumber));
  }

  /** Who answers {@code alias} in the site: an article, by its old address or its own. */
  private static Optional<String> owner(SiteModel model, String alias) {
    String a = alias.startsWith("/") ? alias.substring(1) : alias;
    String last = a.substring(a.lastIndexOf('/') + 1);
    String file =
        a.endsWith("/") || a.isEmpty()
            ? a + "index.html"
            : last.contains(".") ? a : a + "/index.html";
    for (vn.luutru.site.Alias x : model.aliases()) {
      if (x.file().equals(file)) {
        return Optional.of(x.target().article().sourcePath());
      }
    }
    for (vn.luutru.site.ArticlePage p : model.articles()) {
      if ((p.path() + "index.html").equals(file)) {
        return Optional.of(p.article().sourcePath());
      }
    }
    return Optional.empty();
  }

  /**
   * The article without its old address, which is kept as a comment: the next import of the page
   * knows it (see {@link #isSamePage}) and a reader of the file sees where it went.
   */
  static String withoutAlias(String article, String quotedAlias) {
    String line = "\naliases: [" + quotedAlias + "]\n";
    int at = article.indexOf(line);
    if (at < 0 || at > article.indexOf("\n---\n")) {
      return article;
    }
    return article.substring(0, at)
        + "\n# old address "
        + quotedAlias
        + ": another page of the site has it (see the report of luutru import)\n"
        + article.substring(at + line.length());
  }

  /**
   * The page's address in the saved site: {@code /tin-tuc/190.html}; a page saved by {@code wget
   * --adjust-extension} ({@code 190.aspx.html}) keeps the address it had ({@code 190.aspx}).
   */
  static String sitePath(Mirror mirror, Path page) {
    String path =
        "/"
            + mirror
                .root()
                .relativize(page.toAbsolutePath().normalize())
                .toString()
                .replace('\\', '/');
    return path.replaceFirst("(?i)(\\.(aspx?|php|jsp|cfm)([@?][^/]*)?)\\.html?$", "$1")
        .replaceFirst("(?i)(\\.(aspx?|php|jsp|cfm))@(?=[^/]*$)", "$1?")
        .replaceFirst("(?<=/)index\\.html?$", "");
  }

  private static boolean contains(Mirror mirror, Path page) {
    try {
      return mirror.contains(page);
    } catch (IOException e) {
      return false;
    }
  }

  /**
   * A saved page: {@code .html}, {@code .htm}, or a page of a server program as wget saves it
   * without {@code --adjust-extension} ({@code 190.aspx}, {@code Default.aspx?tabid=53}).
   */
  private static boolean isHtml(Path p) {
    String n = p.getFileName().toString().toLowerCase(Locale.ROOT);
    return n.endsWith(".html") || n.endsWith(".htm") || SERVER_PAGE.matcher(n).matches();
  }

  private static final Pattern SERVER_PAGE = Pattern.compile(".+\\.(aspx?|php|jsp|cfm)([?@].*)?");

  /** The start of a server program's source rather than a page it served. */
  private static final Pattern SERVER_CODE = Pattern.compile("^\\s*(<%|<\\?php)");

  /** The largest page read: four times the largest article, for the markup around its text. */
  static final long MAX_PAGE_BYTES = 4 * ContentSource.MAX_ARTICLE_BYTES;

  static Result importOne(
      Path page,
      Mirror mirror,
      String fallbackAlias,
      Path content,
      LocalDate today,
      Options options) {
    byte[] bytes;
    try {
      long size = Files.size(page);
      if (size > MAX_PAGE_BYTES) {
        return Result.failed(
            page, Messages.get("import.page-too-large", size / 1e6, MAX_PAGE_BYTES >> 20));
      }
      bytes = Files.readAllBytes(page);
    } catch (IOException e) {
      return Result.failed(page, Messages.get("import.page-unreadable", e.getMessage()));
    }
    PageText read = PageText.decode(bytes);
    String encoding = read.encoding();
    List<String> notes = new ArrayList<>(read.notes());
    List<Diagnostic> errors = new ArrayList<>();
    if (read.problem().isPresent()) {
      PageText.Problem problem = read.problem().get();
      errors.add(
          Diagnostic.error(
              page.toString(), problem.line(), problem.column(), problem.message(), ""));
      if (read.text().isEmpty()) {
        return new Result(page, Optional.empty(), notes, errors, encoding);
      }
    }
    if (SERVER_CODE.matcher(read.text()).find()) {
      return Result.skipped(
          page, notes, errors, encoding, Messages.get("import.server-code"), fallbackAlias);
    }
    Document doc = Jsoup.parse(read.text(), "");
    Attachments[] files = new Attachments[1];
    LegacyPage p =
        PageReader.read(
            doc,
            fallbackAlias,
            found -> {
              files[0] =
                  new Attachments(
                      mirror,
                      page,
                      folder(content, found.orElse(today)),
                      notes,
                      errors,
                      options.oldBaseUrls());
              return files[0];
            });
    Attachments attachments = files[0];
    notes.addAll(p.notes());
    if (!p.skipped().isEmpty()) {
      return Result.skipped(page, notes, errors, encoding, p.skipped(), p.alias());
    }
    String alias = p.alias();
    if (alias.contains("?")) {
      notes.add(Messages.get("import.alias-query", alias));
      alias = "";
    }
    Optional<String> aliasProblem = alias.isEmpty() ? Optional.empty() : aliasProblem(alias);
    if (aliasProblem.isPresent()) {
      notes.add(Messages.get("import.alias-refused", alias, aliasProblem.get()));
      alias = "";
    }
    LocalDate date = p.date().orElse(today);
    String stem = page.getFileName().toString().replaceFirst("\\.[^.]*$", "");
    String title = p.title();
    if (title.isBlank()) {
      title = VietnameseText.clean(stem.replaceAll("[-_.\\s]+", " ")).strip();
      title = title.isEmpty() ? "Bài viết không có tiêu đề" : title;
      notes.add(Messages.get("import.no-title", title));
    }
    String slug = VietnameseText.slug(title);
    if (slug.isEmpty()) {
      slug = VietnameseText.slug(stem);
    }
    if (slug.isEmpty()) {
      slug = "bai-viet";
    }
    Path folder = folder(content, date);
    // Another page of the month may have the same title: it gets -2, -3…; the same page again is
    // skipped below.
    Path target = folder.resolve(slug + ".md");
    String ownSlug = "";
    for (int n = 2; n < 1000 && Files.exists(target) && !isSamePage(target, alias); n++) {
      ownSlug = slug + "-" + n;
      target = folder.resolve(ownSlug + ".md");
    }
    String image = p.image().flatMap(attachments::leadImage).orElse("");
    StringBuilder s = new StringBuilder("---\n");
    s.append("title: ").append(quote(title)).append('\n');
    s.append("date: ")
        .append(
            p.time()
                .map(t -> date + "T" + t.withSecond(0).withNano(0) + ":00+07:00")
                .orElse(date.toString()))
        .append('\n');
    if (!p.summary().isEmpty()) {
      s.append("summary: ").append(quote(p.summary())).append('\n');
    }
    if (!p.source().isEmpty()) {
      s.append("source: ").append(quote(p.source())).append('\n');
    }
    s.append("categories: [")
        .append(String.join(", ", p.categories().stream().map(Importer::quote).toList()))
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
    if (!ownSlug.isEmpty()) {
      // x-2.md sorts before x.md: without its own slug it would take the address of the article
      // there first
      s.append("slug: ").append(quote(ownSlug)).append('\n');
    }
    if (!alias.isEmpty()) {
      s.append("aliases: [").append(quote(alias)).append("]\n");
    }
    CongressText.Found congress = CongressText.read(title, p.summary() + "\n\n" + p.markdown());
    s.append(congress.yaml());
    notes.addAll(congress.notes());
    if (p.date().isEmpty()) {
      s.append("draft: true\n");
    }
    s.append("---\n\n").append(p.markdown());
    // What build will say of the article, said now: it reads what import writes, or import fails.
    long articleBytes = utf8Length(s);
    if (articleBytes > ContentSource.MAX_ARTICLE_BYTES) {
      errors.add(
          Diagnostic.error(
              page.toString(),
              0,
              0,
              Messages.get(
                  "import.article-too-large",
                  articleBytes / 1e6,
                  ContentSource.MAX_ARTICLE_BYTES >> 20),
              ""));
      return new Result(page, Optional.empty(), notes, errors, encoding);
    }
    ArticleParser.Parsed parsed =
        new ArticleParser().parse(content.relativize(target).toString(), s.toString());
    List<Diagnostic> rejected = parsed.diagnostics().stream().filter(Diagnostic::isError).toList();
    if (!rejected.isEmpty() || parsed.article().isEmpty()) {
      for (Diagnostic d : rejected) {
        errors.add(
            Diagnostic.error(
                page.toString(),
                0,
                0,
                Messages.get("import.article-refused", target, d.line(), d.column(), d.message()),
                ""));
      }
      return new Result(page, Optional.empty(), notes, errors, encoding);
    }
    try {
      Files.createDirectories(folder);
      // CREATE_NEW alone decides: no check before it that a file (or a link to one) could slip
      // past.
      Files.writeString(
          target,
          s,
          StandardCharsets.UTF_8,
          StandardOpenOption.CREATE_NEW,
          StandardOpenOption.WRITE);
    } catch (FileAlreadyExistsException e) {
      notes.add(Messages.get("import.exists", target));
      return new Result(
          page,
          Optional.empty(),
          notes,
          errors,
          encoding,
          List.of(),
          Messages.get("import.imported-before", target),
          Optional.of(target),
          fallbackAlias,
          List.of());
    } catch (IOException e) {
      errors.add(
          Diagnostic.error(
              page.toString(),
              0,
              0,
              Messages.get("import.cannot-write", target, e.getMessage()),
              ""));
      return new Result(page, Optional.empty(), notes, errors, encoding);
    }
    attachments.copy();
    return new Result(
        page,
        Optional.of(target),
        notes,
        errors,
        encoding,
        p.dropped(),
        "",
        Optional.empty(),
        fallbackAlias,
        attachments.pageLinks());
  }

  /**
   * Whether the article at {@code existing} was imported from the page whose old address is {@code
   * alias}: it lists the address in its aliases. When that cannot be told (no address, an article
   * that does not parse), it is taken to be the same page, so nothing is overwritten and nothing
   * imported twice.
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
      Optional<vn.luutru.content.Article> there =
          parser.parse("a.md", existing.toString(), Files.readAllBytes(existing)).article();
      Optional<vn.luutru.content.Article> ours = parser.parse("a.md", probe(alias)).article();
      String text = Files.readString(existing, StandardCharsets.UTF_8);
      int end = text.indexOf("\n---\n");
      int comment = text.indexOf("\n# old address " + quote(alias) + ":");
      if (comment >= 0 && comment < end) {
        return true;
      }
      return there.isEmpty()
          || ours.isEmpty()
          || there.get().aliases().containsAll(ours.get().aliases());
    } catch (IOException e) {
      return true;
    }
  }

  private static String probe(String alias) {
    return probeQuoted(quote(alias));
  }

  private static String probeQuoted(String quotedAlias) {
    return "---\ntitle: \"x\"\ndate: 2020-01-01\naliases: [" + quotedAlias + "]\n---\n";
  }

  /** Why build would refuse {@code alias} in {@code aliases}, asked of the parser build uses. */
  private static Optional<String> aliasProblem(String alias) {
    return new ArticleParser()
        .parse("alias.md", probe(alias)).diagnostics().stream()
            .filter(Diagnostic::isError)
            .map(Diagnostic::message)
            .findFirst();
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
    return content.resolve(
        String.format(Locale.ROOT, "%d/%02d", date.getYear(), date.getMonthValue()));
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
          if (c < 0x20
              || (c >= 0x7F && c < 0xA0)
              || c == '\uFEFF'
              || (c >= 0xD800
                  && c <= 0xDFFF
                  && !(Character.isHighSurrogate(c)
                      && i + 1 < s.length()
                      && Character.isLowSurrogate(s.charAt(i + 1)))
                  && !(Character.isLowSurrogate(c)
                      && i > 0
                      && Character.isHighSurrogate(s.charAt(i - 1))))) {
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
