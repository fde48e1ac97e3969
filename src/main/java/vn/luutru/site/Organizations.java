package vn.luutru.site;

import java.text.Collator;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import vn.luutru.content.Article;
import vn.luutru.content.Congress;
import vn.luutru.content.Diagnostic;

/**
 * The party organisations the congress reports name, with their place in the hierarchy (the newest
 * report decides a unit's parent), the terms, and the congress entry of each report. Articles are
 * known by their index in the site's order.
 */
final class Organizations {
  final Map<Integer, CongressEntry> entryByArticle = new HashMap<>();
  final Map<String, List<Integer>> articlesByOrg = new HashMap<>();
  final Map<String, List<Integer>> articlesByFamily = new HashMap<>();
  final Map<Integer, String> orgOfArticle = new HashMap<>();
  final Map<Integer, String> parentOfArticle = new HashMap<>();
  List<Organization> organizations = List.of();
  List<TermPage> terms = List.of();

  private Organizations() {}

  /**
   * Builds the organisations of {@code articles} (in the site's order, at {@code paths}), their
   * terms, and the congress entry of each report; disagreements are added to {@code diags}.
   */
  static Organizations of(
      List<Article> articles, String[] paths, List<Diagnostic> diags, Collator collator) {
    Organizations o = new Organizations();
    Found found = o.read(articles, diags);
    Map<String, List<CongressEntry>> byTerm = new TreeMap<>();
    Map<String, List<CongressEntry>> entriesByOrg = new HashMap<>();
    found.congressesByOrg.forEach(
        (org, idx) -> entriesByOrg.put(org, o.entries(org, idx, articles, paths, found, byTerm)));
    o.organizations = tree(found, entriesByOrg, articles, diags, collator);
    o.terms = terms(byTerm, collator);
    return o;
  }

  /**
   * What the reports say: the reports of each organisation, each one's parent (decided by its
   * newest report) and the spelling each name is shown in.
   */
  private record Found(
      Map<String, List<Integer>> congressesByOrg,
      Map<String, String> parentOf,
      Map<String, String> names) {
    Link link(String slug) {
      return new Link(names.get(slug), Addresses.ORGANIZATIONS + slug + "/");
    }
  }

  /** Reads the congress block of each report; a parent that a newer report contradicts is told. */
  private Found read(List<Article> articles, List<Diagnostic> diags) {
    Spellings spellings = new Spellings();
    Map<String, List<Integer>> congressesByOrg = new TreeMap<>();
    Map<String, Integer> parentDecider = new HashMap<>();
    Map<String, String> parentOf = new HashMap<>();
    for (int i = 0; i < articles.size(); i++) {
      Article a = articles.get(i);
      if (a.congress().isEmpty()) {
        continue;
      }
      Congress c = a.congress().get();
      String org = Taxonomy.slugOf(c.organization());
      spellings.add(org, c.organization());
      congressesByOrg.computeIfAbsent(org, s -> new ArrayList<>()).add(i);
      articlesByOrg.computeIfAbsent(org, s -> new ArrayList<>()).add(i);
      orgOfArticle.put(i, org);
      if (c.parent().isEmpty()) {
        continue;
      }
      String parent = Taxonomy.slugOf(c.parent());
      spellings.add(parent, c.parent());
      parentOfArticle.put(i, parent);
      articlesByFamily.computeIfAbsent(parent, s -> new ArrayList<>()).add(i);
      // The newest report decides the parent (units move between committees); others that
      // disagree are told.
      Integer decider = parentDecider.get(org);
      if (decider == null) {
        parentDecider.put(org, i);
        parentOf.put(org, parent);
      } else if (!parentOf.get(org).equals(parent)) {
        Article newer = articles.get(decider);
        diags.add(
            a.position("congress.parent")
                .warning(
                    a.sourcePath(),
                    Messages.get(
                        "organization.parent-differs",
                        c.parent(),
                        newer.congress().get().parent(),
                        newer.sourcePath())));
      }
    }
    return new Found(congressesByOrg, parentOf, spellings.chosen());
  }

  /**
   * The congress entries of organisation {@code org}, by the day each was held, and each added to
   * its term in {@code byTerm}.
   */
  private List<CongressEntry> entries(
      String org,
      List<Integer> reports,
      List<Article> articles,
      String[] paths,
      Found found,
      Map<String, List<CongressEntry>> byTerm) {
    List<Integer> sorted = new ArrayList<>(reports);
    sorted.sort(
        Comparator.comparing((Integer i) -> heldOrDate(articles.get(i)))
            .thenComparingInt(i -> articles.get(i).congress().get().ordinal())
            .thenComparing(i -> articles.get(i).contentPath()));
    List<CongressEntry> entries = new ArrayList<>();
    for (int i : sorted) {
      Article a = articles.get(i);
      Congress c = a.congress().get();
      String parent = parentOfArticle.get(i);
      CongressEntry e =
          new CongressEntry(
              c,
              found.link(org),
              parent == null ? null : found.link(parent),
              new Link(c.term().label(), Addresses.TERMS + c.term().label() + "/"),
              new ArticleRef(a.title(), paths[i], a.date()));
      entries.add(e);
      entryByArticle.put(i, e);
      byTerm.computeIfAbsent(c.term().label(), t -> new ArrayList<>()).add(e);
    }
    return entries;
  }

  /**
   * Every organisation named, by name, with its ancestors and children; a loop of parents is cut
   * and told.
   */
  private static List<Organization> tree(
      Found found,
      Map<String, List<CongressEntry>> entriesByOrg,
      List<Article> articles,
      List<Diagnostic> diags,
      Collator collator) {
    Map<String, String> parentOf = found.parentOf;
    Map<String, List<Link>> children = new HashMap<>();
    parentOf.forEach(
        (child, parent) ->
            children.computeIfAbsent(parent, p -> new ArrayList<>()).add(found.link(child)));
    List<Organization> orgs = new ArrayList<>();
    for (String slug : found.names.keySet()) {
      List<Link> ancestors = new ArrayList<>();
      Set<String> seen = new HashSet<>(List.of(slug));
      for (String p = parentOf.get(slug); p != null; p = parentOf.get(p)) {
        if (!seen.add(p)) {
          diags.add(
              Diagnostic.warning(
                  articles.get(found.congressesByOrg.get(slug).get(0)).sourcePath(),
                  0,
                  0,
                  Messages.get("organization.parent-loop", found.names.get(p)),
                  ""));
          break;
        }
        ancestors.add(0, found.link(p));
      }
      List<Link> kids = new ArrayList<>(children.getOrDefault(slug, List.of()));
      kids.sort(Comparator.comparing(Link::name, collator));
      String parent = parentOf.get(slug);
      orgs.add(
          new Organization(
              found.names.get(slug),
              slug,
              Addresses.ORGANIZATIONS + slug + "/",
              parent == null || ancestors.isEmpty() ? null : found.link(parent),
              ancestors,
              kids,
              entriesByOrg.getOrDefault(slug, List.of())));
    }
    orgs.sort(Comparator.comparing(Organization::name, collator).thenComparing(Organization::slug));
    return orgs;
  }

  /** The term pages, newest first, each with its congresses by date, then organisation. */
  private static List<TermPage> terms(Map<String, List<CongressEntry>> byTerm, Collator collator) {
    List<TermPage> terms = new ArrayList<>();
    byTerm.forEach(
        (label, entries) -> {
          List<CongressEntry> sorted = new ArrayList<>(entries);
          sorted.sort(
              Comparator.comparing(
                      (CongressEntry e) ->
                          e.congress().held().orElse(e.report().date().toLocalDate()))
                  .thenComparing(e -> e.organization().name(), collator));
          terms.add(
              new TermPage(sorted.get(0).congress().term(), Addresses.TERMS + label + "/", sorted));
        });
    terms.sort(Comparator.comparing(TermPage::term).reversed());
    return terms;
  }

  private static LocalDate heldOrDate(Article a) {
    return a.congress().flatMap(Congress::held).orElse(a.date().toLocalDate());
  }
}
