package vn.luutru.publish;

import java.util.Comparator;

/**
 * The order files reach the target in, so that a page never links to a file not yet there:
 * everything that is not a page (styles, scripts, photos, the search index's parts) first, then
 * article pages, then the other pages (lists, archives, organisations), and last the files that
 * lead to all the others: the home page, the search index's entry, feeds, the sitemap and {@code
 * robots.txt}.
 */
final class PublishOrder {
  private PublishOrder() {}

  /** How many ranks there are. */
  static final int RANKS = 4;

  static final Comparator<String> ORDER =
      Comparator.comparingInt(PublishOrder::rank).thenComparing(Comparator.naturalOrder());

  /** 0 for files that are not pages, 1 for articles, 2 for other pages, 3 for entry points. */
  static int rank(String path) {
    String name = path.substring(path.lastIndexOf('/') + 1);
    boolean top = path.indexOf('/') < 0;
    boolean entry = name.endsWith(".html") || name.endsWith(".xml") || name.endsWith(".txt");
    if (top && entry
        || name.equals("rss.xml")
        || name.equals("atom.xml")
        || path.equals("search/index.json")) {
      return 3;
    }
    if (!name.endsWith(".html")) {
      return 0;
    }
    return isArticle(path) ? 1 : 2;
  }

  /** Articles live at {@code YYYY/MM/slug/index.html}. */
  private static boolean isArticle(String path) {
    String[] p = path.split("/");
    return p.length == 4
        && p[0].length() == 4
        && p[0].chars().allMatch(Character::isDigit)
        && p[1].length() == 2
        && p[1].chars().allMatch(Character::isDigit);
  }
}
