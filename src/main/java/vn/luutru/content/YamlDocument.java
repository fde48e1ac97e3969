package vn.luutru.content;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.common.Anchor;
import org.snakeyaml.engine.v2.composer.Composer;
import org.snakeyaml.engine.v2.events.AliasEvent;
import org.snakeyaml.engine.v2.events.CollectionEndEvent;
import org.snakeyaml.engine.v2.events.CollectionStartEvent;
import org.snakeyaml.engine.v2.events.Event;
import org.snakeyaml.engine.v2.events.ScalarEvent;
import org.snakeyaml.engine.v2.exceptions.Mark;
import org.snakeyaml.engine.v2.exceptions.MarkedYamlEngineException;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.ScalarNode;
import org.snakeyaml.engine.v2.nodes.SequenceNode;
import org.snakeyaml.engine.v2.nodes.Tag;
import org.snakeyaml.engine.v2.parser.Parser;
import org.snakeyaml.engine.v2.parser.ParserImpl;
import org.snakeyaml.engine.v2.scanner.StreamReader;
import org.snakeyaml.engine.v2.schema.CoreSchema;

/**
 * One YAML document read as front matter is: YAML 1.2's core schema, no arbitrary types; nesting,
 * aliases and expanded size bounded; every problem a {@link Diagnostic} at the line and column of
 * its file, with that line quoted. Used for front matter and for the settings file.
 *
 * <pre>{@code
 * YamlDocument doc = YamlDocument.read("luutru.yaml", bytes, reading);
 * doc.errors().forEach(d -> System.err.println(d.format()));
 * doc.root().ifPresent(node -> ...);
 * }</pre>
 */
public final class YamlDocument {
  /**
   * Lists and mappings inside each other beyond this are refused: no front matter or settings file
   * needs more than four.
   */
  static final int MAX_YAML_DEPTH = 50;

  /** Aliases of lists and mappings beyond this are refused ("billion laughs"). */
  static final int MAX_COLLECTION_ALIASES = 50;

  /**
   * The most characters the values may add up to with every alias expanded: as many as the document
   * may hold written out, so that only aliases can pass it. Aliases of text multiply it too:
   * 150,000 of one 300,000-character text took minutes to read.
   */
  static final int MAX_EXPANDED = 1 << 20;

  /**
   * What is read, as messages name it ("{@code the} is nested…", "more than {@code bare} may
   * hold"), with the reader's settings, made once: making them builds a schema. Immutable.
   */
  public static final class Reading {
    private final String the;
    private final String bare;
    private final String textIs;
    private final LoadSettings settings;

    /**
     * @param textIs what the file should be, for a file that is not text: {@code luutru.yaml is
     *     text saved as UTF-8}
     */
    public Reading(String the, String bare, String textIs) {
      this.the = the;
      this.bare = bare;
      this.textIs = textIs;
      // Errors name no file: the diagnostics do.
      this.settings =
          LoadSettings.builder()
              .setLabel(bare)
              .setSchema(new CoreSchema())
              .setMaxAliasesForCollections(MAX_COLLECTION_ALIASES)
              .setCodePointLimit(1 << 20)
              .build();
    }

    String the() {
      return the;
    }

    String bare() {
      return bare;
    }

    String textIs() {
      return textIs;
    }
  }

  private final SourceText src;
  private final Optional<Node> root;
  private final List<Diagnostic> errors;

  private YamlDocument(SourceText src, Optional<Node> root, List<Diagnostic> errors) {
    this.src = src;
    this.root = root;
    this.errors = List.copyOf(errors);
  }

  /**
   * Reads the whole of {@code bytes} (UTF-8, cleaned as articles are) as one YAML document named
   * {@code path} in diagnostics. Never throws for bad input: its problems are in {@link #errors()}.
   */
  public static YamlDocument read(String path, byte[] bytes, Reading reading) {
    SourceText.Decoded decoded = SourceText.decode(path, bytes, reading.textIs());
    if (decoded.error().isPresent()) {
      return new YamlDocument(
          SourceText.of(path, ""), Optional.empty(), List.of(decoded.error().get()));
    }
    SourceText src = decoded.text().orElseThrow();
    List<Diagnostic> errors = new ArrayList<>();
    Optional<Node> root = compose(src, src.text(), 1, reading, errors);
    return new YamlDocument(src, errors.isEmpty() ? root : Optional.empty(), errors);
  }

  /** The document's top node; empty when it has errors or holds nothing. */
  public Optional<Node> root() {
    return root;
  }

  /** Why the document could not be read; empty when it could. */
  public List<Diagnostic> errors() {
    return errors;
  }

  /** How diagnostics name the file. */
  public String path() {
    return src.path();
  }

  /** Where {@code node} starts in the file, with its line for the caret. */
  public Position position(Node node) {
    return position(src, 1, node);
  }

  static Position position(SourceText src, int firstLine, Node node) {
    Mark m = node.getStartMark().orElse(null);
    if (m == null) {
      return new Position(1, 1, src.line(1));
    }
    int line = m.getLine() + firstLine;
    return new Position(line, m.getColumn() + 1, src.line(line));
  }

  public Diagnostic error(Node node, String message) {
    return position(node).error(src.path(), message);
  }

  public Diagnostic warning(Node node, String message) {
    return position(node).warning(src.path(), message);
  }

  /** Whether {@code n} is nothing: {@code key:} alone, {@code ~} or {@code null}. */
  public static boolean isNull(Node n) {
    return n instanceof ScalarNode s && s.getTag().equals(Tag.NULL);
  }

  /**
   * How messages name what a node holds: {@code nothing}, {@code a list}, {@code a mapping}, or the
   * text itself in quotes.
   */
  public static String kind(Node node) {
    if (node instanceof ScalarNode s && s.getTag().equals(Tag.NULL)) {
      return Messages.get("yaml.nothing");
    }
    if (node instanceof SequenceNode) {
      return Messages.get("yaml.list");
    }
    if (node instanceof MappingNode) {
      return Messages.get("yaml.mapping");
    }
    return "'" + ((ScalarNode) node).getValue() + "'";
  }

  /**
   * Composes {@code yaml}, which starts at line {@code firstLine} of {@code src}, into its top
   * node; on failure adds the error to {@code diags} and returns empty. Empty too for a document
   * that holds nothing.
   */
  static Optional<Node> compose(
      SourceText src, String yaml, int firstLine, Reading reading, List<Diagnostic> diags) {
    LoadSettings settings = reading.settings;
    try {
      Shaped events =
          new Shaped(
              new ParserImpl(settings, new StreamReader(settings, yaml)), src, firstLine, reading);
      try {
        return new Composer(settings, events).getSingleNode();
      } catch (YamlEngineException composing) {
        if (events.failed) {
          throw composing;
        }
        // The composer's own error (an alias of nothing, a second document): a syntax error or
        // a refusal further on is reported before it, as when the whole YAML was read first.
        events.drain();
        throw composing;
      }
    } catch (Shaped.Refused e) {
      diags.add(e.diagnostic);
    } catch (MarkedYamlEngineException e) {
      Mark m = e.getProblemMark().or(e::getContextMark).orElse(null);
      int line = m == null ? firstLine : m.getLine() + firstLine;
      int col = m == null ? 1 : m.getColumn() + 1;
      diags.add(src.error(line, col, Messages.get("yaml.problem", yamlProblem(e))));
    } catch (YamlEngineException e) {
      diags.add(src.error(firstLine, 1, Messages.get("yaml.problem", e.getMessage())));
    } catch (StackOverflowError e) {
      diags.add(src.error(firstLine, 1, Messages.get("yaml.too-deep-to-read", reading.the())));
    }
    return Optional.empty();
  }

  /**
   * The YAML's events on their way to the composer, refusing what would exhaust it where it stands:
   * nesting deeper than {@value #MAX_YAML_DEPTH} (building the tree is recursive) and more than
   * {@value #MAX_COLLECTION_ALIASES} aliases of lists or mappings, each of which can multiply the
   * document, and aliases that make the values add up to more than {@value #MAX_EXPANDED}
   * characters. Every event passes through {@link #next} once, in order, before the composer goes
   * deeper, so the YAML is read once. Errors come in the order they did when the whole YAML was
   * read before composing: a syntax error or a refusal, then the composer's own.
   */
  private static final class Shaped implements Parser {
    private final Parser events;
    private final SourceText src;
    private final int firstLine;
    private final Reading reading;
    private final Set<Anchor> collections = new java.util.HashSet<>();
    private int depth;
    private int aliases;

    /** The characters of each anchored node, aliases expanded. */
    private final Map<Anchor, Long> sizes = new HashMap<>();

    /** The characters of each open list or mapping, outermost first, and its anchor. */
    private final long[] open = new long[MAX_YAML_DEPTH + 1];

    private final List<Optional<Anchor>> openAnchors = new ArrayList<>();

    /** The characters of every value and key so far, aliases expanded. */
    private long expanded;

    /** Whether reading the events failed (a syntax error), rather than the composer. */
    boolean failed;

    Shaped(Parser events, SourceText src, int firstLine, Reading reading) {
      this.events = events;
      this.src = src;
      this.firstLine = firstLine;
      this.reading = reading;
    }

    @Override
    public boolean checkEvent(Event.ID id) {
      try {
        return events.checkEvent(id);
      } catch (RuntimeException e) {
        failed = true;
        throw e;
      }
    }

    @Override
    public Event peekEvent() {
      try {
        return events.peekEvent();
      } catch (RuntimeException e) {
        failed = true;
        throw e;
      }
    }

    @Override
    public boolean hasNext() {
      try {
        return events.hasNext();
      } catch (RuntimeException e) {
        failed = true;
        throw e;
      }
    }

    /** Reads the rest of the events, for the errors and refusals in them. */
    void drain() {
      while (hasNext()) {
        next();
      }
    }

    @Override
    public Event next() {
      Event e;
      try {
        e = events.next();
      } catch (RuntimeException x) {
        failed = true;
        throw x;
      }
      if (e instanceof CollectionStartEvent c) {
        c.getAnchor().ifPresent(collections::add);
        if (++depth > MAX_YAML_DEPTH) {
          throw new Refused(
              at(src, firstLine, e, Messages.get("yaml.too-deep", reading.the(), MAX_YAML_DEPTH)));
        }
        open[depth - 1] = 0;
        openAnchors.add(c.getAnchor());
      } else if (e instanceof CollectionEndEvent) {
        depth--;
        long size = open[depth];
        openAnchors.remove(depth).ifPresent(a -> sizes.put(a, size));
        if (depth > 0) {
          open[depth - 1] += size;
        }
      } else if (e instanceof ScalarEvent s) {
        int size = s.getValue().length();
        s.getAnchor().ifPresent(a -> sizes.put(a, (long) size));
        add(size);
      } else if (e instanceof AliasEvent a) {
        if (collections.contains(a.getAlias()) && ++aliases > MAX_COLLECTION_ALIASES) {
          throw new Refused(
              at(src, firstLine, e, Messages.get("yaml.too-many-aliases", MAX_COLLECTION_ALIASES)));
        }
        // An alias of a list still open (itself inside it) adds nothing: the composer refuses it.
        add(sizes.getOrDefault(a.getAlias(), 0L));
        if (expanded > MAX_EXPANDED) {
          throw new Refused(
              at(src, firstLine, e, Messages.get("yaml.too-large", MAX_EXPANDED, reading.bare())));
        }
      }
      return e;
    }

    private void add(long size) {
      expanded += size;
      if (depth > 0) {
        open[depth - 1] += size;
      }
    }

    /** What {@link Shaped} refused, and where. */
    static final class Refused extends RuntimeException {
      private static final long serialVersionUID = 1L;
      final transient Diagnostic diagnostic;

      Refused(Diagnostic diagnostic) {
        super(diagnostic.headline(), null, false, false);
        this.diagnostic = diagnostic;
      }
    }
  }

  private static Diagnostic at(SourceText src, int firstLine, Event e, String message) {
    Mark m = e.getStartMark().orElse(null);
    return m == null
        ? src.error(firstLine, 1, message)
        : src.error(m.getLine() + firstLine, m.getColumn() + 1, message);
  }

  private static String yamlProblem(MarkedYamlEngineException e) {
    String problem = e.getProblem();
    String context = e.getContext();
    if (problem == null || problem.isBlank()) {
      return context == null ? Messages.get("yaml.syntax-error") : context;
    }
    return context == null || context.isBlank() ? problem : problem + " (" + context + ")";
  }
}
