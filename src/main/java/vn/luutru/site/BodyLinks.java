package vn.luutru.site;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import vn.luutru.content.Article;
import vn.luutru.content.Diagnostic;
import vn.luutru.content.SitePath;
import vn.luutru.image.Photos;
import vn.luutru.image.Picture;
import vn.luutru.markdown.LinkResolver;

/**
 * Resolves the addresses in one article's body against the content folder: links to other articles'
 * Markdown files become their pages' addresses, links to files of the folder are encoded, and what
 * leads nowhere is reported, as a warning when building and an error when checking. Links to
 * anchors are kept to be checked once every body has given its heading ids.
 */
final class BodyLinks implements LinkResolver {
  private static final Pattern SCHEME = Pattern.compile("^[a-zA-Z][a-zA-Z0-9+.-]*:.*");

  /** A link to {@code #fragment} of an article, checked once every body is rendered. */
  record Anchor(String contentPath, String fragment, int line, int column) {}

  final List<Anchor> anchors = new ArrayList<>();

  /** This body's own problems, found while rendering it. */
  final List<Diagnostic> own = new ArrayList<>();

  /** Every address the body looked up, and the answer ("" for none), to validate a cached body. */
  final Map<String, String> pageLookups = new HashMap<>();

  final Map<String, Boolean> staticLookups = new HashMap<>();

  /** Every photo the body or the lead image looked up, and its fingerprint. */
  final Map<String, String> photoLookups = new HashMap<>();

  /** The lead image's renditions, when it is a photo; else null. */
  Picture lead;

  /** The first photo of the body, or null. */
  Picture firstPhoto;

  /** The photos of the body by the address their image was given. */
  private final Map<String, Picture> pictures = new HashMap<>();

  private final Optional<Photos> photos;
  private Article article;
  final boolean check;
  private final String basePath;
  private final Map<String, String> pathByContent;
  private final Set<String> statics;
  private final Set<String> unreadable;
  private final KnownAddresses known;
  private String[] bodyLines;

  BodyLinks(
      Article article,
      SiteModelBuilder.Options options,
      Map<String, String> pathByContent,
      Set<String> statics) {
    this(article, options, pathByContent, statics, KnownAddresses.NONE);
  }

  /** {@code known}: what the site answers, to tell links from its root that lead nowhere. */
  BodyLinks(
      Article article,
      SiteModelBuilder.Options options,
      Map<String, String> pathByContent,
      Set<String> statics,
      KnownAddresses known) {
    this.known = known;
    this.article = article;
    this.check = options.check();
    this.basePath = options.basePath();
    this.pathByContent = pathByContent;
    this.statics = statics;
    this.unreadable = options.unreadable();
    this.photos = options.photos();
  }

  /**
   * What looking up Markdown file {@code content} answers: its page, {@value #UNREADABLE} for a
   * file that exists but has errors of its own, or "" for none. Cached bodies are valid while every
   * answer they got is the same.
   */
  static String answer(String content, Map<String, String> pathByContent, Set<String> unreadable) {
    String page = pathByContent.get(content);
    return page != null ? page : unreadable.contains(content) ? UNREADABLE : "";
  }

  static final String UNREADABLE = "?";

  private String page(String content) {
    String answer = answer(content, pathByContent, unreadable);
    pageLookups.put(content, answer);
    return answer;
  }

  private boolean isStatic(String content) {
    boolean found = statics.contains(content);
    staticLookups.put(content, found);
    return found;
  }

  @Override
  public String resolve(String destination, Kind kind, int line, int column) {
    String d = destination.strip();
    if (d.startsWith("#") && d.length() > 1) {
      anchors.add(new Anchor(article.contentPath(), decode(d.substring(1)), line, column));
      return destination;
    }
    if (d.isEmpty() || d.startsWith("#") || d.startsWith("//") || SCHEME.matcher(d).matches()) {
      return destination;
    }
    int cut = indexOfAny(d, '#', '?');
    String rest = cut < 0 ? "" : d.substring(cut);
    String target = nfc(decode(cut < 0 ? d : d.substring(0, cut)));
    String content =
        normalize(
            target.startsWith("/")
                ? target.substring(1)
                : (article.sourceFolder().isEmpty() ? "" : article.sourceFolder() + "/") + target);
    String lower = content == null ? "" : content.toLowerCase(Locale.ROOT);
    if (content != null && (lower.endsWith(".md") || lower.endsWith(".markdown"))) {
      String page = page(content);
      if (page.equals(UNREADABLE)) {
        // The article exists but has errors, reported at it; the link is fine.
        return destination;
      }
      if (!page.isEmpty()) {
        if (rest.startsWith("#") && rest.length() > 1) {
          anchors.add(new Anchor(content, decode(rest.substring(1)), line, column));
        }
        return basePath + page + rest;
      }
      problem(line, column, Messages.get("link.no-article", target));
      return destination;
    }
    if (content != null && isStatic(content)) {
      if (photos.isPresent() && Photos.isPhoto(content)) {
        Optional<Picture> p =
            photo(
                content,
                target,
                kind == Kind.IMAGE ? "link.image-photo" : "link.photo",
                line,
                column);
        if (p.isPresent()) {
          if (kind == Kind.LINK) {
            return p.get().largest().url();
          }
          if (firstPhoto == null) {
            firstPhoto = p.get();
          }
          pictures.put(p.get().src(), p.get());
          return p.get().src();
        }
        return destination;
      }
      return basePath + encode(content) + rest;
    }
    if (target.startsWith("/")) {
      if (check && known != KnownAddresses.NONE && (content == null || !known.answers(content))) {
        problem(
            line,
            column,
            Messages.get(kind == Kind.IMAGE ? "link.image-from-root" : "link.from-root", target));
      }
      return basePath + target.substring(1) + rest;
    }
    problem(
        line,
        column,
        Messages.get(kind == Kind.IMAGE ? "link.image-no-file" : "link.no-file", target));
    return destination;
  }

  /**
   * Checks an address in the body's raw HTML, which is published as written: read from the
   * article's page as a browser reads it, it must lead to a file or page of the site.
   */
  @Override
  public void raw(String destination, Kind kind, int line, int column) {
    String d = destination.strip();
    if (!check
        || known == KnownAddresses.NONE
        || d.isEmpty()
        || d.startsWith("#")
        || d.startsWith("//")
        || SCHEME.matcher(d).matches()) {
      return;
    }
    int cut = indexOfAny(d, '#', '?');
    String target = nfc(decode(cut < 0 ? d : d.substring(0, cut)));
    String page = pathByContent.getOrDefault(article.contentPath(), "");
    String path;
    if (target.startsWith(basePath)) {
      path = normalize(target.substring(basePath.length()));
    } else if (target.startsWith("/")) {
      path = null;
    } else {
      path = normalize(page + target);
    }
    if (path != null && (isStatic(path) || known.answers(path))) {
      return;
    }
    problem(
        line,
        column,
        Messages.get(
            kind == Kind.IMAGE ? "link.image-raw-nowhere" : "link.raw-nowhere",
            d,
            path == null ? target.substring(1) : path));
  }

  /** The site path of the lead image, or empty (with a warning) when the file is missing. */
  String image(String path) {
    if (SCHEME.matcher(path).matches() || path.startsWith("//")) {
      return path;
    }
    String content =
        normalize(
            nfc(
                path.startsWith("/")
                    ? path.substring(1)
                    : (article.sourceFolder().isEmpty() ? "" : article.sourceFolder() + "/")
                        + path));
    if (content == null || !isStatic(content)) {
      own.add(
          article
              .position("image")
              .warning(article.sourcePath(), Messages.get("link.lead-image-missing", path)));
      return "";
    }
    if (photos.isPresent() && Photos.isPhoto(content)) {
      vn.luutru.content.Figure f = article.image().orElseThrow();
      Optional<Picture> p =
          photo(Photos.key(content, f.focusX(), f.focusY()), path, "link.image-photo", 0, 0);
      if (p.isEmpty()) {
        return "";
      }
      lead = p.get();
      return lead.largest().path();
    }
    return encode(content);
  }

  /**
   * The photo {@code key} ({@link Photos#key}), as looked up; what the user should know about it is
   * reported where it is used (line 0: at the front matter's {@code image}), by the text {@code
   * what} ({@code link.photo} or {@code link.image-photo}). Empty when it cannot be published, with
   * an error.
   */
  private Optional<Picture> photo(String key, String shown, String what, int line, int column) {
    Photos.Lookup l = photos.get().lookup(key);
    photoLookups.put(key, l.fingerprint());
    if (l instanceof Photos.Found f) {
      for (String w : f.warnings()) {
        own.add(
            photoDiagnostic(
                line, column, Diagnostic.Severity.WARNING, Messages.get(what, shown, w)));
      }
      return Optional.of(f.picture());
    }
    own.add(
        photoDiagnostic(
            line,
            column,
            Diagnostic.Severity.ERROR,
            Messages.get(what, shown, ((Photos.Refused) l).message())));
    return Optional.empty();
  }

  private Diagnostic photoDiagnostic(
      int line, int column, Diagnostic.Severity severity, String message) {
    if (line > 0) {
      return at(line, column, severity, message);
    }
    vn.luutru.content.Position p = article.position("image");
    return new Diagnostic(
        article.sourcePath(), p.line(), p.column(), severity, message, p.sourceLine());
  }

  @Override
  public Map<String, String> imageAttributes(String destination) {
    Picture p = pictures.get(destination);
    if (p == null) {
      return Map.of();
    }
    Map<String, String> a = new java.util.LinkedHashMap<>();
    a.put("srcset", p.srcset());
    a.put("sizes", Picture.COLUMN_SIZES);
    a.put("width", String.valueOf(p.width()));
    a.put("height", String.valueOf(p.height()));
    a.put("decoding", "async");
    return a;
  }

  @Override
  public void imageWithoutAlt(int line, int column) {
    if (check) {
      own.add(
          at(line, column, Diagnostic.Severity.WARNING, Messages.get("link.image-without-alt")));
    }
  }

  /** A link that leads nowhere: a warning when building, an error when checking. */
  void problem(int line, int column, String message) {
    own.add(
        at(line, column, check ? Diagnostic.Severity.ERROR : Diagnostic.Severity.WARNING, message));
  }

  /**
   * After rendering, in a one-off build: lets go of the Markdown, keeping its lines only when
   * anchors are still to be checked (their diagnostics quote the line).
   */
  synchronized void release() {
    if (!anchors.isEmpty() && bodyLines == null) {
      bodyLines = article.body().split("\n", -1);
    }
    if (anchors.isEmpty()) {
      bodyLines = null;
    }
    article = article.withoutBody();
  }

  synchronized Diagnostic at(int line, int column, Diagnostic.Severity severity, String message) {
    if (line <= 0) {
      return new Diagnostic(article.sourcePath(), 0, 0, severity, message, "");
    }
    if (bodyLines == null) {
      bodyLines = article.body().split("\n", -1);
    }
    String src = line <= bodyLines.length ? bodyLines[line - 1] : "";
    return new Diagnostic(
        article.sourcePath(), article.bodyLine() + line - 1, column, severity, message, src);
  }

  /**
   * The links of {@code links} (one per article, in the order of {@code articles}) to an anchor
   * that the target article's body does not have; {@code ids} are each body's heading ids.
   */
  static List<Diagnostic> missingAnchors(
      BodyLinks[] links, List<Article> articles, Set<String>[] ids) {
    Map<String, Integer> indexByContent = new HashMap<>();
    for (int i = 0; i < articles.size(); i++) {
      indexByContent.put(articles.get(i).contentPath(), i);
    }
    List<Diagnostic> out = new ArrayList<>();
    for (BodyLinks r : links) {
      for (Anchor anchor : r.anchors) {
        Integer target = indexByContent.get(anchor.contentPath());
        if (target != null && !ids[target].contains(anchor.fragment())) {
          out.add(
              r.at(
                  anchor.line(),
                  anchor.column(),
                  r.check ? Diagnostic.Severity.ERROR : Diagnostic.Severity.WARNING,
                  Messages.get(
                      "link.no-anchor", anchor.fragment(), articles.get(target).sourcePath())));
        }
      }
    }
    return out;
  }

  private static int indexOfAny(String s, char a, char b) {
    int i = s.indexOf(a);
    int j = s.indexOf(b);
    return i < 0 ? j : (j < 0 ? i : Math.min(i, j));
  }

  /** {@code a/./b/../c} → {@code a/c}; null when the path climbs out of the content folder. */
  static String normalize(String path) {
    return SitePath.resolve(path).map(SitePath::path).orElse(null);
  }

  /** File names in the content folder are compared in NFC, as the text of articles is. */
  private static String nfc(String path) {
    return java.text.Normalizer.normalize(path, java.text.Normalizer.Form.NFC);
  }

  /** Undoes percent-encoding in a path ({@code x%20y.jpg} → {@code x y.jpg}). */
  private static String decode(String s) {
    return SitePath.decode(s).orElse(s);
  }

  /** Percent-encodes what a path needs encoded (spaces, non-ASCII), keeping slashes. */
  static String encode(String path) {
    return new SitePath(path).encoded();
  }
}
