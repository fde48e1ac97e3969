package vn.luutru.markdown;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.commonmark.ext.footnotes.FootnoteDefinition;
import org.commonmark.ext.footnotes.FootnoteReference;
import org.commonmark.node.AbstractVisitor;
import org.commonmark.node.CustomBlock;
import org.commonmark.node.CustomNode;
import org.commonmark.node.DefinitionMap;
import org.commonmark.node.Node;
import org.commonmark.node.Paragraph;
import org.commonmark.renderer.NodeRenderer;
import org.commonmark.renderer.html.HtmlNodeRendererContext;
import org.commonmark.renderer.html.HtmlWriter;

/**
 * Renders footnotes as GitHub does (numbered by first reference, listed at the end, with links
 * back), under a heading of their own and with links back for the first {@link #BACKREFS}
 * references of each only. One instance renders one document.
 */
final class Footnotes implements NodeRenderer {
  /**
   * Links back from a footnote to where it is referenced, for its first references only: each
   * reference would add one, so a footnote referenced 200,000 times would make a page of hundreds
   * of megabytes. Every reference still links to its footnote.
   */
  static final int BACKREFS = 10;

  /** The heading of the list of footnotes. */
  static final String HEADING = "Chú thích";

  /** What a link back says to a screen reader, before the reference's number. */
  static final String BACK_LABEL = "Quay lại chỗ dẫn chú thích ";

  private final HtmlWriter html;
  private final HtmlNodeRendererContext context;
  private DefinitionMap<FootnoteDefinition> definitions;

  /** Definitions referenced so far, in the order they are numbered. */
  private final Map<FootnoteDefinition, Numbered> referenced = new LinkedHashMap<>();

  /** References inside definitions, registered before the definitions are rendered. */
  private final Map<FootnoteReference, Reference> inDefinitions = new HashMap<>();

  Footnotes(HtmlNodeRendererContext context) {
    this.html = context.getWriter();
    this.context = context;
  }

  @Override
  public Set<Class<? extends Node>> getNodeTypes() {
    return Set.of(FootnoteReference.class, FootnoteDefinition.class);
  }

  @Override
  public void beforeRoot(Node root) {
    DefinitionMap<FootnoteDefinition> found = new DefinitionMap<>(FootnoteDefinition.class);
    root.accept(
        new AbstractVisitor() {
          @Override
          public void visit(CustomBlock block) {
            if (block instanceof FootnoteDefinition d) {
              found.putIfAbsent(d.getLabel(), d);
            } else {
              super.visit(block);
            }
          }
        });
    definitions = found;
  }

  /** A reference becomes its number, linked; a definition is rendered at the end, not here. */
  @Override
  public void render(Node node) {
    if (node instanceof FootnoteReference ref) {
      Reference info = inDefinitions.get(ref);
      if (info == null) {
        FootnoteDefinition d = definitions.get(ref.getLabel());
        if (d == null) {
          html.text("[^" + ref.getLabel() + "]");
          return;
        }
        info = register(d);
      }
      html.tag("sup", context.extendAttributes(ref, "sup", Map.of("class", "footnote-ref")));
      Map<String, String> attrs = new LinkedHashMap<>();
      attrs.put("href", "#" + info.definitionId());
      attrs.put("id", info.id());
      attrs.put("data-footnote-ref", null);
      html.tag("a", context.extendAttributes(ref, "a", attrs));
      html.raw(String.valueOf(info.number()));
      html.tag("/a");
      html.tag("/sup");
    }
  }

  /** The list of footnotes: those the text references, then those only footnotes reference. */
  @Override
  public void afterRoot(Node root) {
    if (referenced.isEmpty()) {
      return;
    }
    FootnoteDefinition first = referenced.keySet().iterator().next();
    Map<String, String> attrs = new LinkedHashMap<>();
    attrs.put("class", "footnotes");
    attrs.put("data-footnotes", null);
    html.tag("section", context.extendAttributes(first, "section", attrs));
    html.line();
    html.tag("h2", Map.of("class", "footnotes-title"));
    html.text(HEADING);
    html.tag("/h2");
    html.line();
    html.tag("ol");
    html.line();
    Deque<FootnoteDefinition> check = new ArrayDeque<>(referenced.keySet());
    while (!check.isEmpty()) {
      FootnoteDefinition def = check.removeFirst();
      def.accept(
          new AbstractVisitor() {
            @Override
            public void visit(CustomNode node) {
              if (node instanceof FootnoteReference ref) {
                FootnoteDefinition d = definitions.get(ref.getLabel());
                if (d != null) {
                  if (!referenced.containsKey(d)) {
                    check.addLast(d);
                  }
                  inDefinitions.put(ref, register(d));
                }
              } else {
                super.visit(node);
              }
            }
          });
    }
    for (Map.Entry<FootnoteDefinition, Numbered> e : referenced.entrySet()) {
      definition(e.getKey(), e.getValue());
    }
    html.tag("/ol");
    html.line();
    html.tag("/section");
    html.line();
  }

  private Reference register(FootnoteDefinition d) {
    Numbered n =
        referenced.computeIfAbsent(d, k -> new Numbered(referenced.size() + 1, "-" + k.getLabel()));
    int count = n.references.size() + 1;
    String id = "fnref" + n.key + (count == 1 ? "" : "-" + count);
    n.references.add(id);
    return new Reference(id, "fn" + n.key, n.number);
  }

  private void definition(FootnoteDefinition def, Numbered n) {
    html.tag("li", context.extendAttributes(def, "li", Map.of("id", "fn" + n.key)));
    html.line();
    if (def.getLastChild() instanceof Paragraph last) {
      for (Node node = def.getFirstChild(); node != last; node = node.getNext()) {
        if (node instanceof Paragraph) {
          html.tag("p", context.extendAttributes(node, "p", Map.of()));
          children(node);
          html.tag("/p");
          html.line();
        } else {
          context.render(node);
        }
      }
      html.tag("p", context.extendAttributes(last, "p", Map.of()));
      children(last);
      html.raw(" ");
      backrefs(def, n);
      html.tag("/p");
      html.line();
    } else {
      children(def);
      html.line();
      backrefs(def, n);
    }
    html.tag("/li");
    html.line();
  }

  private void backrefs(FootnoteDefinition def, Numbered n) {
    int shown = Math.min(BACKREFS, n.references.size());
    for (int i = 0; i < shown; i++) {
      int count = i + 1;
      String idx = n.number + (count > 1 ? "-" + count : "");
      Map<String, String> attrs = new LinkedHashMap<>();
      attrs.put("href", "#" + n.references.get(i));
      attrs.put("class", "footnote-backref");
      attrs.put("data-footnote-backref", null);
      attrs.put("data-footnote-backref-idx", idx);
      attrs.put("aria-label", BACK_LABEL + idx);
      html.tag("a", context.extendAttributes(def, "a", attrs));
      if (count > 1) {
        html.tag("sup", context.extendAttributes(def, "sup", Map.of("class", "footnote-ref")));
        html.raw(String.valueOf(count));
        html.tag("/sup");
      }
      html.raw("\u21A9");
      html.tag("/a");
      if (i + 1 < shown) {
        html.raw(" ");
      }
    }
  }

  private void children(Node parent) {
    Node node = parent.getFirstChild();
    while (node != null) {
      Node next = node.getNext();
      context.render(node);
      node = next;
    }
  }

  /** A referenced definition: its number, the key of its ids, and the ids of its references. */
  private static final class Numbered {
    final int number;
    final String key;
    final List<String> references = new ArrayList<>();

    Numbered(int number, String key) {
      this.number = number;
      this.key = key;
    }
  }

  private record Reference(String id, String definitionId, int number) {}
}
