package vn.luutru.site;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.IntStream;
import vn.luutru.content.Article;
import vn.luutru.content.Diagnostic;
import vn.luutru.content.Position;

/**
 * Old addresses that redirect to articles. An address is a file or a folder, never both: an alias
 * may not take the address of a page, a file of the content folder or another alias, lie inside
 * one, or be a folder that holds one.
 */
final class Aliases {
  private Aliases() {}

  /**
   * The redirect pages of {@code articles} (in the site's order, at {@code paths}, shown as {@code
   * pages}), each checked against every other address of the site; an alias that takes one, lies
   * inside one or holds one is an error added to {@code diags} and left out.
   */
  static List<Alias> of(
      List<Article> articles,
      List<ArticlePage> pages,
      String[] paths,
      List<String> staticFiles,
      String contentPrefix,
      List<Diagnostic> diags) {
    if (articles.stream().allMatch(a -> a.aliases().isEmpty())) {
      return new ArrayList<>();
    }
    Claims claims = new Claims();
    // The owners named as a page or file already; an article's file is named by its path.
    Set<String> named = new HashSet<>();
    for (String f : PageList.fixedFiles()) {
      String owner = Messages.get("owner.page", f);
      named.add(owner);
      claims.file(f, owner);
    }
    for (int i = 0; i < articles.size(); i++) {
      claims.file(paths[i] + "index.html", articles.get(i).sourcePath());
    }
    for (String s : staticFiles) {
      // A file that takes a page's address is reported with every other address the templates
      // claim (SiteRenderer.plan); here it only keeps aliases off it.
      String owner = Messages.get("owner.file", contentPrefix + s);
      named.add(owner);
      claims.file(s, owner);
    }
    claims.foldersOfAll(
        (f, owner) -> named.contains(owner) ? owner : Messages.get("owner.page-of", f, owner));
    List<Alias> out = new ArrayList<>();
    List<Integer> bySource = new ArrayList<>(IntStream.range(0, articles.size()).boxed().toList());
    bySource.sort(Comparator.comparing(i -> articles.get(i).contentPath()));
    for (int i : bySource) {
      Article a = articles.get(i);
      for (int k = 0; k < a.aliases().size(); k++) {
        String alias = a.aliases().get(k);
        String last = alias.substring(alias.lastIndexOf('/') + 1);
        String file =
            alias.endsWith("/")
                ? alias + "index.html"
                : last.contains(".") ? alias : alias + "/index.html";
        Position at = a.position("aliases." + k);
        Optional<String> previous = claims.owner(file);
        if (previous.isPresent()) {
          diags.add(
              at.error(
                  a.sourcePath(),
                  Messages.get(
                      "alias.taken",
                      alias,
                      previous.get().equals(a.sourcePath())
                          ? Messages.get("owner.this-article")
                          : previous.get())));
          continue;
        }
        Optional<String> outer = claims.outer(file);
        if (outer.isPresent()) {
          String o = claims.owner(outer.get()).orElseThrow();
          diags.add(
              at.error(
                  a.sourcePath(),
                  Messages.get(
                      "alias.inside-page",
                      alias,
                      outer.get(),
                      o.equals(a.sourcePath()) ? Messages.get("owner.this-article") : o)));
          continue;
        }
        Optional<String> holds = claims.holds(file);
        if (holds.isPresent()) {
          diags.add(at.error(a.sourcePath(), Messages.get("alias.folder", alias, holds.get())));
          continue;
        }
        claims.file(file, a.sourcePath());
        claims.folders(file, Messages.get("owner.redirect", file, a.sourcePath()));
        out.add(new Alias(file, pages.get(i), at));
      }
    }
    out.sort(Comparator.comparing(Alias::file));
    return out;
  }
}
