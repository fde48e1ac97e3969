package vn.luutru.site;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import vn.luutru.site.Page.OfFeed.FeedFormat;
import vn.luutru.site.Page.WholeKind;

/**
 * Every page of the site, each with its address and what it is made from: the one list that
 * rendering, the preview and the search page read. Lists are split into pages of {@code pageSize}
 * articles. The order is stable: articles, the home list and its feeds, categories, tags, archives,
 * organisations, terms, aliases, then the search page, 404, robots and sitemap.
 *
 * <pre>{@code
 * PageList pages = PageList.of(model, 10);
 * List<Page> touched = pages.touchedBy(Set.of("2020/dai-hoi.md"));
 * }</pre>
 */
public record PageList(List<Page> pages) {
  /** A sitemap names at most this many addresses (the protocol's limit). */
  static final int SITEMAP_SIZE = 50_000;

  /**
   * A site of more addresses than this has its sitemap in parts: the lists in one, the articles of
   * each month in their own, so that a new article rewrites its month's part and not every address.
   */
  static final int SITEMAP_WHOLE = 2_000;

  private static final int LATEST = 5;

  public PageList {
    pages = List.copyOf(pages);
  }

  /** The pages of {@code model} with lists of {@code pageSize} articles a page. */
  public static PageList of(SiteModel model, int pageSize) {
    return of(model, pageSize, SITEMAP_WHOLE, SITEMAP_SIZE);
  }

  /**
   * As {@link #of(SiteModel, int)}, with a sitemap in parts past {@code sitemapWhole} addresses, of
   * at most {@code sitemapSize} each.
   */
  static PageList of(SiteModel model, int pageSize, int sitemapWhole, int sitemapSize) {
    return new PageListMaker(model, pageSize, sitemapWhole, sitemapSize).make();
  }

  /**
   * The files every site has whatever its articles, which no article or alias may take: the pages
   * of an empty model and the search index's own files.
   */
  static List<String> fixedFiles() {
    SiteModel empty =
        new SiteModel(
            List.of(), List.of(), List.of(), List.of(), List.of(), List.of(), List.of(), List.of(),
            List.of());
    return Stream.concat(
            of(empty, 1).pages().stream().map(Page::file), Addresses.SEARCH_FILES.stream())
        .toList();
  }

  /**
   * The pages made from any of the articles at {@code sources} (content paths): their own pages,
   * the pages that show them one by one, and the pages of every list they are in. A source this
   * model does not have touches nothing; ask the models before and after a change to have both
   * sides. Pages that only show a list's name are {@link #naming}'s answer.
   */
  public List<Page> touchedBy(Set<String> sources) {
    Set<String> articles = new HashSet<>();
    Set<String> lists = new HashSet<>();
    for (Page p : pages) {
      if (p instanceof Page.OfArticle a && sources.contains(a.article().article().contentPath())) {
        articles.add(a.article().path());
        lists.addAll(listsOf(a.article()));
      }
    }
    if (articles.isEmpty()) {
      return List.of();
    }
    return pages.stream()
        .filter(
            p -> {
              Inputs in = p.inputs();
              return intersects(in.articles(), articles) || intersects(in.lists(), lists);
            })
        .toList();
  }

  /** The pages that show the name of any list with a key in {@code keys}. */
  public List<Page> naming(Set<String> keys) {
    return pages.stream().filter(p -> intersects(p.inputs().names(), keys)).toList();
  }

  private static boolean intersects(Set<String> a, Set<String> b) {
    Set<String> small = a.size() <= b.size() ? a : b;
    Set<String> large = small == a ? b : a;
    return small.stream().anyMatch(large::contains);
  }

  /** The keys of the lists the article at {@code page} is in (see {@link Inputs#lists()}). */
  static Set<String> listsOf(ArticlePage page) {
    Set<String> out = new HashSet<>();
    out.add("");
    page.categories().forEach(l -> out.add(l.path()));
    page.tags().forEach(l -> out.add(l.path()));
    out.add(page.year().path());
    out.add(page.month().path());
    CongressEntry c = page.congress();
    if (c != null) {
      out.add(c.organization().path());
      if (c.parent() != null) {
        out.add(c.parent().path());
      }
      out.add(c.term().path());
    }
    return out;
  }

  /** Builds the list in its order. */
  private static final class PageListMaker {
    private final SiteModel model;
    private final int pageSize;
    private final int sitemapWhole;
    private final int sitemapSize;
    private final List<Page> out = new ArrayList<>();

    PageListMaker(SiteModel model, int pageSize, int sitemapWhole, int sitemapSize) {
      this.model = model;
      this.pageSize = pageSize;
      this.sitemapWhole = sitemapWhole;
      this.sitemapSize = sitemapSize;
    }

    PageList make() {
      for (ArticlePage a : model.articles()) {
        out.add(new Page.OfArticle(a.path() + "index.html", a));
      }
      listWithFeeds(Listing.home(model.articles()));
      for (Taxon t : model.categories()) {
        listWithFeeds(Listing.of(Listing.Kind.CATEGORY, t));
      }
      for (Taxon t : model.tags()) {
        list(Listing.of(Listing.Kind.TAG, t));
      }
      whole(Addresses.CATEGORIES, WholeKind.CATEGORIES, Inputs.lists(paths(model.categories())));
      whole(Addresses.TAGS, WholeKind.TAGS, Inputs.lists(paths(model.tags())));
      Set<String> times = new HashSet<>();
      for (YearArchive y : model.years()) {
        list(Listing.of(y));
        times.add(y.path());
        for (YearArchive.MonthArchive m : y.months()) {
          list(Listing.of(y, m));
          times.add(m.path());
        }
      }
      whole(Addresses.YEARS, WholeKind.YEARS, Inputs.lists(times));
      for (Organization o : model.organizations()) {
        out.add(new Page.OfOrganization(o.path() + "index.html", o));
      }
      Set<String> orgs =
          model.organizations().stream().map(Organization::path).collect(Collectors.toSet());
      whole(Addresses.ORGANIZATIONS, WholeKind.ORGANIZATIONS, Inputs.lists(orgs));
      Set<String> terms = new HashSet<>();
      for (TermPage t : model.terms()) {
        out.add(new Page.OfTerm(t.path() + "index.html", t));
        terms.add(t.path());
      }
      whole(Addresses.TERMS, WholeKind.TERMS, Inputs.lists(terms));
      for (Alias alias : model.aliases()) {
        out.add(new Page.OfAlias(alias.file(), alias));
      }
      Set<String> facets = new HashSet<>(times);
      facets.addAll(paths(model.categories()));
      facets.addAll(orgs);
      facets.addAll(terms);
      whole(Addresses.SEARCH, WholeKind.SEARCH, Inputs.lists(facets));
      Set<String> latest =
          model.articles().stream()
              .limit(LATEST)
              .map(ArticlePage::path)
              .collect(Collectors.toSet());
      out.add(
          new Page.Whole("404.html", WholeKind.NOT_FOUND, new Inputs(latest, Set.of(), Set.of())));
      out.add(new Page.Whole("robots.txt", WholeKind.ROBOTS, Inputs.NONE));
      sitemaps();
      return new PageList(out);
    }

    private void listWithFeeds(Listing listing) {
      list(listing);
      out.add(new Page.OfFeed(listing.rss(), listing, FeedFormat.RSS));
      out.add(new Page.OfFeed(listing.atom(), listing, FeedFormat.ATOM));
    }

    private void list(Listing listing) {
      int total = listing.pages(pageSize);
      out.add(new Page.OfList(listing.path() + "index.html", listing, 0, total));
      for (int n = 1; n <= total; n++) {
        out.add(new Page.OfList(listing.pagePath(n) + "index.html", listing, n, total));
      }
    }

    private void whole(String folder, WholeKind kind, Inputs inputs) {
      out.add(new Page.Whole(folder + "index.html", kind, inputs));
    }

    private static Set<String> paths(List<Taxon> taxa) {
      return taxa.stream().map(Taxon::path).collect(Collectors.toSet());
    }

    private void sitemaps() {
      List<SitemapEntry> lists = new ArrayList<>();
      List<ArticlePage> articles = model.articles();
      lists.add(new SitemapEntry("", articles.isEmpty() ? null : articles.get(0).article().date()));
      for (String index :
          List.of(
              Addresses.CATEGORIES,
              Addresses.TAGS,
              Addresses.ORGANIZATIONS,
              Addresses.TERMS,
              Addresses.YEARS)) {
        lists.add(new SitemapEntry(index, null));
      }
      model.categories().forEach(t -> lists.add(new SitemapEntry(t.path(), null)));
      model.tags().forEach(t -> lists.add(new SitemapEntry(t.path(), null)));
      for (YearArchive y : model.years()) {
        lists.add(new SitemapEntry(y.path(), null));
        y.months().forEach(m -> lists.add(new SitemapEntry(m.path(), null)));
      }
      model.organizations().forEach(o -> lists.add(new SitemapEntry(o.path(), null)));
      model.terms().forEach(t -> lists.add(new SitemapEntry(t.path(), null)));
      if (lists.size() + articles.size() <= sitemapWhole) {
        List<SitemapEntry> all = new ArrayList<>(lists.subList(0, 1));
        articles.forEach(a -> all.add(entry(a)));
        all.addAll(lists.subList(1, lists.size()));
        out.add(new Page.OfSitemap("sitemap.xml", all, Inputs.lists(Set.of(""))));
        return;
      }
      List<String> parts = new ArrayList<>();
      part("sitemap-danh-sach", lists, Inputs.lists(Set.of("")), parts);
      for (YearArchive y : model.years()) {
        for (YearArchive.MonthArchive m : y.months()) {
          List<SitemapEntry> month = m.articles().stream().map(PageListMaker::entry).toList();
          String name =
              String.format(java.util.Locale.ROOT, "sitemap-%d-%02d", y.year(), m.month());
          part(name, month, Inputs.lists(Set.of(m.path())), parts);
        }
      }
      out.add(new Page.SitemapIndex("sitemap.xml", parts));
    }

    /** One part of the sitemap, or several of {@code sitemapSize} addresses when it has more. */
    private void part(String name, List<SitemapEntry> entries, Inputs inputs, List<String> parts) {
      if (entries.size() <= sitemapSize) {
        parts.add(name + ".xml");
        out.add(new Page.OfSitemap(name + ".xml", entries, inputs));
        return;
      }
      for (int from = 0, k = 1; from < entries.size(); from += sitemapSize, k++) {
        String file = name + "-" + k + ".xml";
        parts.add(file);
        out.add(
            new Page.OfSitemap(
                file, entries.subList(from, Math.min(entries.size(), from + sitemapSize)), inputs));
      }
    }

    private static SitemapEntry entry(ArticlePage a) {
      return new SitemapEntry(a.path(), a.article().lastmod().orElse(a.article().date()));
    }
  }
}
