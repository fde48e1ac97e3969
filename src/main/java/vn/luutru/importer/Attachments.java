package vn.luutru.importer;

import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.Normalizer;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import vn.luutru.content.Diagnostic;

/**
 * The photos and files one page refers to: each address is resolved in the {@link Mirror}; photos
 * go to {@code anh/} and other files to {@code tep/} beside the article, pages of the saved site
 * become addresses from its root ({@code /tin-tuc/206.html}, which the imported page answers
 * through its alias). An address that leads outside the saved site is an error and is never read; a
 * missing file is an error too (the article is written without it). A page of the former site that
 * was not saved is no error: the link keeps its old address. Nothing is copied before {@link
 * #copy()}, which the importer calls once the article is known to be good.
 */
final class Attachments implements PageReader.Addresses {
  private final Mirror mirror;
  private final Path page;
  private final Path folder;
  private final List<String> notes;
  private final List<Diagnostic> errors;

  private final List<String> oldBaseUrls;

  /** The addresses of pages of the saved site the article links to, as written in it. */
  private final List<String> pageLinks = new java.util.ArrayList<>();

  /** Files to copy: target under {@code folder} → source. */
  private final Map<String, Path> planned = new LinkedHashMap<>();

  Attachments(Mirror mirror, Path page, Path folder, List<String> notes, List<Diagnostic> errors) {
    this(mirror, page, folder, notes, errors, List.of());
  }

  /** {@code oldBaseUrls}: the former site's addresses, read as addresses from the mirror's root. */
  Attachments(
      Mirror mirror,
      Path page,
      Path folder,
      List<String> notes,
      List<Diagnostic> errors,
      List<String> oldBaseUrls) {
    this.oldBaseUrls = List.copyOf(oldBaseUrls);
    this.mirror = mirror;
    this.page = page;
    this.folder = folder;
    this.notes = notes;
    this.errors = errors;
  }

  @Override
  public Optional<String> image(String given) {
    String src = fromRoot(given);
    Mirror.Target t = mirror.resolve(page, src);
    if (t instanceof Mirror.Web web) {
      notes.add(Messages.get("file.photo-elsewhere", web.url()));
      return Optional.of(web.url());
    }
    if (t instanceof Mirror.Local local) {
      return place("anh", local).map(Attachments::encode);
    }
    report(true, src, t);
    return Optional.empty();
  }

  @Override
  public Optional<String> link(String given) {
    String href = fromRoot(given);
    if (href.regionMatches(true, 0, "mailto:", 0, 7) || href.regionMatches(true, 0, "tel:", 0, 4)) {
      return Optional.of(href);
    }
    Mirror.Target t = mirror.resolve(page, href);
    if (t instanceof Mirror.Web web) {
      return Optional.of(web.url());
    }
    int query = href.indexOf('?');
    if (query >= 0
        && (query < href.indexOf('#') || href.indexOf('#') < 0)
        && !(t instanceof Mirror.Refused)) {
      Optional<String> saved = savedWithQuery(href, query);
      if (saved.isPresent()) {
        int hash = href.indexOf('#');
        return Optional.of(pageLink(oldAddress(saved.get(), hash < 0 ? "" : href.substring(hash))));
      }
      notes.add(Messages.get("file.link-query", href));
      return Optional.empty();
    }
    if (t instanceof Mirror.Local local) {
      if (isPage(local.sitePath())) {
        return Optional.of(pageLink(oldAddress(local.sitePath(), href)));
      }
      return place("tep", local).map(Attachments::encode);
    }
    if (t instanceof Mirror.Missing missing && isPage(missing.sitePath())) {
      // A page of the former site that was not saved: its old address, which its article answers
      // once imported.
      return Optional.of(pageLink(oldAddress(missing.sitePath(), href)));
    }
    report(false, href, t);
    return Optional.empty();
  }

  /**
   * The page a link with a query names, when the saved site has it: {@code
   * Default.aspx?tabid=53&ItemID=190} is saved by wget as a file of that name, or with {@code @}
   * for {@code ?} ({@code --restrict-file-names=windows}), either perhaps ending in {@code .html}.
   * A query holding a slash or backslash names no such file and is not looked for.
   */
  private Optional<String> savedWithQuery(String href, int query) {
    int hash = href.indexOf('#');
    String q = href.substring(query + 1, hash < 0 ? href.length() : hash);
    String lower = q.toLowerCase(Locale.ROOT);
    if (q.isEmpty()
        || q.contains("/")
        || q.contains("\\")
        || lower.contains("%2f")
        || lower.contains("%5c")
        || lower.contains("%00")) {
      return Optional.empty();
    }
    String path = href.substring(0, query);
    for (String sep : List.of("%3F", "@")) {
      for (String ext : List.of("", ".html", ".htm")) {
        if (mirror.resolve(page, path + sep + q + ext) instanceof Mirror.Local local
            && isPage(path)) {
          return Optional.of(
              local
                  .sitePath()
                  .replaceFirst("(?i)\\.html?$", "")
                  .replaceFirst("(?i)(\\.(aspx?|php|jsp|cfm))@(?=[^/]*$)", "$1?"));
        }
      }
    }
    return Optional.empty();
  }

  private String pageLink(String address) {
    pageLinks.add(address);
    return address;
  }

  List<String> pageLinks() {
    return List.copyOf(pageLinks);
  }

  /**
   * An address on the former site ({@code http://sct.hatinh.gov.vn/tin-tuc/191.html}) as an address
   * from the saved site's root ({@code /tin-tuc/191.html}); any other as it is.
   */
  String fromRoot(String address) {
    String a = address.strip();
    String bare = a.replaceFirst("(?i)^(https?:)?//(www\\.)?", "");
    if (bare.equals(a)) {
      return a;
    }
    for (String base : oldBaseUrls) {
      String b =
          base.strip().replaceFirst("(?i)^(https?:)?//(www\\.)?", "").replaceFirst("/+$", "");
      if (!b.isEmpty()
          && bare.regionMatches(true, 0, b, 0, b.length())
          && (bare.length() == b.length() || "/?#".indexOf(bare.charAt(b.length())) >= 0)) {
        String rest = bare.substring(b.length());
        return rest.startsWith("/") ? rest : "/" + rest;
      }
    }
    return a;
  }

  private static boolean isPage(String sitePath) {
    String name = sitePath.substring(sitePath.lastIndexOf('/') + 1).toLowerCase(Locale.ROOT);
    return !sitePath.isEmpty()
        && (name.endsWith(".html")
            || name.endsWith(".htm")
            || name.endsWith(".aspx")
            || name.endsWith(".asp")
            || name.endsWith(".php")
            || !name.contains("."));
  }

  private static String oldAddress(String sitePath, String href) {
    int cut = href.indexOf('#');
    return "/"
        + encode(sitePath)
        + (cut < 0
            ? ""
            : href.substring(cut)
                .replace(" ", "%20")
                .replace("(", "%28")
                .replace(")", "%29")
                .replace("<", "%3C")
                .replace(">", "%3E"));
  }

  /** The lead image's address for the front matter: as {@link #image}, not percent-encoded. */
  Optional<String> leadImage(String markdownAddress) {
    return markdownAddress.startsWith("anh/")
        ? Optional.of(decode(markdownAddress))
        : Optional.of(markdownAddress);
  }

  /** Reports an image ({@code image}) or a link the import could not keep, and why. */
  private void report(boolean image, String given, Mirror.Target t) {
    String address = given.length() > 120 ? given.substring(0, 100) + "…" : given;
    if (t instanceof Mirror.Refused refused) {
      errors.add(
          Diagnostic.error(
              page.toString(),
              0,
              0,
              Messages.get(
                  image ? "file.image-refused" : "file.link-refused", address, refused.why()),
              ""));
    } else if (t instanceof Mirror.Missing missing) {
      errors.add(
          Diagnostic.error(
              page.toString(),
              0,
              0,
              Messages.get(
                  image ? "file.image-missing" : "file.link-missing", address, missing.why()),
              ""));
    }
  }

  /** A name under {@code kind/} for the file: its own, or with -2, -3… when another file has it. */
  private Optional<String> place(String kind, Mirror.Local local) {
    String name = safeName(local.name());
    int dot = name.lastIndexOf('.');
    String stem = dot > 0 ? name.substring(0, dot) : name;
    String ext = dot > 0 ? name.substring(dot) : "";
    for (int n = 1; n < 1000; n++) {
      String target = kind + "/" + (n == 1 ? name : stem + "-" + n + ext);
      Path source = planned.get(target);
      if (source != null) {
        if (source.equals(local.file())) {
          return Optional.of(target);
        }
        continue;
      }
      Path onDisk = folder.resolve(target);
      try {
        if (Files.exists(onDisk) && Files.mismatch(onDisk, local.file()) != -1) {
          continue;
        }
      } catch (IOException e) {
        continue;
      }
      planned.put(target, local.file());
      return Optional.of(target);
    }
    notes.add(Messages.get("file.too-many-names", local.name()));
    return Optional.empty();
  }

  /** Copies the files the article refers to; what cannot be copied is an error. */
  void copy() {
    for (Map.Entry<String, Path> e : planned.entrySet()) {
      Path target = folder.resolve(e.getKey());
      try {
        Files.createDirectories(target.getParent());
        Files.copy(e.getValue(), target);
      } catch (FileAlreadyExistsException same) {
        // the same file, copied for another article of the month
      } catch (IOException x) {
        errors.add(
            Diagnostic.error(
                page.toString(),
                0,
                0,
                Messages.get("file.cannot-copy", e.getValue(), target, x.getMessage()),
                ""));
      }
    }
  }

  /**
   * A file name that the content folder publishes as it is: NFC, no characters that need quoting in
   * an address beyond spaces, not hidden, and never read as an article.
   */
  static String safeName(String name) {
    String n =
        Normalizer.normalize(name, Normalizer.Form.NFC)
            .replaceAll("[^\\p{L}\\p{M}\\p{N}._ ()-]", "-");
    if (n.startsWith(".") || n.isEmpty()) {
      n = "tep" + n;
    }
    String lower = n.toLowerCase(Locale.ROOT);
    if (lower.endsWith(".md") || lower.endsWith(".markdown")) {
      n = n + ".txt";
    }
    return n;
  }

  static String encode(String path) {
    try {
      return new URI(null, null, "/" + path, null)
          .toASCIIString()
          .substring(1)
          .replace("(", "%28")
          .replace(")", "%29");
    } catch (URISyntaxException e) {
      return java.net.URLEncoder.encode(path, StandardCharsets.UTF_8)
          .replace("+", "%20")
          .replace("%2F", "/");
    }
  }

  private static String decode(String path) {
    try {
      return new URI(path).getPath();
    } catch (URISyntaxException e) {
      return path;
    }
  }
}
