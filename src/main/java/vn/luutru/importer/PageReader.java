package vn.luutru.importer;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jsoup.nodes.Comment;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.Elements;
import vn.luutru.content.Dates;
import vn.luutru.content.VietnameseText;

/**
 * Reads one saved page of a former news website: finds the article among the page's chrome and
 * turns it into a {@link LegacyPage}. Heuristics, each written down where it is made.
 */
final class PageReader {
  /** Blocks that are never the article: navigation, sidebars, sharing, comments, ads. */
  private static final Pattern CHROME =
      Pattern.compile(
          "(?i)(^|[-_ ])(nav|menu|sidebar|side-bar|share|social|breadcrumbs?|footer|header|banner|comments?|related"
              + "|advert|ads|quang-?cao|tags?|tool|print|search|login|widget|lienket|tin-?khac|other)([-_ ]|$)");

  private static final Pattern LEADING_DATE =
      Pattern.compile("^\\s*(\\d{4}-\\d{2}-\\d{2}|\\d{1,2}/\\d{1,2}/\\d{4})\\s*[-–—:]\\s*");
  private static final Pattern SAVED_FROM = Pattern.compile("saved from url=\\(\\d+\\)(\\S+)");
  private static final Pattern CAPTION = Pattern.compile("(?iu)^\\s*ảnh\\s*:\\s*");
  private static final Pattern SOURCE = Pattern.compile("(?iu)^\\s*nguồn\\s*:\\s*");

  private PageReader() {}

  /**
   * What to write for the addresses of a page's images and links: the address to put in the
   * Markdown, or empty to leave the image out (a link keeps its text).
   */
  interface Addresses {
    Optional<String> image(String src);

    Optional<String> link(String href);

    /** Every address as the page has it. */
    Addresses AS_GIVEN =
        new Addresses() {
          @Override
          public Optional<String> image(String src) {
            return Optional.of(src);
          }

          @Override
          public Optional<String> link(String href) {
            return Optional.of(href);
          }
        };
  }

  static LegacyPage read(Document doc, String fallbackAlias) {
    return read(doc, fallbackAlias, date -> Addresses.AS_GIVEN);
  }

  /**
   * {@code addresses} is asked, once the date is known (it places the article), for how to write
   * addresses.
   */
  static LegacyPage read(
      Document doc,
      String fallbackAlias,
      java.util.function.Function<Optional<LocalDate>, Addresses> addresses) {
    List<String> notes = new ArrayList<>();
    String alias = oldAddress(doc).orElse(fallbackAlias);
    String pageTitle = doc.title();
    List<String> categories = breadcrumb(doc);

    for (Element e :
        doc.select(
            "script, style, noscript, iframe, form, nav, header, footer, aside, button, svg, "
                + "object, embed, link, meta")) {
      e.remove();
    }
    // The article block is found first, so that chrome-looking classes on it or around it
    // (WordPress puts "tag-…" on the post itself) never remove the article.
    Element body = contentBlock(doc);
    Set<Element> keep = new java.util.HashSet<>(body.parents());
    keep.add(body);
    for (Element e : new ArrayList<>(doc.getAllElements())) {
      if (e.parent() != null && e != doc.body() && !keep.contains(e) && isChrome(e)) {
        e.remove();
      }
    }
    // Title: the page's h1 (inside the article first); the <title> only when there is none.
    String title;
    Elements h1s = doc.select("h1");
    Set<String> distinct = new LinkedHashSet<>();
    for (Element h : h1s) {
      String t = text(h);
      if (!t.isEmpty()) {
        distinct.add(t);
      }
    }
    Element inside = body.selectFirst("h1");
    if (distinct.isEmpty()) {
      Element h2 = doc.selectFirst("h2");
      title = h2 != null && !text(h2).isEmpty() ? text(h2) : cleanTitle(pageTitle);
      notes.add(
          "no <h1> heading: the title '"
              + title
              + "' was taken from the "
              + (h2 != null ? "first <h2>" : "page's <title>")
              + "; check it");
    } else {
      title = inside != null && !text(inside).isEmpty() ? text(inside) : distinct.iterator().next();
      if (distinct.size() > 1) {
        notes.add("several candidate titles " + distinct + "; used '" + title + "'");
      }
    }
    for (Element h : doc.select("h1")) {
      h.remove();
    }

    Optional<LocalDate> date = date(doc, body);
    if (date.isEmpty()) {
      notes.add("no date found: the article is written as a draft dated today; set its date");
    }

    // Walk the article block into Markdown, picking out the image caption and the source line.
    Converter c = new Converter(addresses.apply(date));
    c.blocks(body);
    if (c.out.toString().isBlank()) {
      notes.add("no article text found");
    }
    String markdown = c.out.toString().strip();
    Matcher lead = LEADING_DATE.matcher(markdown);
    if (lead.find()) {
      markdown = markdown.substring(lead.end());
    }
    String summary = firstParagraph(markdown);
    return new LegacyPage(
        VietnameseText.clean(title),
        date,
        summary,
        c.source,
        categories,
        Optional.ofNullable(c.image),
        c.caption,
        c.alt,
        alias,
        markdown + "\n",
        notes);
  }

  /**
   * The section the page sat in, from its breadcrumb ({@code Trang chủ » Xây dựng Đảng}): the last
   * link that is not the home page. Read before the breadcrumb is removed as chrome.
   */
  static List<String> breadcrumb(Document doc) {
    Element crumb =
        doc.selectFirst("[class*=breadcrumb], [id*=breadcrumb], nav[aria-label*=readcrumb]");
    if (crumb == null) {
      return List.of();
    }
    List<String> names = new ArrayList<>();
    for (Element a : crumb.select("a")) {
      String t = text(a);
      String folded = VietnameseText.fold(t);
      if (!t.isEmpty() && !folded.equals("trang chu") && !folded.equals("home")) {
        names.add(t);
      }
    }
    return names.isEmpty() ? List.of() : List.of(names.get(names.size() - 1));
  }

  /** The address the page was saved from, if it says: a "saved from" comment, canonical, og:url. */
  static Optional<String> oldAddress(Document doc) {
    for (Node n : doc.childNodes()) {
      if (n instanceof Comment comment) {
        Matcher m = SAVED_FROM.matcher(comment.getData());
        if (m.find()) {
          return path(m.group(1));
        }
      }
    }
    for (Node n : doc.head().childNodes()) {
      if (n instanceof Comment comment) {
        Matcher m = SAVED_FROM.matcher(comment.getData());
        if (m.find()) {
          return path(m.group(1));
        }
      }
    }
    Element canonical = doc.selectFirst("link[rel=canonical][href]");
    if (canonical != null) {
      return path(canonical.attr("href"));
    }
    Element og = doc.selectFirst("meta[property=og:url][content]");
    return og == null ? Optional.empty() : path(og.attr("content"));
  }

  private static Optional<String> path(String url) {
    try {
      URI u = new URI(url.strip());
      String p = u.getRawPath();
      if (p == null || p.isEmpty() || p.equals("/")) {
        return Optional.empty();
      }
      return Optional.of(u.getRawQuery() == null ? p : p + "?" + u.getRawQuery());
    } catch (URISyntaxException e) {
      return Optional.empty();
    }
  }

  private static boolean isChrome(Element e) {
    String marks = e.id() + " " + e.className();
    if (marks.isBlank() || e.is("article, main") || !e.select("h1").isEmpty()) {
      return false;
    }
    for (String token : marks.toLowerCase(Locale.ROOT).split("\\s+")) {
      if (!token.isEmpty()
          && CHROME.matcher(token).find()
          && !token.matches("(tag|category|post|type|format)-.+")) {
        return true;
      }
    }
    return false;
  }

  /**
   * The element that holds the article: an {@code article} or {@code main} if there is one,
   * otherwise the element with the most paragraph text among its own children.
   */
  static Element contentBlock(Document doc) {
    Element marked = doc.selectFirst("article, main, [itemprop=articleBody]");
    if (marked != null) {
      return marked;
    }
    Element best = doc.body();
    int bestScore = 0;
    for (Element e : doc.body().getAllElements()) {
      int score = 0;
      for (Element child : e.children()) {
        if (child.is("p, figure, h2, h3, ul, ol, blockquote")) {
          score += child.text().length();
        }
      }
      if (score > bestScore) {
        bestScore = score;
        best = e;
      }
    }
    return best;
  }

  private static Optional<LocalDate> date(Document doc, Element body) {
    Element time = doc.selectFirst("time[datetime], meta[property=article:published_time]");
    if (time != null) {
      Optional<LocalDate> d =
          Dates.find(time.hasAttr("datetime") ? time.attr("datetime") : time.attr("content"));
      if (d.isPresent()) {
        return d;
      }
    }
    for (Element e : doc.select("[class*=date], [class*=time], [class*=ngay], [id*=date]")) {
      Optional<LocalDate> d = Dates.find(e.text());
      if (d.isPresent()) {
        if (e.text().length() < 80) {
          e.remove(); // a date line, not a paragraph of the article
        }
        return d;
      }
    }
    String text = body.text();
    return Dates.find(text.substring(0, Math.min(text.length(), 600)));
  }

  private static String cleanTitle(String title) {
    String t = title.strip();
    for (String sep : List.of(" | ", " - ", " – ", " :: ")) {
      int at = t.lastIndexOf(sep);
      if (at > 10) {
        t = t.substring(0, at);
      }
    }
    return t.strip();
  }

  static String text(Element e) {
    return VietnameseText.clean(e.text()).replace('\u00A0', ' ').strip();
  }

  /**
   * {@code markdown} with each link {@code [text](target)} made its text, or with each image {@code
   * ![alt](src)} left out: what {@code replaceAll("\\[([^]]*)]\\([^)]*\\)", "$1")} and {@code
   * replaceAll("!\\[[^]]*]\\([^)]*\\)", "")} give, in linear time. (The first looks for the next
   * {@code ]} from every {@code [}: a first paragraph of 100,000 {@code [} and no {@code ]} took
   * four minutes.) The first {@code ]} after a place only moves forward as the places do, and so
   * does the first {@code )}, so each is looked for once.
   */
  static String links(String markdown, boolean images) {
    StringBuilder out = null;
    int copied = 0;
    int close = -1;
    int paren = -1;
    int n = markdown.length();
    for (int i = 0; i < n; i++) {
      int open = images ? i + 1 : i;
      if (markdown.charAt(i) != (images ? '!' : '[')
          || (images && (open >= n || markdown.charAt(open) != '['))) {
        continue;
      }
      if (close != Integer.MAX_VALUE && close <= open) {
        close = markdown.indexOf(']', open + 1);
        close = close < 0 ? Integer.MAX_VALUE : close;
      }
      if (close == Integer.MAX_VALUE) {
        break; // no ] after here: no more links
      }
      if (close + 1 >= n || markdown.charAt(close + 1) != '(') {
        continue;
      }
      if (paren != Integer.MAX_VALUE && paren <= close + 1) {
        paren = markdown.indexOf(')', close + 2);
        paren = paren < 0 ? Integer.MAX_VALUE : paren;
      }
      if (paren == Integer.MAX_VALUE) {
        break; // no ) after here: no more links
      }
      if (out == null) {
        out = new StringBuilder(n);
      }
      out.append(markdown, copied, i);
      if (!images) {
        out.append(markdown, open + 1, close);
      }
      copied = paren + 1;
      i = paren;
    }
    return out == null ? markdown : out.append(markdown, copied, n).toString();
  }

  private static String firstParagraph(String markdown) {
    for (String para : markdown.split("\n\n")) {
      String p = para.strip();
      if (!p.isEmpty()
          && !p.startsWith("#")
          && !p.startsWith("!")
          && !p.startsWith("-")
          && !p.startsWith("|")) {
        // Images first: links() would leave "!alt" of each; then emphasis, then escapes undone.
        String plain =
            links(links(p, true), false)
                .replaceAll("(?<!\\\\)\\*", "")
                .replaceAll("\\\\(\\p{Punct})", "$1")
                .replaceAll("[ \\t]*\n[ \\t]*", " ")
                .strip();
        if (plain.length() <= 300) {
          return plain;
        }
        int cut = plain.lastIndexOf(". ", 300);
        int space = plain.lastIndexOf(' ', 300);
        return cut > 80
            ? plain.substring(0, cut + 1)
            : plain.substring(0, space > 0 ? space : 300) + " …";
      }
    }
    return "";
  }

  /** HTML blocks to Markdown; the first image becomes the lead figure. */
  static final class Converter {
    final StringBuilder out = new StringBuilder();
    final Addresses addresses;
    String image;
    String caption = "";
    String alt = "";
    String source = "";
    private boolean expectCaption;

    Converter(Addresses addresses) {
      this.addresses = addresses;
    }

    void blocks(Element parent) {
      for (Node n : parent.childNodes()) {
        if (n instanceof TextNode t && !t.isBlank()) {
          paragraph(escape(VietnameseText.clean(t.text()).strip()));
        } else if (n instanceof Element e) {
          block(e);
        }
      }
    }

    private void block(Element e) {
      switch (e.normalName()) {
        case "p", "center" -> {
          Element img = e.selectFirst("img");
          String inline = inline(e).strip();
          if (img != null && links(inline, true).isBlank()) {
            image(img, "");
            return;
          }
          String plain = text(e);
          if (SOURCE.matcher(plain).find() && plain.length() < 120) {
            source = SOURCE.matcher(plain).replaceFirst("").strip();
            return;
          }
          if (CAPTION.matcher(plain).find()
              && plain.length() < 300
              && (expectCaption || image != null)) {
            if (caption.isEmpty()) {
              caption = CAPTION.matcher(plain).replaceFirst("").strip();
            }
            expectCaption = false;
            return;
          }
          expectCaption = false;
          paragraph(inline);
        }
        case "h2", "h3", "h4", "h5", "h6" -> heading(e);
        case "ul", "ol" -> list(e);
        case "figure" -> {
          Element img = e.selectFirst("img");
          Element cap = e.selectFirst("figcaption");
          if (img != null) {
            image(img, cap == null ? "" : CAPTION.matcher(text(cap)).replaceFirst("").strip());
          }
        }
        case "img" -> image(e, "");
        case "blockquote" -> {
          String inner = inline(e).strip();
          if (!inner.isEmpty()) {
            out.append("> ").append(lineStarts(inner).replace("\n", "\n> ")).append("\n\n");
          }
        }
        case "br", "hr" -> {}
        case "table" -> {
          for (Element row : e.select("tr")) {
            String line =
                row.select("td, th").stream()
                    .map(PageReader::text)
                    .filter(s -> !s.isEmpty())
                    .map(Converter::escape)
                    .reduce((a, b) -> a + " — " + b)
                    .orElse("");
            if (!line.isEmpty()) {
              paragraph(line);
            }
          }
        }
        default -> {
          if (e.select("p, h2, h3, ul, ol, figure, img, div, table").isEmpty()) {
            String inline = inline(e).strip();
            if (!inline.isEmpty()) {
              block(new Element("p").html(e.html()));
            }
          } else {
            blocks(e);
          }
        }
      }
    }

    /**
     * A paragraph of Markdown whose text is escaped already; its lines are kept from starting a
     * block.
     */
    private void paragraph(String markdown) {
      if (!markdown.isBlank()) {
        out.append(lineStarts(markdown.strip())).append("\n\n");
      }
    }

    private void heading(Element e) {
      String t = text(e);
      if (!t.isEmpty()) {
        // Every # escaped: a closing sequence (## C #) would be dropped from the heading.
        out.append("## ").append(lineStarts(escape(t).replace("#", "\\#"))).append("\n\n");
      }
    }

    private void list(Element e) {
      int n = 1;
      for (Element li : e.children()) {
        if (li.is("li")) {
          String t = lineStarts(inline(li).strip());
          if (!t.isEmpty()) {
            out.append(e.is("ol") ? (n++) + ". " : "- ").append(t.replace("\n", " ")).append('\n');
          }
        }
      }
      out.append('\n');
    }

    private void image(Element img, String figcaption) {
      String given = absolute(img.attr("src"));
      Optional<String> to = given.isEmpty() ? Optional.empty() : addresses.image(given);
      if (to.isEmpty()) {
        return;
      }
      String src = to.get();
      String imgAlt = VietnameseText.clean(img.attr("alt")).strip().replace('\n', ' ');
      if (image == null) {
        image = src;
        alt = imgAlt;
        caption = figcaption;
        expectCaption = figcaption.isEmpty();
      } else {
        out.append("![")
            .append(escape(imgAlt))
            .append("](")
            .append(destination(src))
            .append(")\n\n");
        if (!figcaption.isEmpty()) {
          out.append('*').append(lineStarts(escape(figcaption))).append("*\n\n");
        }
      }
    }

    private String absolute(String src) {
      String s = src.strip();
      if (s.isEmpty()) {
        return "";
      }
      return s;
    }

    /** Inline HTML to Markdown: bold, italics, links, line breaks; everything else as text. */
    String inline(Element e) {
      StringBuilder s = new StringBuilder();
      for (Node n : e.childNodes()) {
        if (n instanceof TextNode t) {
          s.append(escape(VietnameseText.clean(t.text()).replace('\u00A0', ' ')));
        } else if (n instanceof Element c) {
          String inner = inline(c);
          switch (c.normalName()) {
            case "b", "strong" -> s.append(inner.isBlank() ? inner : "**" + inner.strip() + "** ");
            case "i", "em" -> s.append(inner.isBlank() ? inner : "*" + inner.strip() + "* ");
            case "br" -> s.append("  \n");
            case "a" -> {
              String given = c.attr("href").strip();
              String href =
                  given.isEmpty()
                          || given.regionMatches(true, 0, "javascript:", 0, 11)
                          || given.startsWith("#")
                          || inner.isBlank()
                      ? ""
                      : addresses.link(given).orElse("");
              if (href.isEmpty()) {
                s.append(inner);
              } else {
                s.append('[')
                    .append(inner.strip())
                    .append("](")
                    .append(destination(href))
                    .append(')');
              }
            }
            case "img" -> {
              String given = absolute(c.attr("src"));
              String src = given.isEmpty() ? "" : addresses.image(given).orElse("");
              if (!src.isEmpty()) {
                s.append("![")
                    .append(escape(VietnameseText.clean(c.attr("alt")).strip().replace('\n', ' ')))
                    .append("](")
                    .append(destination(src))
                    .append(')');
              }
            }
            default -> s.append(inner);
          }
        }
      }
      return s.toString().replaceAll("[ \\t]+", " ").replaceAll(" +\\n", "  \n");
    }

    /**
     * Text of the page as Markdown that renders as the same text: a backslash before every
     * character that could start emphasis, code, a link, raw HTML ({@code <style>} would swallow
     * the rest of the article), an entity ({@code &copy;}) or a table cell.
     */
    static String escape(String text) {
      StringBuilder s = new StringBuilder(text.length() + 16);
      for (int i = 0; i < text.length(); i++) {
        char c = text.charAt(i);
        if ("\\`*_[]<&|".indexOf(c) >= 0) {
          s.append('\\');
        }
        s.append(c);
      }
      return s.toString();
    }

    private static final Pattern BLOCK_START =
        Pattern.compile("^[ \t]*(?:([#>=~+-])|(\\d{1,9})([.)]))");

    /**
     * Escaped Markdown whose lines cannot start a block: no heading ({@code #}), quote ({@code >}),
     * list ({@code - }, {@code + }, {@code 1. }, {@code 2) }), rule or heading underline ({@code
     * ---}, {@code ===}), fence ({@code ~~~}) or indented code (leading blanks go).
     */
    static String lineStarts(String markdown) {
      if (markdown.indexOf('\n') < 0 && !startsBlock(markdown)) {
        return markdown;
      }
      StringBuilder s = new StringBuilder(markdown.length() + 8);
      for (String line : markdown.split("\n", -1)) {
        if (s.length() > 0) {
          s.append('\n');
        }
        Matcher m = BLOCK_START.matcher(line);
        String rest = line.stripLeading();
        if (m.find()) {
          s.append(
              m.group(1) != null
                  ? "\\" + rest
                  : m.group(2) + "\\" + rest.substring(m.group(2).length()));
        } else {
          s.append(rest);
        }
      }
      return s.toString();
    }

    private static boolean startsBlock(String line) {
      return !line.isEmpty()
          && (Character.isWhitespace(line.charAt(0)) || BLOCK_START.matcher(line).find());
    }

    /** A link's or image's address as a Markdown destination: nothing in it ends or breaks it. */
    static String destination(String address) {
      return address
          .replace(" ", "%20")
          .replace("(", "%28")
          .replace(")", "%29")
          .replace("<", "%3C")
          .replace(">", "%3E")
          .replace("\\", "%5C")
          .replace("\n", "");
    }
  }
}
