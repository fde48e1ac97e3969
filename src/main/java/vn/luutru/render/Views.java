package vn.luutru.render;

import java.time.OffsetDateTime;
import java.util.List;
import vn.luutru.config.Agency;
import vn.luutru.config.MenuItem;
import vn.luutru.site.ArticlePage;

/** The small records templates see besides the site model's own. */
public final class Views {
  private Views() {}

  /**
   * The site as every page sees it: {@code site.title}, {@code site.agency.name}, {@code
   * site.menu}, …
   *
   * @param logo the path in the site of the agency's logo, empty for none
   * @param agency the agency block of the footer ({@code site.agency.empty} when none is set)
   * @param menu the main menu, empty for the theme's own
   */
  public record SiteInfo(
      String title,
      String description,
      String baseUrl,
      String basePath,
      String language,
      String logo,
      Agency agency,
      List<MenuItem> menu) {
    public SiteInfo {
      menu = List.copyOf(menu);
    }

    /** A site with no logo, no agency block and the theme's own menu. */
    public SiteInfo(
        String title, String description, String baseUrl, String basePath, String language) {
      this(title, description, baseUrl, basePath, language, "", Agency.NONE, List.of());
    }
  }

  /**
   * What the page's {@code <head>} needs besides its title and description, which its template
   * words: its path (for the canonical link), OpenGraph type, image path (empty when none) and
   * whether robots should skip it.
   */
  public record PageMeta(String path, String type, String image, boolean noindex) {}

  /**
   * Links between the pages of one list: its own address ({@code current} 0, at {@code newest}) and
   * its numbered pages, counted from the oldest. {@code newer} is the page with the next newer
   * articles (set on numbered pages only; the own address for the highest), {@code older} the page
   * with the next older ones (empty when none); {@code pages} is empty when the own address shows
   * the whole list. Nothing here tells how many pages there are, so that a numbered page does not
   * change when an article is added.
   */
  public record Pagination(
      int current, String newest, String newer, String older, List<PageLink> pages) {
    public Pagination {
      pages = List.copyOf(pages);
    }
  }

  /**
   * One link of a pager: numbered page {@code number}, or the list's own address when {@code
   * number} is 0; {@code gap} stands for pages left out ({@code …}).
   */
  public record PageLink(int number, String path, boolean current, boolean gap) {}

  /**
   * A feed: the category it is of (empty for the whole site's), the page it belongs to, its own
   * files, its newest items.
   */
  public record Feed(
      String category,
      String path,
      String rss,
      String atom,
      List<ArticlePage> items,
      OffsetDateTime updated) {}
}
