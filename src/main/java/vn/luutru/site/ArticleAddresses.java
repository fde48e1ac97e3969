package vn.luutru.site;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import vn.luutru.content.Article;
import vn.luutru.content.Diagnostic;
import vn.luutru.content.VietnameseText;

/**
 * Articles' addresses: {@code yyyy/mm/slug/}, and how two articles that ask for one address are
 * told apart.
 */
final class ArticleAddresses {
  private ArticleAddresses() {}

  /**
   * The address an article asks for, without the final slash: {@code yyyy/mm/} and its slug, or the
   * folded title when it sets none. {@code cache} may be null.
   */
  static String wanted(Article a, BodyCache cache) {
    String slug =
        a.slug()
            .orElseGet(
                () ->
                    cache == null
                        ? VietnameseText.slug(a.title())
                        : cache.slugs.computeIfAbsent(a.title(), VietnameseText::slug));
    if (slug.isEmpty()) {
      slug = "bai-viet";
    }
    return a.date().getYear() + "/" + Addresses.twoDigits(a.date().getMonthValue()) + "/" + slug;
  }

  /**
   * The path of each of {@code articles}, which ask for {@code bases} (see {@link #wanted}): the
   * first by source path keeps an address, the next get {@code -2}, {@code -3} … with a warning,
   * unless one of them set its slug, which is an error.
   */
  static String[] assign(List<Article> articles, String[] bases, List<Diagnostic> diags) {
    int n = articles.size();
    String[] paths = new String[n];
    Map<String, List<Integer>> byBase = new TreeMap<>();
    for (int i = 0; i < n; i++) {
      byBase.computeIfAbsent(bases[i], k -> new ArrayList<>()).add(i);
    }
    Set<String> taken = new HashSet<>(byBase.keySet());
    List<Map.Entry<String, List<Integer>>> clashes = new ArrayList<>();
    for (Map.Entry<String, List<Integer>> e : byBase.entrySet()) {
      List<Integer> group = e.getValue();
      group.sort(Comparator.comparing(i -> articles.get(i).contentPath()));
      paths[group.get(0)] = e.getKey() + "/";
      if (group.size() > 1) {
        clashes.add(e);
      }
    }
    for (Map.Entry<String, List<Integer>> e : clashes) {
      List<Integer> group = e.getValue();
      Article first = articles.get(group.get(0));
      boolean anyExplicit = group.stream().anyMatch(i -> articles.get(i).slug().isPresent());
      for (int k = 1; k < group.size(); k++) {
        Article a = articles.get(group.get(k));
        if (anyExplicit) {
          Article explicit = a.slug().isPresent() ? a : first;
          Article other = explicit == a ? first : a;
          diags.add(
              explicit
                  .position("slug")
                  .error(
                      explicit.sourcePath(),
                      Messages.get("address.duplicate-slug", e.getKey(), other.sourcePath())));
          paths[group.get(k)] = e.getKey() + "/";
          continue;
        }
        String candidate;
        int suffix = k + 1;
        do {
          candidate = e.getKey() + "-" + suffix++;
        } while (!taken.add(candidate));
        paths[group.get(k)] = candidate + "/";
        diags.add(
            a.position("title")
                .warning(
                    a.sourcePath(),
                    Messages.get("address.same-title", e.getKey(), first.sourcePath(), candidate)));
      }
    }
    return paths;
  }
}
