package vn.luutru.site;

import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * A list of articles, newest first: the home page, a category, a tag, a year or a month. Its own
 * address shows the newest articles; when they do not all fit, numbered pages counted from the
 * oldest hold them all, so that a new article changes only the newest numbered page (and, when it
 * starts one, the page before it). It decides the addresses of its pages and of its feeds.
 *
 * @param path its own address ({@code chuyen-muc/thoi-su/}; empty for the home)
 * @param taxon the category or tag it lists, if it lists one
 * @param year the year it lists, or the month's year
 */
public record Listing(
    Kind kind,
    String path,
    List<ArticlePage> articles,
    Optional<Taxon> taxon,
    Optional<YearArchive> year,
    Optional<YearArchive.MonthArchive> month) {

  /** What the list is of. */
  public enum Kind {
    HOME,
    CATEGORY,
    TAG,
    YEAR,
    MONTH
  }

  public Listing {
    articles = List.copyOf(articles);
  }

  static Listing home(List<ArticlePage> articles) {
    return new Listing(
        Kind.HOME, "", articles, Optional.empty(), Optional.empty(), Optional.empty());
  }

  static Listing of(Kind kind, Taxon t) {
    return new Listing(
        kind, t.path(), t.articles(), Optional.of(t), Optional.empty(), Optional.empty());
  }

  static Listing of(YearArchive y) {
    return new Listing(
        Kind.YEAR, y.path(), y.articles(), Optional.empty(), Optional.of(y), Optional.empty());
  }

  static Listing of(YearArchive y, YearArchive.MonthArchive m) {
    return new Listing(
        Kind.MONTH, m.path(), m.articles(), Optional.empty(), Optional.of(y), Optional.of(m));
  }

  /** The key that names the list in {@link Inputs}: its path. */
  public String key() {
    return path;
  }

  /** What its pages and feeds are made from: the list as a whole, and its name. */
  Inputs inputs() {
    Set<String> key = Set.of(key());
    return new Inputs(Set.of(), key, taxon.isPresent() ? key : Set.of());
  }

  /**
   * The number of numbered pages ({@code page/1/} …) it takes at {@code pageSize} articles a page:
   * none when its own address shows every article, else enough for all of them.
   */
  public int pages(int pageSize) {
    int n = articles.size();
    return n <= pageSize ? 0 : (n + pageSize - 1) / pageSize;
  }

  /** The address of numbered page {@code n} (from 1, the oldest): {@code page/n/} in its folder. */
  public String pagePath(int n) {
    return path + "page/" + n + "/";
  }

  /** The newest {@code pageSize} articles, which its own address shows. */
  public List<ArticlePage> newest(int pageSize) {
    return articles.subList(0, Math.min(articles.size(), pageSize));
  }

  /**
   * The articles of numbered page {@code n}, newest first. Pages count from the oldest: page 1
   * holds the oldest {@code pageSize}, and only the highest, with the newest rest, gains articles
   * as the list grows.
   */
  public List<ArticlePage> page(int n, int pageSize) {
    int size = articles.size();
    int to = size - (n - 1) * pageSize;
    return articles.subList(Math.max(0, to - pageSize), to);
  }

  public String rss() {
    return path + "rss.xml";
  }

  public String atom() {
    return path + "atom.xml";
  }
}
