package vn.luutru.markdown;

import org.commonmark.ext.gfm.tables.TableRow;
import org.commonmark.node.AbstractVisitor;
import org.commonmark.node.Block;
import org.commonmark.node.Code;
import org.commonmark.node.CustomBlock;
import org.commonmark.node.CustomNode;
import org.commonmark.node.FencedCodeBlock;
import org.commonmark.node.HardLineBreak;
import org.commonmark.node.HtmlBlock;
import org.commonmark.node.HtmlInline;
import org.commonmark.node.Image;
import org.commonmark.node.IndentedCodeBlock;
import org.commonmark.node.Node;
import org.commonmark.node.SoftLineBreak;
import org.commonmark.node.Text;

/**
 * The words a reader sees, one block a line: what summaries, feeds and search are made of. Raw
 * HTML, link addresses and images are left out; table cells are separated by spaces.
 */
final class PlainText extends AbstractVisitor {
  private final StringBuilder out = new StringBuilder();

  static String of(Node document) {
    PlainText t = new PlainText();
    document.accept(t);
    return tidy(t.out).strip();
  }

  /**
   * What {@code replaceAll("[ \\t]*\\n\\s*", "\n")} and then {@code replaceAll("[ \\t]{2,}", " ")}
   * do, in one pass: spaces and tabs before a line break and all white space after it become that
   * line break, and other runs of two or more spaces and tabs become one space. (Runs kept by the
   * first never touch, so one pass gives the same.) The first regular expression takes time in the
   * square of the longest run of spaces not followed by a line break: 100,000 spaces in a paragraph
   * took minutes.
   */
  static String tidy(CharSequence text) {
    int n = text.length();
    // From an array to an array: this runs over every article's whole text, and reading a
    // string or builder a character at a time checks every index.
    char[] s = new char[n];
    if (text instanceof StringBuilder b) {
      b.getChars(0, n, s, 0);
    } else {
      text.toString().getChars(0, n, s, 0);
    }
    char[] out = new char[n];
    int length = 0;
    int i = 0;
    while (i < n) {
      char c = s[i];
      if (c == ' ' || c == '\t') {
        int j = i;
        while (j < n && (s[j] == ' ' || s[j] == '\t')) {
          j++;
        }
        if (j < n && s[j] == '\n') {
          i = j;
        } else {
          out[length++] = j - i >= 2 ? ' ' : c;
          i = j;
        }
      } else if (c == '\n') {
        i++;
        while (i < n && isSpace(s[i])) {
          i++;
        }
        out[length++] = '\n';
      } else {
        out[length++] = c;
        i++;
      }
    }
    return new String(out, 0, length);
  }

  /** The characters of {@code \\s}. */
  private static boolean isSpace(char c) {
    return c == ' ' || c == '\t' || c == '\n' || c == '\u000B' || c == '\f' || c == '\r';
  }

  @Override
  public void visit(Text text) {
    out.append(text.getLiteral());
  }

  @Override
  public void visit(Code code) {
    out.append(code.getLiteral());
  }

  @Override
  public void visit(SoftLineBreak node) {
    out.append(' ');
  }

  @Override
  public void visit(HardLineBreak node) {
    out.append('\n');
  }

  @Override
  public void visit(HtmlInline node) {}

  @Override
  public void visit(HtmlBlock node) {}

  @Override
  public void visit(Image node) {}

  @Override
  public void visit(FencedCodeBlock node) {
    out.append(node.getLiteral()).append('\n');
  }

  @Override
  public void visit(IndentedCodeBlock node) {
    out.append(node.getLiteral()).append('\n');
  }

  @Override
  public void visit(CustomBlock node) {
    visitChildren(node);
    out.append('\n');
  }

  @Override
  public void visit(CustomNode node) {
    visitChildren(node);
    out.append(node instanceof TableRow ? '\n' : ' ');
  }

  @Override
  protected void visitChildren(Node parent) {
    super.visitChildren(parent);
    if (parent instanceof Block && !(parent instanceof CustomBlock)) {
      out.append('\n');
    }
  }
}
