package vn.luutru.site;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
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
    // Keyed by the address in lower case: a site copied to a server whose file names ignore case
    // (Windows, macOS) would put /Tin/1.html and /tin/1.html in one file.
    Map<String, String> owner = new HashMap<>();
    for (String f : PageList.fixedFiles()) {
      owner.put(Addresses.fold(f), "the page /" + f);
    }
    for (int i = 0; i < articles.size(); i++) {
      owner.put(Addresses.fold(paths[i] + "index.html"), articles.get(i).sourcePath());
    }
    for (String s : staticFiles) {
      // A file that takes a page's address is reported with every other address the templates
      // claim (SiteRenderer.plan); here it only keeps aliases off it.
      owner.putIfAbsent(Addresses.fold(s), "the file " + contentPrefix + s);
    }
    // An address is a file or a folder, never both: each folder of the site, with what it holds.
    Map<String, String> holds = new HashMap<>();
    for (String f : new TreeSet<>(owner.keySet())) {
      addFolders(holds, f, held(owner.get(f), f));
    }
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
        String previous = owner.get(Addresses.fold(file));
        if (previous != null) {
          diags.add(
              at.error(
                  a.sourcePath(),
                  "alias /"
                      + alias
                      + " is already the address of "
                      + (previous.equals(a.sourcePath()) ? "this article" : previous)));
          continue;
        }
        Optional<String> outer =
            Addresses.folders(file).stream()
                .filter(f -> owner.containsKey(Addresses.fold(f)))
                .findFirst();
        if (outer.isPresent()) {
          String o = owner.get(Addresses.fold(outer.get()));
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
        if (holds.containsKey(Addresses.fold(file))) {
          diags.add(
              at.error(
                  a.sourcePath(),
                  "alias /"
                      + alias
                      + " is a folder of the site: it holds "
                      + holds.get(Addresses.fold(file))
                      + "; choose another alias"));
          continue;
        }
        owner.put(Addresses.fold(file), a.sourcePath());
        addFolders(holds, file, "the redirect page /" + file + " of " + a.sourcePath());
        out.add(new Alias(file, pages.get(i), at));
      }
    }
    out.sort(Comparator.comparing(Alias::file));
    return out;
  }

  /**
   * Records that each folder of {@code file} holds {@code what}, unless it holds something already.
   */
  private static void addFolders(Map<String, String> holds, String file, String what) {
    for (String folder : Addresses.folders(file)) {
      holds.putIfAbsent(Addresses.fold(folder), what);
    }
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
