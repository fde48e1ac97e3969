package vn.luutru.render;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import vn.luutru.site.Alias;
import vn.luutru.site.ArticlePage;
import vn.luutru.site.Organization;
import vn.luutru.site.SitemapEntry;
import vn.luutru.site.Taxon;
import vn.luutru.site.TermPage;
import vn.luutru.site.YearArchive;

/**
 * What one template sees: one record per template, whose components are the template's variables by
 * name ({@link Contexts} makes Pebble's map of them).
 */
public sealed interface View {

  /** {@code article}: an article's page; {@code content} is its body, cleaned HTML. */
  record OfArticle(
      Views.SiteInfo site,
      Views.PageMeta page,
      String section,
      ArticlePage article,
      Utf8Html content)
      implements View {}

  /**
   * {@code list}: one page of a list of articles. {@code kind} is {@code home}, {@code category},
   * {@code tag}, {@code year} or {@code month}; {@code items} are the articles of this page and
   * {@code count} those of the whole list. {@code front} is set on the home's own address only,
   * when the archive has articles. A numbered page ({@code pagination.current} above 0) stays as it
   * was when an article is added as long as it shows nothing that grows with the list, such as
   * {@code count}.
   */
  record OfList(
      Views.SiteInfo site,
      Views.PageMeta page,
      String section,
      String kind,
      List<ArticlePage> items,
      int count,
      Views.Pagination pagination,
      Optional<Taxon> taxon,
      Optional<YearArchive> year,
      Optional<YearArchive.MonthArchive> month,
      Optional<Views.Feed> feed,
      Optional<Front> front)
      implements View {}

  /** {@code rss.xml} and {@code atom.xml}: a list's feed. */
  record OfFeed(Views.SiteInfo site, Views.Feed feed) implements View {}

  /** {@code organization}: one organisation and its congresses. */
  record OfOrganization(
      Views.SiteInfo site, Views.PageMeta page, String section, Organization organization)
      implements View {}

  /** {@code term}: the congresses of one term. */
  record OfTerm(Views.SiteInfo site, Views.PageMeta page, String section, TermPage term)
      implements View {}

  /** {@code redirect}: an alias's page, sending readers on to {@code target}. */
  record OfAlias(
      Views.SiteInfo site, Views.PageMeta page, String section, ArticlePage target, Alias alias)
      implements View {}

  /** {@code sitemap.xml}: the addresses of one part of the site. */
  record OfSitemap(List<SitemapEntry> entries) implements View {}

  /** {@code sitemap-index.xml}: the files of a large site's sitemap. */
  record OfSitemapIndex(List<String> sitemaps) implements View {}

  /** {@code taxonomies}: every category ({@code kind} {@code categories}) or tag ({@code tags}). */
  record OfTaxonomies(
      Views.SiteInfo site, Views.PageMeta page, String section, String kind, List<Taxon> taxa)
      implements View {}

  /** {@code years}: every year and month that has articles. */
  record OfYears(Views.SiteInfo site, Views.PageMeta page, String section, List<YearArchive> years)
      implements View {}

  /**
   * {@code organizations}: the tree of organisations from {@code roots}; {@code byPath} finds each
   * by its path.
   */
  record OfOrganizations(
      Views.SiteInfo site,
      Views.PageMeta page,
      String section,
      List<Organization> roots,
      Map<String, Organization> byPath,
      List<Organization> organizations)
      implements View {}

  /** {@code terms}: every term that has congresses. */
  record OfTerms(Views.SiteInfo site, Views.PageMeta page, String section, List<TermPage> terms)
      implements View {}

  /** {@code search}: the search page, with the values its filters offer. */
  record OfSearch(
      Views.SiteInfo site,
      Views.PageMeta page,
      String section,
      List<Integer> years,
      List<String> categories,
      List<String> organizations,
      List<String> terms)
      implements View {}

  /** {@code 404}: the page for addresses the site does not have, with the newest articles. */
  record OfNotFound(
      Views.SiteInfo site, Views.PageMeta page, String section, List<ArticlePage> latest)
      implements View {}

  /** {@code robots.txt}. */
  record OfRobots(Views.SiteInfo site) implements View {}
}
