package vn.luutru.render;

import io.pebbletemplates.pebble.PebbleEngine;
import io.pebbletemplates.pebble.error.PebbleException;
import io.pebbletemplates.pebble.template.PebbleTemplate;
import java.io.IOException;
import java.io.UncheckedIOException;
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
import vn.luutru.internal.Json;
import vn.luutru.site.Alias;
import vn.luutru.site.ArticlePage;
import vn.luutru.site.Claims;
import vn.luutru.site.Link;
import vn.luutru.site.Listing;
import vn.luutru.site.Organization;
import vn.luutru.site.Page;
import vn.luutru.site.PageList;
import vn.luutru.site.SiteModel;
import vn.luutru.site.Taxon;
import vn.luutru.site.TermPage;
import vn.luutru.site.YearArchive;

/**
 * Renders every file of the site from the model through one Pebble engine, in parallel. The engine
 * is built once per renderer with auto-escaping on and strict variables, so that a typo in a
 * template is an error rather than an empty string; article bodies come in as {@link Utf8Html},
 * already cleaned.
 */
public final class SiteRenderer {
  static final int FEED_SIZE = 20;

  /** A page's bytes to begin with: most article pages of the sample theme take 10 to 16 KB. */
  private static final int PAGE_BYTES = 16 * 1024;

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
  public SiteRenderer(
      Views.SiteInfo site, int pageSize, Optional<Path> templatesDir, String shownTemplates) {
    this(site, pageSize, templatesDir, shownTemplates, "");
  }

  /**
   * @param contentPrefix how diagnostics name the content folder ({@code content/}), for files of
   *     it that take the address of a page
   */
  public SiteRenderer(
      Views.SiteInfo site,
      int pageSize,
      Optional<Path> templatesDir,
      String shownTemplates,
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
    return new SiteRenderer(
        new Views.SiteInfo(
            config.title(),
            config.description(),
            config.baseUrl(),
            config.basePath(),
            config.language(),
            config.logo(),
            config.agency(),
            config.menu()),
        config.pageSize(),
        config.templatesDir(),
        config.templatesDir().map(Path::toString).orElse("templates"),
        config.contentPrefix());
  }

  /** One file to render: its path in the site, its template, and what the template sees. */
  public record Job(String file, String template, View view) {}

  /**
   * Every file of the site that a template makes, by path, without rendering any: the preview
   * server renders each when it is asked for.
   */
  public Plan plan(SiteModel model) throws IOException {
    Map<String, Job> out = new java.util.HashMap<>();
    Set<String> assets = theme.assets().keySet();
    List<Diagnostic> collisions = new ArrayList<>();
    PageList pages = PageList.of(model, pageSize);
    for (Job job : jobs(model, pages)) {
      Job previous = out.putIfAbsent(job.file(), job);
      if (previous != null
          && previous.template().equals("article")
          && job.template().equals("article")) {
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
        collisions.add(
            Diagnostic.error(
                contentPrefix + file, 0, 0, Messages.get("render.static-clashes", file), ""));
      } else if (file.startsWith("search/")) {
        // The search index is written there, file names decided as it is built.
        collisions.add(
            Diagnostic.error(
                contentPrefix + file, 0, 0, Messages.get("render.static-in-search"), ""));
      }
    }
    collisions.addAll(aliasesNested(out, assets, model.staticFiles()));
    return new Plan(pages, out, collisions);
  }

  /**
   * Aliases whose address is inside a file the site makes (a list's feed, a file of the theme), or
   * is a folder holding one: an address is a file or a folder, never both. The model has kept
   * aliases off its fixed pages, articles and the content folder's files already.
   */
  private List<Diagnostic> aliasesNested(
      Map<String, Job> jobs, Set<String> assets, List<String> statics) {
    List<Alias> aliases = aliases(jobs);
    if (aliases.isEmpty()) {
      return List.of();
    }
    Claims claims = new Claims();
    jobs.keySet().forEach(f -> claims.file(f, Messages.get("render.the-page", address(f))));
    assets.forEach(f -> claims.file(f, Messages.get("render.the-theme-file", f)));
    statics.forEach(f -> claims.file(f, Messages.get("render.the-file", contentPrefix + f)));
    claims.foldersOfAll((f, owner) -> owner);
    List<Diagnostic> out = new ArrayList<>();
    for (Alias a : aliases) {
      String shown = address(a.file());
      String source = a.target().article().sourcePath();
      Optional<String> outer = claims.outer(a.file());
      Optional<String> holds = claims.holds(a.file());
      if (outer.isPresent()) {
        out.add(
            a.at()
                .error(
                    source,
                    Messages.get(
                        "render.alias-inside",
                        shown,
                        outer.get(),
                        claims.owner(outer.get()).orElseThrow())));
      } else if (holds.isPresent()) {
        out.add(a.at().error(source, Messages.get("render.alias-holds", shown, holds.get())));
      }
    }
    return out;
  }

  /** The aliases among {@code jobs}. */
  private static List<Alias> aliases(Map<String, Job> jobs) {
    return jobs.values().stream()
        .map(Job::view)
        .filter(View.OfAlias.class::isInstance)
        .map(v -> ((View.OfAlias) v).alias())
        .sorted(java.util.Comparator.comparing(Alias::file))
        .toList();
  }

  private static String address(String file) {
    return file.endsWith("/index.html")
        ? file.substring(0, file.length() - "index.html".length())
        : file;
  }

  /** The site's pages, the job that renders each (by path), and the addresses claimed twice. */
  public record Plan(PageList pages, Map<String, Job> jobs, List<Diagnostic> collisions) {}

  private static Diagnostic collision(Job job, String file, Job other) {
    if (other != null
        && !(job.view() instanceof View.OfAlias)
        && other.view() instanceof View.OfAlias) {
      return collision(other, file, job);
    }
    String what =
        other == null
            ? Messages.get(file.startsWith("search/") ? "render.the-index" : "render.the-theme")
            : Messages.get("render.the-page", address(file));
    if (job.view() instanceof View.OfAlias v) {
      Alias a = v.alias();
      return a.at()
          .error(
              a.target().article().sourcePath(),
              Messages.get("render.alias-taken", address(a.file()), what));
    }
    return Diagnostic.error(file, 0, 0, Messages.get("render.two-pages", file), "");
  }

  /** Renders one planned file, or gives the template error as a diagnostic. */
  public byte[] renderOne(Job job) throws RenderException {
    PageWriter out = new PageWriter(PAGE_BYTES);
    try {
      engine.getTemplate(job.template()).evaluate(out, Contexts.of(job.view()));
    } catch (PebbleException e) {
      throw new RenderException(templateError(e, job.template()));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
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
   * Renders the whole site into {@code sink}. Returns the template errors (each once), empty when
   * every file was written.
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
                PageWriter out = new PageWriter(PAGE_BYTES);
                try {
                  compiled.get(job.template()).evaluate(out, Contexts.of(job.view()));
                } catch (PebbleException e) {
                  Diagnostic d = templateError(e, job.template());
                  if (errors.add(d.headline())) {
                    diags.add(d);
                  }
                  return;
                } catch (IOException e) {
                  throw new UncheckedIOException(e);
                } catch (RuntimeException e) {
                  Diagnostic d =
                      Diagnostic.error(
                          templatePath(job.template()),
                          0,
                          0,
                          Messages.get("render.failed", job.file(), e),
                          "");
                  if (errors.add(d.headline())) {
                    diags.add(d);
                  }
                  return;
                }
                try {
                  sink.write(job.file(), out.toByteArray());
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
    return Diagnostic.sorted(diags);
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
    return Diagnostic.error(
        templatePath(file.substring(file.lastIndexOf('/') + 1)),
        line,
        1,
        Messages.get("render.template", message),
        "");
  }

  private Views.PageMeta meta(String path) {
    return new Views.PageMeta(path, "website", "", false);
  }

  /** The template and view of every page of {@code pages}, in the list's order. */
  private List<Job> jobs(SiteModel model, PageList pages) {
    List<Job> jobs = new ArrayList<>(pages.pages().size());
    for (Page page : pages.pages()) {
      jobs.add(job(model, page));
    }
    return jobs;
  }

  private Job job(SiteModel model, Page page) {
    String file = page.file();
    if (page instanceof Page.OfArticle p) {
      ArticlePage a = p.article();
      Views.PageMeta meta = new Views.PageMeta(a.path(), "article", a.imagePath(), false);
      return new Job(
          file,
          "article",
          new View.OfArticle(site, meta, "article", a, new Utf8Html(a.htmlUtf8())));
    } else if (page instanceof Page.OfList p) {
      return new Job(file, "list", list(model, p));
    } else if (page instanceof Page.OfFeed p) {
      String template = p.format() == Page.OfFeed.FeedFormat.RSS ? "rss.xml" : "atom.xml";
      return new Job(file, template, new View.OfFeed(site, feed(p.listing())));
    } else if (page instanceof Page.OfOrganization p) {
      return new Job(
          file,
          "organization",
          new View.OfOrganization(site, meta(p.address()), "organizations", p.organization()));
    } else if (page instanceof Page.OfTerm p) {
      return new Job(file, "term", new View.OfTerm(site, meta(p.address()), "terms", p.term()));
    } else if (page instanceof Page.OfAlias p) {
      Alias alias = p.alias();
      Views.PageMeta meta = new Views.PageMeta(alias.target().path(), "article", "", true);
      return new Job(
          file, "redirect", new View.OfAlias(site, meta, "article", alias.target(), alias));
    } else if (page instanceof Page.OfSitemap p) {
      return new Job(file, "sitemap.xml", new View.OfSitemap(p.entries()));
    } else if (page instanceof Page.SitemapIndex p) {
      return new Job(file, "sitemap-index.xml", new View.OfSitemapIndex(p.parts()));
    }
    return whole(model, (Page.Whole) page);
  }

  private Job whole(SiteModel model, Page.Whole page) {
    String file = page.file();
    Views.PageMeta meta = meta(page.address());
    return switch (page.kind()) {
      case CATEGORIES ->
          new Job(
              file,
              "taxonomies",
              new View.OfTaxonomies(site, meta, "categories", "categories", model.categories()));
      case TAGS ->
          new Job(
              file, "taxonomies", new View.OfTaxonomies(site, meta, "tags", "tags", model.tags()));
      case YEARS -> new Job(file, "years", new View.OfYears(site, meta, "time", model.years()));
      case ORGANIZATIONS -> {
        Map<String, Organization> byPath = new LinkedHashMap<>();
        model.organizations().forEach(o -> byPath.put(o.path(), o));
        yield new Job(
            file,
            "organizations",
            new View.OfOrganizations(
                site,
                meta,
                "organizations",
                model.rootOrganizations(),
                byPath,
                model.organizations()));
      }
      case TERMS -> new Job(file, "terms", new View.OfTerms(site, meta, "terms", model.terms()));
      case SEARCH ->
          new Job(
              file,
              "search",
              new View.OfSearch(
                  site,
                  meta,
                  "search",
                  model.years().stream().map(YearArchive::year).toList(),
                  model.categories().stream().map(Taxon::name).toList(),
                  model.organizations().stream()
                      .filter(o -> !o.congresses().isEmpty())
                      .map(Organization::name)
                      .toList(),
                  model.terms().stream().map(TermPage::label).toList()));
      case NOT_FOUND ->
          new Job(
              file,
              "404",
              new View.OfNotFound(
                  site,
                  new Views.PageMeta(file, "website", "", true),
                  "none",
                  model.articles().subList(0, Math.min(5, model.articles().size()))));
      case ROBOTS -> new Job(file, "robots.txt", new View.OfRobots(site));
    };
  }

  /** One page of a list; its template words the title and heading after what it lists. */
  private View.OfList list(SiteModel model, Page.OfList page) {
    Listing listing = page.listing();
    int n = page.number();
    String section =
        switch (listing.kind()) {
          case HOME -> "home";
          case CATEGORY -> "categories";
          case TAG -> "tags";
          case YEAR, MONTH -> "time";
        };
    boolean fed = listing.kind() == Listing.Kind.HOME || listing.kind() == Listing.Kind.CATEGORY;
    boolean own = n == 0;
    List<ArticlePage> items = own ? listing.newest(pageSize) : listing.page(n, pageSize);
    boolean front = listing.kind() == Listing.Kind.HOME && own && !items.isEmpty();
    return new View.OfList(
        site,
        meta(own ? listing.path() : listing.pagePath(n)),
        section,
        listing.kind().name().toLowerCase(Locale.ROOT),
        items,
        listing.articles().size(),
        pagination(listing, n, page.total()),
        listing.taxon(),
        listing.year(),
        listing.month(),
        fed ? Optional.of(feed(listing)) : Optional.empty(),
        front ? Optional.of(Front.of(model, items)) : Optional.empty());
  }

  /**
   * The pager of the list's own address ({@code current} 0) or of its numbered page {@code
   * current}, of {@code total}. A numbered page links to its two neighbours, the oldest page and
   * the own address only, which depend on nothing but its number and whether it is the newest: a
   * new article leaves it as it was. The own address links to the pages just older than what it
   * shows, and to the oldest.
   */
  static Views.Pagination pagination(Listing listing, int current, int total) {
    List<Views.PageLink> pages = new ArrayList<>();
    if (total == 0) {
      return new Views.Pagination(0, listing.path(), "", "", pages);
    }
    pages.add(new Views.PageLink(0, listing.path(), current == 0, false));
    // The own address shows the newest articles, the highest page only some of them: it starts
    // below it.
    int high = current == 0 ? total - 1 : Math.min(current + 1, total);
    int low = current == 0 ? total - 2 : current - 1;
    for (int n = high; n >= Math.max(1, low); n--) {
      pages.add(new Views.PageLink(n, listing.pagePath(n), n == current, false));
    }
    if (low > 2) {
      pages.add(new Views.PageLink(0, "", false, true));
    }
    if (low > 1) {
      pages.add(new Views.PageLink(1, listing.pagePath(1), false, false));
    }
    String newer =
        current == 0 ? "" : current < total ? listing.pagePath(current + 1) : listing.path();
    String older =
        current == 0
            ? listing.pagePath(total - 1)
            : current > 1 ? listing.pagePath(current - 1) : "";
    return new Views.Pagination(current, listing.path(), newer, older, pages);
  }

  /** The feed of a list: its newest articles; a category's names the category. */
  private Views.Feed feed(Listing listing) {
    String category =
        listing.kind() == Listing.Kind.CATEGORY ? listing.taxon().orElseThrow().name() : "";
    List<ArticlePage> all = listing.articles();
    List<ArticlePage> items = all.subList(0, Math.min(FEED_SIZE, all.size()));
    OffsetDateTime updated =
        items.stream()
            .map(a -> a.article().lastmod().orElse(a.article().date()))
            .max(OffsetDateTime::compareTo)
            .orElse(OffsetDateTime.parse("2000-01-01T00:00:00+07:00"));
    return new Views.Feed(category, listing.path(), listing.rss(), listing.atom(), items, updated);
  }

  /** JSON-LD NewsArticle for an article page: the theme's {@code json_ld(article)}. */
  String jsonLd(ArticlePage a) {
    Map<String, Object> j = new LinkedHashMap<>();
    j.put("@context", "https://schema.org");
    j.put("@type", "NewsArticle");
    j.put("headline", a.title());
    j.put("datePublished", DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(a.article().date()));
    j.put(
        "dateModified",
        DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(
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
  }
}
