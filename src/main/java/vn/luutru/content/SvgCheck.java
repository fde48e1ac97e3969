package vn.luutru.content;

import java.io.ByteArrayInputStream;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import javax.xml.stream.Location;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * An SVG image is a document: opened at its own address it runs the script it carries, with the
 * site's origin. The site publishes images as they are, so an SVG that can run script is refused at
 * the first place that could: a {@code script}, {@code foreignObject} (HTML inside), {@code
 * iframe}, {@code embed}, {@code object} or {@code handler} element in any namespace, an {@code
 * on…} attribute, or an attribute whose value, entities decoded, holds a {@code javascript:},
 * {@code vbscript:} or {@code data:text/html} address (links, and animations that set one). The
 * file is read as XML, as a browser reads it: text inside the picture is not looked at, and a file
 * that is not well-formed XML (which no browser shows) is an error too.
 *
 * <pre>{@code
 * SvgCheck.check("content/anh/logo.svg", bytes)
 * // Optional[content/anh/logo.svg:3:3: error: the SVG carries script (<script>) …]
 * }</pre>
 */
public final class SvgCheck {
  private static final Set<String> ACTIVE_ELEMENTS =
      Set.of("script", "foreignobject", "iframe", "embed", "object", "handler", "listener");
  private static final XMLInputFactory XML = XMLInputFactory.newFactory();

  static {
    XML.setProperty(XMLInputFactory.IS_NAMESPACE_AWARE, true);
    XML.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
    // Internal entities (drawing programs declare the SVG namespace as one) are read; a DTD
    // outside the file is never fetched.
    XML.setProperty("http://java.sun.com/xml/stream/properties/ignore-external-dtd", true);
  }

  private SvgCheck() {}

  /** The problem with {@code bytes}, an SVG file shown as {@code shown}, if it can run script. */
  public static Optional<Diagnostic> check(String shown, byte[] bytes) {
    return check(shown, bytes, true);
  }

  /**
   * As {@link #check(String, byte[])} for any XML document a browser opens (XHTML, XML): the same
   * elements and attributes run script there. Such a file that is not well-formed shows nothing
   * past the fault, so only what comes before it is looked at.
   */
  static Optional<Diagnostic> checkXml(String shown, byte[] bytes) {
    return check(shown, bytes, false);
  }

  private static Optional<Diagnostic> check(String shown, byte[] bytes, boolean svg) {
    XMLStreamReader r = null;
    try {
      r = XML.createXMLStreamReader(new ByteArrayInputStream(bytes));
      while (r.hasNext()) {
        if (r.next() != XMLStreamConstants.START_ELEMENT) {
          continue;
        }
        String element = r.getLocalName();
        if (ACTIVE_ELEMENTS.contains(element.toLowerCase(Locale.ROOT))) {
          return Optional.of(problem(shown, bytes, r, null, "<" + element + ">", svg));
        }
        for (int i = 0; i < r.getAttributeCount(); i++) {
          String name = r.getAttributeLocalName(i);
          String prefix = r.getAttributePrefix(i);
          String qualified = prefix == null || prefix.isEmpty() ? name : prefix + ":" + name;
          if (name.toLowerCase(Locale.ROOT).startsWith("on")) {
            return Optional.of(
                problem(
                    shown,
                    bytes,
                    r,
                    qualified,
                    Messages.get("active.handler", qualified, element),
                    svg));
          }
          String value =
              r.getAttributeValue(i).replaceAll("[\\s\\x00-\\x1F]", "").toLowerCase(Locale.ROOT);
          if (value.contains("javascript:")
              || value.contains("vbscript:")
              || value.contains("data:text/html")) {
            return Optional.of(
                problem(
                    shown,
                    bytes,
                    r,
                    qualified,
                    Messages.get("active.script-address", qualified, element),
                    svg));
          }
        }
      }
      return Optional.empty();
    } catch (XMLStreamException e) {
      if (!svg) {
        return Optional.empty();
      }
      Location at = e.getLocation();
      String message =
          e.getMessage()
              .replaceFirst("(?s)^ParseError at \\[row,col\\]:\\[\\d+,\\d+\\]\\s*Message:\\s*", "");
      return Optional.of(
          Diagnostic.error(
              shown,
              at == null ? 0 : Math.max(0, at.getLineNumber()),
              at == null ? 0 : Math.max(0, at.getColumnNumber()),
              Messages.get("active.bad-svg", message.strip()),
              ""));
    } finally {
      if (r != null) {
        try {
          r.close();
        } catch (XMLStreamException e) {
          // read from memory: nothing to release
        }
      }
    }
  }

  /**
   * Where the start tag the reader stands on begins, or its attribute {@code attribute}: the
   * reader's location is just after the tag, so the tag is found back from there.
   */
  private static Diagnostic problem(
      String shown, byte[] bytes, XMLStreamReader r, String attribute, String what, boolean svg) {
    String message =
        svg
            ? Messages.get("active.svg", what)
            : ActiveFiles.carriesScript("active.xml-document", what);
    Location at = r.getLocation();
    String encoding = r.getEncoding() == null ? "UTF-8" : r.getEncoding();
    String text;
    try {
      text = new String(bytes, java.nio.charset.Charset.forName(encoding));
    } catch (IllegalArgumentException e) {
      text = new String(bytes, java.nio.charset.StandardCharsets.UTF_8);
    }
    text = text.replace("\r\n", "\n").replace('\r', '\n');
    int end = offset(text, at.getLineNumber(), at.getColumnNumber());
    int start = text.lastIndexOf('<', Math.max(0, end - 1));
    if (end <= 0 || start < 0) {
      return Diagnostic.error(shown, Math.max(0, at.getLineNumber()), 0, message, "");
    }
    if (attribute != null) {
      java.util.regex.Matcher m =
          java.util.regex.Pattern.compile(
                  "[\\s\"'/]" + java.util.regex.Pattern.quote(attribute) + "\\s*=")
              .matcher(text)
              .region(start, end);
      if (m.find()) {
        start = m.start() + 1;
      }
    }
    int lineStart = text.lastIndexOf('\n', start - 1) + 1;
    int line = 1 + (int) text.substring(0, lineStart).chars().filter(c -> c == '\n').count();
    int lineEnd = text.indexOf('\n', start);
    String source = text.substring(lineStart, lineEnd < 0 ? text.length() : lineEnd);
    return Diagnostic.error(
        shown,
        line,
        text.codePointCount(lineStart, start) + 1,
        message,
        source.length() > 200 ? "" : source);
  }

  /** The offset in {@code text} of a 1-based line and column, or -1. */
  private static int offset(String text, int line, int column) {
    int at = 0;
    for (int l = 1; l < line; l++) {
      at = text.indexOf('\n', at) + 1;
      if (at == 0) {
        return -1;
      }
    }
    return Math.min(text.length(), at + Math.max(0, column - 1));
  }
}
