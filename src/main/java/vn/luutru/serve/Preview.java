package vn.luutru.serve;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import vn.luutru.build.SiteBuilder;
import vn.luutru.config.SiteConfig;
import vn.luutru.content.ActiveFiles;
import vn.luutru.content.ContentSource;
import vn.luutru.content.Diagnostic;
import vn.luutru.image.Photos;
import vn.luutru.render.SiteRenderer;
import vn.luutru.search.SearchIndexWriter;
import vn.luutru.site.SiteModel;

/**
 * The site as the preview serves it: the last good model, planned pages rendered on request, and
 * the problems of the last rebuild. A rebuild re-reads only files whose time or size changed and
 * re-renders only Markdown bodies whose text or links changed; pages are rendered when asked for,
 * so a save costs the model, not the whole site.
 */
final class Preview {
  /** What a rebuild found: problems (errors keep the previous site) and how long it took. */
  record Rebuild(List<Diagnostic> diagnostics, boolean replaced, long millis) {
    boolean hasErrors() {
      return diagnostics.stream().anyMatch(Diagnostic::isError);
    }
  }

  /**
   * One good build of the site. {@code svgs} holds, for each static file that can carry script
   * ({@link ActiveFiles}: SVG images, HTML pages, XML documents), the SHA-256 of the bytes checked
   * when it was built: such a file is served only while its bytes on disk are still those.
   */
  record Snapshot(
      SiteRenderer renderer,
      Map<String, SiteRenderer.Job> pages,
      Map<String, byte[]> assets,
      Set<String> statics,
      java.util.function.Supplier<Map<String, byte[]>> search,
      Map<String, byte[]> rendered,
      Map<String, String> svgs) {}

  /** What the preview answers for a site file. */
  sealed interface Served {}

  /** A page, asset or file of the search index, in memory. */
  record Bytes(byte[] bytes) implements Served {}

  /**
   * A static file of the content folder, streamed from {@code path} (its real path, inside the
   * folder).
   */
  record OnDisk(Path path) implements Served {}

  /** A file of the site that is not served now, and why (for the user). */
  record Refused(String why) implements Served {}

  private volatile SiteConfig config;
  private volatile SiteBuilder.Caches caches;

  /** The errors of the settings file as last read: while there are any, nothing is rebuilt. */
  private List<Diagnostic> settingsErrors = List.of();

  private volatile Snapshot current;
  private volatile List<Diagnostic> problems = List.of();
  private boolean templatesChanged = true;

  /**
   * Files that can carry script, checked by earlier rebuilds, by site path: read and checked again
   * only when their time or size changed.
   */
  private final Map<String, SvgSeen> svgSeen = new java.util.HashMap<>();

  /** Such a file as a rebuild saw it; {@code sha256} empty when its bytes were not accepted. */
  private record SvgSeen(Path path, long modified, long size, Optional<String> sha256) {}

  Preview(SiteConfig config) {
    this.config = config;
    this.caches = SiteBuilder.Caches.forPreview(config);
  }

  SiteConfig config() {
    return config;
  }

  Optional<Snapshot> current() {
    return Optional.ofNullable(current);
  }

  List<Diagnostic> problems() {
    return problems;
  }

  /**
   * The content folder's cache, which the watcher tells of each change (see {@link
   * ContentSource.Cache#watched}).
   */
  ContentSource.Cache contentCache() {
    return caches.content();
  }

  /**
   * Takes the settings file as read again: new options ({@code config}, whose content folder is the
   * one watched) are used from the next rebuild on, with templates compiled afresh and bodies and
   * photos rendered again; errors keep the last good site and are the problems shown until the file
   * is fixed.
   */
  synchronized void settingsRead(Optional<SiteConfig> config, List<Diagnostic> diagnostics) {
    if (config.isEmpty()) {
      settingsErrors = List.copyOf(diagnostics);
      return;
    }
    settingsErrors = List.of();
    SiteConfig c = config.get();
    if (!c.equals(this.config)) {
      this.config = c;
      SiteBuilder.Caches fresh = SiteBuilder.Caches.forPreview(c);
      caches = new SiteBuilder.Caches(caches.content(), fresh.bodies(), fresh.photos());
      templatesChanged = true;
    }
  }

  /** Notes that a template changed, so the next rebuild compiles templates afresh. */
  synchronized void templatesChanged() {
    templatesChanged = true;
  }

  /**
   * Does what a save costs — the model from the caches and the plan of its pages — and keeps
   * nothing. Run a few times after the first build, so that the code a save takes is compiled
   * before the first save rather than during it.
   */
  synchronized void warmUp() throws IOException {
    Snapshot s = current;
    if (s == null) {
      return;
    }
    SiteBuilder.Modelled modelled =
        SiteBuilder.model(config, caches, false, new java.util.HashMap<>());
    if (!modelled.hasErrors()) {
      s.renderer().plan(modelled.built());
    }
    warmedUp++;
  }

  /** How many warm-ups built a model: for tests. */
  int warmedUp;

  synchronized Rebuild rebuild() throws IOException {
    long t0 = System.nanoTime();
    if (!settingsErrors.isEmpty()) {
      return done(settingsErrors, false, t0);
    }
    SiteBuilder.Modelled modelled =
        SiteBuilder.model(config, caches, false, new java.util.HashMap<>());
    List<Diagnostic> diags = new ArrayList<>(modelled.diagnostics());
    if (modelled.hasErrors()) {
      return done(diags, false, t0);
    }
    SiteModel model = modelled.built();
    boolean freshTemplates = current == null || templatesChanged;
    SiteRenderer renderer = freshTemplates ? SiteRenderer.of(config) : current.renderer();
    SiteRenderer.Plan plan = renderer.plan(model);
    diags.addAll(plan.collisions());
    if (!plan.collisions().isEmpty()) {
      return done(diags, false, t0);
    }
    Map<String, SiteRenderer.Job> pages = plan.jobs();
    // After a template changed, render one page of each now, so that a broken template is
    // reported at once rather than when its page is asked for.
    Set<String> tried = new HashSet<>();
    Map<String, byte[]> fresh = new ConcurrentHashMap<>();
    for (SiteRenderer.Job job : freshTemplates ? pages.values() : List.<SiteRenderer.Job>of()) {
      if (tried.add(job.template())) {
        try {
          fresh.put(job.file(), renderer.renderOne(job));
        } catch (SiteRenderer.RenderException e) {
          diags.add(e.diagnostic());
        }
      }
    }
    if (diags.stream().anyMatch(Diagnostic::isError)) {
      return done(diags, false, t0);
    }
    Map<String, byte[]> assets = renderer.assets();
    // The search index is built when the search page first asks for it, not on every save.
    List<vn.luutru.site.ArticlePage> articles = model.articles();
    java.util.function.Supplier<Map<String, byte[]>> search =
        new java.util.function.Supplier<>() {
          private Map<String, byte[]> files;

          @Override
          public synchronized Map<String, byte[]> get() {
            if (files == null) {
              Map<String, byte[]> out = new ConcurrentHashMap<>();
              try {
                SearchIndexWriter.write(articles, out::put);
              } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
              }
              files = out;
            }
            return files;
          }
        };
    templatesChanged = false;
    current =
        new Snapshot(
            renderer,
            pages,
            assets,
            new HashSet<>(model.staticFiles()),
            search,
            fresh,
            acceptedSvgs(model.staticFiles()));
    return done(diags, true, t0);
  }

  private Rebuild done(List<Diagnostic> diags, boolean replaced, long t0) {
    List<Diagnostic> sorted = new ArrayList<>(new LinkedHashSet<>(diags));
    problems = List.copyOf(sorted);
    return new Rebuild(sorted, replaced, (System.nanoTime() - t0) / 1_000_000);
  }

  /**
   * The SHA-256 of each file among {@code statics} that can carry script and whose bytes carry
   * none, read now. The build checked them too, but a file saved since may carry script: its bytes
   * are checked here again, and whatever is served later must have the hash of bytes checked.
   */
  private Map<String, String> acceptedSvgs(List<String> statics) throws IOException {
    Map<String, String> accepted = new java.util.HashMap<>();
    Map<String, SvgSeen> seen = new java.util.HashMap<>();
    Path root = config.contentDir().toRealPath();
    for (String file : statics) {
      if (!ActiveFiles.isActive(file)) {
        continue;
      }
      SvgSeen s;
      try {
        Optional<Path> path = inside(root, file);
        if (path.isEmpty()) {
          continue;
        }
        BasicFileAttributes a = Files.readAttributes(path.get(), BasicFileAttributes.class);
        s = svgSeen.get(file);
        if (s == null
            || !s.path().equals(path.get())
            || s.modified() != a.lastModifiedTime().toMillis()
            || s.size() != a.size()) {
          Optional<String> sha = Optional.empty();
          if (a.size() <= ContentSource.MAX_ARTICLE_BYTES) {
            byte[] bytes = Files.readAllBytes(path.get());
            if (ActiveFiles.check(file, file, bytes).isEmpty()) {
              sha = Optional.of(sha256(bytes));
            }
          }
          s = new SvgSeen(path.get(), a.lastModifiedTime().toMillis(), a.size(), sha);
        }
      } catch (IOException e) {
        continue; // gone or unreadable since the build read it: not served; the next rebuild says
        // what
      }
      seen.put(file, s);
      s.sha256().ifPresent(sha -> accepted.put(file, sha));
    }
    svgSeen.clear();
    svgSeen.putAll(seen);
    return Map.copyOf(accepted);
  }

  /**
   * The real path of static file {@code file}, when it is a regular file inside {@code root} (a
   * real path).
   */
  private static Optional<Path> inside(Path root, String file) throws IOException {
    Path path = ContentSource.locate(root, file).normalize();
    if (!path.startsWith(root) || !Files.isRegularFile(path)) {
      return Optional.empty();
    }
    Path real = path.toRealPath();
    return real.startsWith(root) ? Optional.of(real) : Optional.empty();
  }

  static String sha256(byte[] bytes) {
    try {
      return java.util.HexFormat.of()
          .formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new AssertionError(e);
    }
  }

  /**
   * What to answer for the site file at {@code file} (a normalised path inside the site, such as
   * {@code 2020/01/x/index.html}), or empty when the site has no such file. Static files are
   * streamed from the content folder; an SVG image only while its bytes are those the last good
   * build checked.
   */
  Optional<Served> file(String file) throws IOException {
    Snapshot s = current;
    if (s == null) {
      return Optional.empty();
    }
    SiteRenderer.Job job = s.pages().get(file);
    if (job != null) {
      byte[] cached = s.rendered().get(file);
      if (cached != null) {
        return Optional.of(new Bytes(cached));
      }
      try {
        byte[] bytes = s.renderer().renderOne(job);
        s.rendered().put(file, bytes);
        return Optional.of(new Bytes(bytes));
      } catch (SiteRenderer.RenderException e) {
        throw new IOException(e.getMessage(), e);
      }
    }
    if (s.assets().containsKey(file)) {
      return Optional.of(new Bytes(s.assets().get(file)));
    }
    if (Photos.isPhotoRendition(file)) {
      // Made when a page first asks for it, then kept in the cache.
      Optional<byte[]> rendition = caches.photos().rendition(file);
      if (rendition.isPresent()) {
        return Optional.of(new Bytes(rendition.get()));
      }
    }
    if (s.statics().contains(file)) {
      Optional<Path> path = inside(config.contentDir().toRealPath(), file);
      if (path.isEmpty()) {
        return Optional.empty();
      }
      if (!ActiveFiles.isActive(file)) {
        return Optional.of(new OnDisk(path.get()));
      }
      return Optional.of(svg(s, path.get(), file));
    }
    if (file.startsWith("search/")) {
      return Optional.ofNullable(s.search().get().get(file)).map(Bytes::new);
    }
    return Optional.empty();
  }

  /**
   * A file that can carry script ({@link ActiveFiles}): its bytes when they are those the last good
   * build checked, else why not.
   */
  private static Served svg(Snapshot s, Path path, String file) throws IOException {
    String accepted = s.svgs().get(file);
    if (Files.size(path) > ContentSource.MAX_ARTICLE_BYTES) {
      return new Refused(
          Messages.get(
              "serve.too-large-to-check", ContentSource.tooLargeToCheck(Files.size(path))));
    }
    byte[] bytes = Files.readAllBytes(path);
    if (accepted == null || !accepted.equals(sha256(bytes))) {
      return new Refused(Messages.get("serve.unchecked-active-file"));
    }
    return new Bytes(bytes);
  }

  /** Whether {@code folder/index.html} is a page, so that {@code folder} can redirect to it. */
  boolean isFolder(String folder) {
    Snapshot s = current;
    return s != null && s.pages().containsKey(folder + "/index.html");
  }
}
