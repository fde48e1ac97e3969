package vn.luutru.markdown;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import org.commonmark.Extension;
import org.commonmark.ext.autolink.AutolinkExtension;
import org.commonmark.ext.footnotes.FootnotesExtension;
import org.commonmark.ext.gfm.tables.TablesExtension;
import org.commonmark.node.AbstractVisitor;
import org.commonmark.node.Heading;
import org.commonmark.node.HtmlBlock;
import org.commonmark.node.HtmlInline;
import org.commonmark.node.Image;
import org.commonmark.node.Link;
import org.commonmark.node.Node;
import org.commonmark.node.SourceSpan;
import org.commonmark.parser.IncludeSourceSpans;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.AttributeProvider;
import org.commonmark.renderer.html.HtmlRenderer;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.safety.Safelist;
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
 * <p>A body whose headings start at level 1 is shifted down one level, since the page's own
 * title is the only {@code h1}. Raw HTML is allowed but cleaned: no scripts, no event
 * attributes, no {@code javascript:} addresses. Only bodies that contain raw HTML pay for the
 * jsoup pass.
 */
public final class MarkdownRenderer {
  private static final java.util.regex.Pattern SCHEME =
      java.util.regex.Pattern.compile("^\\s*([a-zA-Z][a-zA-Z0-9+.-]*):");
  private static final Set<String> SAFE_SCHEMES = Set.of("http", "https", "mailto", "tel");

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
    this.html =
        HtmlRenderer.builder()
            .extensions(extensions)
            .attributeProviderFactory(context -> new Attributes())
            .build();
    this.safelist =
        Safelist.relaxed()
            .addTags("figure", "figcaption", "section", "sup", "sub", "mark", "abbr", "hr")
            .addAttributes(":all", "id", "class", "lang", "dir")
            .addAttributes("a", "data-footnote-ref", "data-footnote-backref", "rel")
            .addAttributes("section", "data-footnotes")
            .addAttributes("img", "loading", "decoding")
            .addAttributes("th", "align")
            .addAttributes("td", "align")
            .preserveRelativeLinks(true);
  }

  /**
   * Renders {@code markdown}; {@code links} rewrites every link and image address (for
   * relative paths, path prefixes and checks).
   */
  public RenderedBody render(String markdown, LinkResolver links) {
    Node doc = parser.parse(markdown);
    Positions positions = new Positions(markdown);
    checkDepth(doc, positions);
    Prepare prepare = new Prepare(links, positions);
    doc.accept(prepare);
    if (prepare.hasH1) {
      doc.accept(
          new AbstractVisitor() {
            @Override
            public void visit(Heading heading) {
              heading.setLevel(Math.min(6, heading.getLevel() + 1));
              visitChildren(heading);
            }
          });
    }
    String out = html.render(doc);
    if (out.contains("data-footnote-backref")) {
      out = out.replace("aria-label=\"Back to reference ", "aria-label=\"Quay lại chỗ dẫn chú thích ");
    }
    if (prepare.hasRawHtml) {
      Document.OutputSettings settings = new Document.OutputSettings().prettyPrint(false);
      out = Jsoup.clean(out, "https://luutru.invalid/", safelist, settings);
    }
    return new RenderedBody(out, VietnameseText.clean(PlainText.of(doc)));
  }

  /**
   * Nodes inside each other (a quote in a list in a quote …, emphasis in emphasis) beyond this
   * are refused: rendering walks the tree recursively, and no article needs more than a dozen.
   */
  public static final int MAX_DEPTH = 100;

  /** A body nested deeper than {@link #MAX_DEPTH}, where the first too-deep part starts. */
  public static final class TooDeepException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final int line;
    private final int column;

    TooDeepException(int line, int column) {
      super("the text is nested more than " + MAX_DEPTH + " levels deep (lists, quotes or emphasis inside each"
          + " other); luutru does not render it");
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
        throw placed == null ? new TooDeepException(0, 0)
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

  /** Where a node starts: 1-based line, and column in characters (commonmark counts UTF-16 units). */
  private static final class Positions {
    private final String markdown;
    private String[] lines;

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
      if (lines == null) {
        lines = markdown.split("\n", -1);
      }
      int line = spans.get(0).getLineIndex();
      int units = spans.get(0).getColumnIndex();
      if (line >= lines.length) {
        return units + 1;
      }
      String text = lines[line];
      return text.codePointCount(0, Math.min(units, text.length())) + 1;
    }
  }

  /** Finds raw HTML and level-1 headings, and resolves link and image addresses. */
  private static final class Prepare extends AbstractVisitor {
    private final LinkResolver links;
    private final Positions positions;
    boolean hasRawHtml;
    boolean hasH1;

    Prepare(LinkResolver links, Positions positions) {
      this.links = links;
      this.positions = positions;
    }

    @Override
    public void visit(HtmlBlock node) {
      hasRawHtml = true;
    }

    @Override
    public void visit(HtmlInline node) {
      hasRawHtml = true;
    }

    @Override
    public void visit(Heading node) {
      hasH1 |= node.getLevel() == 1;
      visitChildren(node);
    }

    @Override
    public void visit(Link node) {
      node.setDestination(safe(links.resolve(node.getDestination(), LinkResolver.Kind.LINK, line(node), column(node))));
      visitChildren(node);
    }

    @Override
    public void visit(Image node) {
      node.setDestination(safe(links.resolve(node.getDestination(), LinkResolver.Kind.IMAGE, line(node), column(node))));
      if (node.getFirstChild() == null) {
        links.imageWithoutAlt(line(node), column(node));
      }
      visitChildren(node);
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

  /** ASCII heading anchors ({@code #ket-qua-dai-hoi}), unique per body; lazy images. */
  private static final class Attributes implements AttributeProvider {
    private final Set<String> used = new HashSet<>();

    @Override
    public void setAttributes(Node node, String tagName, Map<String, String> attributes) {
      if (node instanceof Heading heading) {
        String base = VietnameseText.slug(headingText(heading));
        if (base.isEmpty()) {
          base = "muc";
        }
        String id = base;
        for (int i = 2; !used.add(id); i++) {
          id = base + "-" + i;
        }
        attributes.put("id", id);
      } else if (node instanceof Image) {
        attributes.put("loading", "lazy");
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
}
