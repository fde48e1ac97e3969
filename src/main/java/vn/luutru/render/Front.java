package vn.luutru.render;

import java.time.OffsetDateTime;
import java.util.Comparator;
import java.util.List;
import vn.luutru.site.ArticlePage;
import vn.luutru.site.CongressEntry;
import vn.luutru.site.Organization;
import vn.luutru.site.SiteModel;
import vn.luutru.site.Taxon;
import vn.luutru.site.TermPage;

/**
 * What the front page (the home list's own address) shows besides its list: the lead story, the
 * other articles of the page, the latest congresses, and ways in to categories, organisations and
 * terms. Every article of the page is either {@code lead} or in {@code latest}, in date order but
 * the lead.
 *
 * @param lead the newest article of the page that has a photo, or the newest when none has
 * @param latest the page's other articles, newest first
 * @param congresses the congresses held last, newest first (by the day held, else the report's)
 * @param categories the categories, by name
 * @param organizations the organisations at the top of the hierarchy, by name
 * @param terms the terms, newest first
 */
public record Front(
    ArticlePage lead,
    List<ArticlePage> latest,
    List<CongressEntry> congresses,
    List<Taxon> categories,
    List<Organization> organizations,
    List<TermPage> terms) {
  /** How many congresses the front page shows; the terms page has them all. */
  static final int CONGRESSES = 6;

  /** How many terms, categories and organisations it links to at most. */
  static final int TERMS = 6;

  static final int CATEGORIES = 12;
  static final int ORGANIZATIONS = 8;

  public Front {
    latest = List.copyOf(latest);
    congresses = List.copyOf(congresses);
    categories = List.copyOf(categories);
    organizations = List.copyOf(organizations);
    terms = List.copyOf(terms);
  }

  /**
   * The front page of {@code model} whose list shows {@code page}, which is not empty.
   *
   * @throws IllegalArgumentException when {@code page} is empty
   */
  static Front of(SiteModel model, List<ArticlePage> page) {
    if (page.isEmpty()) {
      throw new IllegalArgumentException(Messages.get("render.front-needs-article"));
    }
    ArticlePage lead =
        page.stream().filter(a -> a.thumbnail().isPresent()).findFirst().orElse(page.get(0));
    List<ArticlePage> latest = page.stream().filter(a -> a != lead).toList();
    List<CongressEntry> congresses =
        model.organizations().stream()
            .flatMap(o -> o.congresses().stream())
            .sorted(
                Comparator.comparing(Front::held).reversed().thenComparing(e -> e.report().path()))
            .limit(CONGRESSES)
            .toList();
    return new Front(
        lead,
        latest,
        congresses,
        first(model.categories(), CATEGORIES),
        first(model.rootOrganizations(), ORGANIZATIONS),
        first(model.terms(), TERMS));
  }

  /** When a congress was held: its day, else the date of its report. */
  private static OffsetDateTime held(CongressEntry e) {
    return e.congress()
        .held()
        .map(d -> d.atStartOfDay().atOffset(e.report().date().getOffset()))
        .orElse(e.report().date());
  }

  private static <T> List<T> first(List<T> list, int n) {
    return list.subList(0, Math.min(n, list.size()));
  }
}
