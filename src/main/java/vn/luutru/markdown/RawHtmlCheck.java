package vn.luutru.markdown;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Finds raw HTML that would make the text after it disappear or move once parsed as HTML: an
 * element whose content the parser takes as raw text ({@code <style>}, {@code <script>}, {@code
 * <textarea>} …) or rearranges ({@code <table>}, {@code <select>}, {@code <template>}, headings)
 * and that is never closed, an HTML comment never closed, the obsolete {@code <xmp>} and {@code
 * <plaintext>}, and elements nested deeper than {@link MarkdownRenderer#MAX_DEPTH} (which made
 * parsing and repair superlinear).
 *
 * <p>The pieces of raw HTML are read in the order they stand in the body, as the HTML tokenizer
 * reads them: the rendered Markdown between them holds no tag of its own that could close one of
 * these (its text is escaped). Such an element must also be closed before its paragraph ends
 * ({@link #blockEnds}): closed only in a later one, the Markdown rendered in between would be in
 * it. In SVG and MathML ({@code <svg><style>}) these names are ordinary elements, except in their
 * parts that hold HTML ({@code desc}, {@code foreignObject}, {@code mi} …). The depth counts the
 * elements that need their end tag; the phrasing ones ({@code <font>}, {@code <span>} …) left open
 * in a paragraph are closed with it, as the parser's {@code </p>} closes them (it opens a few
 * formatting ones again, but no deeper than its own limit of 512, in linear time). One pass, linear
 * in the raw HTML.
 *
 * <pre>{@code
 * RawHtmlCheck check = new RawHtmlCheck();
 * check.read("<style>", at);   // at: maps an offset in the piece to a place in the body
 * check.blockEnds(true);       // the paragraph the piece is in ends
 * check.finish();              // [1:5: <style> is never closed: …]
 * }</pre>
 */
final class RawHtmlCheck {
  /** Where an offset of the piece being read stands in the body. */
  @FunctionalInterface
  interface Place {
    /** {line, column}, both 1-based, the column in characters. */
    int[] of(int offset);
  }

  /** Their content is raw text to the parser, and the cleaner drops it. */
  private static final Set<String> RAW_TEXT =
      Set.of("script", "style", "iframe", "noembed", "noframes");

  /** Their content is text to the parser: markup after them would show as text. */
  private static final Set<String> ESCAPABLE_RAW_TEXT = Set.of("textarea", "title");

  /** The parser moves or merges what follows them until they are closed. */
  private static final Set<String> REARRANGING = Set.of("table", "select", "template");

  private static final Set<String> HEADINGS = Set.of("h1", "h2", "h3", "h4", "h5", "h6");

  /** Elements with no content: they never nest. */
  private static final Set<String> VOID =
      Set.of(
          "area",
          "base",
          "br",
          "col",
          "embed",
          "hr",
          "img",
          "input",
          "link",
          "meta",
          "param",
          "source",
          "track",
          "wbr",
          "keygen",
          "basefont",
          "bgsound",
          "frame",
          "image");

  /**
   * Elements the parser closes by itself (a new item closes the one before) or that hold nothing:
   * not counted in the depth, which counts elements that need their end tag.
   */
  private static final Set<String> CLOSED_BY_THE_NEXT =
      Set.of(
          "p",
          "li",
          "dt",
          "dd",
          "tr",
          "td",
          "th",
          "thead",
          "tbody",
          "tfoot",
          "option",
          "optgroup",
          "caption",
          "colgroup",
          "rb",
          "rt",
          "rp",
          "rtc",
          "html",
          "head",
          "body");

  /**
   * HTML elements for which {@code <x/>} still opens an element (the slash is ignored); on other
   * names (SVG's {@code <path/>} and the like) it closes it at once.
   */
  private static final Set<String> SLASH_IGNORED =
      Set.of(
          "a",
          "abbr",
          "article",
          "aside",
          "b",
          "blockquote",
          "button",
          "center",
          "cite",
          "code",
          "div",
          "em",
          "figcaption",
          "figure",
          "font",
          "footer",
          "form",
          "h1",
          "h2",
          "h3",
          "h4",
          "h5",
          "h6",
          "header",
          "i",
          "label",
          "main",
          "mark",
          "nav",
          "ol",
          "pre",
          "q",
          "s",
          "section",
          "small",
          "span",
          "strike",
          "strong",
          "sub",
          "sup",
          "table",
          "u",
          "ul",
          "dl",
          "select",
          "template",
          "object");

  /**
   * Phrasing elements: closed with the paragraph they are left open in (the parser's {@code </p>}
   * closes them), where block elements stay open.
   */
  private static final Set<String> PHRASING =
      Set.of(
          "a", "abbr", "b", "bdi", "bdo", "big", "cite", "code", "data", "del", "dfn", "em", "font",
          "i", "ins", "kbd", "label", "mark", "nobr", "q", "ruby", "s", "samp", "small", "span",
          "strike", "strong", "sub", "sup", "time", "tt", "u", "var");

  /** In SVG or MathML, these start tags are HTML elements again (as jsoup reads them). */
  private static final Set<String> HTML_IN_FOREIGN =
      Set.of(
          "b",
          "big",
          "blockquote",
          "body",
          "br",
          "center",
          "code",
          "dd",
          "div",
          "dl",
          "dt",
          "em",
          "embed",
          "h1",
          "h2",
          "h3",
          "h4",
          "h5",
          "h6",
          "head",
          "hr",
          "i",
          "img",
          "li",
          "listing",
          "menu",
          "meta",
          "nobr",
          "ol",
          "p",
          "pre",
          "ruby",
          "s",
          "small",
          "span",
          "strike",
          "strong",
          "sub",
          "sup",
          "table",
          "tt",
          "u",
          "ul",
          "var");

  /** SVG elements whose content is HTML. */
  private static final Set<String> SVG_HTML_PARTS = Set.of("foreignobject", "desc", "title");

  /** MathML elements whose content is HTML (annotation-xml only with an HTML encoding). */
  private static final Set<String> MATH_HTML_PARTS = Set.of("mi", "mo", "mn", "ms", "mtext");

  private static final java.util.regex.Pattern HTML_ENCODING =
      java.util.regex.Pattern.compile(
          "(?i)\\bencoding\\s*=\\s*[\"']?\\s*(text/html|application/xhtml\\+xml)\\b");
  private static final java.util.regex.Pattern FONT_BREAKOUT =
      java.util.regex.Pattern.compile("(?i)(^|\\s)(color|face|size)\\s*(=|\\s|/|$)");

  /**
   * An open element: {@code counted} when it needs its end tag (it adds to the depth); {@code
   * space} {@code html}, {@code svg} or {@code math}, where {@code htmlPart} says its content is
   * HTML again.
   */
  private record Open(String name, boolean counted, String space, boolean htmlPart) {
    boolean foreign() {
      return !space.equals("html");
    }
  }

  /**
   * A place in a piece of raw HTML, turned into a line and column only when reported: working out
   * columns on a long line for every tag would make the check quadratic.
   */
  private record Mark(Place at, int offset) {
    MarkdownRenderer.Problem problem(String message) {
      int[] p = at.of(offset);
      return new MarkdownRenderer.Problem(p[0], p[1], message);
    }
  }

  private final List<MarkdownRenderer.Problem> problems = new ArrayList<>();

  /** The element whose content is raw text, while inside one; and where it opened. */
  private String rawText;

  private Mark rawTextAt;

  /**
   * An open comment of a previous piece: the rest of the body is in it until {@code -->} (or {@code
   * --!>}).
   */
  private Mark commentAt;

  /**
   * The heading open, and where: the parser takes what follows into it until any heading's end tag.
   */
  private String heading;

  private Mark headingAt;

  /** Open table, select and template elements, by name: where each opened. */
  private final Map<String, Deque<Mark>> open = new HashMap<>();

  /**
   * The open elements, innermost last: those that need their end tag, and those that change how
   * tags are read.
   */
  private final List<Open> stack = new ArrayList<>();

  /** How many in {@link #stack} are counted. */
  private int depth;

  /**
   * The size of {@link #stack} when the current paragraph or piece began, lowered by end tags in
   * it.
   */
  private int floor;

  /** Elements that would hide or move text, still open when their paragraph ended. */
  private final Set<Mark> crossed =
      java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());

  /** Set when nothing after is read: past the depth limit, or after {@code <plaintext>}. */
  private boolean stopped;

  /** The first {@code <xmp>} is reported, not each. */
  private boolean xmpSeen;

  /** Reads one piece of raw HTML; {@code at} places its offsets in the body. */
  void read(String html, Place at) {
    if (stopped) {
      return;
    }
    int i = 0;
    int n = html.length();
    while (i < n) {
      if (commentAt != null) {
        int end = commentEnd(html, i);
        if (end < 0) {
          return;
        }
        commentAt = null;
        i = end;
        continue;
      }
      if (rawText != null) {
        int end = endTag(html, i, rawText);
        if (end < 0) {
          return;
        }
        if (rawTextAt != null && crossed.remove(rawTextAt)) {
          problems.add(
              closedLater(
                  rawTextAt,
                  rawText,
                  RAW_TEXT.contains(rawText)
                      ? Messages.get("html.why.text-up-to-disappears", rawText)
                      : Messages.get("html.why.text-up-to-raw", rawText)));
        }
        rawText = null;
        rawTextAt = null;
        i = end;
        continue;
      }
      int lt = html.indexOf('<', i);
      if (lt < 0 || lt + 1 >= n) {
        return;
      }
      char c = html.charAt(lt + 1);
      if (html.startsWith("<!--", lt)) {
        // As HTML reads it: <!--> and <!---> are empty comments.
        int end =
            html.startsWith(">", lt + 4)
                ? lt + 5
                : html.startsWith("->", lt + 4) ? lt + 6 : commentEnd(html, lt + 4);
        if (end < 0) {
          commentAt = new Mark(at, lt);
          return;
        }
        i = end;
      } else if (c == '!' || c == '?') {
        int end = html.indexOf('>', lt + 2);
        i = end < 0 ? n : end + 1;
      } else if (c == '/' && lt + 2 < n && isLetter(html.charAt(lt + 2))) {
        int nameEnd = nameEnd(html, lt + 2);
        closed(html.substring(lt + 2, nameEnd).toLowerCase(Locale.ROOT));
        int end = html.indexOf('>', nameEnd);
        i = end < 0 ? n : end + 1;
      } else if (isLetter(c)) {
        int nameEnd = nameEnd(html, lt + 1);
        String name = html.substring(lt + 1, nameEnd).toLowerCase(Locale.ROOT);
        int end = tagEnd(html, nameEnd);
        boolean selfClosing = end > 1 && html.charAt(end - 2) == '/';
        i = end;
        opened(
            name,
            html.substring(nameEnd, selfClosing ? end - 2 : Math.max(nameEnd, end - 1)).strip(),
            selfClosing,
            at,
            lt);
        if (stopped) {
          return;
        }
      } else {
        i = lt + 1;
      }
    }
  }

  private void opened(String name, String attributes, boolean selfClosing, Place at, int offset) {
    Open current = stack.isEmpty() ? null : stack.get(stack.size() - 1);
    if (current != null
        && current.foreign()
        && !current.htmlPart()
        && !HTML_IN_FOREIGN.contains(name)
        && !(name.equals("font") && FONT_BREAKOUT.matcher(attributes).find())) {
      // In SVG or MathML: <style>, <title> and the like are elements like any other; only <script>
      // is raw text.
      if (name.equals("script") && !selfClosing) {
        rawText = name;
        rawTextAt = new Mark(at, offset);
      } else if (!selfClosing) {
        push(
            new Open(
                name,
                true,
                current.space(),
                current.space().equals("svg")
                    ? SVG_HTML_PARTS.contains(name)
                    : MATH_HTML_PARTS.contains(name)
                        || name.equals("annotation-xml")
                            && HTML_ENCODING.matcher(attributes).find()),
            at,
            offset);
      }
      return;
    }
    if (name.equals("xmp")) {
      if (!xmpSeen) {
        xmpSeen = true;
        problems.add(new Mark(at, offset).problem(Messages.get("html.xmp")));
      }
      rawText = name;
      return;
    }
    if (name.equals("plaintext")) {
      problems.add(new Mark(at, offset).problem(Messages.get("html.plaintext")));
      stopped = true; // nothing after it is markup
      return;
    }
    if (RAW_TEXT.contains(name) || ESCAPABLE_RAW_TEXT.contains(name)) {
      rawText = name;
      rawTextAt = new Mark(at, offset);
      return;
    }
    if (name.equals("svg") || name.equals("math")) {
      if (!selfClosing) {
        push(new Open(name, true, name, false), at, offset);
      }
      return;
    }
    if (HEADINGS.contains(name)) {
      // A heading opened in another is a new one: the parser closes the first.
      if (headingAt != null) {
        crossed.remove(headingAt);
      }
      heading = name;
      headingAt = new Mark(at, offset);
    }
    if (REARRANGING.contains(name)) {
      open.computeIfAbsent(name, k -> new ArrayDeque<>()).push(new Mark(at, offset));
    }
    if (VOID.contains(name) || selfClosing && !SLASH_IGNORED.contains(name)) {
      return;
    }
    if (CLOSED_BY_THE_NEXT.contains(name)) {
      if (current != null && current.foreign()) {
        // <svg><p>: an HTML element in SVG, whose content is read as HTML until it is closed
        push(new Open(name, false, "html", false), at, offset);
      }
      return;
    }
    push(new Open(name, true, "html", false), at, offset);
  }

  private void push(Open element, Place at, int offset) {
    stack.add(element);
    if (element.counted()) {
      depth++;
    }
    if (depth > MarkdownRenderer.MAX_DEPTH) {
      problems.add(
          new Mark(at, offset)
              .problem(Messages.get("html.too-deep", MarkdownRenderer.MAX_DEPTH, nested())));
      stopped = true;
    }
  }

  /**
   * The names of the elements open, outermost first, at most three: {@code <div>, <table> and
   * <tr>}.
   */
  private String nested() {
    java.util.LinkedHashSet<String> names = new java.util.LinkedHashSet<>();
    for (Open o : stack) {
      if (o.counted()) {
        names.add(o.name());
      }
    }
    Object[] first = names.stream().limit(3).toArray();
    return Messages.get(
        switch (first.length) {
          case 1 -> "html.nested.one";
          case 2 -> "html.nested.two";
          default -> "html.nested.three";
        },
        first);
  }

  /**
   * The paragraph (or heading, list item, table cell) or the run of raw HTML pieces read since the
   * last call ends: what follows is rendered Markdown, or raw HTML with Markdown before it. {@code
   * paragraph}: it was a paragraph-like block, whose end closes the phrasing elements left open in
   * it.
   */
  void blockEnds(boolean paragraph) {
    if (stopped) {
      return;
    }
    if (rawText != null && rawTextAt != null) {
      crossed.add(rawTextAt);
    }
    if (headingAt != null) {
      crossed.add(headingAt);
    }
    for (String name : List.of("select", "template")) {
      Deque<Mark> opened = open.get(name);
      if (opened != null) {
        // Innermost first; those under one already marked were marked with it.
        for (Mark m : opened) {
          if (!crossed.add(m)) {
            break;
          }
        }
      }
    }
    if (paragraph) {
      while (stack.size() > floor) {
        Open top = stack.get(stack.size() - 1);
        if (!(PHRASING.contains(top.name()) || top.foreign() || !top.counted())) {
          break;
        }
        stack.remove(stack.size() - 1);
        if (top.counted()) {
          depth--;
        }
      }
    }
    floor = stack.size();
  }

  private void closed(String name) {
    if (HEADINGS.contains(name) && headingAt != null) {
      if (crossed.remove(headingAt)) {
        problems.add(
            closedLater(
                headingAt, heading, Messages.get("html.why.paragraphs-up-to-heading", heading)));
      }
      heading = null;
      headingAt = null;
    }
    Deque<Mark> opened = open.get(name);
    if (opened != null && !opened.isEmpty()) {
      Mark at = opened.pop();
      if (crossed.remove(at)) {
        problems.add(closedLater(at, name, Messages.get("html.why.paragraphs-up-to-moved", name)));
      }
    }
    // As the parser does: an end tag closes the innermost element of its name and any inside it.
    for (int k = stack.size() - 1; k >= 0; k--) {
      if (stack.get(k).name().equals(name)) {
        for (Open o : stack.subList(k, stack.size())) {
          if (o.counted()) {
            depth--;
          }
        }
        stack.subList(k, stack.size()).clear();
        floor = Math.min(floor, k);
        return;
      }
    }
  }

  /** Every problem found, in the order they stand; call once every piece is read. */
  List<MarkdownRenderer.Problem> finish() {
    if (!stopped) {
      if (commentAt != null) {
        problems.add(commentAt.problem(Messages.get("html.comment-not-closed")));
      }
      if (rawText != null && rawTextAt != null) {
        String why =
            RAW_TEXT.contains(rawText)
                ? Messages.get("html.why.text-after-disappears")
                : Messages.get("html.why.text-after-raw");
        problems.add(neverClosed(rawTextAt, rawText, why));
      }
      if (headingAt != null) {
        problems.add(
            neverClosed(headingAt, heading, Messages.get("html.why.paragraphs-after-heading")));
      }
      for (String name : List.of("table", "select", "template")) {
        Deque<Mark> opened = open.get(name);
        if (opened != null && !opened.isEmpty()) {
          // The outermost one never closed: one error, not one for each inside it.
          problems.add(
              neverClosed(
                  opened.peekLast(), name, Messages.get("html.why.paragraphs-after-moved")));
        }
      }
    }
    problems.sort(
        java.util.Comparator.comparingInt(MarkdownRenderer.Problem::line)
            .thenComparingInt(MarkdownRenderer.Problem::column));
    return List.copyOf(problems);
  }

  private static MarkdownRenderer.Problem closedLater(Mark at, String name, String why) {
    return at.problem(Messages.get("html.closed-later", name, why));
  }

  /**
   * Just after the end of a comment: {@code -->}, or {@code --!>} as HTML reads it; -1 when none.
   */
  private static int commentEnd(String html, int from) {
    for (int i = html.indexOf("--", from); i >= 0; i = html.indexOf("--", i + 1)) {
      if (html.startsWith(">", i + 2)) {
        return i + 3;
      }
      if (html.startsWith("!>", i + 2)) {
        return i + 4;
      }
    }
    return -1;
  }

  private static MarkdownRenderer.Problem neverClosed(Mark at, String name, String why) {
    return at.problem(Messages.get("html.never-closed", name, why));
  }

  /**
   * Just after {@code </name} followed by a space, a slash or {@code >}, from {@code from}; -1 when
   * none.
   */
  private static int endTag(String html, int from, String name) {
    for (int i = html.indexOf("</", from); i >= 0; i = html.indexOf("</", i + 2)) {
      int after = i + 2 + name.length();
      if (html.regionMatches(true, i + 2, name, 0, name.length())
          && (after == html.length() || " \t\n\f\r/>".indexOf(html.charAt(after)) >= 0)) {
        int end = html.indexOf('>', after);
        return end < 0 ? html.length() : end + 1;
      }
    }
    return -1;
  }

  private static boolean isLetter(char c) {
    return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z';
  }

  private static int nameEnd(String html, int from) {
    int i = from;
    while (i < html.length() && " \t\n\f\r/>".indexOf(html.charAt(i)) < 0) {
      i++;
    }
    return i;
  }

  /** Just after the {@code >} ending a start tag, skipping quoted attribute values. */
  private static int tagEnd(String html, int from) {
    int i = from;
    while (i < html.length()) {
      char c = html.charAt(i);
      if (c == '>') {
        return i + 1;
      }
      if (c == '=') {
        int j = i + 1;
        while (j < html.length() && " \t\n\f\r".indexOf(html.charAt(j)) >= 0) {
          j++;
        }
        if (j < html.length() && (html.charAt(j) == '"' || html.charAt(j) == '\'')) {
          int close = html.indexOf(html.charAt(j), j + 1);
          i = close < 0 ? html.length() : close + 1;
          continue;
        }
      }
      i++;
    }
    return html.length();
  }
}
