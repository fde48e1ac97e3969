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
 * element whose content the parser takes as raw text ({@code <style>}, {@code <script>},
 * {@code <textarea>} …) or rearranges ({@code <table>}, {@code <select>}, {@code <template>},
 * headings)
 * and that is never closed, an HTML comment never closed, the obsolete {@code <xmp>} and
 * {@code <plaintext>}, and elements nested deeper than {@link MarkdownRenderer#MAX_DEPTH}
 * (which made parsing and repair superlinear).
 *
 * <p>The pieces of raw HTML are read in the order they stand in the body, as the HTML tokenizer
 * reads them: the rendered Markdown between them holds no tag of its own that could close one
 * of these (its text is escaped). One pass, linear in the raw HTML.
 *
 * <pre>{@code
 * RawHtmlCheck check = new RawHtmlCheck();
 * check.read("<style>", at);   // at: maps an offset in the piece to a place in the body
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
  private static final Set<String> RAW_TEXT = Set.of("script", "style", "iframe", "noembed", "noframes");
  /** Their content is text to the parser: markup after them would show as text. */
  private static final Set<String> ESCAPABLE_RAW_TEXT = Set.of("textarea", "title");
  /** The parser moves or merges what follows them until they are closed. */
  private static final Set<String> REARRANGING = Set.of("table", "select", "template");
  private static final Set<String> HEADINGS = Set.of("h1", "h2", "h3", "h4", "h5", "h6");
  /** Elements with no content: they never nest. */
  private static final Set<String> VOID = Set.of("area", "base", "br", "col", "embed", "hr", "img", "input", "link",
      "meta", "param", "source", "track", "wbr", "keygen", "basefont", "bgsound", "frame", "image");
  /**
   * Elements the parser closes by itself (a new item closes the one before) or that hold
   * nothing: not counted in the depth, which counts elements that need their end tag.
   */
  private static final Set<String> CLOSED_BY_THE_NEXT = Set.of("p", "li", "dt", "dd", "tr", "td", "th", "thead",
      "tbody", "tfoot", "option", "optgroup", "caption", "colgroup", "rb", "rt", "rp", "rtc", "html", "head", "body");
  /**
   * HTML elements for which {@code <x/>} still opens an element (the slash is ignored); on other
   * names (SVG's {@code <path/>} and the like) it closes it at once.
   */
  private static final Set<String> SLASH_IGNORED = Set.of("a", "abbr", "article", "aside", "b", "blockquote", "button",
      "center", "cite", "code", "div", "em", "figcaption", "figure", "font", "footer", "form", "h1", "h2", "h3", "h4",
      "h5", "h6", "header", "i", "label", "main", "mark", "nav", "ol", "pre", "q", "s", "section", "small", "span",
      "strike", "strong", "sub", "sup", "table", "u", "ul", "dl", "select", "template", "object");

  /**
   * A place in a piece of raw HTML, turned into a line and column only when reported: working
   * out columns on a long line for every tag would make the check quadratic.
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
  /** An open comment of a previous piece: the rest of the body is in it until {@code -->}. */
  private Mark commentAt;
  /** The heading open, and where: the parser takes what follows into it until any heading's end tag. */
  private String heading;
  private Mark headingAt;
  /** Open table, select and template elements, by name: where each opened. */
  private final Map<String, Deque<Mark>> open = new HashMap<>();
  /** Names of the open elements that need their end tag, innermost last. */
  private final List<String> stack = new ArrayList<>();
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
        int end = html.indexOf("-->", i);
        if (end < 0) {
          return;
        }
        commentAt = null;
        i = end + 3;
        continue;
      }
      if (rawText != null) {
        int end = endTag(html, i, rawText);
        if (end < 0) {
          return;
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
        int end = html.indexOf("-->", lt + 4);
        if (end < 0) {
          commentAt = new Mark(at, lt);
          return;
        }
        i = end + 3;
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
        opened(name, selfClosing, at, lt);
        if (stopped) {
          return;
        }
      } else {
        i = lt + 1;
      }
    }
  }

  private void opened(String name, boolean selfClosing, Place at, int offset) {
    if (name.equals("xmp")) {
      if (!xmpSeen) {
        xmpSeen = true;
        problems.add(new Mark(at, offset).problem("<xmp> is obsolete and the text in it would not be shown; put the text in a"
            + " code block (between ``` lines) instead"));
      }
      rawText = name;
      return;
    }
    if (name.equals("plaintext")) {
      problems.add(new Mark(at, offset).problem("<plaintext> is obsolete and cannot be closed: the text after it would be"
          + " shown as raw markup; remove it, or write \\<plaintext> to show the tag as text"));
      stopped = true; // nothing after it is markup
      return;
    }
    if (RAW_TEXT.contains(name) || ESCAPABLE_RAW_TEXT.contains(name)) {
      rawText = name;
      rawTextAt = new Mark(at, offset);
      return;
    }
    if (HEADINGS.contains(name)) {
      // A heading opened in another is a new one: the parser closes the first.
      heading = name;
      headingAt = new Mark(at, offset);
    }
    if (REARRANGING.contains(name)) {
      open.computeIfAbsent(name, k -> new ArrayDeque<>()).push(new Mark(at, offset));
    }
    if (VOID.contains(name) || CLOSED_BY_THE_NEXT.contains(name) || selfClosing && !SLASH_IGNORED.contains(name)) {
      return;
    }
    stack.add(name);
    if (stack.size() > MarkdownRenderer.MAX_DEPTH) {
      problems.add(new Mark(at, offset).problem("the raw HTML is nested more than " + MarkdownRenderer.MAX_DEPTH
          + " levels deep (elements such as <table> or <div> inside each other); luutru does not render it: close"
          + " the elements sooner"));
      stopped = true;
    }
  }

  private void closed(String name) {
    if (HEADINGS.contains(name)) {
      heading = null;
      headingAt = null;
    }
    Deque<Mark> opened = open.get(name);
    if (opened != null && !opened.isEmpty()) {
      opened.pop();
    }
    // As the parser does: an end tag closes the innermost element of its name and any inside it.
    for (int k = stack.size() - 1; k >= 0; k--) {
      if (stack.get(k).equals(name)) {
        stack.subList(k, stack.size()).clear();
        break;
      }
    }
  }

  /** Every problem found, in the order they stand; call once every piece is read. */
  List<MarkdownRenderer.Problem> finish() {
    if (!stopped) {
      if (commentAt != null) {
        problems.add(commentAt.problem("<!-- opens a comment that is never closed: the text after it would disappear"
            + " from the page; close it with -->"));
      }
      if (rawText != null && rawTextAt != null) {
        String why = RAW_TEXT.contains(rawText) ? "the text after it would disappear from the page"
            : "the text after it would be shown as raw markup";
        problems.add(neverClosed(rawTextAt, rawText, why));
      }
      if (headingAt != null) {
        problems.add(neverClosed(headingAt, heading, "the paragraphs after it would be merged into the heading"));
      }
      for (String name : List.of("table", "select", "template")) {
        Deque<Mark> opened = open.get(name);
        if (opened != null && !opened.isEmpty()) {
          // The outermost one never closed: one error, not one for each inside it.
          problems.add(neverClosed(opened.peekLast(), name, "the paragraphs after it would be merged or moved"));
        }
      }
    }
    problems.sort(java.util.Comparator.comparingInt(MarkdownRenderer.Problem::line)
        .thenComparingInt(MarkdownRenderer.Problem::column));
    return List.copyOf(problems);
  }

  private static MarkdownRenderer.Problem neverClosed(Mark at, String name, String why) {
    return at.problem("<" + name + "> is never closed: " + why + "; close it with </" + name + ">, or write \\<"
        + name + "> to show the tag as text");
  }

  /** Just after {@code </name} followed by a space, a slash or {@code >}, from {@code from}; -1 when none. */
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
