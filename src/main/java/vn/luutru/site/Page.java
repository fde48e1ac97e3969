package vn.luutru.site;

import java.util.List;

/**
 * One file of the site that a template makes: its path in the site ({@code file}), what it
 * shows, and what it is made from ({@link Inputs}). {@link PageList} holds every one of them.
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
  record OfArticle(String file, ArticlePage article, Inputs inputs) implements Page {}

  /** Page {@code number} (from 1) of {@code total} of a list of articles. */
  record OfList(String file, Listing listing, int number, int total, Inputs inputs)
      implements Page {}

  /** A list's RSS or Atom feed. */
  record OfFeed(String file, Listing listing, FeedFormat format, Inputs inputs) implements Page {
    /** The two kinds of feed. */
    public enum FeedFormat {
      RSS,
      ATOM
    }
  }

  /** An organisation's page: its place in the hierarchy and its congresses. */
  record OfOrganization(String file, Organization organization, Inputs inputs) implements Page {}

  /** The page of one term: the congresses held for it. */
  record OfTerm(String file, TermPage term, Inputs inputs) implements Page {}

  /** An old address that redirects to its article. */
  record OfAlias(String file, Alias alias, Inputs inputs) implements Page {}

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

  /** A sitemap, or one part of it when the site has more addresses than one sitemap holds. */
  record OfSitemap(String file, List<SitemapEntry> entries, Inputs inputs) implements Page {
    public OfSitemap {
      entries = List.copyOf(entries);
    }
  }

  /** The sitemap that names the parts ({@code parts}, their files) of a large site's sitemap. */
  record SitemapIndex(String file, List<String> parts, Inputs inputs) implements Page {
    public SitemapIndex {
      parts = List.copyOf(parts);
    }
  }
}
