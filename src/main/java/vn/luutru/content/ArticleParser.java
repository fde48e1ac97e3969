package vn.luutru.content;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.NodeTuple;
import org.snakeyaml.engine.v2.nodes.ScalarNode;
import org.snakeyaml.engine.v2.nodes.SequenceNode;
import org.snakeyaml.engine.v2.nodes.Tag;
import vn.luutru.internal.Texts;

/**
 * Turns the bytes of one Markdown file into an {@link Article}, or into every {@link Diagnostic}
 * that stops it. Thread-safe: it keeps no state between calls.
 *
 * <p>The file starts with a {@code ---} line, YAML front matter, and a closing {@code ---} (or
 * {@code ...}) line; the Markdown body follows. Text is cleaned ({@link VietnameseText#clean})
 * before parsing, so line numbers are the file's and columns count NFC characters.
 */
public final class ArticleParser {

  /** The longest file name most file systems take, in bytes: an alias's parts become names. */
  static final int MAX_NAME = 255;

  /**
   * The years a date may have. The archive's articles and congresses are of the twentieth century
   * on (the Party was founded in 1930); an earlier year is a typing mistake (0000, 0202), which put
   * the article under /0/ and dated its feed entries in year 1. Four digits keep the year's address
   * and the feeds' dates well-formed.
   */
  static final int MIN_YEAR = 1900;

  static final int MAX_YEAR = 9999;

  private static final Set<String> IGNORED_KEYS =
      Set.of("layout", "type", "url", "permalink", "keywords", "toc", "comments", "menu");

  private static final Pattern YAML_INT =
      Pattern.compile("([-+]?[0-9]+)|0o([0-7]+)|0x([0-9a-fA-F]+)");

  /** An address's scheme, as browsers read it ({@code javascript:}, {@code C:}). */
  private static final Pattern SCHEME =
      Pattern.compile("([a-zA-Z][a-zA-Z0-9+.-]*):.*", Pattern.DOTALL);

  /** How front matter is read, and named in messages, in each language of the interface. */
  private static final Map<Texts.Language, YamlDocument.Reading> FRONT_MATTER =
      new java.util.EnumMap<>(Texts.Language.class);

  static {
    for (Texts.Language l : Texts.Language.values()) {
      FRONT_MATTER.put(
          l,
          new YamlDocument.Reading(
              Texts.get(l, Messages.class, "article.front-matter.the"),
              Texts.get(l, Messages.class, "article.front-matter.bare"),
              Texts.get(l, Messages.class, "text.article")));
    }
  }

  /** The result of parsing one file: the article when there were no errors, and every problem. */
  public record Parsed(Optional<Article> article, List<Diagnostic> diagnostics) {
    public Parsed {
      diagnostics = List.copyOf(diagnostics);
    }
  }

  /**
   * Parses one file. {@code contentPath} is the file relative to the content folder; {@code path}
   * is how diagnostics name it.
   */
  public Parsed parse(String contentPath, String path, byte[] bytes) {
    SourceText.Decoded decoded = SourceText.decode(path, bytes);
    if (decoded.error().isPresent()) {
      return new Parsed(Optional.empty(), List.of(decoded.error().get()));
    }
    return parse(contentPath, decoded.text().orElseThrow());
  }

  /** Parses text that is already decoded, named {@code contentPath} in diagnostics too. */
  public Parsed parse(String contentPath, String text) {
    return parse(contentPath, SourceText.of(contentPath, text));
  }

  private Parsed parse(String contentPath, SourceText src) {
    List<Diagnostic> diags = new ArrayList<>();
    String first = src.line(1).strip();
    if (src.text().isBlank()) {
      diags.add(src.error(1, 1, Messages.get("article.empty-file")));
      return new Parsed(Optional.empty(), diags);
    }
    if (first.equals("+++")) {
      diags.add(src.error(1, 1, Messages.get("article.toml")));
      return new Parsed(Optional.empty(), diags);
    }
    if (!first.equals("---")) {
      diags.add(src.error(1, 1, Messages.get("article.no-front-matter")));
      return new Parsed(Optional.empty(), diags);
    }
    int close = -1;
    for (int n = 2; n <= src.lineCount(); n++) {
      String l = src.line(n).stripTrailing();
      if (l.equals("---") || l.equals("...")) {
        close = n;
        break;
      }
    }
    if (close < 0) {
      diags.add(src.error(1, 1, Messages.get("article.not-closed")));
      return new Parsed(Optional.empty(), diags);
    }
    String yaml = src.text().substring(src.lineStart(2), src.lineStart(close));
    Fields fields = new Fields(src, diags);
    Optional<Node> root =
        YamlDocument.compose(src, yaml, 2, FRONT_MATTER.get(Texts.language()), diags);
    if (diags.stream().anyMatch(Diagnostic::isError)) {
      return new Parsed(Optional.empty(), diags);
    }
    if (root.isEmpty()) {
      diags.add(src.error(1, 1, Messages.get("article.empty-front-matter")));
      return new Parsed(Optional.empty(), diags);
    }
    if (!(root.get() instanceof MappingNode map)) {
      fields.error(root.get(), Messages.get("article.not-a-mapping", kind(root.get())));
      return new Parsed(Optional.empty(), diags);
    }
    return new Parsed(fields.article(contentPath, map, close + 1), diags);
  }

  private static String kind(Node node) {
    return YamlDocument.kind(node);
  }

  /** Reads typed values out of YAML nodes, reporting each wrong one where it stands. */
  private static final class Fields {
    private final SourceText src;
    private final List<Diagnostic> diags;
    private final Map<String, Position> positions = new HashMap<>();

    Fields(SourceText src, List<Diagnostic> diags) {
      this.src = src;
      this.diags = diags;
    }

    Position pos(Node n) {
      return YamlDocument.position(src, 2, n);
    }

    void error(Node n, String message) {
      diags.add(pos(n).error(src.path(), message));
    }

    void warning(Node n, String message) {
      diags.add(pos(n).warning(src.path(), message));
    }

    Optional<Article> article(String contentPath, MappingNode map, int bodyLine) {
      int errorsBefore = errorCount();
      Map<String, Node> values = keyed(map, "");
      String title = "";
      OffsetDateTime date = null;
      Optional<OffsetDateTime> lastmod = Optional.empty();
      String summary = "";
      String description = "";
      String source = "";
      String sourceUrl = "";
      String author = "";
      List<String> categories = List.of();
      List<String> tags = List.of();
      String image = "";
      String imageCaption = "";
      String imageAlt = "";
      int[] imageFocus = {50, 50};
      boolean draft = false;
      Optional<String> slug = Optional.empty();
      List<String> aliases = List.of();
      int weight = 0;
      Optional<Congress> congress = Optional.empty();

      for (Map.Entry<String, Node> e : values.entrySet()) {
        String key = e.getKey();
        Node v = e.getValue();
        switch (key) {
          case "title" -> title = text(v, key).orElse("");
          case "date" -> date = dateTime(v, key).orElse(null);
          case "lastmod", "updated", "last_modified_at" -> {
            if (lastmod.isPresent()) {
              warning(v, Messages.get("article.lastmod-repeated", key));
            }
            lastmod = dateTime(v, key).or(() -> Optional.empty());
          }
          case "summary" -> summary = text(v, key).orElse("");
          case "description" -> description = text(v, key).orElse("");
          case "source" -> source = text(v, key).orElse("");
          case "source_url" -> sourceUrl = url(v, key).orElse("");
          case "author", "authors" -> author = join(author, String.join(", ", textList(v, key)));
          case "categories", "category" -> categories = mergeDistinct(categories, textList(v, key));
          case "tags" -> tags = textList(v, key);
          case "image" -> image = image(v).orElse("");
          case "image_caption" -> imageCaption = text(v, key).orElse("");
          case "image_alt" -> imageAlt = text(v, key).orElse("");
          case "image_focus" -> imageFocus = focus(v, key).orElse(imageFocus);
          // Keys that say the same thing are combined, not one dropped for the other: a draft
          // by either key is a draft; the items of both lists are kept.
          case "draft" -> draft |= bool(v, key).orElse(false);
          case "published" -> draft |= !bool(v, key).orElse(true);
          case "slug" -> slug = slug(v);
          case "aliases", "redirect_from" -> aliases = merge(aliases, aliases(v, key, aliases));
          case "weight" -> weight = integer(v, key).orElse(0);
          case "congress" -> congress = congress(v);
          default -> {
            if (!IGNORED_KEYS.contains(key)) {
              warning(keyNode(map, key), Messages.get("article.unknown-key", key));
            }
          }
        }
      }
      if (title.isBlank()) {
        if (!values.containsKey("title")) {
          diags.add(src.error(1, 1, Messages.get("article.missing-title")));
        } else if (values.get("title") instanceof ScalarNode) {
          error(values.get("title"), Messages.get("article.empty-title"));
        }
      }
      if (date == null && !values.containsKey("date")) {
        diags.add(src.error(1, 1, Messages.get("article.missing-date")));
      }
      if (errorCount() > errorsBefore) {
        return Optional.empty();
      }
      if (summary.isEmpty()) {
        summary = description;
      }
      Optional<Figure> figure =
          image.isBlank()
              ? Optional.empty()
              : Optional.of(
                  new Figure(image.strip(), imageCaption, imageAlt, imageFocus[0], imageFocus[1]));
      String body =
          src.text()
              .substring(
                  bodyLine <= src.lineCount() ? src.lineStart(bodyLine) : src.text().length());
      return Optional.of(
          new Article(
              src.path(),
              contentPath,
              title.strip(),
              date,
              lastmod,
              summary.strip(),
              source.strip(),
              sourceUrl,
              author,
              categories,
              tags,
              figure,
              draft,
              slug,
              aliases,
              weight,
              congress,
              body,
              bodyLine,
              positions));
    }

    private int errorCount() {
      return (int) diags.stream().filter(Diagnostic::isError).count();
    }

    /** The mapping's values by key, in order; a repeated key is an error. */
    private Map<String, Node> keyed(MappingNode map, String prefix) {
      Map<String, Node> out = new java.util.LinkedHashMap<>();
      for (NodeTuple t : map.getValue()) {
        if (!(t.getKeyNode() instanceof ScalarNode k)) {
          error(t.getKeyNode(), Messages.get("article.key-not-word", kind(t.getKeyNode())));
          continue;
        }
        String key = k.getValue().strip();
        if (out.containsKey(key)) {
          Position first = positions.get(prefix + key);
          error(
              k,
              first == null
                  ? Messages.get("article.duplicate-key", key)
                  : Messages.get("article.duplicate-key-at", key, first.line()));
          continue;
        }
        out.put(key, t.getValueNode());
        positions.put(prefix + key, pos(k));
        if (t.getValueNode() instanceof ScalarNode) {
          positions.put(prefix + key, pos(t.getValueNode()));
        }
      }
      return out;
    }

    private Node keyNode(MappingNode map, String key) {
      for (NodeTuple t : map.getValue()) {
        if (t.getKeyNode() instanceof ScalarNode k && k.getValue().strip().equals(key)) {
          return k;
        }
      }
      return map;
    }

    Optional<String> text(Node n, String key) {
      if (YamlDocument.isNull(n)) {
        return Optional.empty();
      }
      if (!(n instanceof ScalarNode s)) {
        error(n, Messages.get("article.expected-text", key, kind(n)));
        return Optional.empty();
      }
      // Cleaned again: YAML escapes ("\u00AD", "\b") can put back what cleaning the file removed.
      return Optional.of(VietnameseText.clean(s.getValue()));
    }

    /** Two percentages, across then down ({@code "50% 30%"}); a warning and empty otherwise. */
    Optional<int[]> focus(Node n, String key) {
      Optional<String> t = text(n, key);
      if (t.isEmpty()) {
        return Optional.empty();
      }
      java.util.regex.Matcher m = FOCUS.matcher(t.get());
      if (m.matches()) {
        int x = Integer.parseInt(m.group(1));
        int y = Integer.parseInt(m.group(2));
        if (x <= 100 && y <= 100) {
          return Optional.of(new int[] {x, y});
        }
      }
      warning(n, Messages.get("article.bad-focus", key));
      return Optional.empty();
    }

    private static final java.util.regex.Pattern FOCUS =
        java.util.regex.Pattern.compile("\\s*(\\d{1,3})\\s*%?\\s*[ ,]\\s*(\\d{1,3})\\s*%?\\s*");

    List<String> textList(Node n, String key) {
      List<Node> items = new ArrayList<>();
      if (n instanceof SequenceNode seq) {
        items.addAll(seq.getValue());
      } else if (n instanceof ScalarNode && !YamlDocument.isNull(n)) {
        items.add(n);
      } else if (n instanceof MappingNode) {
        error(n, Messages.get("article.expected-list", key));
      }
      Set<String> out = new LinkedHashSet<>();
      for (Node item : items) {
        if (YamlDocument.isNull(item)) {
          continue;
        }
        if (!(item instanceof ScalarNode s)) {
          error(item, Messages.get("article.item-not-text", key, kind(item)));
          continue;
        }
        String v = VietnameseText.clean(s.getValue()).strip();
        if (!v.isEmpty()) {
          out.add(v);
        }
      }
      return List.copyOf(out);
    }

    Optional<OffsetDateTime> dateTime(Node n, String key) {
      if (!(n instanceof ScalarNode s) || YamlDocument.isNull(n)) {
        error(n, Messages.get("article.expected-date", key, kind(n)));
        return Optional.empty();
      }
      String v = s.getValue().strip();
      OffsetDateTime date;
      try {
        Optional<OffsetDateTime> parsed = Dates.parse(v);
        if (parsed.isEmpty()) {
          error(n, Messages.get("article.expected-date-text", key, v));
          return Optional.empty();
        }
        date = parsed.get();
      } catch (DateTimeException e) {
        error(n, Messages.get("article.impossible-date", key, v));
        return Optional.empty();
      }
      if (date.getYear() < MIN_YEAR || date.getYear() > MAX_YEAR) {
        error(n, Messages.get("article.year-out-of-range", key, v, MIN_YEAR, MAX_YEAR));
        return Optional.empty();
      }
      return Optional.of(date);
    }

    /**
     * The lead photo's address: a file of the content folder, or (with a warning) a photo on
     * another site. Other schemes ({@code javascript:}, {@code data:}) and paths on the writer's
     * computer ({@code C:\…}, {@code file:}, {@code \\server\…}) are errors: no reader could see
     * them, and some would run.
     */
    Optional<String> image(Node n) {
      Optional<String> v = text(n, "image").map(String::strip).filter(a -> !a.isEmpty());
      if (v.isEmpty()) {
        return v;
      }
      String a = v.get();
      Matcher m = SCHEME.matcher(a);
      String scheme = m.matches() ? m.group(1).toLowerCase(Locale.ROOT) : "";
      if (a.startsWith("\\\\") || scheme.length() == 1 || scheme.equals("file")) {
        error(n, Messages.get("article.image-on-computer", a));
        return Optional.empty();
      }
      if (!scheme.isEmpty() && !scheme.equals("http") && !scheme.equals("https")) {
        error(n, Messages.get("article.image-not-address", a));
        return Optional.empty();
      }
      if (!scheme.isEmpty() || a.startsWith("//")) {
        warning(n, Messages.get("article.image-elsewhere", a));
      }
      return v;
    }

    Optional<LocalDate> date(Node n, String key) {
      return dateTime(n, key).map(OffsetDateTime::toLocalDate);
    }

    Optional<Boolean> bool(Node n, String key) {
      if (n instanceof ScalarNode s && s.getTag().equals(Tag.BOOL)) {
        return Optional.of(Boolean.parseBoolean(s.getValue().toLowerCase(Locale.ROOT)));
      }
      error(n, Messages.get("article.expected-boolean", key, kind(n)));
      return Optional.empty();
    }

    OptionalInt integer(Node n, String key) {
      if (n instanceof ScalarNode s && s.getTag().equals(Tag.INT)) {
        // The YAML 1.2 core schema's integers: decimal, 0o17 and 0x1F.
        String v = s.getValue().strip();
        Matcher m = YAML_INT.matcher(v);
        if (m.matches()) {
          try {
            return OptionalInt.of(
                m.group(1) != null
                    ? Integer.parseInt(m.group(1))
                    : m.group(2) != null
                        ? Integer.parseInt(m.group(2), 8)
                        : Integer.parseInt(m.group(3), 16));
          } catch (NumberFormatException e) {
            error(n, Messages.get("article.number-out-of-range", key, v));
            return OptionalInt.empty();
          }
        }
      }
      error(n, Messages.get("article.expected-number", key, kind(n)));
      return OptionalInt.empty();
    }

    Optional<String> url(Node n, String key) {
      Optional<String> v = text(n, key).map(String::strip).filter(s -> !s.isEmpty());
      if (v.isPresent()) {
        try {
          URI u = new URI(v.get());
          if (u.getScheme() == null
              || !(u.getScheme().equals("http") || u.getScheme().equals("https"))) {
            warning(n, Messages.get("article.expected-http", key, v.get()));
            return Optional.empty();
          }
        } catch (URISyntaxException e) {
          warning(n, Messages.get("article.bad-url", key, v.get()));
          return Optional.empty();
        }
      }
      return v;
    }

    Optional<String> slug(Node n) {
      Optional<String> v = text(n, "slug").map(String::strip).filter(s -> !s.isEmpty());
      if (v.isEmpty()) {
        return Optional.empty();
      }
      String slug = VietnameseText.slug(v.get());
      if (slug.isEmpty()) {
        error(n, Messages.get("article.slug-empty", v.get()));
        return Optional.empty();
      }
      return Optional.of(slug);
    }

    private static List<String> merge(List<String> a, List<String> b) {
      if (a.isEmpty()) {
        return b;
      }
      List<String> out = new ArrayList<>(a);
      out.addAll(b);
      return List.copyOf(out);
    }

    private static List<String> mergeDistinct(List<String> a, List<String> b) {
      return List.copyOf(new LinkedHashSet<>(merge(a, b)));
    }

    private static String join(String a, String b) {
      return a.isEmpty() ? b : b.isEmpty() ? a : a + ", " + b;
    }

    /**
     * The aliases under {@code n} not in {@code before} (Hugo's and Jekyll's keys often list the
     * same old address); their positions are kept as {@code aliases.<i>}, after {@code before}'s.
     */
    List<String> aliases(Node n, String key, List<String> before) {
      int start = before.size();
      List<Node> items = n instanceof SequenceNode seq ? seq.getValue() : List.of(n);
      List<String> out = new ArrayList<>();
      for (Node item : items) {
        Optional<String> raw = text(item, key).map(String::strip).filter(s -> !s.isEmpty());
        if (raw.isEmpty()) {
          continue;
        }
        if (!SitePath.isValidAddress(raw.get())) {
          error(item, Messages.get("article.bad-alias", key, raw.get()));
          continue;
        }
        String path = SitePath.decode(raw.get()).orElse("");
        path = path.startsWith("/") ? path.substring(1) : path;
        List<String> segments = List.of(path.split("/"));
        if (path.isEmpty() || SitePath.of(path).isEmpty()) {
          error(item, Messages.get("article.alias-outside", key, raw.get()));
          continue;
        }
        // The site has no hidden files (the content folder's are skipped), and .luutru, the
        // output's marker, must not be overwritten by a redirect page.
        Optional<String> hidden = segments.stream().filter(s -> s.startsWith(".")).findFirst();
        if (hidden.isPresent()) {
          error(item, Messages.get("article.alias-hidden", key, raw.get(), hidden.get()));
          continue;
        }
        // Percent-escapes can spell what no file name may hold.
        if (path.chars().anyMatch(c -> c < 0x20 || c == 0x7F)) {
          error(item, Messages.get("article.alias-control", key, raw.get()));
          continue;
        }
        if (segments.stream()
            .anyMatch(s -> s.getBytes(java.nio.charset.StandardCharsets.UTF_8).length > MAX_NAME)) {
          error(item, Messages.get("article.alias-too-long", key, raw.get(), MAX_NAME));
          continue;
        }
        if (before.contains(path) || out.contains(path)) {
          continue;
        }
        positions.put("aliases." + (start + out.size()), pos(item));
        out.add(path);
      }
      return out;
    }

    Optional<Congress> congress(Node n) {
      if (!(n instanceof MappingNode map)) {
        error(n, Messages.get("congress.not-a-mapping", kind(n)));
        return Optional.empty();
      }
      int errorsBefore = errorCount();
      Map<String, Node> v = keyed(map, "congress.");
      String org = "";
      String parent = "";
      int ordinal = 0;
      Term term = null;
      Optional<LocalDate> held = Optional.empty();
      List<Person> directedBy = List.of();
      List<Person> elected = List.of();
      int committeeSize = 0;
      for (Map.Entry<String, Node> e : v.entrySet()) {
        String key = "congress." + e.getKey();
        Node value = e.getValue();
        switch (e.getKey()) {
          case "organization", "organisation" -> org = text(value, key).orElse("").strip();
          case "parent" -> parent = text(value, key).orElse("").strip();
          case "ordinal" -> ordinal = positive(value, key);
          case "term" -> {
            Optional<String> t = text(value, key);
            if (t.isPresent()) {
              term = Term.parse(t.get()).orElse(null);
              if (term == null) {
                error(value, Messages.get("congress.bad-term", key, t.get()));
              }
            }
          }
          case "held" -> held = date(value, key);
          case "directed_by" -> directedBy = people(value, key);
          case "elected" -> elected = people(value, key);
          case "committee_size" -> committeeSize = positive(value, key);
          default -> warning(keyNode(map, e.getKey()), Messages.get("article.unknown-key", key));
        }
      }
      if (org.isEmpty() && !v.containsKey("organization") && !v.containsKey("organisation")) {
        error(n, Messages.get("congress.missing-organization"));
      } else if (org.isEmpty()) {
        error(v.getOrDefault("organization", n), Messages.get("congress.empty-organization"));
      }
      if (term == null && !v.containsKey("term")) {
        error(n, Messages.get("congress.missing-term"));
      } else if (term == null && YamlDocument.isNull(v.get("term"))) {
        error(v.get("term"), Messages.get("congress.empty-term"));
      }
      if (errorCount() > errorsBefore) {
        return Optional.empty();
      }
      return Optional.of(
          new Congress(org, parent, ordinal, term, held, directedBy, elected, committeeSize));
    }

    private int positive(Node n, String key) {
      OptionalInt i = integer(n, key);
      if (i.isPresent() && i.getAsInt() < 1) {
        error(n, Messages.get("congress.not-positive", key, i.getAsInt()));
        return 0;
      }
      return i.orElse(0);
    }

    List<Person> people(Node n, String key) {
      List<Node> items = n instanceof SequenceNode seq ? seq.getValue() : List.of(n);
      List<Person> out = new ArrayList<>();
      for (Node item : items) {
        if (YamlDocument.isNull(item)) {
          continue;
        }
        if (item instanceof ScalarNode s) {
          // White space is made single first: splitting at \s+[-–]\s+ took time in the square of
          // the longest run of spaces (100,000 spaces took minutes).
          String[] parts =
              VietnameseText.clean(s.getValue()).replaceAll("\\s+", " ").split(" [-–] ", 2);
          out.add(new Person(parts[0].strip(), parts.length > 1 ? parts[1].strip() : ""));
        } else if (item instanceof MappingNode m) {
          Map<String, Node> f = keyed(m, key + ".");
          String name =
              f.containsKey("name") ? text(f.get("name"), key + ".name").orElse("").strip() : "";
          String role =
              f.containsKey("role") ? text(f.get("role"), key + ".role").orElse("").strip() : "";
          for (String k : f.keySet()) {
            if (!k.equals("name") && !k.equals("role")) {
              warning(keyNode(m, k), Messages.get("article.unknown-key", key + "." + k));
            }
          }
          if (name.isEmpty()) {
            error(item, Messages.get("congress.person-without-name", key));
          } else {
            out.add(new Person(name, role));
          }
        } else {
          error(item, Messages.get("congress.bad-person", key, kind(item)));
        }
      }
      return out;
    }
  }
}
