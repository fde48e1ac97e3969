package vn.luutru.config;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.NodeTuple;
import org.snakeyaml.engine.v2.nodes.ScalarNode;
import org.snakeyaml.engine.v2.nodes.SequenceNode;
import org.snakeyaml.engine.v2.nodes.Tag;
import vn.luutru.content.Diagnostic;
import vn.luutru.content.Position;
import vn.luutru.content.VietnameseText;
import vn.luutru.content.YamlDocument;
import vn.luutru.image.ImageSettings;
import vn.luutru.publish.DeployTarget;

/**
 * Reads {@code luutru.yaml} into {@link Settings}, or into the diagnostics that stop it, at {@code
 * luutru.yaml:line:column} as front matter's are. An unknown key is a warning that names the key it
 * was most likely meant to be. Thread-safe: it keeps no state between calls.
 *
 * <pre>{@code
 * SettingsFile.Loaded loaded = SettingsFile.read("luutru.yaml", bytes, path -> true);
 * loaded.diagnostics().forEach(d -> System.err.println(d.format()));
 * Settings settings = loaded.settings().orElseThrow();
 * }</pre>
 *
 * <p>The file's top-level keys are the site's values and one key per section, each section read
 * into its record ({@link Agency}, {@link MenuItem}). A new section adds its key to {@link
 * #TOP_KEYS}, a case where the keys are read, and a component in {@link Settings}.
 */
public final class SettingsFile {
  /** The settings file's name, looked for in the working folder. */
  public static final String NAME = "luutru.yaml";

  /** The top-level keys of the file, in the order {@code luutru init} writes them. */
  public static final List<String> TOP_KEYS =
      List.of(
          "title",
          "description",
          "base_url",
          "language",
          "page_size",
          "logo",
          "agency",
          "menu",
          "images",
          "deploy");

  /** The keys of the {@code agency:} section. */
  public static final List<String> AGENCY_KEYS =
      List.of("name", "governing_body", "address", "telephone", "email", "responsible", "licence");

  /** The keys of the {@code images:} section. */
  public static final List<String> IMAGES_KEYS =
      List.of("widths", "quality", "thumbnail_width", "thumbnail_height", "keep_original");

  /** The keys of the {@code deploy:} section. */
  public static final List<String> DEPLOY_KEYS = List.of("to");

  /** The keys of each link of the {@code menu:} section. */
  public static final List<String> MENU_KEYS = List.of("label", "url");

  private static final Pattern LANGUAGE = Pattern.compile("[a-z]{2,3}(-[A-Za-z0-9]{2,8})*");
  private static final Pattern EMAIL = Pattern.compile("[^\\s@<>\"]+@[^\\s@<>\"]+\\.[^\\s@<>\"]+");
  private static final Pattern SCHEME = Pattern.compile("[a-zA-Z][a-zA-Z0-9+.-]*:.*");

  // The keys of the messages of this class, in the package's bundle.
  private static final String NOT_A_MAPPING = "settings.not-a-mapping";
  private static final String KEY_NOT_WORD = "settings.key-not-word";
  private static final String DUPLICATE_KEY = "settings.duplicate-key";
  private static final String UNKNOWN_KEY_SUGGESTED = "settings.unknown-key-suggested";
  private static final String UNKNOWN_KEY = "settings.unknown-key";
  private static final String EXPECTED_TEXT = "settings.expected-text";
  private static final String EXPECTED_NUMBER = "settings.expected-number";
  private static final String TOO_SMALL = "settings.too-small";
  private static final String BAD_LANGUAGE = "settings.bad-language";
  private static final String BAD_EMAIL = "settings.bad-email";
  private static final String EXPECTED_SECTION = "settings.expected-section";
  private static final String EXPECTED_MENU = "settings.expected-menu";
  private static final String EXPECTED_MENU_ITEM = "settings.expected-menu-item";
  private static final String EXPECTED_YES_NO = "settings.expected-yes-no";
  private static final String EXPECTED_WIDTHS = "settings.expected-widths";
  private static final String BAD_DEPLOY = "settings.bad-deploy";
  private static final String BAD_URL = "settings.bad-url";
  private static final String BAD_LOGO = "settings.bad-logo";
  private static final String NO_LOGO = "settings.no-logo";

  private SettingsFile() {}

  /**
   * The settings when there were no errors, every diagnostic, and where each top-level value stands
   * in the file (by key, such as {@code base_url}; {@code menu.0.url} for the first link's
   * address), for later messages about it.
   */
  public record Loaded(
      Optional<Settings> settings, List<Diagnostic> diagnostics, Map<String, Position> positions) {
    public Loaded {
      diagnostics = Diagnostic.sorted(diagnostics);
      positions = Map.copyOf(positions);
    }
  }

  /**
   * Reads a settings file named {@code path} in diagnostics. {@code siteHasFile} says whether a
   * path in the site is a file the build will copy (for {@code logo}).
   */
  public static Loaded read(String path, byte[] bytes, Predicate<String> siteHasFile) {
    YamlDocument doc =
        YamlDocument.read(
            path,
            bytes,
            new YamlDocument.Reading(NAME, NAME, Messages.get("settings.not-utf8", NAME)));
    if (!doc.errors().isEmpty()) {
      return new Loaded(Optional.empty(), doc.errors(), Map.of());
    }
    if (doc.root().isEmpty()) {
      return new Loaded(Optional.of(Settings.DEFAULT), List.of(), Map.of());
    }
    Fields f = new Fields(doc);
    Settings s = f.settings(doc.root().get(), siteHasFile);
    return new Loaded(f.errors() ? Optional.empty() : Optional.of(s), f.diags, f.positions);
  }

  /** Reads typed values out of the file's nodes, reporting each wrong one where it stands. */
  private static final class Fields {
    private final YamlDocument doc;
    private final List<Diagnostic> diags = new ArrayList<>();
    private final Map<String, Position> positions = new HashMap<>();

    Fields(YamlDocument doc) {
      this.doc = doc;
    }

    boolean errors() {
      return diags.stream().anyMatch(Diagnostic::isError);
    }

    void error(Node n, String key, Object... args) {
      diags.add(doc.error(n, Messages.get(key, args)));
    }

    /** An error whose message another class has already put in words. */
    void errorSaid(Node n, String message) {
      diags.add(doc.error(n, message));
    }

    void warning(Node n, String key, Object... args) {
      diags.add(doc.warning(n, Messages.get(key, args)));
    }

    Settings settings(Node root, Predicate<String> siteHasFile) {
      Settings d = Settings.DEFAULT;
      if (!(root instanceof MappingNode map)) {
        error(root, NOT_A_MAPPING, doc.path(), YamlDocument.kind(root));
        return d;
      }
      String title = d.title();
      String description = d.description();
      String baseUrl = d.baseUrl();
      String language = d.language();
      int pageSize = d.pageSize();
      String logo = d.logo();
      Agency agency = d.agency();
      List<MenuItem> menu = d.menu();
      ImageSettings images = d.images();
      String deployTo = d.deployTo();
      for (Map.Entry<String, Node> e : keyed(map, "", TOP_KEYS).entrySet()) {
        Node v = e.getValue();
        switch (e.getKey()) {
          case "title" ->
              title = text(v, "title").map(String::strip).filter(t -> !t.isEmpty()).orElse(title);
          case "description" -> description = text(v, "description").orElse(description);
          case "base_url" -> baseUrl = baseUrl(v).orElse(baseUrl);
          case "language" -> language = language(v).orElse(language);
          case "page_size" -> pageSize = positive(v, "page_size").orElse(pageSize);
          case "logo" -> logo = logo(v, siteHasFile).orElse(logo);
          case "agency" -> agency = agency(v);
          case "menu" -> menu = menu(v);
          case "images" -> images = images(v);
          case "deploy" -> deployTo = deploy(v);
          // A new section gets its key in TOP_KEYS, a case here, a reader method below and a
          // component in Settings.
          default -> throw new IllegalStateException("no reader for the key " + e.getKey());
        }
      }
      return new Settings(
          title, description, baseUrl, language, pageSize, logo, agency, menu, images, deployTo);
    }

    Agency agency(Node n) {
      if (YamlDocument.isNull(n)) {
        return Agency.NONE;
      }
      if (!(n instanceof MappingNode map)) {
        error(n, EXPECTED_SECTION, "agency", String.join(", ", AGENCY_KEYS), YamlDocument.kind(n));
        return Agency.NONE;
      }
      Map<String, String> v = new LinkedHashMap<>();
      for (Map.Entry<String, Node> e : keyed(map, "agency.", AGENCY_KEYS).entrySet()) {
        String key = e.getKey();
        Optional<String> t = text(e.getValue(), "agency." + key).map(String::strip);
        if (key.equals("email") && t.isPresent() && !t.get().isEmpty()) {
          if (!EMAIL.matcher(t.get()).matches()) {
            error(e.getValue(), BAD_EMAIL, t.get());
            continue;
          }
        }
        t.ifPresent(x -> v.put(key, x));
      }
      return new Agency(
          v.getOrDefault("name", ""),
          v.getOrDefault("governing_body", ""),
          v.getOrDefault("address", ""),
          v.getOrDefault("telephone", ""),
          v.getOrDefault("email", ""),
          v.getOrDefault("responsible", ""),
          v.getOrDefault("licence", ""));
    }

    ImageSettings images(Node n) {
      ImageSettings d = ImageSettings.DEFAULT;
      if (YamlDocument.isNull(n)) {
        return d;
      }
      if (!(n instanceof MappingNode map)) {
        error(n, EXPECTED_SECTION, "images", String.join(", ", IMAGES_KEYS), YamlDocument.kind(n));
        return d;
      }
      List<Integer> widths = d.widths();
      int quality = d.quality();
      int thumbnailWidth = d.thumbnailWidth();
      int thumbnailHeight = d.thumbnailHeight();
      boolean keepOriginal = d.keepOriginal();
      Map<String, Node> keys = keyed(map, "images.", IMAGES_KEYS);
      for (Map.Entry<String, Node> e : keys.entrySet()) {
        Node v = e.getValue();
        switch (e.getKey()) {
          case "widths" -> widths = widths(v).orElse(widths);
          case "quality" -> quality = positive(v, "images.quality").orElse(quality);
          case "thumbnail_width" ->
              thumbnailWidth = positive(v, "images.thumbnail_width").orElse(thumbnailWidth);
          case "thumbnail_height" ->
              thumbnailHeight = positive(v, "images.thumbnail_height").orElse(thumbnailHeight);
          case "keep_original" ->
              keepOriginal = yesNo(v, "images.keep_original").orElse(keepOriginal);
          default -> throw new IllegalStateException("no reader for images." + e.getKey());
        }
      }
      try {
        return new ImageSettings(
            widths, quality, thumbnailWidth, thumbnailHeight, keepOriginal, d.maxPixels());
      } catch (ImageSettings.Invalid e) {
        // At the value the message is about, else at the section.
        errorSaid(keys.getOrDefault(e.key(), n), e.getMessage());
        return d;
      }
    }

    private Optional<List<Integer>> widths(Node n) {
      if (YamlDocument.isNull(n)) {
        return Optional.empty();
      }
      if (!(n instanceof SequenceNode seq) || seq.getValue().isEmpty()) {
        error(n, EXPECTED_WIDTHS, YamlDocument.kind(n));
        return Optional.empty();
      }
      List<Integer> out = new ArrayList<>();
      for (Node item : seq.getValue()) {
        OptionalInt w = positive(item, "images.widths");
        if (w.isEmpty()) {
          return Optional.empty();
        }
        out.add(w.getAsInt());
      }
      return Optional.of(out);
    }

    private Optional<Boolean> yesNo(Node n, String key) {
      if (YamlDocument.isNull(n)) {
        return Optional.empty();
      }
      if (!(n instanceof ScalarNode s) || !s.getTag().equals(Tag.BOOL)) {
        error(n, EXPECTED_YES_NO, key, YamlDocument.kind(n));
        return Optional.empty();
      }
      return Optional.of(Boolean.parseBoolean(s.getValue().strip().toLowerCase(Locale.ROOT)));
    }

    String deploy(Node n) {
      if (YamlDocument.isNull(n)) {
        return "";
      }
      if (!(n instanceof MappingNode map)) {
        error(n, EXPECTED_SECTION, "deploy", String.join(", ", DEPLOY_KEYS), YamlDocument.kind(n));
        return "";
      }
      Node to = keyed(map, "deploy.", DEPLOY_KEYS).get("to");
      Optional<String> v = to == null ? Optional.empty() : text(to, "deploy.to").map(String::strip);
      if (v.isEmpty() || v.get().isEmpty()) {
        return "";
      }
      try {
        DeployTarget.parse(v.get());
      } catch (IllegalArgumentException e) {
        error(to, BAD_DEPLOY, e.getMessage().replaceFirst("^--to: ", ""));
        return "";
      }
      return v.get();
    }

    List<MenuItem> menu(Node n) {
      if (YamlDocument.isNull(n)) {
        return List.of();
      }
      if (!(n instanceof SequenceNode seq)) {
        error(n, EXPECTED_MENU, YamlDocument.kind(n));
        return List.of();
      }
      List<MenuItem> out = new ArrayList<>();
      for (Node item : seq.getValue()) {
        if (!(item instanceof MappingNode m)) {
          error(item, EXPECTED_MENU_ITEM, YamlDocument.kind(item));
          continue;
        }
        Map<String, Node> f = keyed(m, "menu.", MENU_KEYS);
        Optional<String> label =
            Optional.ofNullable(f.get("label"))
                .flatMap(x -> text(x, "menu.label"))
                .map(String::strip);
        Optional<String> url =
            Optional.ofNullable(f.get("url")).flatMap(x -> address(x, "menu.url"));
        if (label.filter(x -> !x.isEmpty()).isEmpty()) {
          error(f.getOrDefault("label", item), "settings.menu-needs-label");
        } else if (url.isEmpty() && !f.containsKey("url")) {
          error(item, "settings.menu-needs-url");
        } else if (url.isPresent()) {
          // Where each link's address is, for check's report of one that leads nowhere.
          positions.put("menu." + out.size() + ".url", doc.position(f.get("url")));
          out.add(new MenuItem(label.get(), url.get()));
        }
      }
      return out;
    }

    /** The mapping's values by key, in order; a repeated key is an error, an unknown a warning. */
    private Map<String, Node> keyed(MappingNode map, String prefix, List<String> known) {
      Map<String, Node> out = new LinkedHashMap<>();
      Map<String, Integer> lines = new LinkedHashMap<>();
      for (NodeTuple t : map.getValue()) {
        if (!(t.getKeyNode() instanceof ScalarNode k) || YamlDocument.isNull(k)) {
          error(t.getKeyNode(), KEY_NOT_WORD, YamlDocument.kind(t.getKeyNode()));
          continue;
        }
        String key = k.getValue().strip();
        // The British and the American spelling are one key.
        String canonical = key.equals("license") && known.contains("licence") ? "licence" : key;
        if (!known.contains(canonical)) {
          Optional<String> meant = KeySuggestion.closest(key, known);
          if (meant.isPresent()) {
            warning(k, UNKNOWN_KEY_SUGGESTED, prefix + key, prefix + meant.get());
          } else {
            warning(k, UNKNOWN_KEY, prefix + key, String.join(", ", known));
          }
          continue;
        }
        if (out.containsKey(canonical)) {
          error(k, DUPLICATE_KEY, prefix + key, lines.get(canonical));
          continue;
        }
        out.put(canonical, t.getValueNode());
        lines.put(canonical, doc.position(k).line());
        positions.put(prefix + canonical, doc.position(t.getValueNode()));
      }
      return out;
    }

    /** The text of a value; empty for nothing ({@code key:} alone) or a wrong value. */
    Optional<String> text(Node n, String key) {
      if (YamlDocument.isNull(n)) {
        return Optional.empty();
      }
      if (!(n instanceof ScalarNode s)) {
        error(n, EXPECTED_TEXT, key, YamlDocument.kind(n));
        return Optional.empty();
      }
      return Optional.of(VietnameseText.clean(s.getValue()));
    }

    OptionalInt positive(Node n, String key) {
      if (YamlDocument.isNull(n)) {
        return OptionalInt.empty();
      }
      if (!(n instanceof ScalarNode s) || !s.getTag().equals(Tag.INT)) {
        error(n, EXPECTED_NUMBER, key, YamlDocument.kind(n));
        return OptionalInt.empty();
      }
      int value;
      try {
        value = Integer.parseInt(s.getValue().strip());
      } catch (NumberFormatException e) {
        error(n, EXPECTED_NUMBER, key, YamlDocument.kind(n));
        return OptionalInt.empty();
      }
      if (value < 1) {
        error(n, TOO_SMALL, key, value);
        return OptionalInt.empty();
      }
      return OptionalInt.of(value);
    }

    Optional<String> baseUrl(Node n) {
      Optional<String> v = text(n, "base_url").map(String::strip).filter(x -> !x.isEmpty());
      if (v.isPresent()) {
        try {
          SiteConfig.normalizeBaseUrl(v.get(), "base_url");
        } catch (IllegalArgumentException e) {
          errorSaid(n, e.getMessage());
          return Optional.empty();
        }
      }
      return v;
    }

    Optional<String> language(Node n) {
      Optional<String> v = text(n, "language").map(String::strip).filter(x -> !x.isEmpty());
      if (v.isPresent() && !LANGUAGE.matcher(v.get()).matches()) {
        error(n, BAD_LANGUAGE, v.get());
        return Optional.empty();
      }
      return v;
    }

    /** A path in the site, without a leading slash, or an absolute http(s) address. */
    Optional<String> address(Node n, String key) {
      Optional<String> v = text(n, key).map(String::strip);
      if (v.isEmpty()) {
        return v;
      }
      String a = v.get();
      boolean web = a.startsWith("http://") || a.startsWith("https://");
      boolean bad =
          a.startsWith("//")
              || a.contains("\\")
              || (!web && SCHEME.matcher(a).matches())
              || (!web && List.of(a.split("[/?#]", -1)).contains(".."));
      if (bad) {
        error(n, BAD_URL, key, a);
        return Optional.empty();
      }
      return Optional.of(web ? a : a.startsWith("/") ? a.substring(1) : a);
    }

    Optional<String> logo(Node n, Predicate<String> siteHasFile) {
      Optional<String> v = address(n, "logo").filter(x -> !x.isEmpty());
      if (v.isEmpty()) {
        return v;
      }
      String path = v.get();
      if (path.startsWith("http://") || path.startsWith("https://") || path.endsWith("/")) {
        error(n, BAD_LOGO, path);
        return Optional.empty();
      }
      if (!siteHasFile.test(path)) {
        error(n, NO_LOGO, path, path);
        return Optional.empty();
      }
      return v;
    }
  }
}
