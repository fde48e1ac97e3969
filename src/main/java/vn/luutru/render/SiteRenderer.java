package vn.luutru.render;

import io.pebbletemplates.pebble.PebbleEngine;
import io.pebbletemplates.pebble.error.PebbleException;
import io.pebbletemplates.pebble.extension.escaper.SafeString;
import io.pebbletemplates.pebble.template.PebbleTemplate;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import vn.luutru.content.Diagnostic;
import vn.luutru.site.Alias;
import vn.luutru.site.ArticlePage;
import vn.luutru.site.Link;
import vn.luutru.site.Organization;
import vn.luutru.site.SiteModel;
import vn.luutru.site.SiteModelBuilder;
import vn.luutru.site.Taxon;
import vn.luutru.site.TermPage;
import vn.luutru.site.YearArchive;

/**
 * Renders every file of the site from the model through one Pebble engine, in parallel. The
 * engine is built once per renderer with auto-escaping on and strict variables, so that a
 * typo in a template is an error rather than an empty string; article bodies come in as
 * {@link SafeString}, already cleaned.
 */
public final class SiteRenderer {
  static final int FEED_SIZE = 20;
  static final int SITEMAP_SIZE = 50_000;
  /** A page's characters to begin with: most article pages are about this long. */
  private static final int PAGE_CHARS = 16 * 1024;
  /** The search page; {@code search/} holds the index and {@code search.js}. */
  public static final String SEARCH = "tim-kiem/";

  private final PebbleEngine engine;
  private final Theme theme;
  private final LuutruExtension links;
  private final Views.SiteInfo site;
  private final int pageSize;
  private final String shownTemplates;
  private final String contentPrefix;

  /**
   * @param templatesDir the user's templates, overriding the packed theme file by file
   * @param shownTemplates how diagnostics name that folder
   */
  public SiteRenderer(Views.SiteInfo site, int pageSize, Optional<Path> templatesDir, String shownTemplates) {
    this(site, pageSize, templatesDir, shownTemplates, "");
  }

  /**
   * @param contentPrefix how diagnostics name the content folder ({@code content/}), for files
   *     of it that take the address of a page
   */
  public SiteRenderer(Views.SiteInfo site, int pageSize, Optional<Path> templatesDir, String shownTemplates,
      String contentPrefix) {
    this.contentPrefix = contentPrefix;
    this.site = site;
    this.pageSize = pageSize;
    this.shownTemplates = shownTemplates;
    this.theme = new Theme(templatesDir);
    this.links = new LuutruExtension(site.baseUrl(), site.basePath(), this::jsonLd);
    this.engine =
        new PebbleEngine.Builder()
            .loader(theme.loader())
            .extension(links)
            .strictVariables(true)
            .autoEscaping(true)
            .defaultLocale(Locale.forLanguageTag("vi"))
            .build();
  }

  /** The renderer for a build's configuration. */
  public static SiteRenderer of(vn.luutru.config.SiteConfig config) {
    return new SiteRenderer(new Views.SiteInfo(config.title(), config.description(), config.baseUrl(),
        config.basePath(), "vi"), config.pageSize(), config.templatesDir(),
        config.templatesDir().map(Path::toString).orElse("templates"), config.contentPrefix());
  }

  /** One file to render: its path in the site, its template, and what the template sees. */
  public record Job(String file, String template, Map<String, Object> context) {}

  /**
   * Every file of the site that a template makes, by path, without rendering any: the preview
   * server renders each when it is asked for.
   */
  public Plan plan(SiteModel model) throws IOException {
    Map<String, Job> out = new java.util.HashMap<>();
    Set<String> assets = theme.assets().keySet();
    List<Diagnostic> collisions = new ArrayList<>();
    for (Job job : jobs(model)) {
      Job previous = out.putIfAbsent(job.file(), job);
      if (previous != null && previous.template().equals("article") && job.template().equals("article")) {
        // Two articles with one slug: the model has reported it at the slug.
        continue;
      } else if (previous != null) {
        collisions.add(collision(job, previous.file(), previous));
      } else if (assets.contains(job.file()) || job.file().startsWith("search/")) {
        collisions.add(collision(job, job.file(), null));
      }
    }
    for (String file : model.staticFiles()) {
      if (out.containsKey(file) || assets.contains(file)) {
        collisions.add(Diagnostic.error(contentPrefix + file, 0, 0, "this file of the content folder has the address"
            + " of a page the site makes (/" + file + "); rename or move it", ""));
      } else if (file.startsWith("search/")) {
        // The search index is written there, file names decided as it is built.
        collisions.add(Diagnostic.error(contentPrefix + file, 0, 0, "the folder search/ of the site holds the"
            + " search index; rename or move this file", ""));
      }
    }
    collisions.addAll(aliasesNested(out, assets, model.staticFiles()));
    return new Plan(out, collisions);
  }

  /**
   * Aliases whose address is inside a file the site makes (a list's feed, a file of the theme),
   * or is a folder holding one: an address is a file or a folder, never both. The model has
   * kept aliases off its fixed pages, articles and the content folder's files already.
   */
  private List<Diagnostic> aliasesNested(Map<String, Job> jobs, Set<String> assets, List<String> statics) {
    List<Alias> aliases = aliases(jobs);
    if (aliases.isEmpty()) {
      return List.of();
    }
    Map<String, String> files = new HashMap<>();
    jobs.keySet().forEach(f -> files.put(f, "the page /" + address(f)));
    assets.forEach(f -> files.putIfAbsent(f, "a file of the theme"));
    statics.forEach(f -> files.putIfAbsent(f, "the file " + contentPrefix + f));
    Map<String, String> holds = new HashMap<>();
    for (String f : new java.util.TreeSet<>(files.keySet())) {
      for (String folder : SiteModelBuilder.folders(f)) {
        holds.putIfAbsent(folder, files.get(f).equals("a file of the theme") ? "the theme's file /" + f : files.get(f));
      }
    }
    List<Diagnostic> out = new ArrayList<>();
    for (Alias a : aliases) {
      String shown = "alias /" + address(a.file());
      String source = a.target().article().sourcePath();
      java.util.Optional<String> outer = SiteModelBuilder.folders(a.file()).stream().filter(files::containsKey).findFirst();
      if (outer.isPresent()) {
        out.add(a.at().error(source, shown + " is inside /" + outer.get() + ", which is the address of "
            + files.get(outer.get()) + ", not a folder; choose another alias"));
      } else if (holds.containsKey(a.file())) {
        out.add(a.at().error(source, shown + " is a folder of the site: it holds " + holds.get(a.file())
            + "; choose another alias"));
      }
    }
    return out;
  }

  /** The aliases among {@code jobs}. */
  private static List<Alias> aliases(Map<String, Job> jobs) {
    return jobs.values().stream().map(j -> j.context().get("alias")).filter(Alias.class::isInstance)
        .map(Alias.class::cast).sorted(java.util.Comparator.comparing(Alias::file)).toList();
  }

  private static String address(String file) {
    return file.endsWith("/index.html") ? file.substring(0, file.length() - "index.html".length()) : file;
  }

  /** Every file the templates make, by path, and the addresses claimed twice. */
  public record Plan(Map<String, Job> jobs, List<Diagnostic> collisions) {}

  private static Diagnostic collision(Job job, String file, Job other) {
    Object alias = job.context().get("alias");
    if (other != null && alias == null && other.context().get("alias") != null) {
      return collision(other, file, job);
    }
    String what = other == null ? (file.startsWith("search/") ? "the search index" : "the theme's files")
        : "the page /" + address(file);
    if (alias instanceof Alias a) {
      return a.at().error(a.target().article().sourcePath(), "alias /" + address(a.file()) + " is already the address of "
          + what + "; choose another alias");
    }
    return Diagnostic.error(file, 0, 0, "two pages of the site have the address /" + file, "");
  }

  /** Renders one planned file, or gives the template error as a diagnostic. */
  public byte[] renderOne(Job job) throws RenderException {
    StringWriter out = new StringWriter(PAGE_CHARS);
    try {
      engine.getTemplate(job.template()).evaluate(out, context(job));
    } catch (PebbleException e) {
      throw new RenderException(templateError(e, job.template()));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toString().getBytes(StandardCharsets.UTF_8);
  }

  /** A template failed; the diagnostic names the template and line. */
  public static final class RenderException extends Exception {
    private static final long serialVersionUID = 1L;
    private final transient Diagnostic diagnostic;

    RenderException(Diagnostic diagnostic) {
      super(diagnostic.headline());
      this.diagnostic = diagnostic;
    }

    public Diagnostic diagnostic() {
      return diagnostic;
    }
  }

  /** The theme's static files (stylesheet, scripts), by path in the site. */
  public Map<String, byte[]> assets() throws IOException {
    return theme.assets();
  }

  /**
   * Renders the whole site into {@code sink}. Returns the template errors (each once), empty
   * when every file was written.
   */
  public List<Diagnostic> render(SiteModel model, PageSink sink) throws IOException {
    Plan plan = plan(model);
    if (!plan.collisions().isEmpty()) {
      return plan.collisions();
    }
    List<Job> jobs = new ArrayList<>(plan.jobs().values());
    Set<String> errors = Collections.synchronizedSet(new LinkedHashSet<>());
    List<Diagnostic> diags = Collections.synchronizedList(new ArrayList<>());
    Map<String, PebbleTemplate> compiled = new HashMap<>();
    for (Job job : jobs) {
      if (!compiled.containsKey(job.template())) {
        try {
          compiled.put(job.template(), engine.getTemplate(job.template()));
        } catch (PebbleException e) {
          diags.add(templateError(e, job.template()));
          compiled.put(job.template(), null);
        }
      }
    }
    if (!diags.isEmpty()) {
      return diags;
    }
    try {
      jobs.parallelStream()
          .forEach(
              job -> {
                StringWriter out = new StringWriter(PAGE_CHARS);
                try {
                  compiled.get(job.template()).evaluate(out, context(job));
                } catch (PebbleException e) {
                  Diagnostic d = templateError(e, job.template());
                  if (errors.add(d.headline())) {
                    diags.add(d);
                  }
                  return;
                } catch (IOException e) {
                  throw new UncheckedIOException(e);
                } catch (RuntimeException e) {
                  Diagnostic d = Diagnostic.error(templatePath(job.template()), 0, 0,
                      "while rendering " + job.file() + ": " + e, "");
                  if (errors.add(d.headline())) {
                    diags.add(d);
                  }
                  return;
                }
                try {
                  sink.write(job.file(), out.toString().getBytes(StandardCharsets.UTF_8));
                } catch (IOException e) {
                  throw new UncheckedIOException(e);
                }
              });
    } catch (UncheckedIOException e) {
      throw e.getCause();
    }
    if (diags.isEmpty()) {
      for (Map.Entry<String, byte[]> asset : theme.assets().entrySet()) {
        sink.write(asset.getKey(), asset.getValue());
      }
    }
    List<Diagnostic> sorted = new ArrayList<>(diags);
    sorted.sort(java.util.Comparator.comparing(Diagnostic::headline));
    return sorted;
  }

  private String templatePath(String template) {
    return shownTemplates + "/" + template + ".peb";
  }

  private Diagnostic templateError(PebbleException e, String template) {
    String file = e.getFileName() == null ? template : e.getFileName();
    file = file.replaceFirst("\\.peb$", "");
    int line = e.getLineNumber() == null ? 0 : e.getLineNumber();
    String message = e.getPebbleMessage() == null ? e.getMessage() : e.getPebbleMessage();
    Throwable cause = e.getCause();
    if (cause != null && cause != e) {
      message += ": " + cause.getMessage();
    }
    return Diagnostic.error(templatePath(file.substring(file.lastIndexOf('/') + 1)), line, 1, "template: " + message, "");
  }

  /** What job's template sees: an article page's body as {@code content}, safe to print. */
  private static Map<String, Object> context(Job job) {
    if (job.context().get("article") instanceof ArticlePage a && job.template().equals("article")) {
      Map<String, Object> c = new HashMap<>(job.context());
      c.put("content", new SafeString(a.html()));
      return c;
    }
    return job.context();
  }

  private Map<String, Object> context(String section, Views.PageMeta page) {
    Map<String, Object> c = new HashMap<>();
    c.put("site", site);
    c.put("page", page);
    c.put("section", section);
    return c;
  }

  private Views.PageMeta meta(String title, String description, String path) {
    return new Views.PageMeta(title, description, path, "website", "", false);
  }

  private List<Job> jobs(SiteModel model) {
    List<Job> jobs = new ArrayList<>();
    for (ArticlePage a : model.articles()) {
      Views.PageMeta meta =
          new Views.PageMeta(a.title(), a.summary(), a.path(), "article", a.imagePath(), false);
      Map<String, Object> c = context("article", meta);
      c.put("article", a);
      jobs.add(new Job(a.path() + "index.html", "article", c));
    }

    Views.Feed siteFeed = feed(site.title(), site.description(), "", "", model.articles());
    paginate(jobs, "home", site.title(), site.title(), site.description(), "", model.articles(),
        Map.of("feed", siteFeed));
    jobs.add(feedJob("rss", siteFeed));
    jobs.add(feedJob("atom", siteFeed));

    for (Taxon t : model.categories()) {
      Views.Feed f = feed(t.name() + " — " + site.title(), "Chuyên mục " + t.name(), t.path(), t.path(), t.articles());
      paginate(jobs, "categories", t.name(), "Chuyên mục: " + t.name(),
          "Các bài viết thuộc chuyên mục " + t.name(), t.path(), t.articles(), Map.of("feed", f, "taxon", t));
      jobs.add(feedJob("rss", f));
      jobs.add(feedJob("atom", f));
    }
    for (Taxon t : model.tags()) {
      paginate(jobs, "tags", t.name(), "Thẻ: " + t.name(), "Các bài viết gắn thẻ " + t.name(), t.path(),
          t.articles(), Map.of("taxon", t));
    }
    Map<String, Object> cats = context("categories", meta("Chuyên mục", "Tất cả chuyên mục", SiteModelBuilder.CATEGORIES));
    cats.put("taxa", model.categories());
    cats.put("heading", "Chuyên mục");
    jobs.add(new Job(SiteModelBuilder.CATEGORIES + "index.html", "taxonomies", cats));
    Map<String, Object> tags = context("tags", meta("Thẻ", "Tất cả các thẻ", SiteModelBuilder.TAGS));
    tags.put("taxa", model.tags());
    tags.put("heading", "Thẻ");
    jobs.add(new Job(SiteModelBuilder.TAGS + "index.html", "taxonomies", tags));

    for (YearArchive y : model.years()) {
      paginate(jobs, "time", "Năm " + y.year(), "Lưu trữ năm " + y.year(),
          "Các bài viết năm " + y.year(), y.path(), y.articles(), Map.of("year", y));
      for (YearArchive.MonthArchive m : y.months()) {
        String label = VietnameseDates.month(m.year(), m.month());
        paginate(jobs, "time", "Tháng " + label.substring(6), "Lưu trữ " + label,
            "Các bài viết " + label, m.path(), m.articles(), Map.of("year", y, "month", m));
      }
    }
    Map<String, Object> time = context("time", meta("Lưu trữ theo thời gian", "Các bài viết theo năm và tháng",
        SiteModelBuilder.YEARS));
    time.put("years", model.years());
    jobs.add(new Job(SiteModelBuilder.YEARS + "index.html", "years", time));

    for (Organization o : model.organizations()) {
      Map<String, Object> c = context("organizations", meta(o.name(),
          "Lịch sử đại hội của " + o.name(), o.path()));
      c.put("organization", o);
      jobs.add(new Job(o.path() + "index.html", "organization", c));
    }
    Map<String, Object> orgs = context("organizations", meta("Tổ chức đảng",
        "Các tổ chức đảng và lịch sử đại hội", SiteModelBuilder.ORGANIZATIONS));
    orgs.put("roots", model.rootOrganizations());
    Map<String, Organization> bySlug = new LinkedHashMap<>();
    model.organizations().forEach(o -> bySlug.put(o.path(), o));
    orgs.put("byPath", bySlug);
    orgs.put("organizations", model.organizations());
    jobs.add(new Job(SiteModelBuilder.ORGANIZATIONS + "index.html", "organizations", orgs));

    for (TermPage t : model.terms()) {
      Map<String, Object> c = context("terms", meta("Nhiệm kỳ " + t.term().display(),
          "Các đại hội nhiệm kỳ " + t.term().display(), t.path()));
      c.put("term", t);
      jobs.add(new Job(t.path() + "index.html", "term", c));
    }
    Map<String, Object> terms = context("terms", meta("Nhiệm kỳ", "Các nhiệm kỳ đại hội", SiteModelBuilder.TERMS));
    terms.put("terms", model.terms());
    jobs.add(new Job(SiteModelBuilder.TERMS + "index.html", "terms", terms));

    for (Alias alias : model.aliases()) {
      Map<String, Object> c = context("article", new Views.PageMeta(alias.target().title(), alias.target().summary(),
          alias.target().path(), "article", "", true));
      c.put("target", alias.target());
      c.put("alias", alias);
      jobs.add(new Job(alias.file(), "redirect", c));
    }
    Map<String, Object> search = context("search", meta("Tìm kiếm", "Tìm bài viết trong kho lưu trữ", SEARCH));
    search.put("years", model.years().stream().map(YearArchive::year).toList());
    search.put("categories", model.categories().stream().map(Taxon::name).toList());
    search.put("organizations", model.organizations().stream()
        .filter(o -> !o.congresses().isEmpty()).map(Organization::name).toList());
    search.put("terms", model.terms().stream().map(TermPage::label).toList());
    jobs.add(new Job(SEARCH + "index.html", "search", search));

    Map<String, Object> notFound = context("none", new Views.PageMeta("Không tìm thấy trang",
        "Trang bạn tìm không có trong kho lưu trữ", "404.html", "website", "", true));
    notFound.put("latest", model.articles().subList(0, Math.min(5, model.articles().size())));
    jobs.add(new Job("404.html", "404", notFound));

    Map<String, Object> robots = new HashMap<>();
    robots.put("site", site);
    jobs.add(new Job("robots.txt", "robots.txt", robots));
    sitemaps(model, jobs);
    return jobs;
  }

  private void paginate(List<Job> jobs, String section, String title, String heading, String description,
      String base, List<ArticlePage> items, Map<String, Object> extra) {
    int total = Math.max(1, (items.size() + pageSize - 1) / pageSize);
    for (int n = 1; n <= total; n++) {
      String path = pagePath(base, n);
      String pageTitle = n == 1 ? title : (base.isEmpty() ? "Trang " + n : title + " — trang " + n);
      Map<String, Object> c = context(section, meta(pageTitle, description, path));
      c.put("heading", heading);
      c.put("items", items.subList((n - 1) * pageSize, Math.min(items.size(), n * pageSize)));
      c.put("count", items.size());
      c.put("pagination", pagination(base, n, total));
      c.put("taxon", null);
      c.put("year", null);
      c.put("month", null);
      c.put("feed", null);
      c.putAll(extra);
      jobs.add(new Job(path + "index.html", "list", c));
    }
  }

  static String pagePath(String base, int n) {
    return n == 1 ? base : base + "page/" + n + "/";
  }

  static Views.Pagination pagination(String base, int current, int total) {
    List<Views.PageLink> pages = new ArrayList<>();
    boolean gap = false;
    for (int n = 1; n <= total; n++) {
      if (n == 1 || n == total || Math.abs(n - current) <= 2) {
        pages.add(new Views.PageLink(n, pagePath(base, n), n == current, false));
        gap = false;
      } else if (!gap) {
        pages.add(new Views.PageLink(0, "", false, true));
        gap = true;
      }
    }
    return new Views.Pagination(current, total, current > 1 ? pagePath(base, current - 1) : "",
        current < total ? pagePath(base, current + 1) : "", pages);
  }

  private Views.Feed feed(String title, String description, String path, String dir, List<ArticlePage> all) {
    List<ArticlePage> items = all.subList(0, Math.min(FEED_SIZE, all.size()));
    OffsetDateTime updated = items.stream()
        .map(a -> a.article().lastmod().orElse(a.article().date()))
        .max(OffsetDateTime::compareTo)
        .orElse(OffsetDateTime.parse("2000-01-01T00:00:00+07:00"));
    return new Views.Feed(title, description, path, dir + "rss.xml", dir + "atom.xml", items, updated);
  }

  private Job feedJob(String kind, Views.Feed feed) {
    Map<String, Object> c = new HashMap<>();
    c.put("site", site);
    c.put("feed", feed);
    return new Job(kind.equals("rss") ? feed.rss() : feed.atom(), kind + ".xml", c);
  }

  private void sitemaps(SiteModel model, List<Job> jobs) {
    List<Views.SitemapEntry> entries = new ArrayList<>();
    entries.add(new Views.SitemapEntry("", model.articles().isEmpty() ? null : model.articles().get(0).article().date()));
    for (ArticlePage a : model.articles()) {
      entries.add(new Views.SitemapEntry(a.path(), a.article().lastmod().orElse(a.article().date())));
    }
    for (String index : List.of(SiteModelBuilder.CATEGORIES, SiteModelBuilder.TAGS, SiteModelBuilder.ORGANIZATIONS,
        SiteModelBuilder.TERMS, SiteModelBuilder.YEARS)) {
      entries.add(new Views.SitemapEntry(index, null));
    }
    model.categories().forEach(t -> entries.add(new Views.SitemapEntry(t.path(), null)));
    model.tags().forEach(t -> entries.add(new Views.SitemapEntry(t.path(), null)));
    for (YearArchive y : model.years()) {
      entries.add(new Views.SitemapEntry(y.path(), null));
      y.months().forEach(m -> entries.add(new Views.SitemapEntry(m.path(), null)));
    }
    model.organizations().forEach(o -> entries.add(new Views.SitemapEntry(o.path(), null)));
    model.terms().forEach(t -> entries.add(new Views.SitemapEntry(t.path(), null)));
    if (entries.size() <= SITEMAP_SIZE) {
      Map<String, Object> c = new HashMap<>();
      c.put("entries", entries);
      jobs.add(new Job("sitemap.xml", "sitemap.xml", c));
      return;
    }
    List<String> parts = new ArrayList<>();
    for (int from = 0, k = 1; from < entries.size(); from += SITEMAP_SIZE, k++) {
      Map<String, Object> c = new HashMap<>();
      c.put("entries", entries.subList(from, Math.min(entries.size(), from + SITEMAP_SIZE)));
      String file = "sitemap-" + k + ".xml";
      parts.add(file);
      jobs.add(new Job(file, "sitemap.xml", c));
    }
    Map<String, Object> c = new HashMap<>();
    c.put("sitemaps", parts);
    jobs.add(new Job("sitemap.xml", "sitemap-index.xml", c));
  }

  /** JSON-LD NewsArticle for an article page: the theme's {@code json_ld(article)}. */
  String jsonLd(ArticlePage a) {
    Map<String, Object> j = new LinkedHashMap<>();
    j.put("@context", "https://schema.org");
    j.put("@type", "NewsArticle");
    j.put("headline", a.title());
    j.put("datePublished", DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(a.article().date()));
    j.put("dateModified", DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(
        a.article().lastmod().orElse(a.article().date())));
    j.put("inLanguage", site.language());
    j.put("url", links.absUrl(a.path()));
    j.put("mainEntityOfPage", links.absUrl(a.path()));
    if (!a.summary().isEmpty()) {
      j.put("description", a.summary());
    }
    if (!a.imagePath().isEmpty()) {
      j.put("image", List.of(links.absUrl(a.imagePath())));
    }
    String author = !a.article().author().isEmpty() ? a.article().author() : a.article().source();
    if (!author.isEmpty()) {
      Map<String, Object> person = new LinkedHashMap<>();
      person.put("@type", "Person");
      person.put("name", author);
      j.put("author", person);
    }
    Map<String, Object> publisher = new LinkedHashMap<>();
    publisher.put("@type", "Organization");
    publisher.put("name", site.title());
    publisher.put("url", site.baseUrl());
    j.put("publisher", publisher);
    if (!a.categories().isEmpty()) {
      j.put("articleSection", a.categories().get(0).name());
    }
    if (!a.tags().isEmpty()) {
      j.put("keywords", a.tags().stream().map(Link::name).toList());
    }
    return Json.write(j);
  }}
