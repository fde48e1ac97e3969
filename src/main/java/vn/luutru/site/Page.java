package vn.luutru.site;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * One file of the site that a template makes: its path in the site ({@code file}), what it shows,
 * and what it is made from ({@link Inputs}, worked out from what it shows when asked). {@link
 * PageList} holds every one of them.
 */
public sealed interface Page {
  /** The file's path in the site, such as {@code 2020/01/dai-hoi/index.html}. */
  String file();

  /** What the page is made from. */
  Inputs inputs();

  /** The address a link to the page uses: its folder for {@code …/index.html}, else the file. */
  default String address() {
    String file = file();
    if (file.equals("index.html")) {
      return "";
    }
    return file.endsWith("/index.html")
        ? file.substring(0, file.length() - "index.html".length())
        : file;
  }

  /** An article's page. */
  record OfArticle(String file, ArticlePage article) implements Page {
    /** The article and those it lists as related; the names of its lists but its archives. */
    @Override
    public Inputs inputs() {
      Set<String> shown = new HashSet<>();
      shown.add(article.path());
      article.related().forEach(r -> shown.add(r.path()));
      Set<String> names = new HashSet<>(PageList.listsOf(article));
      names.remove("");
      names.remove(article.year().path());
      names.remove(article.month().path());
      return new Inputs(shown, Set.of(), names);
    }
  }

  /**
   * A list's own address ({@code number} 0) or its numbered page {@code number}, counted from the
   * oldest; the list has {@code total} numbered pages.
   */
  record OfList(String file, Listing listing, int number, int total) implements Page {
    /** The whole list: its own address shows its newest, a numbered page its place in it. */
    @Override
    public Inputs inputs() {
      return listing.inputs();
    }
  }

  /** A list's RSS or Atom feed. */
  record OfFeed(String file, Listing listing, FeedFormat format) implements Page {
    @Override
    public Inputs inputs() {
      return listing.inputs();
    }

    /** The two kinds of feed. */
    public enum FeedFormat {
      RSS,
      ATOM
    }
  }

  /** An organisation's page: its place in the hierarchy and its congresses. */
  record OfOrganization(String file, Organization organization) implements Page {
    /** Its own congresses, and the names of the organisations above and below it. */
    @Override
    public Inputs inputs() {
      Set<String> names = new HashSet<>();
      organization.ancestors().forEach(l -> names.add(l.path()));
      organization.children().forEach(l -> names.add(l.path()));
      return new Inputs(Set.of(), Set.of(organization.path()), names);
    }
  }

  /** The page of one term: the congresses held for it. */
  record OfTerm(String file, TermPage term) implements Page {
    /** Its congresses, and the names of their organisations. */
    @Override
    public Inputs inputs() {
      Set<String> names = new HashSet<>();
      term.congresses().forEach(e -> names.add(e.organization().path()));
      return new Inputs(Set.of(), Set.of(term.path()), names);
    }
  }

  /** An old address that redirects to its article. */
  record OfAlias(String file, Alias alias) implements Page {
    @Override
    public Inputs inputs() {
      return new Inputs(Set.of(alias.target().path()), Set.of(), Set.of());
    }
  }

  /** A page made from the model as a whole: an index of categories, the search page, 404 … */
  record Whole(String file, WholeKind kind, Inputs inputs) implements Page {}

  /** Which page made from the model as a whole. */
  enum WholeKind {
    CATEGORIES,
    TAGS,
    YEARS,
    ORGANIZATIONS,
    TERMS,
    SEARCH,
    NOT_FOUND,
    ROBOTS
  }

  /**
   * A sitemap, or one part of a large site's: {@code inputs} are the lists whose articles' dates it
   * shows.
   */
  record OfSitemap(String file, List<SitemapEntry> entries, Inputs inputs) implements Page {
    public OfSitemap {
      entries = List.copyOf(entries);
    }
  }

  /** The sitemap that names the parts ({@code parts}, their files) of a large site's sitemap. */
  record SitemapIndex(String file, List<String> parts) implements Page {
    public SitemapIndex {
      parts = List.copyOf(parts);
    }

    @Override
    public Inputs inputs() {
      return Inputs.lists(Set.of(""));
    }
  }
}
