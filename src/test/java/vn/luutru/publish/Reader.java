package vn.luutru.publish;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * A reader of a published site: follows every link, style, script and image from the home page, as
 * a visitor's browser would, and names those that lead to no file.
 */
final class Reader {
  private Reader() {}

  /**
   * {@code page → link} for each link of a page reachable from the home page that leads nowhere.
   */
  static List<String> brokenLinks(Path root, String prefix) {
    List<String> broken = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    Deque<String> queue = new ArrayDeque<>(List.of("index.html"));
    seen.add("index.html");
    while (!queue.isEmpty()) {
      String page = queue.poll();
      Document doc;
      try {
        doc = Jsoup.parse(Files.readString(root.resolve(page), StandardCharsets.UTF_8));
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      for (Element e : doc.select("a[href], link[href], script[src], img[src]")) {
        String link = e.hasAttr("href") ? e.attr("href") : e.attr("src");
        if (!link.startsWith(prefix)) {
          continue;
        }
        String path = link.substring(prefix.length()).replaceAll("[#?].*", "");
        path = URLDecoder.decode(path, StandardCharsets.UTF_8);
        if (path.isEmpty() || path.endsWith("/")) {
          path = path + "index.html";
        }
        if (!Files.isRegularFile(root.resolve(path))) {
          broken.add(page + " → " + link);
        } else if (path.endsWith(".html") && seen.add(path)) {
          queue.add(path);
        }
      }
    }
    return broken;
  }
}
