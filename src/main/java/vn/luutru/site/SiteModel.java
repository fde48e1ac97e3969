package vn.luutru.site;

import java.util.List;
import vn.luutru.content.Diagnostic;

/**
 * The whole archive, ready to render. Lists are sorted: articles newest first (ties by source
 * path), taxonomies by Vietnamese name, years newest first, organisations by name, terms newest
 * first.
 */
public record SiteModel(
    List<ArticlePage> articles,
    List<Taxon> categories,
    List<Taxon> tags,
    List<YearArchive> years,
    List<Organization> organizations,
    List<TermPage> terms,
    List<Alias> aliases,
    List<String> staticFiles,
    List<Diagnostic> diagnostics) {

  public SiteModel {
    articles = List.copyOf(articles);
    categories = List.copyOf(categories);
    tags = List.copyOf(tags);
    years = List.copyOf(years);
    organizations = List.copyOf(organizations);
    terms = List.copyOf(terms);
    aliases = List.copyOf(aliases);
    staticFiles = List.copyOf(staticFiles);
    diagnostics = List.copyOf(diagnostics);
  }

  /** The organisations with no parent, where the hierarchy starts. */
  public List<Organization> rootOrganizations() {
    return organizations.stream().filter(o -> o.parent() == null).toList();
  }
}
