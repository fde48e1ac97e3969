package vn.luutru.site;

import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * A list of articles, newest first, shown over numbered pages: the home page, a category, a tag, a
 * year or a month. It decides the addresses of its pages and of its feeds.
 *
 * @param path the address of its first page ({@code chuyen-muc/thoi-su/}; empty for the home)
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

  /** The number of pages of {@code pageSize} articles it takes; one when it is empty. */
  public int pages(int pageSize) {
    return Math.max(1, (articles.size() + pageSize - 1) / pageSize);
  }

  /** The address of page {@code n} (from 1): the list's own for the first, {@code page/n/}. */
  public String pagePath(int n) {
    return n == 1 ? path : path + "page/" + n + "/";
  }

  /** The articles of page {@code n} (from 1). */
  public List<ArticlePage> page(int n, int pageSize) {
    return articles.subList((n - 1) * pageSize, Math.min(articles.size(), n * pageSize));
  }

  public String rss() {
    return path + "rss.xml";
  }

  public String atom() {
    return path + "atom.xml";
  }
}
