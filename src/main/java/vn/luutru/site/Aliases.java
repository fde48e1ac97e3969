package vn.luutru.site;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
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
    for (String f : PageList.fixedFiles()) {
      claims.file(f, "the page /" + f);
    }
    for (int i = 0; i < articles.size(); i++) {
      claims.file(paths[i] + "index.html", articles.get(i).sourcePath());
    }
    for (String s : staticFiles) {
      // A file that takes a page's address is reported with every other address the templates
      // claim (SiteRenderer.plan); here it only keeps aliases off it.
      claims.file(s, "the file " + contentPrefix + s);
    }
    claims.foldersOfAll((f, owner) -> held(owner, f));
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
                  "alias /"
                      + alias
                      + " is already the address of "
                      + (previous.get().equals(a.sourcePath()) ? "this article" : previous.get())));
          continue;
        }
        Optional<String> outer = claims.outer(file);
        if (outer.isPresent()) {
          String o = claims.owner(outer.get()).orElseThrow();
          diags.add(
              at.error(
                  a.sourcePath(),
                  "alias /"
                      + alias
                      + " is inside /"
                      + outer.get()
                      + ", which is the address of "
                      + (o.equals(a.sourcePath()) ? "this article" : o)
                      + ", not a folder; choose another alias"));
          continue;
        }
        Optional<String> holds = claims.holds(file);
        if (holds.isPresent()) {
          diags.add(
              at.error(
                  a.sourcePath(),
                  "alias /"
                      + alias
                      + " is a folder of the site: it holds "
                      + holds.get()
                      + "; choose another alias"));
          continue;
        }
        claims.file(file, a.sourcePath());
        claims.folders(file, "the redirect page /" + file + " of " + a.sourcePath());
        out.add(new Alias(file, pages.get(i), at));
      }
    }
    out.sort(Comparator.comparing(Alias::file));
    return out;
  }

  /**
   * How a diagnostic names the file at {@code file} that {@code owner} (as in the owners' map)
   * makes.
   */
  private static String held(String owner, String file) {
    return owner.startsWith("the page ") || owner.startsWith("the file ")
        ? owner
        : "the page /" + file + " of " + owner;
  }
}
