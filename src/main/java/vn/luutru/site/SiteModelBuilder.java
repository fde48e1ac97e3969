package vn.luutru.site;

import java.nio.charset.StandardCharsets;
import java.text.Collator;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.IntStream;
import vn.luutru.content.Article;
import vn.luutru.content.Congress;
import vn.luutru.content.Diagnostic;
import vn.luutru.content.Position;
import vn.luutru.content.SitePath;
import vn.luutru.content.VietnameseText;
import vn.luutru.markdown.LinkResolver;
import vn.luutru.markdown.MarkdownRenderer;
import vn.luutru.markdown.RenderedBody;

/**
 * Builds the {@link SiteModel} from parsed articles: the one place that decides addresses.
 * Pure apart from the parallel Markdown rendering it drives; the same articles always give the
 * same model, whatever order they come in.
 *
 * <p>Addresses: articles at {@code yyyy/mm/slug/}; categories at {@code chuyen-muc/slug/},
 * tags at {@code the/slug/}, organisations at {@code to-chuc/slug/}, terms at {@code
 * nhiem-ky/2020-2025/}, years and months at {@code yyyy/} and {@code yyyy/mm/}. Two articles
 * whose titles give one address are told apart by source path: the first keeps it, the next
 * gets {@code -2}, and so on, with a warning naming both files. An explicit {@code slug} or an
 * alias that takes another page's address is an error.
 */
public final class SiteModelBuilder {
  public static final String CATEGORIES = "chuyen-muc/";
  public static final String TAGS = "the/";
  public static final String ORGANIZATIONS = "to-chuc/";
  public static final String TERMS = "nhiem-ky/";
  public static final String YEARS = "thoi-gian/";

  /** Files every build writes besides the per-page ones; articles and aliases must avoid them. */
  static final List<String> FIXED_FILES =
      List.of("index.html", "404.html", "rss.xml", "atom.xml", "sitemap.xml", "robots.txt",
          CATEGORIES + "index.html", TAGS + "index.html", ORGANIZATIONS + "index.html",
          TERMS + "index.html", YEARS + "index.html", "tim-kiem/index.html", "search/index.json",
          "search/search.js");

  private static final int RELATED = 5;
  private static final int SUMMARY_LENGTH = 200;
  private static final Pattern SCHEME = Pattern.compile("^[a-zA-Z][a-zA-Z0-9+.-]*:.*");

  private final MarkdownRenderer markdown;
  private final BodyCache cache;

  public SiteModelBuilder(MarkdownRenderer markdown) {
    this(markdown, null);
  }

  /** With a cache of rendered bodies kept between builds of one folder (the preview server). */
  public SiteModelBuilder(MarkdownRenderer markdown, BodyCache cache) {
    this.markdown = markdown;
    this.cache = cache;
  }

  /**
   * Rendered bodies by article, reused when the body, the image and every address the body
   * looked up are the same as when it was rendered.
   */
  public static final class BodyCache {
    record Entry(String sourcePath, int bodyLine, Position imageAt, String body, String image, String basePath,
        boolean check,
        Map<String, String> pages, Map<String, Boolean> statics, byte[] html, String text, String imagePath,
        List<Diagnostic> diagnostics, List<Resolver.Anchor> anchors, Set<String> ids) {}

    final java.util.concurrent.ConcurrentHashMap<String, Entry> entries = new java.util.concurrent.ConcurrentHashMap<>();
    /** Slugs by title: folding is the costly part of giving 10,000 articles their addresses. */
    final java.util.concurrent.ConcurrentHashMap<String, String> slugs = new java.util.concurrent.ConcurrentHashMap<>();
  }

  /**
   * What to include and where the site lives. With {@code check}, links, images and anchors
   * that lead nowhere are errors rather than warnings, and articles without a summary or image
   * alternative text are warned about.
   */
  public record Options(String basePath, boolean drafts, boolean future, LocalDate today, boolean check,
      String contentPrefix, Set<String> unreadable, boolean oneOff, TextSink words) {
    public Options {
      unreadable = Set.copyOf(unreadable);
    }

    public Options(String basePath, boolean drafts, boolean future, LocalDate today, boolean check) {
      this(basePath, drafts, future, today, check, "", Set.of(), false, null);
    }

    public Options(String basePath, boolean drafts, boolean future, LocalDate today) {
      this(basePath, drafts, future, today, false);
    }

    /**
     * The same, naming files in diagnostics as {@code contentPrefix} + their path in the content
     * folder ({@code content/}), and knowing that the Markdown files {@code unreadable} exist
     * but have errors of their own: links to them are not reported again.
     */
    public Options reading(String contentPrefix, Set<String> unreadable) {
      return new Options(basePath, drafts, future, today, check, contentPrefix, unreadable, oneOff, words);
    }

    /**
     * The same, for a one-off build of a large archive, which must not hold the archive's text
     * several times over: {@link #build} takes the list of articles over (it must be mutable;
     * it is emptied) and lets go of each Markdown body once it is rendered, and the plain text
     * of each article goes to {@code words} (the search index) instead of into the model, whose
     * pages then have an empty {@code text}. {@code words} may be null: the text is kept.
     */
    public Options oneOff(TextSink words) {
      return new Options(basePath, drafts, future, today, check, contentPrefix, unreadable, true, words);
    }
  }

  /** Where the plain text of each article goes when the model does not keep it (a build's search index). */
  public interface TextSink {
    /** Called once, before any text, with the number of articles: they are numbered from 0 in the site's order. */
    void documents(int count);

    /** Article {@code doc}'s title, front matter summary and body text; called from many threads. */
    void text(int doc, String title, String summary, String text);
  }

  public SiteModel build(List<Article> input, List<String> staticFiles, Options options) {
    if (options.oneOff() && cache != null) {
      throw new IllegalArgumentException("a one-off build keeps no bodies; it cannot fill a cache of them");
    }
    List<Diagnostic> diags = Collections.synchronizedList(new ArrayList<>());
    Article[] inOrder =
        input.stream()
            .filter(a -> options.drafts() || !a.draft())
            .filter(a -> options.future() || !a.date().toLocalDate().isAfter(options.today()))
            .toArray(Article[]::new);
    newestFirst(inOrder);
    boolean oneOff = options.oneOff();
    if (oneOff) {
      input.clear();
    }
    // A view of the array: a one-off build replaces each article by itself without its body.
    List<Article> articles = Arrays.asList(inOrder);
    int n = articles.size();
    TextSink words = oneOff ? options.words() : null;
    if (words != null) {
      words.documents(n);
    }
    Set<String> statics = new HashSet<>(staticFiles);
    String[] bases = new String[n];
    IntStream.range(0, n).parallel().forEach(i -> bases[i] = articleBase(articles.get(i), cache));
    String[] paths = assignPaths(articles, bases, diags);
    Map<String, String> pathByContent = new HashMap<>();
    for (int i = 0; i < n; i++) {
      pathByContent.put(articles.get(i).contentPath(), paths[i]);
    }

    // Bodies are kept as UTF-8, the text only when no sink takes it: at 100,000 articles the
    // archive's HTML and text as strings would not fit in 2 GB.
    byte[][] htmls = new byte[n][];
    String[] texts = new String[n];
    String[] summaries = new String[n];
    String[] images = new String[n];
    // The ids of each body, found once: links to an anchor look them up (finding them in the
    // target's HTML for each link took 34 s for 25,000 links to one heading).
    @SuppressWarnings("unchecked")
    Set<String>[] ids = new Set[n];
    Resolver[] resolvers = new Resolver[n];
    IntStream.range(0, n)
        .parallel()
        .forEach(
            i -> {
              Article a = articles.get(i);
              String image = a.image().map(f -> f.path()).orElse("");
              BodyCache.Entry hit = cache == null ? null : cache.entries.get(a.contentPath());
              RenderedBody body;
              byte[] html;
              if (hit != null && hit.sourcePath().equals(a.sourcePath()) && hit.bodyLine() == a.bodyLine()
                  && hit.imageAt().equals(a.position("image"))
                  && hit.body().equals(a.body()) && hit.image().equals(image) && hit.basePath().equals(options.basePath())
                  && hit.check() == options.check()
                  && hit.pages().entrySet().stream().allMatch(e -> e.getValue().equals(
                      Resolver.answer(e.getKey(), pathByContent, options.unreadable())))
                  && hit.statics().entrySet().stream().allMatch(e -> e.getValue() == statics.contains(e.getKey()))) {
                // Kept as the page keeps it, UTF-8: encoding 10,000 bodies again would cost a
                // preview tens of milliseconds on every save.
                html = hit.html();
                body = new RenderedBody("", hit.text(), hit.ids());
                images[i] = hit.imagePath();
                Resolver r = new Resolver(a, options, pathByContent, statics);
                r.own.addAll(hit.diagnostics());
                r.anchors.addAll(hit.anchors());
                resolvers[i] = r;
              } else {
                Resolver r = new Resolver(a, options, pathByContent, statics);
                try {
                  body = markdown.render(a.body(), r);
                } catch (MarkdownRenderer.TooDeepException e) {
                  body = new RenderedBody("", "");
                  r.own.add(r.at(e.line(), e.column(), Diagnostic.Severity.ERROR, e.getMessage()));
                } catch (MarkdownRenderer.RefusedException e) {
                  body = new RenderedBody("", "");
                  for (MarkdownRenderer.Problem p : e.problems()) {
                    r.own.add(r.at(p.line(), p.column(), Diagnostic.Severity.ERROR, p.message()));
                  }
                } catch (StackOverflowError e) {
                  body = new RenderedBody("", "");
                  r.own.add(r.at(1, 1, Diagnostic.Severity.ERROR,
                      "the text is nested too deeply (lists or quotes inside each other) to render"));
                } catch (RuntimeException e) {
                  // One body must not stop the others: reported, with what to send to the developers.
                  body = new RenderedBody("", "");
                  r.own.add(r.at(1, 1, Diagnostic.Severity.ERROR,
                      "internal error while rendering this text (" + e + "); please report it with this file"));
                }
                images[i] = a.image().map(f -> r.image(f.path())).orElse("");
                resolvers[i] = r;
                html = body.html().getBytes(StandardCharsets.UTF_8);
                if (cache != null) {
                  cache.entries.put(a.contentPath(), new BodyCache.Entry(a.sourcePath(), a.bodyLine(),
                      a.position("image"), a.body(), image,
                      options.basePath(), options.check(), Map.copyOf(r.pageLookups), Map.copyOf(r.staticLookups),
                      html, body.text(), images[i], List.copyOf(r.own), List.copyOf(r.anchors), body.ids()));
                }
              }
              diags.addAll(resolvers[i].own);
              htmls[i] = html;
              ids[i] = body.ids();
              summaries[i] = a.summary().isEmpty() ? excerpt(body.text()) : a.summary();
              if (words != null) {
                words.text(i, a.title(), a.summary(), body.text());
              } else {
                texts[i] = body.text();
              }
              if (oneOff) {
                resolvers[i].release();
                inOrder[i] = a.withoutBody();
              }
            });
    Map<String, Integer> indexByContent = new HashMap<>();
    for (int i = 0; i < n; i++) {
      indexByContent.put(articles.get(i).contentPath(), i);
    }
    for (Resolver r : resolvers) {
      for (Resolver.Anchor anchor : r.anchors) {
        Integer target = indexByContent.get(anchor.contentPath());
        if (target != null && !ids[target].contains(anchor.fragment())) {
          diags.add(r.at(anchor.line(), anchor.column(), r.check ? Diagnostic.Severity.ERROR : Diagnostic.Severity.WARNING,
              "anchor #" + anchor.fragment() + " does not exist in " + articles.get(target).sourcePath()));
        }
      }
    }
    if (options.check()) {
      for (int i = 0; i < n; i++) {
        Article a = articles.get(i);
        if (a.summary().isEmpty()) {
          diags.add(a.position("title").warning(a.sourcePath(), "no summary: add 'summary: \"…\"', shown in lists,"
              + " feeds and search results"));
        }
        if (a.image().isPresent() && a.image().get().alt().isEmpty()) {
          diags.add(a.position("image").warning(a.sourcePath(), "image without alternative text: add 'image_alt: \"…\"'"
              + " describing the picture for people who cannot see it"));
        }
      }
    }

    Collator collator = Collator.getInstance(Locale.forLanguageTag("vi"));
    Grouping categories = group(articles, Article::categories, collator);
    Grouping tags = group(articles, Article::tags, collator);
    Orgs orgs = organizations(articles, paths, diags, collator);

    long[] seconds = new long[n];
    for (int i = 0; i < n; i++) {
      seconds[i] = articles.get(i).date().toEpochSecond();
    }
    ArticlePage[] built = new ArticlePage[n];
    IntStream.range(0, n).parallel().forEach(i -> {
      Article a = articles.get(i);
      OffsetDateTime d = a.date();
      built[i] =
          new ArticlePage(
              cache == null ? a.withoutBody() : a,
              paths[i],
              htmls[i],
              texts[i] == null ? "" : texts[i],
              summaries[i],
              images[i],
              categories.links(a.categories(), CATEGORIES),
              tags.links(a.tags(), TAGS),
              orgs.entryByArticle.get(i),
              new Link(String.valueOf(d.getYear()), yearPath(d.getYear())),
              new Link(twoDigits(d.getMonthValue()) + "/" + d.getYear(),
                  monthPath(d.getYear(), d.getMonthValue())),
              related(i, articles, seconds, paths, categories, tags, orgs));
    });
    List<ArticlePage> pages = List.of(built);

    List<YearArchive> years = new ArrayList<>();
    Map<Integer, Map<Integer, List<ArticlePage>>> byYear = new TreeMap<>(Comparator.reverseOrder());
    for (ArticlePage p : pages) {
      OffsetDateTime d = p.article().date();
      byYear
          .computeIfAbsent(d.getYear(), y -> new TreeMap<>(Comparator.reverseOrder()))
          .computeIfAbsent(d.getMonthValue(), m -> new ArrayList<>())
          .add(p);
    }
    byYear.forEach(
        (year, months) -> {
          List<YearArchive.MonthArchive> ms = new ArrayList<>();
          List<ArticlePage> all = new ArrayList<>();
          months.forEach(
              (month, list) -> {
                ms.add(new YearArchive.MonthArchive(year, month, monthPath(year, month), list));
                all.addAll(list);
              });
          years.add(new YearArchive(year, yearPath(year), ms, all));
        });

    List<Alias> aliases = aliases(articles, pages, paths, staticFiles, options.contentPrefix(), diags);
    List<Diagnostic> sorted = Diagnostic.sorted(diags);
    return new SiteModel(
        pages,
        categories.taxa(pages, CATEGORIES),
        tags.taxa(pages, TAGS),
        years,
        orgs.organizations,
        orgs.terms,
        aliases,
        staticFiles,
        sorted);
  }

  static String yearPath(int year) {
    return year + "/";
  }

  static String monthPath(int year, int month) {
    return year + "/" + twoDigits(month) + "/";
  }

  /** {@code String.format("%02d", n)} for 0 ≤ n, without a formatter: it runs for every article. */
  private static String twoDigits(int n) {
    return n < 10 ? "0" + n : Integer.toString(n);
  }

  private static String articleBase(Article a, BodyCache cache) {
    String slug = a.slug().orElseGet(() -> cache == null ? VietnameseText.slug(a.title())
        : cache.slugs.computeIfAbsent(a.title(), VietnameseText::slug));
    if (slug.isEmpty()) {
      slug = "bai-viet";
    }
    return a.date().getYear() + "/" + twoDigits(a.date().getMonthValue()) + "/" + slug;
  }

  /** Gives every article its path; see the class comment for how collisions are settled. */
  private static String[] assignPaths(List<Article> articles, String[] bases, List<Diagnostic> diags) {
    int n = articles.size();
    String[] paths = new String[n];
    Map<String, List<Integer>> byBase = new TreeMap<>();
    for (int i = 0; i < n; i++) {
      byBase.computeIfAbsent(bases[i], k -> new ArrayList<>()).add(i);
    }
    Set<String> taken = new HashSet<>(byBase.keySet());
    List<Map.Entry<String, List<Integer>>> clashes = new ArrayList<>();
    for (Map.Entry<String, List<Integer>> e : byBase.entrySet()) {
      List<Integer> group = e.getValue();
      group.sort(Comparator.comparing(i -> articles.get(i).contentPath()));
      paths[group.get(0)] = e.getKey() + "/";
      if (group.size() > 1) {
        clashes.add(e);
      }
    }
    for (Map.Entry<String, List<Integer>> e : clashes) {
      List<Integer> group = e.getValue();
      Article first = articles.get(group.get(0));
      boolean anyExplicit = group.stream().anyMatch(i -> articles.get(i).slug().isPresent());
      for (int k = 1; k < group.size(); k++) {
        Article a = articles.get(group.get(k));
        if (anyExplicit) {
          Article explicit = a.slug().isPresent() ? a : first;
          Article other = explicit == a ? first : a;
          diags.add(
              explicit
                  .position("slug")
                  .error(
                      explicit.sourcePath(),
                      "duplicate address /" + e.getKey() + "/: " + other.sourcePath()
                          + " has it too; change the slug of one of them"));
          paths[group.get(k)] = e.getKey() + "/";
          continue;
        }
        String candidate;
        int suffix = k + 1;
        do {
          candidate = e.getKey() + "-" + suffix++;
        } while (!taken.add(candidate));
        paths[group.get(k)] = candidate + "/";
        diags.add(
            a.position("title")
                .warning(
                    a.sourcePath(),
                    "title gives the same address /" + e.getKey() + "/ as " + first.sourcePath()
                        + "; this article is at /" + candidate + "/ (set 'slug' to choose)"));
      }
    }
    return paths;
  }

  /** Resolves addresses in one article's body against the content folder. */
  private static final class Resolver implements LinkResolver {
    /** A link to {@code #fragment} of an article, checked once every body is rendered. */
    record Anchor(String contentPath, String fragment, int line, int column) {}

    final List<Anchor> anchors = new ArrayList<>();
    /** This body's own problems, found while rendering it. */
    final List<Diagnostic> own = new ArrayList<>();
    /** Every address the body looked up, and the answer ("" for none), to validate a cached body. */
    final Map<String, String> pageLookups = new HashMap<>();
    final Map<String, Boolean> staticLookups = new HashMap<>();
    private Article article;
    final boolean check;
    private final String basePath;
    private final Map<String, String> pathByContent;
    private final Set<String> statics;
    private final Set<String> unreadable;
    private String[] bodyLines;

    Resolver(Article article, Options options, Map<String, String> pathByContent, Set<String> statics) {
      this.article = article;
      this.check = options.check();
      this.basePath = options.basePath();
      this.pathByContent = pathByContent;
      this.statics = statics;
      this.unreadable = options.unreadable();
    }

    /**
     * What looking up Markdown file {@code content} answers: its page, {@value #UNREADABLE} for
     * a file that exists but has errors of its own, or "" for none. Cached bodies are valid
     * while every answer they got is the same.
     */
    static String answer(String content, Map<String, String> pathByContent, Set<String> unreadable) {
      String page = pathByContent.get(content);
      return page != null ? page : unreadable.contains(content) ? UNREADABLE : "";
    }

    static final String UNREADABLE = "?";

    private String page(String content) {
      String answer = answer(content, pathByContent, unreadable);
      pageLookups.put(content, answer);
      return answer;
    }

    private boolean isStatic(String content) {
      boolean found = statics.contains(content);
      staticLookups.put(content, found);
      return found;
    }

    @Override
    public String resolve(String destination, Kind kind, int line, int column) {
      String d = destination.strip();
      if (d.startsWith("#") && d.length() > 1) {
        anchors.add(new Anchor(article.contentPath(), decode(d.substring(1)), line, column));
        return destination;
      }
      if (d.isEmpty() || d.startsWith("#") || d.startsWith("//") || SCHEME.matcher(d).matches()) {
        return destination;
      }
      int cut = indexOfAny(d, '#', '?');
      String rest = cut < 0 ? "" : d.substring(cut);
      String target = nfc(decode(cut < 0 ? d : d.substring(0, cut)));
      String content = normalize(target.startsWith("/") ? target.substring(1)
          : (article.sourceFolder().isEmpty() ? "" : article.sourceFolder() + "/") + target);
      String lower = content == null ? "" : content.toLowerCase(Locale.ROOT);
      if (content != null && (lower.endsWith(".md") || lower.endsWith(".markdown"))) {
        String page = page(content);
        if (page.equals(UNREADABLE)) {
          // The article exists but has errors, reported at it; the link is fine.
          return destination;
        }
        if (!page.isEmpty()) {
          if (rest.startsWith("#") && rest.length() > 1) {
            anchors.add(new Anchor(content, decode(rest.substring(1)), line, column));
          }
          return basePath + page + rest;
        }
        problem(line, column, "link to " + target + ": no such article (or it is a draft or dated in the future)");
        return destination;
      }
      if (content != null && isStatic(content)) {
        return basePath + encode(content) + rest;
      }
      if (target.startsWith("/")) {
        return basePath + target.substring(1) + rest;
      }
      problem(line, column, (kind == Kind.IMAGE ? "image " : "link to ") + target
          + ": no such file in the content folder");
      return destination;
    }

    /** The site path of the lead image, or empty (with a warning) when the file is missing. */
    String image(String path) {
      if (SCHEME.matcher(path).matches() || path.startsWith("//")) {
        return path;
      }
      String content = normalize(nfc(path.startsWith("/") ? path.substring(1)
          : (article.sourceFolder().isEmpty() ? "" : article.sourceFolder() + "/") + path));
      if (content == null || !isStatic(content)) {
        own.add(article.position("image").warning(article.sourcePath(),
            "image " + path + ": no such file in the content folder; the article is shown without it"));
        return "";
      }
      return encode(content);
    }

    @Override
    public void imageWithoutAlt(int line, int column) {
      if (check) {
        own.add(at(line, column, Diagnostic.Severity.WARNING, "image without alternative text: write it"
            + " between the brackets, ![…](…)"));
      }
    }

    /** A link that leads nowhere: a warning when building, an error when checking. */
    void problem(int line, int column, String message) {
      own.add(at(line, column, check ? Diagnostic.Severity.ERROR : Diagnostic.Severity.WARNING, message));
    }

    /**
     * After rendering, in a one-off build: lets go of the Markdown, keeping its lines only when
     * anchors are still to be checked (their diagnostics quote the line).
     */
    synchronized void release() {
      if (!anchors.isEmpty() && bodyLines == null) {
        bodyLines = article.body().split("\n", -1);
      }
      if (anchors.isEmpty()) {
        bodyLines = null;
      }
      article = article.withoutBody();
    }

    synchronized Diagnostic at(int line, int column, Diagnostic.Severity severity, String message) {
      if (line <= 0) {
        return new Diagnostic(article.sourcePath(), 0, 0, severity, message, "");
      }
      if (bodyLines == null) {
        bodyLines = article.body().split("\n", -1);
      }
      String src = line <= bodyLines.length ? bodyLines[line - 1] : "";
      return new Diagnostic(article.sourcePath(), article.bodyLine() + line - 1, column, severity, message, src);
    }

    private static int indexOfAny(String s, char a, char b) {
      int i = s.indexOf(a);
      int j = s.indexOf(b);
      return i < 0 ? j : (j < 0 ? i : Math.min(i, j));
    }
  }

  /** {@code a/./b/../c} → {@code a/c}; null when the path climbs out of the content folder. */
  static String normalize(String path) {
    return SitePath.resolve(path).map(SitePath::path).orElse(null);
  }

  /** File names in the content folder are compared in NFC, as the text of articles is. */
  private static String nfc(String path) {
    return java.text.Normalizer.normalize(path, java.text.Normalizer.Form.NFC);
  }

  /** Undoes percent-encoding in a path ({@code x%20y.jpg} → {@code x y.jpg}). */
  private static String decode(String s) {
    return SitePath.decode(s).orElse(s);
  }

  /** Percent-encodes what a path needs encoded (spaces, non-ASCII), keeping slashes. */
  static String encode(String path) {
    return new SitePath(path).encoded();
  }

  private static String excerpt(String text) {
    return VietnameseText.shorten(text, SUMMARY_LENGTH);
  }

  /** Articles grouped by the slug of a category or tag name. */
  private static final class Grouping {
    final Map<String, List<Integer>> members = new TreeMap<>();
    final Map<String, String> names = new HashMap<>();
    final Collator collator;

    Grouping(Collator collator) {
      this.collator = collator;
    }

    /** The slug of a category, tag or organisation name: {@code khong-ten} when it has none. */
    static String slugOf(String name) {
      String slug = VietnameseText.slug(name);
      return slug.isEmpty() ? "khong-ten" : slug;
    }

    List<Link> links(List<String> names, String root) {
      List<Link> out = new ArrayList<>();
      Set<String> seen = new HashSet<>();
      for (String name : names) {
        String slug = slugOf(name);
        if (seen.add(slug)) {
          out.add(new Link(this.names.get(slug), root + slug + "/"));
        }
      }
      return out;
    }

    List<Taxon> taxa(List<ArticlePage> pages, String root) {
      List<Taxon> out = new ArrayList<>();
      members.forEach(
          (slug, idx) ->
              out.add(new Taxon(names.get(slug), slug, root + slug + "/",
                  idx.stream().map(pages::get).toList())));
      out.sort(Comparator.comparing(Taxon::name, collator).thenComparing(Taxon::slug));
      return out;
    }
  }

  private static Grouping group(List<Article> articles, Function<Article, List<String>> key, Collator collator) {
    Grouping g = new Grouping(collator);
    Map<String, Map<String, Integer>> spellings = new HashMap<>();
    for (int i = 0; i < articles.size(); i++) {
      Set<String> seen = new HashSet<>();
      for (String name : key.apply(articles.get(i))) {
        String slug = Grouping.slugOf(name);
        spellings.computeIfAbsent(slug, s -> new TreeMap<>()).merge(name, 1, Integer::sum);
        if (seen.add(slug)) {
          g.members.computeIfAbsent(slug, s -> new ArrayList<>()).add(i);
        }
      }
    }
    spellings.forEach(
        (slug, counts) ->
            g.names.put(slug, Collections.max(counts.entrySet(),
                Map.Entry.<String, Integer>comparingByValue()
                    .thenComparing(Map.Entry.comparingByKey(Comparator.reverseOrder()))).getKey()));
    return g;
  }

  /** Organisations, terms and the congress entry of each article. */
  private static final class Orgs {
    final Map<Integer, CongressEntry> entryByArticle = new HashMap<>();
    final Map<String, List<Integer>> articlesByOrg = new HashMap<>();
    final Map<String, List<Integer>> articlesByFamily = new HashMap<>();
    final Map<Integer, String> orgOfArticle = new HashMap<>();
    final Map<Integer, String> parentOfArticle = new HashMap<>();
    List<Organization> organizations = List.of();
    List<TermPage> terms = List.of();
  }

  private static Orgs organizations(List<Article> articles, String[] paths, List<Diagnostic> diags, Collator collator) {
    Orgs o = new Orgs();
    Map<String, Map<String, Integer>> spellings = new HashMap<>();
    Map<String, List<Integer>> congressesByOrg = new TreeMap<>();
    Map<String, Integer> parentDecider = new HashMap<>();
    Map<String, String> parentOf = new HashMap<>();
    for (int i = 0; i < articles.size(); i++) {
      Article a = articles.get(i);
      if (a.congress().isEmpty()) {
        continue;
      }
      Congress c = a.congress().get();
      String org = Grouping.slugOf(c.organization());
      spellings.computeIfAbsent(org, s -> new TreeMap<>()).merge(c.organization(), 1, Integer::sum);
      congressesByOrg.computeIfAbsent(org, s -> new ArrayList<>()).add(i);
      o.articlesByOrg.computeIfAbsent(org, s -> new ArrayList<>()).add(i);
      o.orgOfArticle.put(i, org);
      if (!c.parent().isEmpty()) {
        String parent = Grouping.slugOf(c.parent());
        spellings.computeIfAbsent(parent, s -> new TreeMap<>()).merge(c.parent(), 1, Integer::sum);
        o.parentOfArticle.put(i, parent);
        o.articlesByFamily.computeIfAbsent(parent, s -> new ArrayList<>()).add(i);
        // The newest report decides the parent (units move between committees); others that
        // disagree are told.
        Integer decider = parentDecider.get(org);
        if (decider == null) {
          parentDecider.put(org, i);
          parentOf.put(org, parent);
        } else if (!parentOf.get(org).equals(parent)) {
          Article newer = articles.get(decider);
          diags.add(a.position("congress.parent").warning(a.sourcePath(),
              "congress.parent '" + c.parent() + "' differs from '" + newer.congress().get().parent()
                  + "' in the newer report " + newer.sourcePath() + ", which the archive follows"));
        }
      }
    }
    Map<String, String> names = new HashMap<>();
    spellings.forEach(
        (slug, counts) ->
            names.put(slug, Collections.max(counts.entrySet(),
                Map.Entry.<String, Integer>comparingByValue()
                    .thenComparing(Map.Entry.comparingByKey(Comparator.reverseOrder()))).getKey()));
    Function<String, Link> link = slug -> new Link(names.get(slug), ORGANIZATIONS + slug + "/");

    Map<String, List<CongressEntry>> byTerm = new TreeMap<>();
    Map<String, List<CongressEntry>> entriesByOrg = new HashMap<>();
    congressesByOrg.forEach(
        (org, idx) -> {
          List<Integer> sorted = new ArrayList<>(idx);
          sorted.sort(Comparator.comparing((Integer i) -> heldOrDate(articles.get(i)))
              .thenComparingInt(i -> articles.get(i).congress().get().ordinal())
              .thenComparing(i -> articles.get(i).contentPath()));
          List<CongressEntry> entries = new ArrayList<>();
          for (int i : sorted) {
            Article a = articles.get(i);
            Congress c = a.congress().get();
            String parent = o.parentOfArticle.get(i);
            CongressEntry e = new CongressEntry(c, link.apply(org), parent == null ? null : link.apply(parent),
                new Link(c.term().label(), TERMS + c.term().label() + "/"),
                new ArticleRef(a.title(), paths[i], a.date()));
            entries.add(e);
            o.entryByArticle.put(i, e);
            byTerm.computeIfAbsent(c.term().label(), t -> new ArrayList<>()).add(e);
          }
          entriesByOrg.put(org, entries);
        });

    Map<String, List<Link>> children = new HashMap<>();
    parentOf.forEach((child, parent) -> children.computeIfAbsent(parent, p -> new ArrayList<>()).add(link.apply(child)));
    List<Organization> orgs = new ArrayList<>();
    for (String slug : names.keySet()) {
      List<Link> ancestors = new ArrayList<>();
      Set<String> seen = new HashSet<>(List.of(slug));
      for (String p = parentOf.get(slug); p != null; p = parentOf.get(p)) {
        if (!seen.add(p)) {
          diags.add(Diagnostic.warning(articles.get(congressesByOrg.get(slug).get(0)).sourcePath(), 0, 0,
              "the organisations form a loop of parents through '" + names.get(p) + "'; the loop is cut", ""));
          break;
        }
        ancestors.add(0, link.apply(p));
      }
      List<Link> kids = new ArrayList<>(children.getOrDefault(slug, List.of()));
      kids.sort(Comparator.comparing(Link::name, collator));
      String parent = parentOf.get(slug);
      orgs.add(new Organization(names.get(slug), slug, ORGANIZATIONS + slug + "/",
          parent == null || ancestors.isEmpty() ? null : link.apply(parent), ancestors, kids,
          entriesByOrg.getOrDefault(slug, List.of())));
    }
    orgs.sort(Comparator.comparing(Organization::name, collator).thenComparing(Organization::slug));
    o.organizations = orgs;

    List<TermPage> terms = new ArrayList<>();
    byTerm.forEach(
        (label, entries) -> {
          List<CongressEntry> sorted = new ArrayList<>(entries);
          sorted.sort(Comparator.comparing((CongressEntry e) -> e.congress().held().orElse(e.report().date().toLocalDate()))
              .thenComparing(e -> e.organization().name(), collator));
          terms.add(new TermPage(sorted.get(0).congress().term(), TERMS + label + "/", sorted));
        });
    terms.sort(Comparator.comparing(TermPage::term).reversed());
    o.terms = terms;
    return o;
  }

  private static LocalDate heldOrDate(Article a) {
    return a.congress().flatMap(Congress::held).orElse(a.date().toLocalDate());
  }

  /**
   * Sorts {@code articles} newest first, then by path: the order of {@code
   * Comparator.comparing(Article::date, reverseOrder()).thenComparing(Article::contentPath)},
   * with each date's instant worked out once rather than at every comparison.
   */
  static void newestFirst(Article[] articles) {
    record Dated(Article article, long second, int nano, int offset) {}
    Dated[] d = new Dated[articles.length];
    for (int i = 0; i < d.length; i++) {
      OffsetDateTime t = articles[i].date();
      d[i] = new Dated(articles[i], t.toEpochSecond(), t.getNano(), t.getOffset().getTotalSeconds());
    }
    Arrays.sort(d, (x, y) -> {
      int c = Long.compare(y.second(), x.second());
      if (c == 0) {
        c = Integer.compare(y.nano(), x.nano());
      }
      if (c == 0 && x.offset() != y.offset()) {
        // The same instant at other offsets: OffsetDateTime compares the local date-times.
        c = y.article().date().compareTo(x.article().date());
      }
      return c != 0 ? c : x.article().contentPath().compareTo(y.article().contentPath());
    });
    for (int i = 0; i < d.length; i++) {
      articles[i] = d[i].article();
    }
  }

  /**
   * Up to five related articles: reports of the same organisation or of its family count most,
   * then shared tags; the rest are the nearest in time in the same category. Tags shared by
   * very many articles are too broad to say anything and are skipped.
   */
  private static List<ArticleRef> related(int i, List<Article> articles, long[] seconds, String[] paths,
      Grouping categories, Grouping tags, Orgs orgs) {
    Map<Integer, Integer> score = new LinkedHashMap<>();
    String org = orgs.orgOfArticle.get(i);
    if (org != null) {
      addAll(score, orgs.articlesByOrg.get(org), 6, i);
      addAll(score, orgs.articlesByFamily.get(org), 3, i);
      String parent = orgs.parentOfArticle.get(i);
      if (parent != null) {
        addAll(score, orgs.articlesByFamily.get(parent), 2, i);
        addAll(score, orgs.articlesByOrg.get(parent), 3, i);
      }
    }
    for (String tag : articles.get(i).tags()) {
      List<Integer> members = tags.members.get(Grouping.slugOf(tag));
      if (members != null && members.size() <= 500) {
        addAll(score, members, 3, i);
      }
    }
    List<String> cats = articles.get(i).categories();
    if (!cats.isEmpty()) {
      List<Integer> members = categories.members.get(Grouping.slugOf(cats.get(0)));
      int at = Collections.binarySearch(members, i);
      for (int step = 1, added = 0; added < RELATED * 2 && (at - step >= 0 || at + step < members.size()); step++) {
        if (at - step >= 0) {
          score.merge(members.get(at - step), 1, Integer::sum);
          added++;
        }
        if (at + step < members.size()) {
          score.merge(members.get(at + step), 1, Integer::sum);
          added++;
        }
      }
    }
    long when = seconds[i];
    return score.entrySet().stream()
        .sorted(Map.Entry.<Integer, Integer>comparingByValue().reversed()
            .thenComparingLong(e -> Math.abs(seconds[e.getKey()] - when))
            .thenComparingInt(Map.Entry::getKey))
        .limit(RELATED)
        .map(e -> new ArticleRef(articles.get(e.getKey()).title(), paths[e.getKey()], articles.get(e.getKey()).date()))
        .toList();
  }

  private static void addAll(Map<Integer, Integer> score, List<Integer> members, int weight, int self) {
    if (members == null) {
      return;
    }
    for (int j : members) {
      if (j != self) {
        score.merge(j, weight, Integer::sum);
      }
    }
  }

  /** Redirect pages, checked against every other address in the site. */
  private static List<Alias> aliases(List<Article> articles, List<ArticlePage> pages, String[] paths,
      List<String> staticFiles, String contentPrefix, List<Diagnostic> diags) {
    if (articles.stream().allMatch(a -> a.aliases().isEmpty())) {
      return new ArrayList<>();
    }
    Map<String, String> owner = new HashMap<>();
    for (String f : FIXED_FILES) {
      owner.put(f, "the page /" + f);
    }
    for (int i = 0; i < articles.size(); i++) {
      owner.put(paths[i] + "index.html", articles.get(i).sourcePath());
    }
    for (String s : staticFiles) {
      // A file that takes a page's address is reported with every other address the templates
      // claim (SiteRenderer.plan); here it only keeps aliases off it.
      owner.putIfAbsent(s, "the file " + contentPrefix + s);
    }
    // An address is a file or a folder, never both: each folder of the site, with what it holds.
    Map<String, String> holds = new HashMap<>();
    for (String f : new java.util.TreeSet<>(owner.keySet())) {
      addFolders(holds, f, held(owner.get(f), f));
    }
    List<Alias> out = new ArrayList<>();
    List<Integer> bySource = new ArrayList<>(IntStream.range(0, articles.size()).boxed().toList());
    bySource.sort(Comparator.comparing(i -> articles.get(i).contentPath()));
    for (int i : bySource) {
      Article a = articles.get(i);
      for (int k = 0; k < a.aliases().size(); k++) {
        String alias = a.aliases().get(k);
        String last = alias.substring(alias.lastIndexOf('/') + 1);
        String file = alias.endsWith("/") ? alias + "index.html" : last.contains(".") ? alias : alias + "/index.html";
        Position at = a.position("aliases." + k);
        String previous = owner.get(file);
        if (previous != null) {
          diags.add(at.error(a.sourcePath(), "alias /" + alias + " is already the address of "
              + (previous.equals(a.sourcePath()) ? "this article" : previous)));
          continue;
        }
        java.util.Optional<String> outer = folders(file).stream().filter(owner::containsKey).findFirst();
        if (outer.isPresent()) {
          String o = owner.get(outer.get());
          diags.add(at.error(a.sourcePath(), "alias /" + alias + " is inside /" + outer.get() + ", which is the address of "
              + (o.equals(a.sourcePath()) ? "this article" : o) + ", not a folder; choose another alias"));
          continue;
        }
        if (holds.containsKey(file)) {
          diags.add(at.error(a.sourcePath(), "alias /" + alias + " is a folder of the site: it holds " + holds.get(file)
              + "; choose another alias"));
          continue;
        }
        owner.put(file, a.sourcePath());
        addFolders(holds, file, "the redirect page /" + file + " of " + a.sourcePath());
        out.add(new Alias(file, pages.get(i), at));
      }
    }
    out.sort(Comparator.comparing(Alias::file));
    return out;
  }

  /** The folders {@code file} is in, outermost first: {@code a/b/c.html} is in {@code a} and {@code a/b}. */
  public static List<String> folders(String file) {
    List<String> out = new ArrayList<>();
    for (int slash = file.indexOf('/'); slash > 0; slash = file.indexOf('/', slash + 1)) {
      out.add(file.substring(0, slash));
    }
    return out;
  }

  /** Records that each folder of {@code file} holds {@code what}, unless it holds something already. */
  private static void addFolders(Map<String, String> holds, String file, String what) {
    for (String folder : folders(file)) {
      holds.putIfAbsent(folder, what);
    }
  }

  /** How a diagnostic names the file at {@code file} that {@code owner} (as in the owners' map) makes. */
  private static String held(String owner, String file) {
    return owner.startsWith("the page ") || owner.startsWith("the file ") ? owner : "the page /" + file + " of " + owner;
  }
}
