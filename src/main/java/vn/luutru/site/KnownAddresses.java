package vn.luutru.site;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import vn.luutru.content.Article;

/**
 * The addresses a site answers besides the files of its content folder: its articles' pages, their
 * old addresses (aliases), and the folders of the pages it makes (lists, archives, search, theme).
 * {@code check} tells by it a link from the site's root that leads nowhere, which a migration
 * leaves behind ({@code /tin-tuc/190.html} when no article has that alias).
 */
final class KnownAddresses {
  /** The first folders of the pages and files the site makes itself. */
  private static final List<String> MADE =
      List.of(
          Addresses.CATEGORIES,
          Addresses.TAGS,
          Addresses.ORGANIZATIONS,
          Addresses.TERMS,
          Addresses.YEARS,
          Addresses.SEARCH,
          "search/",
          "assets/",
          // The home list's later pages (Listing.pagePath); other lists' are inside their folders.
          "page/");

  private static final Set<String> ROOT_FILES =
      Set.of("", "index.html", "rss.xml", "atom.xml", "sitemap.xml", "robots.txt", "404.html");

  static final KnownAddresses NONE = new KnownAddresses(Set.of());

  private final Set<String> pages;

  private KnownAddresses(Set<String> pages) {
    this.pages = pages;
  }

  /** The pages of {@code articles} (their addresses {@code paths}) and their aliases. */
  static KnownAddresses of(List<Article> articles, String[] paths) {
    Set<String> pages = new HashSet<>();
    for (int i = 0; i < articles.size(); i++) {
      pages.add(key(paths[i]));
      for (String alias : articles.get(i).aliases()) {
        pages.add(key(alias));
      }
    }
    return new KnownAddresses(pages);
  }

  /**
   * Whether the site answers {@code path} (from its root, decoded, no leading slash) with a page it
   * makes: an article, an alias, a list, an archive or a file of the theme.
   */
  boolean answers(String path) {
    String key = key(path);
    if (pages.contains(key) || ROOT_FILES.contains(path)) {
      return true;
    }
    for (String made : MADE) {
      if (path.startsWith(made)) {
        return true;
      }
    }
    // Year and month archives (2020/, 2020/03/) and their numbered pages (2020/page/2/), and the
    // parts of a large site's sitemap.
    return key.matches("\\d{4}(/\\d{2})?(/page/\\d+)?") || path.matches("sitemap-[a-z0-9-]+\\.xml");
  }

  private static String key(String path) {
    String p = path.startsWith("/") ? path.substring(1) : path;
    p = p.replaceFirst("(^|/)index\\.html$", "$1");
    return p.endsWith("/") ? p.substring(0, p.length() - 1) : p;
  }
}
