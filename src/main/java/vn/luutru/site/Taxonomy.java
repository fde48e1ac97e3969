package vn.luutru.site;

import java.text.Collator;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import vn.luutru.content.Article;
import vn.luutru.content.VietnameseText;

/**
 * The articles of each category, or of each tag, grouped by the slug of the name; each group is
 * shown under its most common spelling (see {@link Spellings}).
 */
final class Taxonomy {
  /** By slug, the articles' indexes in the site's order. */
  private final Map<String, List<Integer>> members = new TreeMap<>();

  private final Map<String, String> names;
  private final Collator collator;

  private Taxonomy(
      Map<String, List<Integer>> members, Map<String, String> names, Collator collator) {
    this.members.putAll(members);
    this.names = names;
    this.collator = collator;
  }

  /** Groups {@code articles} (in the site's order) by the names {@code key} gives each. */
  static Taxonomy of(
      List<Article> articles, Function<Article, List<String>> key, Collator collator) {
    Map<String, List<Integer>> members = new TreeMap<>();
    Spellings spellings = new Spellings();
    for (int i = 0; i < articles.size(); i++) {
      Set<String> seen = new HashSet<>();
      for (String name : key.apply(articles.get(i))) {
        String slug = slugOf(name);
        spellings.add(slug, name);
        if (seen.add(slug)) {
          members.computeIfAbsent(slug, s -> new ArrayList<>()).add(i);
        }
      }
    }
    return new Taxonomy(members, spellings.chosen(), collator);
  }

  /** The slug of a category, tag or organisation name: {@code khong-ten} when it has none. */
  static String slugOf(String name) {
    String slug = VietnameseText.slug(name);
    return slug.isEmpty() ? "khong-ten" : slug;
  }

  /** The articles named {@code name} (any spelling), in the site's order; empty when none. */
  List<Integer> members(String name) {
    return members.getOrDefault(slugOf(name), List.of());
  }

  /** Links to the pages of {@code names} under {@code root}, each once. */
  List<Link> links(List<String> names, String root) {
    List<Link> out = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    for (String name : names) {
      String slug = slugOf(name);
      if (seen.add(slug)) {
        out.add(new Link(this.names.get(slug), root + slug + "/"));
      }
    }
    return out;
  }

  /** The pages under {@code root}, by Vietnamese name; {@code pages} in the site's order. */
  List<Taxon> taxa(List<ArticlePage> pages, String root) {
    List<Taxon> out = new ArrayList<>();
    members.forEach(
        (slug, idx) ->
            out.add(
                new Taxon(
                    names.get(slug),
                    slug,
                    root + slug + "/",
                    idx.stream().map(pages::get).toList())));
    out.sort(Comparator.comparing(Taxon::name, collator).thenComparing(Taxon::slug));
    return out;
  }
}
