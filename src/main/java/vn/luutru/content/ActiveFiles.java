package vn.luutru.content;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.zip.GZIPInputStream;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Attribute;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Range;
import org.jsoup.parser.Parser;

/**
 * Static files that a browser opens as a document, running the script they carry with the site's
 * origin: SVG images (gzipped too, {@code .svgz}), XML and XHTML documents, and HTML pages. The
 * site publishes static files as they are, so one of these that can run script is an error at the
 * first place that could; every other file is inert and copied without a look.
 *
 * <pre>{@code
 * ActiveFiles.check("content/tep/bang.html", "tep/bang.html", bytes)
 * // Optional[content/tep/bang.html:4:1: error: the HTML page carries script (<script>) …]
 * }</pre>
 */
public final class ActiveFiles {
  private static final Set<String> XML = Set.of("xml", "xhtml", "xht", "xsl", "xslt");
  private static final Set<String> HTML = Set.of("html", "htm", "shtml");
  private static final Set<String> ACTIVE_ELEMENTS =
      Set.of("script", "iframe", "frame", "frameset", "embed", "object", "applet", "portal");

  private ActiveFiles() {}

  /**
   * Whether a browser opening the file {@code name} at its own address may run script it carries.
   */
  public static boolean isActive(String name) {
    String ext = extension(name);
    return ext.equals("svg") || ext.equals("svgz") || XML.contains(ext) || HTML.contains(ext);
  }

  /**
   * The problem with {@code bytes}, the file {@code name} shown as {@code shown}, if it can run
   * script or cannot be checked; empty for a file that is not {@link #isActive active}.
   */
  public static Optional<Diagnostic> check(String shown, String name, byte[] bytes) {
    String ext = extension(name);
    if (ext.equals("svg")) {
      return SvgCheck.check(shown, bytes);
    }
    if (ext.equals("svgz")) {
      try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(bytes))) {
        byte[] svg = in.readNBytes((int) ContentSource.MAX_ARTICLE_BYTES + 1);
        if (svg.length > ContentSource.MAX_ARTICLE_BYTES) {
          return Optional.of(
              Diagnostic.error(shown, 0, 0, ContentSource.tooLargeToCheck(svg.length), ""));
        }
        return SvgCheck.check(shown, svg);
      } catch (IOException e) {
        return Optional.of(
            Diagnostic.error(
                shown, 0, 0, Messages.get("active.not-gzipped-svg", e.getMessage()), ""));
      }
    }
    if (XML.contains(ext)) {
      return SvgCheck.checkXml(shown, bytes);
    }
    if (HTML.contains(ext)) {
      return html(shown, bytes);
    }
    return Optional.empty();
  }

  /**
   * The message for a document other than an SVG image that carries script ({@code what}); {@code
   * kind} is the text's key: {@code active.html-page} or {@code active.xml-document}.
   */
  static String carriesScript(String kind, String what) {
    return Messages.get(kind, what);
  }

  private static Optional<Diagnostic> html(String shown, byte[] bytes) {
    Document doc;
    try {
      doc =
          Jsoup.parse(
              new ByteArrayInputStream(bytes),
              null,
              "",
              Parser.htmlParser().setTrackPosition(true));
    } catch (IOException e) {
      return Optional.of(
          Diagnostic.error(shown, 0, 0, Messages.get("folder.unreadable", e.getMessage()), ""));
    }
    for (Element e : doc.getAllElements()) {
      if (ACTIVE_ELEMENTS.contains(e.normalName())) {
        return Optional.of(at(shown, e.sourceRange(), "<" + e.normalName() + ">"));
      }
      for (Attribute a : e.attributes()) {
        String name = a.getKey().toLowerCase(Locale.ROOT);
        String value = a.getValue().replaceAll("[\\s\\x00-\\x1F]", "").toLowerCase(Locale.ROOT);
        if (name.startsWith("on")) {
          return Optional.of(
              at(
                  shown,
                  a.sourceRange().nameRange(),
                  Messages.get("active.handler", a.getKey(), e.normalName())));
        }
        if (value.contains("javascript:")
            || value.contains("vbscript:")
            || value.contains("data:text/html")) {
          return Optional.of(
              at(
                  shown,
                  a.sourceRange().nameRange(),
                  Messages.get("active.script-address", a.getKey(), e.normalName())));
        }
      }
    }
    return Optional.empty();
  }

  private static Diagnostic at(String shown, Range range, String what) {
    Range.Position p = range.start();
    return Diagnostic.error(
        shown,
        Math.max(0, p.lineNumber()),
        Math.max(0, p.columnNumber()),
        carriesScript("active.html-page", what),
        "");
  }

  private static String extension(String name) {
    int dot = name.lastIndexOf('.');
    return dot < 0 || name.indexOf('/', dot) >= 0
        ? ""
        : name.substring(dot + 1).toLowerCase(Locale.ROOT);
  }
}
