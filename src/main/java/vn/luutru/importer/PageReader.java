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
import org.jsoup.select.NodeFilter;
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
              + "|advert|ads|quang-?cao|tags?|tools?|toolbar|tien-?ich|print|search|login|widget|lienket|tin-?khac|other"
              + "|counter|luot-?xem|view-?count|hits|rating|vote|pager|pagination|chia-?se|email|rss|sharedaddy"
              + "|sharing|related-?posts|relatedposts|entry-meta|post-meta|article-info|icons|byline"
              + "|posted-on|nav-links|post-navigation|skip-link)([-_ ]|$)");

  /** A block that holds nothing but page tools: In bài | Gửi email | Về đầu trang. */
  private static final Pattern TOOL_TEXT =
      Pattern.compile(
          "(?iu)^([\\s|/·•-]*(in bài( viết)?|bản in|gửi (email|bài viết|cho bạn bè)|về đầu trang|lên đầu trang"
              + "|quay lại|trở về|chia sẻ|lưu bài|phản hồi|bình luận)[\\s|/·•-]*)+$");

  private static final Pattern LEADING_DATE =
      Pattern.compile("^\\s*(\\d{4}-\\d{2}-\\d{2}|\\d{1,2}/\\d{1,2}/\\d{4})\\s*[-–—:]\\s*");
  private static final Pattern SAVED_FROM = Pattern.compile("saved from url=\\(\\d+\\)(\\S+)");
  private static final Pattern CAPTION = Pattern.compile("(?iu)^\\s*ảnh\\s*:\\s*");
  private static final Pattern SOURCE = Pattern.compile("(?iu)^\\s*nguồn\\s*:\\s*");

  /** An author line: Tin, ảnh: …; Bài và ảnh: …; Theo Báo …. */
  private static final Pattern BYLINE =
      Pattern.compile(
          "(?iu)^\\s*(tin|bài|tin bài|tin và ảnh|tin, ảnh|tin - ảnh|bài và ảnh|bài, ảnh|ảnh và tin)\\s*:");

  /** The paper an article was taken from, as its last line: Theo Báo Hà Tĩnh. */
  private static final Pattern TAKEN_FROM =
      Pattern.compile("(?u)^Theo\\s+(\\p{Lu}[^,.;:]{1,80})\\.?$");

  private static final Pattern ICON =
      Pattern.compile("(?i)(icon|/ico[_/.-]|spacer|blank\\.gif|pixel\\.gif|bullet)");

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
    List<String> dropped = new ArrayList<>();
    String alias = oldAddress(doc).orElse(fallbackAlias);
    String pageTitle = doc.title();
    List<String> categories = breadcrumb(doc);
    Element meta = doc.selectFirst("meta[property=article:published_time][content]");
    String published = meta == null ? "" : meta.attr("content");

    // Never text of the article. A form is unwrapped, not removed: ASP.NET portals wrap the whole
    // page in one (<form id="aspnetForm">), its view state in hidden inputs.
    for (Element e :
        doc.select(
            "script, style, noscript, link, meta, input, select, textarea, button, svg, map,"
                + " title")) {
      e.remove();
    }
    for (Element form : doc.select("form")) {
      form.unwrap();
    }
    Optional<String> listing = listing(doc);
    if (listing.isPresent()) {
      return LegacyPage.skipped(alias, listing.get(), notes);
    }
    // The article block is found first, so that chrome-looking classes on it or around it
    // (WordPress puts "tag-…" on the post itself) never remove the article.
    Element body = contentBlock(doc);
    Optional<Element> heading = titleElement(doc, body);
    Element region = region(body, heading);
    // The time the article was published is read before the blocks it sits in go as chrome.
    Element time = region.selectFirst("time[datetime]");
    time = time == null ? doc.selectFirst("time[datetime]") : time;
    String stamped = time == null ? "" : time.attr("datetime");
    Set<Element> keep = new java.util.HashSet<>(region.parents());
    keep.add(region);
    keep.addAll(body.parents());
    keep.add(body);
    heading.ifPresent(
        h -> {
          keep.add(h);
          keep.addAll(h.parents());
        });
    // One walk: a chrome block goes with everything in it, and is named when it stood in the
    // article's region (the site's menus and footers are not).
    doc.body()
        .filter(
            new NodeFilter() {
              int inRegion = -1;
              int inBody = -1;

              @Override
              public FilterResult head(Node node, int depth) {
                if (!(node instanceof Element e) || keep.contains(e)) {
                  if (node == region) {
                    inRegion = depth;
                  }
                  if (node == body) {
                    inBody = depth;
                  }
                  return FilterResult.CONTINUE;
                }
                if (!isChrome(e) && !(e.is("nav, aside, header, footer") && inBody < 0)) {
                  return FilterResult.CONTINUE;
                }
                if (inRegion >= 0) {
                  String t = text(e);
                  if (!t.isEmpty()) {
                    dropped.add(
                        Messages.get(
                            "page.chrome", t.length() > 60 ? t.substring(0, 57) + "…" : t));
                  }
                }
                return FilterResult.REMOVE;
              }

              @Override
              public FilterResult tail(Node node, int depth) {
                if (node == region) {
                  inRegion = -1;
                }
                if (node == body) {
                  inBody = -1;
                }
                return FilterResult.CONTINUE;
              }
            });
    // Title: the article's own heading; the site's logo and the <title> cut at a dash only when
    // there is none.
    String title;
    if (heading.isPresent()) {
      title = text(heading.get());
      Set<String> others = new LinkedHashSet<>();
      for (Element h : doc.select("h1")) {
        String t = text(h);
        if (!t.isEmpty() && !t.equals(title) && !isLogo(h) && h != heading.get()) {
          others.add(t);
        }
      }
      if (!others.isEmpty()) {
        others.add(title);
        notes.add(Messages.get("page.several-titles", others, title));
      }
      heading.get().remove();
    } else {
      title = cleanTitle(pageTitle);
      notes.add(Messages.get("page.title-from-title-tag", title));
    }
    for (Element h : doc.select("h1")) {
      if (isLogo(h) || !region.parents().contains(h) && !h.parents().contains(region)) {
        h.remove();
      }
    }

    Optional<Dated> dated = date(doc, region, body, stamped, published);
    Optional<LocalDate> date = dated.map(Dated::date);
    if (date.isEmpty()) {
      notes.add(Messages.get("page.no-date"));
    }
    Optional<Element> sapo = sapo(region, body);
    String lead = sapo.map(PageReader::text).orElse("");
    sapo.ifPresent(Element::remove);

    // Walk the article into Markdown, picking out the image caption and the source line.
    Converter c = new Converter(addresses.apply(date), dropped);
    c.body = body;
    c.blocks(region);
    c.finish();
    notes.addAll(c.notes);
    String markdown = c.out.toString().strip();
    Matcher leading = LEADING_DATE.matcher(markdown);
    if (leading.find()) {
      markdown = markdown.substring(leading.end());
    }
    if (markdown.isBlank() && c.image == null && lead.isEmpty()) {
      return LegacyPage.skipped(alias, Messages.get("page.no-text"), notes);
    }
    String summary = lead.isEmpty() ? firstParagraph(markdown) : lead;
    return new LegacyPage(
        VietnameseText.clean(title),
        date,
        dated.flatMap(Dated::time),
        summary,
        c.source,
        categories,
        Optional.ofNullable(c.image),
        c.caption,
        c.alt,
        alias,
        markdown.isEmpty() ? "" : markdown + "\n",
        notes,
        List.copyOf(new LinkedHashSet<>(dropped)),
        "");
  }

  /** A date read from the page, with its time of day when the page gives one. */
  record Dated(LocalDate date, Optional<java.time.LocalTime> time) {}

  /** Headings marked as an article's title by the common portals and CMSs. */
  private static final String MARKED_TITLE =
      "[itemprop=headline], [id*=lblTitle], [id*=lbl_title], .entry-title, .post-title,"
          + " .article-title, .contentheading, .news-title, .title-news, .detail-title,"
          + " .tieude, .tieu-de, .page-header h2, h1.title, h2.title, .item-title";

  private static final Pattern LOGO =
      Pattern.compile(
          "(?i)(^|[-_ ])(logo|brand|site-?name|site-?title|banner|top-?header)([-_ ]|$)");

  /**
   * The article's own heading: a heading marked as the title near the article block, else its
   * {@code h1}, else the {@code h2} just before it; never the site's logo ({@code <h1><a
   * href="/">SỞ …</a></h1>}).
   */
  static Optional<Element> titleElement(Document doc, Element body) {
    for (String query : List.of(MARKED_TITLE, "h1", "h2")) {
      for (Element e : doc.select(query)) {
        String t = text(e);
        if (t.isEmpty() || t.length() > 400 || isLogo(e) || !near(e, body)) {
          continue;
        }
        if (query.equals("h2") && e.parents().contains(body) && body.child(0) != e) {
          continue; // a heading inside the article, not its title
        }
        return Optional.of(e);
      }
    }
    return Optional.empty();
  }

  /** Whether {@code e} is within four levels of the article block's own ancestors. */
  private static boolean near(Element e, Element body) {
    if (e == body || e.parents().contains(body)) {
      return true;
    }
    Element up = body;
    for (int i = 0; i < 4 && up.parent() != null && !up.is("body, html"); i++) {
      up = up.parent();
      if (e.parents().contains(up)) {
        return true;
      }
    }
    return false;
  }

  /** A site's name in the page's head: a logo or banner, or a heading that links home. */
  static boolean isLogo(Element e) {
    for (Element x = e; x != null && !x.is("body, html"); x = x.parent()) {
      if (LOGO.matcher(x.id() + " " + x.className()).find()) {
        return true;
      }
      if (x.is("header, #header, .header") && x.closest("article") == null) {
        return true;
      }
    }
    for (Element a : e.select("a[href]")) {
      String href = a.attr("href").strip();
      if (href.equals("/")
          || href.matches("(?i)(\\./)?(index|default)\\.(html?|aspx?|php)")
          || href.matches("(?i)https?://[^/]+/?")) {
        return true;
      }
    }
    return false;
  }

  /**
   * What is read as the article: the article block and, when its title stands just outside it, the
   * block that holds both (where portals put the date, the lead and the attached files).
   */
  private static Element region(Element body, Optional<Element> heading) {
    if (heading.isEmpty() || heading.get().parents().contains(body)) {
      return body;
    }
    for (Element up = body.parent(); up != null && !up.is("body, html"); up = up.parent()) {
      if (heading.get().parents().contains(up)) {
        return up;
      }
    }
    return body;
  }

  /**
   * Why the page is not one article: it lists several (headings that are links, several {@code
   * article}s), or empty when it is one.
   */
  static Optional<String> listing(Document doc) {
    int marked = doc.select(MARKED_TITLE).size();
    if (!doc.select("[itemprop=articleBody], [id*=lblTitle], [id*=lbl_title]").isEmpty()) {
      return Optional.empty();
    }
    int articles = doc.select("article").size();
    int linked = 0;
    for (Element h : doc.select("h2, h3, h4")) {
      Element a = h.selectFirst("a[href]");
      if (a != null && text(a).equals(text(h)) && !text(h).isEmpty() && !isInsideChrome(h)) {
        linked++;
      }
    }
    // A list spreads its text over its items; an article holds most of it in one block.
    int best = 0;
    int total = 0;
    for (Element e : doc.getAllElements()) {
      int own = 0;
      for (Element child : e.children()) {
        own += child.is("p") ? child.text().length() : 0;
      }
      best = Math.max(best, own);
      total += own;
    }
    boolean spread = best * 2 < total;
    if (marked != 1 && (articles >= 3 || (linked >= 3 && spread))) {
      return Optional.of(Messages.get("page.list", Math.max(articles, linked)));
    }
    return Optional.empty();
  }

  private static boolean isInsideChrome(Element e) {
    for (Element x = e; x != null; x = x.parent()) {
      if (isChrome(x) || x.is("nav, aside, footer")) {
        return true;
      }
    }
    return false;
  }

  /** A lead paragraph (sapo) marked as one, or a first paragraph in bold alone. */
  private static final Pattern SAPO =
      Pattern.compile(
          "(?i)(^|[-_ ])(sapo|lead|summary|tomtat|tom-tat|mota|mo-ta|description|intro|introtext"
              + "|chapeau|excerpt|abstract|teaser|trich-?dan)([-_ ]|$)");

  private static boolean insideTableOrFigure(Element e, Element region) {
    for (Element x = e; x != null && x != region; x = x.parent()) {
      if (x.is("table, figure")) {
        return true;
      }
    }
    return false;
  }

  private static Optional<Element> sapo(Element region, Element body) {
    Set<Element> aroundBody = new java.util.HashSet<>(body.parents());
    for (Element e : region.getAllElements()) {
      if (e != region
          && e != body
          && SAPO.matcher(e.id() + " " + e.className()).find()
          && !aroundBody.contains(e)
          && !insideTableOrFigure(e, region)) {
        String t = text(e);
        if (!t.isEmpty() && t.length() < 1500 && e.select("img, table, ul, ol").isEmpty()) {
          return Optional.of(e);
        }
      }
    }
    Element first = body.children().isEmpty() ? null : body.child(0);
    while (first != null) {
      if (text(first).isEmpty() && first.select("img").isEmpty()) {
        first = first.nextElementSibling();
      } else if (first.is("div, section, header") && first.childrenSize() > 1) {
        first = first.child(0); // the first block inside a wrapper (WordPress' entry-content)
      } else {
        break;
      }
    }
    if (first != null && first.is("p, div") && first.select("img, table, ul, ol").isEmpty()) {
      String t = text(first);
      String bold =
          first.select("b, strong").stream().map(PageReader::text).reduce("", String::concat);
      if (t.length() >= 40
          && t.length() < 1500
          && bold.replaceAll("\\s", "").equals(t.replaceAll("\\s", ""))) {
        return Optional.of(first);
      }
    }
    return Optional.empty();
  }

  /**
   * The section the page sat in, from its breadcrumb ({@code Trang chủ » Xây dựng Đảng}): the last
   * link that is not the home page. Read before the breadcrumb is removed as chrome.
   */
  static List<String> breadcrumb(Document doc) {
    Element crumb =
        doc.selectFirst("[class*=breadcrumb], [id*=breadcrumb], nav[aria-label*=readcrumb]");
    if (crumb == null) {
      // WordPress' category links, Joomla's category
      Element category =
          doc.selectFirst("a[rel~=category], [itemprop=genre], [itemprop=articleSection]");
      return category == null || text(category).isEmpty() ? List.of() : List.of(text(category));
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
    if (!e.is("p, h2, h3")
        && e.childrenSize() <= 12
        && e.children().stream().allMatch(c -> c.is("a, span, b, strong") && c.childrenSize() <= 1)
        && TOOL_TEXT.matcher(text(e)).matches()) {
      return true;
    }
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
    for (String query : List.of("[itemprop=articleBody]", "article", "main")) {
      Element marked = doc.selectFirst(query);
      if (marked != null) {
        return marked;
      }
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

  private static final Pattern TIME =
      Pattern.compile("(?<![\\d:])([01]?\\d|2[0-3])\\s*(?::|h|giờ)\\s*([0-5]\\d)(?![\\d:])");
  private static final Pattern ISO_TIME =
      Pattern.compile(
          "(\\d{4})-(\\d{2})-(\\d{2})[T ](\\d{2}):(\\d{2})(?::(\\d{2}))?(?:\\.\\d+)?\\s*(Z|[+-]\\d{2}:?\\d{2})?");
  private static final Pattern DATE_LABEL =
      Pattern.compile(
          "(?iu)^\\s*(cập nhật|ngày đăng|đăng ngày|ngày cập nhật|thời gian đăng|đăng lúc|ngày xuất bản)");

  /**
   * The article's date, and its time when given: a {@code time} element or the published time of
   * its head, a date line near the title ({@code Cập nhật: 12/03/2021 08:30}), else the first date
   * at the top of the text (with no time). A date line is taken out of the text.
   */
  private static Optional<Dated> date(
      Document doc, Element region, Element body, String stamped, String published) {
    for (String iso : List.of(stamped, published)) {
      Optional<Dated> d = iso(iso);
      if (d.isPresent()) {
        for (Element time : doc.select("time[datetime]")) {
          if (time.attr("datetime").equals(stamped) && text(time).length() < 80) {
            time.remove();
          }
        }
        return d;
      }
      Optional<LocalDate> day = Dates.find(iso);
      if (day.isPresent()) {
        return Optional.of(new Dated(day.get(), Optional.empty()));
      }
    }
    String marked = "[class*=date], [class*=time], [class*=ngay], [id*=date], [id*=Date]";
    List<Element> lines = new ArrayList<>(region.select(marked));
    for (Element e : region.select("p, div, span")) {
      Optional<String> t = shortText(e, 80);
      if (t.isPresent() && DATE_LABEL.matcher(t.get()).find()) {
        lines.add(e);
      }
    }
    lines.addAll(doc.select(marked));
    for (Element e : lines) {
      Optional<String> line = shortText(e, 120);
      if (line.isEmpty()) {
        continue;
      }
      String t = line.get();
      Optional<LocalDate> d = Dates.find(t);
      if (d.isPresent()) {
        Matcher m = TIME.matcher(t);
        Optional<java.time.LocalTime> at =
            m.find()
                ? Optional.of(
                    java.time.LocalTime.of(
                        Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2))))
                : Optional.empty();
        if (t.length() < 80) {
          e.remove(); // a date line, not a paragraph of the article
        }
        return Optional.of(new Dated(d.get(), at));
      }
    }
    String text = body.text();
    return Dates.find(text.substring(0, Math.min(text.length(), 600)))
        .map(d -> new Dated(d, Optional.empty()));
  }

  /** {@code 2021-05-20T09:15:00+07:00} as a day and time in Vietnam. */
  private static Optional<Dated> iso(String value) {
    Matcher m = ISO_TIME.matcher(value.strip());
    if (!m.lookingAt()) {
      return Optional.empty();
    }
    try {
      java.time.LocalDateTime local =
          java.time.LocalDateTime.of(
              Integer.parseInt(m.group(1)),
              Integer.parseInt(m.group(2)),
              Integer.parseInt(m.group(3)),
              Integer.parseInt(m.group(4)),
              Integer.parseInt(m.group(5)),
              m.group(6) == null ? 0 : Integer.parseInt(m.group(6)));
      if (m.group(7) != null) {
        String z =
            m.group(7).equals("Z") ? "Z" : m.group(7).replaceFirst("(\\d{2})(\\d{2})$", "$1:$2");
        local =
            local
                .atOffset(java.time.ZoneOffset.of(z))
                .withOffsetSameInstant(Dates.VIETNAM)
                .toLocalDateTime();
      }
      return Optional.of(new Dated(local.toLocalDate(), Optional.of(local.toLocalTime())));
    } catch (java.time.DateTimeException e) {
      return Optional.empty();
    }
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

  /**
   * The element's text when it has at most {@code max} characters, read no further than that: a
   * date line is short, and the block that holds the whole article is not read for each of its own
   * blocks.
   */
  static Optional<String> shortText(Element e, int max) {
    StringBuilder s = new StringBuilder();
    e.filter(
        new NodeFilter() {
          @Override
          public FilterResult head(Node node, int depth) {
            if (node instanceof TextNode t) {
              s.append(t.text()).append(' ');
            }
            return s.length() > 2 * max + 16 ? FilterResult.STOP : FilterResult.CONTINUE;
          }
        });
    if (s.length() > 2 * max + 16) {
      return Optional.empty();
    }
    String t =
        VietnameseText.clean(s.toString()).replace('\u00A0', ' ').replaceAll("\\s+", " ").strip();
    return t.length() <= max ? Optional.of(t) : Optional.empty();
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
    final List<String> dropped;
    final List<String> notes = new ArrayList<>();
    String image;
    String caption = "";
    String alt = "";
    String source = "";

    /** Which photo the next short italic or "Ảnh: …" line is the caption of. */
    private enum Pending {
      NONE,
      LEAD,
      BODY,
      MISSING
    }

    private Pending pending = Pending.NONE;

    /** Where the last paragraph starts in {@code out}, and its text when it is a bold name. */
    private int lastStart = -1;

    private String lastName = "";

    Converter(Addresses addresses) {
      this(addresses, new ArrayList<>());
    }

    Converter(Addresses addresses, List<String> dropped) {
      this.addresses = addresses;
      this.dropped = dropped;
    }

    /** The article's text block, at whose end a name alone in bold is its author. */
    Element body;

    void blocks(Element parent) {
      for (Node n : parent.childNodes()) {
        if (n instanceof TextNode t && !t.isBlank()) {
          pending = Pending.NONE;
          lastName = "";
          paragraph(escape(VietnameseText.clean(t.text()).strip()));
        } else if (n instanceof Element e) {
          block(e);
        }
      }
      if (parent == body) {
        finish();
      }
    }

    /** The text ends: a name alone in bold as its last line is its author. */
    void finish() {
      if (source.isEmpty() && !lastName.isEmpty() && lastStart >= 0) {
        source = lastName;
        out.setLength(lastStart);
      }
      lastName = "";
    }

    private void block(Element e) {
      switch (e.normalName()) {
        case "p", "center" -> {
          String inline = inline(e).strip();
          String plain = text(e);
          if (!e.select("img").isEmpty() && links(inline, true).isBlank()) {
            for (Element img : e.select("img")) {
              image(img, "");
            }
            return;
          }
          Pending was = pending;
          pending = Pending.NONE;
          if (plain.isEmpty()) {
            return;
          }
          if (was != Pending.NONE && isCaption(e, plain)) {
            caption(was, plain);
            return;
          }
          if (source.isEmpty() && SOURCE.matcher(plain).find() && plain.length() < 150) {
            source = SOURCE.matcher(plain).replaceFirst("").strip();
            return;
          }
          if (source.isEmpty() && BYLINE.matcher(plain).find() && plain.length() < 150) {
            source = plain;
            return;
          }
          int start = out.length();
          paragraph(inline);
          lastStart = start;
          Matcher from = TAKEN_FROM.matcher(plain);
          lastName = isName(e, plain) ? plain : from.matches() ? from.group(1).strip() : "";
        }
        case "h2", "h3", "h4", "h5", "h6" -> {
          pending = Pending.NONE;
          lastName = "";
          heading(e);
        }
        case "ul", "ol" -> {
          pending = Pending.NONE;
          list(e);
        }
        case "figure" -> {
          Element img = e.selectFirst("img");
          Element cap = e.selectFirst("figcaption");
          String captionText =
              cap == null ? "" : CAPTION.matcher(text(cap)).replaceFirst("").strip();
          if (img != null) {
            image(img, captionText);
          } else if (e.selectFirst("table") != null) {
            table(e.selectFirst("table"));
            if (!captionText.isEmpty()) {
              paragraph("*" + escape(captionText) + "*");
            }
          } else {
            blocks(e);
          }
        }
        case "img" -> image(e, "");
        case "blockquote" -> {
          pending = Pending.NONE;
          String inner = inline(e).strip();
          if (!inner.isEmpty()) {
            out.append("> ").append(lineStarts(inner).replace("\n", "\n> ")).append("\n\n");
          }
        }
        case "br", "hr" -> {}
        case "table" -> table(e);
        case "iframe", "object", "embed", "video", "audio" -> {
          String src = e.hasAttr("src") ? e.attr("src") : e.attr("data");
          Element source = e.selectFirst("source[src]");
          String address = !src.isBlank() ? src : source == null ? "" : source.attr("src");
          Optional<String> to = address.isBlank() ? Optional.empty() : addresses.link(address);
          if (to.isPresent()) {
            paragraph(
                "["
                    + escape(e.normalName().equals("iframe") ? "Video" : "Tệp " + e.normalName())
                    + "]("
                    + destination(to.get())
                    + ")");
          } else {
            dropped.add(Messages.get("page.embedded", e.normalName()));
          }
        }
        default -> {
          if (e.select("p, h2, h3, h4, ul, ol, figure, div, table, blockquote").stream()
                  .allMatch(x -> x == e)
              && e.select("img").stream().allMatch(i -> i.closest("a") != null)) {
            String inline = inline(e).strip();
            if (!inline.isEmpty()) {
              block(new Element("p").appendChild(e.clone()));
            }
          } else {
            blocks(e);
          }
        }
      }
    }

    /** A short line under a photo: in italics, or starting "Ảnh:". */
    private static boolean isCaption(Element e, String plain) {
      if (plain.length() >= 300) {
        return false;
      }
      if (CAPTION.matcher(plain).find() || !e.select("[class*=caption], figcaption").isEmpty()) {
        return true;
      }
      String italic = e.select("em, i").stream().map(PageReader::text).reduce("", String::concat);
      return italic.replaceAll("\\s", "").equals(plain.replaceAll("\\s", ""));
    }

    /** A line that is a person's name in bold alone: a few capitalised words, no full stop. */
    private static boolean isName(Element e, String plain) {
      String bold = e.select("b, strong").stream().map(PageReader::text).reduce("", String::concat);
      return !plain.isEmpty()
          && plain.length() <= 60
          && bold.replaceAll("\\s", "").equals(plain.replaceAll("\\s", ""))
          && plain.matches("(\\p{Lu}[\\p{L}.]*[\\s,-]*){1,8}");
    }

    private void caption(Pending was, String plain) {
      if (was == Pending.LEAD) {
        caption = CAPTION.matcher(plain).replaceFirst("").strip();
      } else {
        paragraph("*" + escape(plain) + "*");
      }
    }

    /**
     * A table: photos with their captions in the rows under them ({@code <table class="image">}), a
     * layout table (one row or one column) read as the blocks in it, a data table as a Markdown
     * table, or as HTML when its cells hold lists or several paragraphs.
     */
    private void table(Element t) {
      pending = Pending.NONE;
      List<Element> rows = new ArrayList<>();
      for (Element tr : t.select("tr")) {
        if (tr.closest("table") == t) {
          rows.add(tr);
        }
      }
      Elements images = t.select("img");
      boolean nested = t.select("table").size() > 1;
      if (!images.isEmpty() && !nested && rows.size() <= 4) {
        List<String> texts = new ArrayList<>();
        boolean photo = true;
        for (Element row : rows) {
          String rt = text(row);
          if (row.select("img").isEmpty()) {
            if (rt.length() >= 300) {
              photo = false;
            } else if (!rt.isEmpty()) {
              texts.add(rt);
            }
          }
        }
        if (photo) {
          String cap = CAPTION.matcher(String.join(" ", texts)).replaceFirst("").strip();
          if (images.size() == 1) {
            image(images.first(), cap);
          } else {
            for (Element img : images) {
              image(img, "");
            }
            pending = Pending.NONE;
            paragraph(cap.isEmpty() ? "" : "*" + escape(cap) + "*");
          }
          return;
        }
      }
      int cols = 0;
      boolean spans = false;
      boolean blocky = false;
      for (Element row : rows) {
        int n = 0;
        for (Element cell : row.children()) {
          if (cell.is("td, th")) {
            n += Math.max(1, span(cell, "colspan"));
            spans |= span(cell, "colspan") > 1 || span(cell, "rowspan") > 1;
            blocky |=
                !cell.select("ul, ol, img, table, blockquote, h2, h3, h4").isEmpty()
                    || cell.select("p, div").size() > 1;
          }
        }
        cols = Math.max(cols, n);
      }
      if (nested || rows.size() <= 1 || cols <= 1) {
        for (Element row : rows) {
          for (Element cell : row.children()) {
            if (cell.is("td, th")) {
              blocks(cell);
            }
          }
        }
        return;
      }
      if (blocky) {
        htmlTable(rows);
      } else {
        markdownTable(rows, cols, spans);
      }
    }

    private static int span(Element cell, String attr) {
      try {
        return Math.min(100, Integer.parseInt(cell.attr(attr).strip()));
      } catch (NumberFormatException e) {
        return 1;
      }
    }

    /** Rows as a Markdown table; a cell spanning rows or columns is repeated in each it covers. */
    private void markdownTable(List<Element> rows, int cols, boolean spans) {
      List<String[]> grid = new ArrayList<>();
      for (int r = 0; r < rows.size(); r++) {
        while (grid.size() <= r) {
          grid.add(new String[cols]);
        }
        int c = 0;
        for (Element cell : rows.get(r).children()) {
          if (!cell.is("td, th")) {
            continue;
          }
          while (c < cols && grid.get(r)[c] != null) {
            c++;
          }
          String value = inline(cell).replace("  \n", " ").replace('\n', ' ').strip();
          int colspan = Math.max(1, span(cell, "colspan"));
          int rowspan = Math.max(1, span(cell, "rowspan"));
          for (int dr = 0; dr < rowspan && r + dr < rows.size(); dr++) {
            while (grid.size() <= r + dr) {
              grid.add(new String[cols]);
            }
            for (int dc = 0; dc < colspan && c + dc < cols; dc++) {
              grid.get(r + dr)[c + dc] = dc == 0 ? value : "";
            }
          }
          c += colspan;
        }
      }
      StringBuilder s = new StringBuilder();
      for (int r = 0; r < grid.size(); r++) {
        s.append('|');
        for (String cell : grid.get(r)) {
          s.append(' ').append(cell == null || cell.isEmpty() ? " " : cell).append(" |");
        }
        s.append('\n');
        if (r == 0) {
          s.append("|").append(" --- |".repeat(cols)).append('\n');
        }
      }
      out.append(s).append('\n');
      if (spans) {
        notes.add(Messages.get("page.merged-cells"));
      }
    }

    /**
     * Rows as HTML with the text of each cell and its line breaks; links in the cells are listed
     * under the table, where the build resolves their addresses.
     */
    private void htmlTable(List<Element> rows) {
      StringBuilder s = new StringBuilder("<table>\n");
      List<String> links = new ArrayList<>();
      for (Element row : rows) {
        s.append("<tr>");
        for (Element cell : row.children()) {
          if (!cell.is("td, th")) {
            continue;
          }
          String tag = cell.normalName();
          s.append('<').append(tag);
          for (String a : List.of("colspan", "rowspan")) {
            if (span(cell, a) > 1) {
              s.append(' ').append(a).append("=\"").append(span(cell, a)).append('"');
            }
          }
          s.append('>');
          List<String> parts = new ArrayList<>();
          for (Element block : cell.select("p, li, div:not(:has(p, li, div))")) {
            String bt = text(block);
            if (!bt.isEmpty()) {
              parts.add(org.jsoup.nodes.Entities.escape(bt));
            }
          }
          if (parts.isEmpty()) {
            parts.add(org.jsoup.nodes.Entities.escape(text(cell)));
          }
          s.append(String.join("<br>", parts)).append("</").append(tag).append('>');
          for (Element a : cell.select("a[href]")) {
            String href = addresses.link(a.attr("href").strip()).orElse("");
            if (!href.isEmpty() && !text(a).isEmpty()) {
              links.add("- [" + escape(text(a)) + "](" + destination(href) + ")");
            }
          }
          for (Element img : cell.select("img")) {
            image(img, "");
          }
        }
        s.append("</tr>\n");
      }
      out.append(s).append("</table>\n\n");
      if (!links.isEmpty()) {
        out.append(String.join("\n", links)).append("\n\n");
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
      String given = source(img);
      Optional<String> to = given.isEmpty() ? Optional.empty() : addresses.image(given);
      if (to.isEmpty()) {
        // The photo is gone, its words are not: the caption stays as a line of the article.
        if (!figcaption.isEmpty()) {
          paragraph("*" + escape(figcaption) + "*");
        }
        pending = figcaption.isEmpty() ? Pending.MISSING : Pending.NONE;
        return;
      }
      String src = to.get();
      String imgAlt = VietnameseText.clean(img.attr("alt")).strip().replace('\n', ' ');
      if (image == null) {
        image = src;
        alt = imgAlt;
        caption = figcaption;
        pending = figcaption.isEmpty() ? Pending.LEAD : Pending.NONE;
      } else {
        out.append("![")
            .append(escape(imgAlt))
            .append("](")
            .append(destination(src))
            .append(")\n\n");
        if (!figcaption.isEmpty()) {
          out.append('*').append(lineStarts(escape(figcaption))).append("*\n\n");
        }
        pending = figcaption.isEmpty() ? Pending.BODY : Pending.NONE;
      }
    }

    /**
     * A photo's address: {@code src}, or the lazy-loading one when {@code src} is a placeholder.
     */
    static String source(Element img) {
      String src = img.attr("src").strip();
      if (src.isEmpty() || src.regionMatches(true, 0, "data:", 0, 5)) {
        for (String a : List.of("data-src", "data-lazy-src", "data-original")) {
          if (!img.attr(a).isBlank()) {
            return img.attr(a).strip();
          }
        }
      }
      return src;
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
              String given = source(c);
              if (ICON.matcher(given).find() && c.closest("a") != null) {
                dropped.add(Messages.get("page.icon", given));
                continue;
              }
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
