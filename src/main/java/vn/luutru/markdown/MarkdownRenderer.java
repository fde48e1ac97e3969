package vn.luutru.markdown;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.commonmark.Extension;
import org.commonmark.ext.autolink.AutolinkExtension;
import org.commonmark.ext.footnotes.FootnotesExtension;
import org.commonmark.ext.gfm.tables.TableCell;
import org.commonmark.ext.gfm.tables.TablesExtension;
import org.commonmark.node.AbstractVisitor;
import org.commonmark.node.HardLineBreak;
import org.commonmark.node.Heading;
import org.commonmark.node.HtmlBlock;
import org.commonmark.node.HtmlInline;
import org.commonmark.node.Image;
import org.commonmark.node.Link;
import org.commonmark.node.Node;
import org.commonmark.node.SoftLineBreak;
import org.commonmark.node.SourceSpan;
import org.commonmark.node.Text;
import org.commonmark.node.ThematicBreak;
import org.commonmark.parser.IncludeSourceSpans;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.NodeRenderer;
import org.commonmark.renderer.html.AttributeProvider;
import org.commonmark.renderer.html.HtmlNodeRendererContext;
import org.commonmark.renderer.html.HtmlRenderer;
import org.commonmark.renderer.html.HtmlWriter;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.safety.Cleaner;
import org.jsoup.safety.Safelist;
import vn.luutru.content.SitePath;
import vn.luutru.content.VietnameseText;

/**
 * Renders article bodies. Built once and shared: it is immutable and thread-safe, like the
 * commonmark {@link Parser} and {@link HtmlRenderer} inside it.
 *
 * <pre>{@code
 * MarkdownRenderer md = new MarkdownRenderer();
 * RenderedBody body = md.render("## Kết quả\n\nĐại hội …", LinkResolver.IDENTITY);
 * body.html();  // <h2 id="ket-qua">Kết quả</h2>\n<p>Đại hội …</p>
 * }</pre>
 *
 * <p>The output is valid HTML whatever the Markdown (the Nu Html Checker finds no error in it): a
 * body whose headings start at level 1 is shifted down one level, since the page's own title is the
 * only {@code h1}, and no heading skips a level; void elements are written as HTML ({@code <br>},
 * not {@code <br />}); table alignment is a class ({@code align-right}), not the obsolete {@code
 * align}; addresses are percent-encoded where they hold spaces and the like; an image or a link
 * whose address is unsafe is replaced by its text; heading ids never take one of {@link
 * #RESERVED_IDS} or a footnote's; characters HTML forbids (reached through references like {@code
 * &#xFFFF;}) are removed and the text is NFC.
 *
 * <p>Raw HTML is allowed but cleaned: no scripts, no event attributes, no {@code javascript:}
 * addresses, and what the standard forbids is repaired ({@link HtmlRepair}). Raw HTML that would
 * hide or move the text after it (a {@code <style>} or {@code <table>} never closed, an unclosed
 * comment) or is nested more than {@link #MAX_DEPTH} deep is refused with a {@link
 * RefusedException} that says where ({@link RawHtmlCheck}). Only bodies that contain raw HTML pay
 * for the jsoup pass.
 */
public final class MarkdownRenderer {
  private static final java.util.regex.Pattern SCHEME =
      java.util.regex.Pattern.compile("^\\s*([a-zA-Z][a-zA-Z0-9+.-]*):");
  private static final Set<String> SAFE_SCHEMES = Set.of("http", "https", "mailto", "tel");

  /**
   * Ids the default theme gives elements of an article page (the skip link's target, the header's
   * search box, the congress table and related articles); a heading or a raw element of the body
   * that would take one gets a suffix instead ({@code noi-dung-2}).
   */
  static final Set<String> RESERVED_IDS =
      Set.of("noi-dung", "tim-nhanh", "thong-tin-dai-hoi", "bai-lien-quan");

  private final Parser parser;
  private final HtmlRenderer html;
  private final Safelist safelist;

  public MarkdownRenderer() {
    List<Extension> extensions =
        List.of(TablesExtension.create(), AutolinkExtension.create(), FootnotesExtension.create());
    this.parser =
        Parser.builder()
            .extensions(extensions)
            .includeSourceSpans(IncludeSourceSpans.BLOCKS_AND_INLINES)
            .build();
    // Footnotes are parsed by the extension and rendered by Footnotes, which adds a heading.
    this.html =
        HtmlRenderer.builder()
            .extensions(List.of(TablesExtension.create(), AutolinkExtension.create()))
            .nodeRendererFactory(Footnotes::new)
            .attributeProviderFactory(context -> new Attributes())
            .nodeRendererFactory(VoidElements::new)
            .build();
    // relaxed() less what HTML made obsolete (presentational attributes, col widths, summary);
    // th/td align is kept here and turned into a class by HtmlRepair.
    this.safelist =
        Safelist.relaxed()
            .removeTags("col", "colgroup")
            .removeAttributes("img", "align")
            .removeAttributes("table", "summary", "width")
            .removeAttributes("td", "abbr", "axis", "width")
            .removeAttributes("th", "axis", "width")
            .removeAttributes("ul", "type")
            .addTags(
                "figure",
                "figcaption",
                "section",
                "sup",
                "sub",
                "mark",
                "abbr",
                "hr",
                "s",
                "del",
                "ins")
            .addAttributes(":all", "id", "class", "lang", "dir")
            .addAttributes("a", "data-footnote-ref", "data-footnote-backref", "rel")
            .addAttributes("section", "data-footnotes")
            .addAttributes("img", "loading", "decoding")
            .addAttributes("th", "align")
            .addAttributes("td", "align")
            .preserveRelativeLinks(true);
  }

  /**
   * Renders {@code markdown}; {@code links} rewrites every link and image address (for relative
   * paths, path prefixes and checks).
   */
  public RenderedBody render(String markdown, LinkResolver links) {
    Node doc = parser.parse(markdown);
    Positions positions = new Positions(markdown);
    checkDepth(doc, positions);
    Prepare prepare = new Prepare(links, positions);
    doc.accept(prepare);
    if (prepare.hasRawHtml) {
      checkRawHtml(prepare.raw, positions);
    }
    prepare.unlinkUnsafe();
    // Under the page's h1: level 2 at most, one level deeper at most than the heading before.
    int shift = prepare.hasH1 ? 1 : 0;
    int previous = 1;
    for (Heading heading : prepare.headings) {
      int level = Math.min(6, Math.min(heading.getLevel() + shift, previous + 1));
      heading.setLevel(level);
      previous = level;
    }
    String out = html.render(doc);
    if (prepare.hasRawHtml) {
      Document dirty = Jsoup.parseBodyFragment(out, "https://luutru.invalid/");
      Document clean = new Cleaner(safelist).clean(dirty);
      HtmlRepair.repair(clean.body(), RESERVED_IDS);
      clean.outputSettings(new Document.OutputSettings().prettyPrint(false));
      out = clean.body().html();
    }
    // The Markdown is clean already; only a character reference (&#xFFFF;) can bring back what
    // cleaning removes, so the whole page is cleaned again only when there is one.
    String text = PlainText.of(doc);
    return markdown.indexOf('&') < 0
        ? new RenderedBody(out, text)
        : new RenderedBody(VietnameseText.clean(out), VietnameseText.clean(text));
  }

  /**
   * Nodes inside each other (a quote in a list in a quote …, emphasis in emphasis) beyond this are
   * refused: rendering walks the tree recursively, and no article needs more than a dozen.
   */
  public static final int MAX_DEPTH = 100;

  /** A body nested deeper than {@link #MAX_DEPTH}, where the first too-deep part starts. */
  public static final class TooDeepException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final int line;
    private final int column;

    TooDeepException(int line, int column) {
      super(Messages.get("markdown.too-deep", MAX_DEPTH));
      this.line = line;
      this.column = column;
    }

    /** 1-based line in the body, 0 when unknown. */
    public int line() {
      return line;
    }

    /** 1-based column in characters, 0 when unknown. */
    public int column() {
      return column;
    }
  }

  /** A problem in a body, where it stands: 1-based line in the body and column in characters. */
  public record Problem(int line, int column, String message) {}

  /**
   * A body luutru refuses to render as it is, with every problem found: raw HTML that would hide
   * the text after it (a {@code <style>} never closed) or nested too deeply.
   */
  public static final class RefusedException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final transient List<Problem> problems;

    RefusedException(List<Problem> problems) {
      super(problems.get(0).message());
      this.problems = List.copyOf(problems);
    }

    /** In the order they stand in the body; never empty. */
    public List<Problem> problems() {
      return problems;
    }
  }

  /** Walks the tree without recursion; throws at the first node deeper than {@link #MAX_DEPTH}. */
  private static void checkDepth(Node doc, Positions positions) {
    Node n = doc;
    int depth = 0;
    while (n != null) {
      if (depth > MAX_DEPTH) {
        Node placed = n;
        while (placed != null && placed.getSourceSpans().isEmpty()) {
          placed = placed.getParent();
        }
        throw placed == null
            ? new TooDeepException(0, 0)
            : new TooDeepException(positions.line(placed), positions.column(placed));
      }
      if (n.getFirstChild() != null) {
        n = n.getFirstChild();
        depth++;
        continue;
      }
      while (n != null && n.getNext() == null) {
        n = n.getParent();
        depth--;
      }
      if (n != null) {
        n = n.getNext();
      }
    }
  }

  /**
   * Refuses raw HTML that would hide or move the text after it, or is nested too deeply ({@link
   * RawHtmlCheck}), reading the pieces of raw HTML in the order they stand.
   */
  private static void checkRawHtml(List<Node> raw, Positions positions) {
    RawHtmlCheck check = new RawHtmlCheck();
    Node previous = null;
    for (Node node : raw) {
      if (previous != null && !continues(previous, node)) {
        check.blockEnds(previous instanceof HtmlInline);
      }
      previous = node;
      String literal =
          node instanceof HtmlBlock block ? block.getLiteral() : ((HtmlInline) node).getLiteral();
      List<SourceSpan> spans = node.getSourceSpans();
      check.read(
          literal,
          new RawHtmlCheck.Place() {
            private int[] lineStarts;

            @Override
            public int[] of(int offset) {
              if (spans.isEmpty()) {
                return new int[] {0, 0};
              }
              if (lineStarts == null) {
                List<Integer> starts = new ArrayList<>();
                starts.add(0);
                for (int i = literal.indexOf('\n'); i >= 0; i = literal.indexOf('\n', i + 1)) {
                  starts.add(i + 1);
                }
                lineStarts = starts.stream().mapToInt(Integer::intValue).toArray();
              }
              int k = java.util.Arrays.binarySearch(lineStarts, offset);
              k = k >= 0 ? k : -k - 2;
              SourceSpan span = spans.get(Math.min(k, spans.size() - 1));
              return new int[] {
                span.getLineIndex() + 1,
                positions.column(
                    span.getLineIndex(), span.getColumnIndex() + offset - lineStarts[k])
              };
            }
          });
    }
    if (previous != null) {
      check.blockEnds(previous instanceof HtmlInline);
    }
    List<Problem> problems = check.finish();
    if (!problems.isEmpty()) {
      throw new RefusedException(problems);
    }
  }

  /**
   * Whether no rendered Markdown stands between two pieces of raw HTML, outside the paragraph they
   * share: both in one paragraph (or heading, table cell), or two HTML blocks side by side.
   */
  private static boolean continues(Node previous, Node next) {
    if (previous instanceof HtmlInline && next instanceof HtmlInline) {
      return inlineParent(previous) == inlineParent(next);
    }
    return previous instanceof HtmlBlock && previous.getNext() == next;
  }

  /** The paragraph, heading or table cell an inline node is in. */
  private static Node inlineParent(Node inline) {
    Node n = inline.getParent();
    while (n != null && !(n instanceof org.commonmark.node.Block) && !(n instanceof TableCell)) {
      n = n.getParent();
    }
    return n;
  }

  /**
   * Where a node starts: 1-based line, and column in characters (commonmark counts UTF-16 units).
   */
  private static final class Positions {
    private final String markdown;
    private String[] lines;

    /**
     * The characters up to {@code countedUnits} of line {@code countedLine}: the last column worked
     * out.
     */
    private int countedLine = -1;

    private int countedUnits;
    private int counted;

    Positions(String markdown) {
      this.markdown = markdown;
    }

    int line(Node n) {
      List<SourceSpan> spans = n.getSourceSpans();
      return spans.isEmpty() ? 0 : spans.get(0).getLineIndex() + 1;
    }

    int column(Node n) {
      List<SourceSpan> spans = n.getSourceSpans();
      if (spans.isEmpty()) {
        return 0;
      }
      return column(spans.get(0).getLineIndex(), spans.get(0).getColumnIndex());
    }

    /**
     * The 1-based column in characters of 0-based line {@code line}, column {@code units} in UTF-16
     * units.
     */
    int column(int line, int units) {
      if (lines == null) {
        lines = markdown.split("\n", -1);
      }
      if (line >= lines.length) {
        return units + 1;
      }
      String text = lines[line];
      int end = Math.min(units, text.length());
      // Links are looked up in the order they stand: counting on from the one before keeps
      // 100,000 links on one line linear (counting from the line's start each time took minutes).
      if (line != countedLine || end < countedUnits) {
        countedLine = line;
        countedUnits = 0;
        counted = 0;
      }
      counted += text.codePointCount(countedUnits, end);
      countedUnits = end;
      return counted + 1;
    }
  }

  /**
   * Finds raw HTML and headings, resolves link and image addresses, and notes the links and images
   * whose address is unsafe or, for images, missing.
   */
  private static final class Prepare extends AbstractVisitor {
    /** {@code href="…"} or {@code src=…} in a tag: the attribute and its value, quoted or not. */
    private static final Pattern RAW_ADDRESS =
        Pattern.compile(
            "(?i)(?<=[\\s\"'])(href|src)\\s*=\\s*(\"([^\"]*)\"|'([^']*)'|([^\\s\"'<>`=]+))");

    private final LinkResolver links;
    private final Positions positions;
    final List<Heading> headings = new ArrayList<>();
    private final List<Node> unsafe = new ArrayList<>();

    /** The pieces of raw HTML, in the order they stand. */
    final List<Node> raw = new ArrayList<>();

    boolean hasRawHtml;
    boolean hasH1;

    Prepare(LinkResolver links, Positions positions) {
      this.links = links;
      this.positions = positions;
    }

    @Override
    public void visit(HtmlBlock node) {
      hasRawHtml = true;
      raw.add(node);
      addresses(node, node.getLiteral());
    }

    @Override
    public void visit(HtmlInline node) {
      hasRawHtml = true;
      raw.add(node);
      addresses(node, node.getLiteral());
    }

    /** Hands each {@code href} and {@code src} of the raw HTML to the resolver, where it stands. */
    private void addresses(Node node, String html) {
      if (html.indexOf('=') < 0) {
        return;
      }
      Matcher m = RAW_ADDRESS.matcher(html);
      while (m.find()) {
        String value =
            m.group(3) != null ? m.group(3) : m.group(4) != null ? m.group(4) : m.group(5);
        int at = m.start(2);
        int lines = 0;
        int lineStart = -1;
        for (int i = 0; i < at; i++) {
          if (html.charAt(i) == '\n') {
            lines++;
            lineStart = i;
          }
        }
        int column =
            lines == 0
                ? column(node) + html.codePointCount(0, at)
                : html.codePointCount(lineStart + 1, at) + 1;
        links.raw(
            org.jsoup.parser.Parser.unescapeEntities(value, true),
            m.group(1).equalsIgnoreCase("src") ? LinkResolver.Kind.IMAGE : LinkResolver.Kind.LINK,
            line(node) + lines,
            column);
      }
    }

    @Override
    public void visit(Heading node) {
      hasH1 |= node.getLevel() == 1;
      headings.add(node);
      visitChildren(node);
    }

    @Override
    public void visit(Link node) {
      String destination = node.getDestination();
      String resolved =
          safe(links.resolve(destination, LinkResolver.Kind.LINK, line(node), column(node)));
      node.setDestination(SitePath.escape(resolved));
      if (resolved.isEmpty() && !destination.isBlank()) {
        unsafe.add(node);
      }
      visitChildren(node);
    }

    @Override
    public void visit(Image node) {
      String resolved =
          safe(
              links.resolve(
                  node.getDestination(), LinkResolver.Kind.IMAGE, line(node), column(node)));
      node.setDestination(SitePath.escape(resolved));
      if (node.getFirstChild() == null) {
        links.imageWithoutAlt(line(node), column(node));
      }
      Map<String, String> extra = links.imageAttributes(resolved);
      if (!extra.isEmpty()) {
        node.appendChild(new ImageAttributes(extra));
      }
      if (resolved.isBlank()) {
        unsafe.add(node);
      }
      visitChildren(node);
    }

    /**
     * Puts the text of each unsafe link, and of each image with no usable address, in its place.
     */
    void unlinkUnsafe() {
      for (Node node : unsafe) {
        Node child = node.getFirstChild();
        while (child != null) {
          Node next = child.getNext();
          node.insertBefore(child);
          child = next;
        }
        node.unlink();
      }
    }

    /** Keeps relative addresses and http, https, mailto and tel ones; drops the rest. */
    private static String safe(String destination) {
      Matcher m = SCHEME.matcher(destination);
      if (!m.find()) {
        return destination;
      }
      String scheme = m.group(1).toLowerCase(java.util.Locale.ROOT);
      return SAFE_SCHEMES.contains(scheme) ? destination : "";
    }

    private int line(Node n) {
      return positions.line(n);
    }

    private int column(Node n) {
      return positions.column(n);
    }
  }

  /**
   * ASCII heading anchors ({@code #ket-qua-dai-hoi}), unique per body, never one of {@link
   * #RESERVED_IDS} nor a footnote's ({@code fn-…}, {@code fnref-…}); lazy images; table alignment
   * as a class.
   */
  private static final class Attributes implements AttributeProvider {
    private final UniqueIds ids = new UniqueIds(RESERVED_IDS);

    @Override
    public void setAttributes(Node node, String tagName, Map<String, String> attributes) {
      if (node instanceof Heading heading) {
        String base = VietnameseText.slug(headingText(heading));
        if (base.isEmpty()) {
          base = "muc";
        } else if (base.startsWith("fn-") || base.startsWith("fnref-")) {
          base = "muc-" + base;
        }
        attributes.put("id", ids.unique(base));
      } else if (node instanceof Image) {
        attributes.put("loading", "lazy");
      } else if (node instanceof TableCell) {
        String align = attributes.remove("align");
        if (align != null) {
          attributes.put("class", "align-" + align);
        }
      }
    }

    private static String headingText(Node node) {
      StringBuilder s = new StringBuilder();
      node.accept(
          new AbstractVisitor() {
            @Override
            public void visit(org.commonmark.node.Text text) {
              s.append(text.getLiteral());
            }

            @Override
            public void visit(org.commonmark.node.Code code) {
              s.append(code.getLiteral());
            }
          });
      return s.toString();
    }
  }

  /** What {@link LinkResolver#imageAttributes} gave an image, kept on it until it is written. */
  private static final class ImageAttributes extends org.commonmark.node.CustomNode {
    final Map<String, String> attributes;

    ImageAttributes(Map<String, String> attributes) {
      // In the order given: Map.copyOf would not keep it.
      this.attributes = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(attributes));
    }
  }

  /**
   * Writes {@code <hr>}, {@code <br>} and {@code <img>} as HTML void elements: commonmark's own
   * renderer closes them XML-style ({@code <br />}), which HTML ignores and the checker warns
   * about.
   */
  private static final class VoidElements implements NodeRenderer {
    private final HtmlNodeRendererContext context;
    private final HtmlWriter html;

    VoidElements(HtmlNodeRendererContext context) {
      this.context = context;
      this.html = context.getWriter();
    }

    @Override
    public Set<Class<? extends Node>> getNodeTypes() {
      return Set.of(ThematicBreak.class, HardLineBreak.class, Image.class);
    }

    @Override
    public void render(Node node) {
      if (node instanceof ThematicBreak) {
        html.line();
        html.tag("hr", context.extendAttributes(node, "hr", Map.of()));
        html.line();
      } else if (node instanceof HardLineBreak) {
        html.tag("br", context.extendAttributes(node, "br", Map.of()));
        html.line();
      } else if (node instanceof Image image) {
        Map<String, String> attributes = new LinkedHashMap<>();
        attributes.put("src", context.encodeUrl(image.getDestination()));
        attributes.put("alt", altText(image));
        if (image.getTitle() != null) {
          attributes.put("title", image.getTitle());
        }
        for (Node c = image.getFirstChild(); c != null; c = c.getNext()) {
          if (c instanceof ImageAttributes extra) {
            attributes.putAll(extra.attributes);
          }
        }
        html.tag("img", context.extendAttributes(image, "img", attributes));
      }
    }

    /** The image's text, without markup, as commonmark's own renderer gives it. */
    private static String altText(Image image) {
      StringBuilder s = new StringBuilder();
      image.accept(
          new AbstractVisitor() {
            @Override
            public void visit(Text text) {
              s.append(text.getLiteral());
            }

            @Override
            public void visit(SoftLineBreak softLineBreak) {
              s.append('\n');
            }

            @Override
            public void visit(HardLineBreak hardLineBreak) {
              s.append('\n');
            }
          });
      return s.toString();
    }
  }
}
