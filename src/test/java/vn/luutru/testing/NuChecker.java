package vn.luutru.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import nu.validator.validation.SimpleDocumentValidator;
import org.xml.sax.ErrorHandler;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;

/**
 * The Nu Html Checker (vnu.jar, the W3C's HTML checker) run in-process on files, with the schema
 * its command line uses by default ({@code html5-all.rnc}: HTML with SVG, MathML and RDFa, which
 * covers OpenGraph's {@code <meta property>}), its assertions and every extra checker (tables,
 * microdata, Unicode normalisation, obsolete features, language detection).
 *
 * <p>Nothing is fetched: schemas come from the copies packed in the jar, external entities are not
 * loaded, and only files on disk are checked. One instance checks one file at a time.
 *
 * <pre>{@code
 * NuChecker nu = new NuChecker();
 * List<NuChecker.Message> messages = nu.check(Path.of("site/index.html"));
 * }</pre>
 */
public final class NuChecker {
  private static final String SCHEMA = "http://s.validator.nu/html5-all.rnc";

  /** One message of the checker; {@code line} and {@code column} are 1-based, or -1. */
  public record Message(Severity severity, Path file, int line, int column, String text) {
    @Override
    public String toString() {
      return file
          + ":"
          + line
          + ":"
          + column
          + ": "
          + severity.name().toLowerCase(java.util.Locale.ROOT)
          + ": "
          + text;
    }
  }

  public enum Severity {
    ERROR,
    WARNING
  }

  private final SimpleDocumentValidator validator;
  private final List<Message> current = new ArrayList<>();
  private Path file;

  public NuChecker() {
    // As the checker's command line does: datatype warnings on (e.g. odd but valid values).
    System.setProperty("nu.validator.datatype.warn", "true");
    // log4j set up from the jar's own properties, without logging checked addresses.
    validator = new SimpleDocumentValidator(true, false, true);
    ErrorHandler handler =
        new ErrorHandler() {
          @Override
          public void warning(SAXParseException e) {
            add(Severity.WARNING, e);
          }

          @Override
          public void error(SAXParseException e) {
            add(Severity.ERROR, e);
          }

          @Override
          public void fatalError(SAXParseException e) {
            add(Severity.ERROR, e);
          }
        };
    try {
      validator.setUpMainSchema(SCHEMA, handler);
      validator.setUpValidatorAndParsers(handler, false, false);
    } catch (Exception e) {
      throw new IllegalStateException("the Nu Html Checker could not load its schema " + SCHEMA, e);
    }
  }

  private void add(Severity severity, SAXParseException e) {
    current.add(
        new Message(severity, file, e.getLineNumber(), e.getColumnNumber(), e.getMessage()));
  }

  /** Checks one HTML file (read as UTF-8, as the site serves it) and returns every message. */
  public List<Message> check(Path html) {
    current.clear();
    file = html;
    try (InputStream in = Files.newInputStream(html)) {
      InputSource source = new InputSource(in);
      source.setSystemId(html.toUri().toString());
      validator.checkHtmlInputSource(source);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (SAXException e) {
      current.add(new Message(Severity.ERROR, html, -1, -1, "checker stopped: " + e.getMessage()));
    }
    return List.copyOf(current);
  }

  /**
   * Checks one stylesheet with the checker's CSS checker (as {@code vnu --css} does); lines are the
   * stylesheet's.
   */
  public List<Message> checkCss(Path css) {
    current.clear();
    file = css;
    try {
      validator.checkCssFile(css.toFile(), true);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (SAXException e) {
      current.add(new Message(Severity.ERROR, css, -1, -1, "checker stopped: " + e.getMessage()));
    }
    // The checker wraps the stylesheet in a page whose first line is its own.
    return current.stream()
        .map(
            m ->
                new Message(
                    m.severity(),
                    m.file(),
                    m.line() > 1 ? m.line() - 1 : m.line(),
                    m.column(),
                    m.text()))
        .toList();
  }

  /**
   * A report of {@code messages} grouped by message text (most frequent first), each group with its
   * count and up to {@code perGroup} places, at most {@code groups} groups.
   */
  public static String report(List<Message> messages, Path root, int groups, int perGroup) {
    Map<String, List<Message>> byText =
        messages.stream()
            .collect(
                Collectors.groupingBy(
                    m -> m.severity() + ": " + m.text(), TreeMap::new, Collectors.toList()));
    StringBuilder s = new StringBuilder();
    byText.entrySet().stream()
        .sorted((a, b) -> Integer.compare(b.getValue().size(), a.getValue().size()))
        .limit(groups)
        .forEach(
            e -> {
              s.append("\n")
                  .append(e.getValue().size())
                  .append(" × ")
                  .append(e.getKey())
                  .append('\n');
              e.getValue().stream()
                  .limit(perGroup)
                  .forEach(
                      m ->
                          s.append("    ")
                              .append(root.relativize(m.file()).toString().replace('\\', '/'))
                              .append(':')
                              .append(m.line())
                              .append(':')
                              .append(m.column())
                              .append('\n'));
              if (e.getValue().size() > perGroup) {
                s.append("    … and ").append(e.getValue().size() - perGroup).append(" more\n");
              }
            });
    if (byText.size() > groups) {
      s.append("\n… and ").append(byText.size() - groups).append(" other messages\n");
    }
    return s.toString();
  }

  /** Messages of one severity. */
  public static Predicate<Message> is(Severity severity) {
    return m -> m.severity() == severity;
  }
}
