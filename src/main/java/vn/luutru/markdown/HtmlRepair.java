package vn.luutru.markdown;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import vn.luutru.content.SitePath;

/**
 * Makes a cleaned body of raw HTML valid HTML: what the safelist lets through is safe, but pages
 * pasted from old websites also bring markup that no browser minds and the HTML standard forbids.
 * Applied after jsoup's {@code Cleaner}, on the body of the cleaned document.
 *
 * <ul>
 *   <li>Nesting: an inline element or a paragraph around blocks ({@code <b><p>…</p></b>}) is
 *       unwrapped; blocks inside a heading are unwrapped; a list's stray content goes into its
 *       previous item (a nested list written beside its item) or a new one; items outside a list
 *       get one; a {@code dl} that is not pairs of terms and definitions becomes {@code div}s;
 *       empty table rows go; a {@code figcaption} moves to the end of its figure.
 *   <li>Headings start at level 2 under the page's title and never skip a level.
 *   <li>Attributes: {@code align} on table cells becomes a class ({@code align-right}); ids lose
 *       whitespace and take a suffix when another element or the page has them; numbers and
 *       keywords that are not valid ({@code colspan="0"}, {@code width="100%"}, {@code
 *       dir="sideways"}, {@code lang="vietnamese"}, unknown {@code rel} words) are dropped, or kept
 *       as far as they are valid ({@code height="200px"} → {@code 200}).
 *   <li>Addresses in {@code href}, {@code src} and {@code cite} are percent-encoded where they hold
 *       spaces and other characters a URL may not.
 *   <li>An image without an address becomes its alternative text; one without alternative text gets
 *       an empty one. {@code strike} becomes {@code s}.
 * </ul>
 */
final class HtmlRepair {
  private static final String PHRASING =
      "b, i, em, strong, span, u, s, small, sub, sup, mark, abbr, q, code, cite";
  private static final String FLOW =
      "blockquote, div, dl, dt, dd, h1, h2, h3, h4, h5, h6, hr, li, ol, ul, p, pre, "
          + "table, caption, thead, tbody, tfoot, tr, td, th, figure, figcaption, section";
  private static final Set<String> PHRASING_TAGS = Set.of(PHRASING.split(",\\s*"));
  private static final Set<String> FLOW_TAGS = Set.of(FLOW.split(",\\s*"));
  private static final Set<String> HEADINGS = Set.of("h1", "h2", "h3", "h4", "h5", "h6");
  private static final Pattern INTEGER = Pattern.compile("-?[0-9]+");
  private static final Pattern PIXELS =
      Pattern.compile("([0-9]+)(?:px)?", Pattern.CASE_INSENSITIVE);
  private static final Set<String> REL =
      Set.of(
          "nofollow",
          "noopener",
          "noreferrer",
          "external",
          "help",
          "license",
          "next",
          "prev",
          "tag",
          "author",
          "bookmark");
  private static final Set<String> LANGUAGES = Set.of(Locale.getISOLanguages());
  private static final Set<String> COUNTRIES = Set.of(Locale.getISOCountries());

  private HtmlRepair() {}

  /** Repairs {@code body} in place; {@code reservedIds} are ids the page around it already uses. */
  static void repair(Element body, Set<String> reservedIds) {
    body.select("strike").tagName("s");
    nesting(body);
    lists(body);
    definitionLists(body);
    tables(body);
    for (Element figure : body.select("figure")) {
      Element caption = figure.selectFirst("> figcaption");
      if (caption != null
          && caption != figure.child(0)
          && caption != figure.child(figure.childrenSize() - 1)) {
        figure.appendChild(caption);
      }
    }
    headings(body);
    attributes(body, reservedIds);
    images(body);
  }

  private static final Set<String> TABLE_PARTS =
      Set.of("caption", "colgroup", "thead", "tbody", "tfoot", "tr");
  private static final Set<String> CELLS = Set.of("td", "th");

  /**
   * What stands in a table but in no cell (text, a paragraph) is moved before the table, as
   * browsers show it; rows without cells go. Each element's children are looked at once.
   */
  private static void tables(Element body) {
    for (Element e : body.select("table, thead, tbody, tfoot, tr")) {
      String tag = e.normalName();
      List<Node> kept = new ArrayList<>(e.childNodeSize());
      List<Node> strays = new ArrayList<>();
      boolean dropped = false;
      for (Node child : e.childNodes()) {
        boolean fits =
            child instanceof TextNode t
                ? t.isBlank()
                : !(child instanceof Element c)
                    || switch (tag) {
                      case "table" -> TABLE_PARTS.contains(c.normalName());
                      case "tr" -> CELLS.contains(c.normalName());
                      default -> c.normalName().equals("tr");
                    };
        if (fits && child instanceof Element c && c.normalName().equals("tr") && !hasCell(c)) {
          dropped = true;
        } else if (fits) {
          kept.add(child);
        } else {
          strays.add(child);
        }
      }
      if (dropped || !strays.isEmpty()) {
        e.empty();
        e.appendChildren(kept);
        Element table = tag.equals("table") ? e : e.closest("table");
        if (!strays.isEmpty() && table != null && table.parent() != null) {
          // All at once: one at a time would shift the table's siblings for each.
          table.parent().insertChildren(table.siblingIndex(), strays);
        }
      }
    }
  }

  private static boolean hasCell(Element tr) {
    for (Element c : tr.children()) {
      if (CELLS.contains(c.normalName())) {
        return true;
      }
    }
    return false;
  }

  /** Inline elements around blocks are unwrapped, innermost first; blocks in headings too. */
  private static void nesting(Element body) {
    // Which elements hold a block is found once, children before parents: unwrapping an inline
    // element leaves its blocks inside the same ancestors. (A search under every inline element
    // took seconds on raw HTML nested thousands deep.)
    List<Element> all = body.getAllElements();
    Set<Element> holdsBlock =
        java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
    for (int i = all.size() - 1; i > 0; i--) {
      Element e = all.get(i);
      if (FLOW_TAGS.contains(e.normalName()) || holdsBlock.contains(e)) {
        holdsBlock.add(e.parent());
      }
    }
    for (int i = all.size() - 1; i > 0; i--) {
      Element e = all.get(i);
      // A paragraph holds no block either: the cleaner leaves one in another when it takes out an
      // element it does not allow (<p>a <button>b</p><p>c</p>).
      if ((PHRASING_TAGS.contains(e.normalName()) || e.normalName().equals("p"))
          && holdsBlock.contains(e)) {
        e.unwrap();
      }
    }
    for (Element heading : body.select("h1, h2, h3, h4, h5, h6")) {
      List<Element> blocks = new ArrayList<>(heading.select(FLOW));
      blocks.remove(heading);
      for (int i = blocks.size() - 1; i >= 0; i--) {
        Element block = blocks.get(i);
        if (block.tagName().equals("hr")) {
          block.remove();
        } else {
          block.unwrap();
        }
      }
    }
  }

  /**
   * A list holds only items: anything else goes into the item before it (how old editors wrote
   * nested lists) or, before the first item, into a new one. Items outside a list get a {@code ul}
   * around each run of them.
   */
  private static void lists(Element body) {
    for (Element list : body.select("ul, ol")) {
      Element previous = null;
      for (Node child : new ArrayList<>(list.childNodes())) {
        if (child instanceof Element e && e.tagName().equals("li")) {
          previous = e;
        } else if (child instanceof TextNode t && t.isBlank()) {
          continue;
        } else {
          if (previous == null) {
            previous = new Element("li");
            child.before(previous);
          }
          previous.appendChild(child);
        }
      }
    }
    for (Element li : body.select("li")) {
      Element parent = li.parent();
      if (parent == null || parent.tagName().equals("ul") || parent.tagName().equals("ol")) {
        continue;
      }
      Element ul = new Element("ul");
      li.before(ul);
      Node n = ul.nextSibling();
      while (n != null
          && (n instanceof Element e && e.tagName().equals("li")
              || n instanceof TextNode t && t.isBlank())) {
        Node next = n.nextSibling();
        ul.appendChild(n);
        n = next;
      }
    }
  }

  /**
   * A {@code dl} must be groups of {@code dt}s then {@code dd}s; otherwise it becomes {@code div}s.
   */
  private static void definitionLists(Element body) {
    for (Element dl : body.select("dl")) {
      List<Element> children = dl.children();
      boolean valid =
          !children.isEmpty()
              && children.get(0).tagName().equals("dt")
              && children.get(children.size() - 1).tagName().equals("dd")
              && children.stream()
                  .allMatch(c -> c.tagName().equals("dt") || c.tagName().equals("dd"))
              && dl.textNodes().stream().allMatch(TextNode::isBlank);
      if (!valid) {
        dl.tagName("div");
        dl.select("> dt, > dd").tagName("div");
      }
    }
    for (Element d : body.select("dt, dd")) {
      if (d.parent() == null || !d.parent().tagName().equals("dl")) {
        d.tagName("div");
      }
    }
  }

  /**
   * Level 2 at most under the page's {@code h1}, and one level deeper at most than the heading
   * before.
   */
  private static void headings(Element body) {
    int previous = 1;
    for (Element h : body.select("h1, h2, h3, h4, h5, h6")) {
      int level = Math.min(Math.max(h.tagName().charAt(1) - '0', 2), previous + 1);
      if (level != h.tagName().charAt(1) - '0') {
        h.tagName("h" + level);
      }
      previous = level;
    }
  }

  /** An id without spaces, not yet in {@code ids} (a number is added when it is). */
  private static void uniqueId(Element e, UniqueIds ids) {
    if (!e.hasAttr("id")) {
      return;
    }
    String id = e.attr("id").strip().replaceAll("\\s+", "-");
    if (id.isEmpty()) {
      e.removeAttr("id");
      return;
    }
    e.attr("id", ids.unique(id));
  }

  private static void attributes(Element body, Set<String> reservedIds) {
    UniqueIds ids = new UniqueIds(reservedIds);
    // Headings and footnotes keep their ids first: links from other articles, the anchor check
    // and footnote references point at them, not at a raw element that happens to come earlier.
    Set<Element> first = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
    first.addAll(body.select("h1, h2, h3, h4, h5, h6, li[id^=fn-], a[data-footnote-ref]"));
    for (Element e : first) {
      uniqueId(e, ids);
    }
    for (Element e : body.getAllElements()) {
      if (e == body) {
        continue;
      }
      String tag = e.tagName();
      if ((tag.equals("td") || tag.equals("th")) && e.hasAttr("align")) {
        String align = e.attr("align").strip().toLowerCase(Locale.ROOT);
        e.removeAttr("align");
        if (align.equals("left") || align.equals("center") || align.equals("right")) {
          e.addClass("align-" + align);
        }
      }
      if (!first.contains(e)) {
        uniqueId(e, ids);
      }
      switch (tag) {
        case "td", "th" -> {
          keepIf(e, "colspan", v -> INTEGER.matcher(v).matches() && inRange(v, 1, 1000));
          keepIf(e, "rowspan", v -> INTEGER.matcher(v).matches() && inRange(v, 0, 65534));
          keepIf(e, "scope", v -> Set.of("row", "col", "rowgroup", "colgroup").contains(v));
        }
        case "img" -> {
          for (String size : List.of("width", "height")) {
            if (e.hasAttr(size)) {
              var m = PIXELS.matcher(e.attr(size).strip());
              if (m.matches()) {
                e.attr(size, m.group(1));
              } else {
                e.removeAttr(size);
              }
            }
          }
          keepIf(e, "loading", v -> v.equals("lazy") || v.equals("eager"));
          keepIf(e, "decoding", v -> v.equals("sync") || v.equals("async") || v.equals("auto"));
        }
        case "ol" -> {
          keepIf(
              e,
              "start",
              v ->
                  INTEGER.matcher(v).matches() && inRange(v, Integer.MIN_VALUE, Integer.MAX_VALUE));
          if (e.hasAttr("type")
              && !Set.of("1", "a", "A", "i", "I").contains(e.attr("type").strip())) {
            e.removeAttr("type");
          }
        }
        case "a" -> {
          if (e.hasAttr("rel")) {
            String rel =
                String.join(
                    " ",
                    java.util.Arrays.stream(e.attr("rel").toLowerCase(Locale.ROOT).split("\\s+"))
                        .filter(REL::contains)
                        .distinct()
                        .toList());
            if (rel.isEmpty()) {
              e.removeAttr("rel");
            } else {
              e.attr("rel", rel);
            }
          }
        }
        default -> {}
      }
      keepIf(e, "dir", v -> v.equals("ltr") || v.equals("rtl") || v.equals("auto"));
      if (e.hasAttr("lang")) {
        String lang = language(e.attr("lang").strip());
        if (lang == null) {
          e.removeAttr("lang");
        } else {
          e.attr("lang", lang);
        }
      }
      for (String attr : List.of("href", "src", "cite")) {
        if (e.hasAttr(attr)) {
          e.attr(attr, SitePath.escape(e.attr(attr).strip()));
        }
      }
    }
  }

  /** Images need an address, and an alternative text (empty when the author gave none). */
  private static void images(Element body) {
    for (Element img : body.select("img")) {
      if (img.attr("src").isEmpty()) {
        String alt = img.attr("alt").strip();
        if (alt.isEmpty()) {
          img.remove();
        } else {
          img.replaceWith(new TextNode(alt));
        }
      } else if (!img.hasAttr("alt")) {
        img.attr("alt", "");
      }
    }
  }

  private static void keepIf(Element e, String attr, java.util.function.Predicate<String> valid) {
    if (e.hasAttr(attr)) {
      String v = e.attr(attr).strip();
      String lower = v.toLowerCase(Locale.ROOT);
      if (valid.test(lower)) {
        e.attr(attr, lower);
      } else {
        e.removeAttr(attr);
      }
    }
  }

  private static boolean inRange(String v, long min, long max) {
    try {
      long n = Long.parseLong(v);
      return n >= min && n <= max;
    } catch (NumberFormatException e) {
      return false;
    }
  }

  /**
   * A language tag the checker accepts: an ISO 639-1 language, optionally with a script and an ISO
   * 3166 region ({@code vi}, {@code en-US}, {@code zh-Hant-TW}); what follows a valid language but
   * is not valid is cut off. {@code ""} (unknown language) stays; anything else gives {@code null}.
   */
  static String language(String tag) {
    if (tag.isEmpty()) {
      return "";
    }
    String[] parts = tag.replace('_', '-').split("-");
    if (parts.length == 0) {
      return null; // "-", "_", "--"
    }
    String language = parts[0].toLowerCase(Locale.ROOT);
    if (!LANGUAGES.contains(language)) {
      return null;
    }
    StringBuilder out = new StringBuilder(language);
    int i = 1;
    if (i < parts.length && parts[i].matches("[A-Za-z]{4}")) {
      out.append('-')
          .append(Character.toUpperCase(parts[i].charAt(0)))
          .append(parts[i].substring(1).toLowerCase(Locale.ROOT));
      i++;
    }
    if (i < parts.length && COUNTRIES.contains(parts[i].toUpperCase(Locale.ROOT))) {
      out.append('-').append(parts[i].toUpperCase(Locale.ROOT));
    }
    return out.toString();
  }
}
