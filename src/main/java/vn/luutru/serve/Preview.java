package vn.luutru.serve;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
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
import vn.luutru.content.ContentSource;
import vn.luutru.content.Diagnostic;
import vn.luutru.render.SiteRenderer;
import vn.luutru.search.SearchIndexWriter;
import vn.luutru.site.SiteModel;

/**
 * The site as the preview serves it: the last good model, planned pages rendered on request,
 * and the problems of the last rebuild. A rebuild re-reads only files whose time or size
 * changed and re-renders only Markdown bodies whose text or links changed; pages are rendered
 * when asked for, so a save costs the model, not the whole site.
 */
final class Preview {
  /** What a rebuild found: problems (errors keep the previous site) and how long it took. */
  record Rebuild(List<Diagnostic> diagnostics, boolean replaced, long millis) {
    boolean hasErrors() {
      return diagnostics.stream().anyMatch(Diagnostic::isError);
    }
  }

  /** One good build of the site. */
  record Snapshot(SiteRenderer renderer, Map<String, SiteRenderer.Job> pages, Map<String, byte[]> assets,
      Set<String> statics, java.util.function.Supplier<Map<String, byte[]>> search, Map<String, byte[]> rendered) {}

  private final SiteConfig config;
  private final SiteBuilder.Caches caches = SiteBuilder.Caches.fresh();
  private volatile Snapshot current;
  private volatile List<Diagnostic> problems = List.of();
  private boolean templatesChanged = true;

  Preview(SiteConfig config) {
    this.config = config;
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

  /** The content folder's cache, which the watcher tells of each change (see {@link ContentSource.Cache#watched}). */
  ContentSource.Cache contentCache() {
    return caches.content();
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
    SiteBuilder.Modelled modelled = SiteBuilder.model(config, caches, false, new java.util.HashMap<>());
    if (!modelled.hasErrors()) {
      s.renderer().plan(modelled.built());
    }
    warmedUp++;
  }

  /** How many warm-ups built a model: for tests. */
  int warmedUp;

  synchronized Rebuild rebuild() throws IOException {
    long t0 = System.nanoTime();
    SiteBuilder.Modelled modelled = SiteBuilder.model(config, caches, false, new java.util.HashMap<>());
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
    java.util.function.Supplier<Map<String, byte[]>> search = new java.util.function.Supplier<>() {
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
    current = new Snapshot(renderer, pages, assets, new HashSet<>(model.staticFiles()), search, fresh);
    return done(diags, true, t0);
  }

  private Rebuild done(List<Diagnostic> diags, boolean replaced, long t0) {
    List<Diagnostic> sorted = new ArrayList<>(new LinkedHashSet<>(diags));
    problems = List.copyOf(sorted);
    return new Rebuild(sorted, replaced, (System.nanoTime() - t0) / 1_000_000);
  }

  /**
   * The bytes of the site file at {@code file} (a normalised path inside the site, such as
   * {@code 2020/01/x/index.html}), or empty when the site has no such file.
   */
  Optional<byte[]> file(String file) throws IOException {
    Snapshot s = current;
    if (s == null) {
      return Optional.empty();
    }
    SiteRenderer.Job job = s.pages().get(file);
    if (job != null) {
      byte[] cached = s.rendered().get(file);
      if (cached != null) {
        return Optional.of(cached);
      }
      try {
        byte[] bytes = s.renderer().renderOne(job);
        s.rendered().put(file, bytes);
        return Optional.of(bytes);
      } catch (SiteRenderer.RenderException e) {
        throw new IOException(e.getMessage(), e);
      }
    }
    if (s.assets().containsKey(file)) {
      return Optional.of(s.assets().get(file));
    }
    if (s.statics().contains(file)) {
      Path root = config.contentDir().toRealPath();
      Path path = vn.luutru.content.ContentSource.locate(root, file).normalize();
      if (!path.startsWith(root) || !Files.isRegularFile(path)) {
        return Optional.empty();
      }
      Path real = path.toRealPath();
      if (!real.startsWith(root)) {
        return Optional.empty();
      }
      return Optional.of(Files.readAllBytes(real));
    }
    if (file.startsWith("search/")) {
      return Optional.ofNullable(s.search().get().get(file));
    }
    return Optional.empty();
  }

  /** Whether {@code folder/index.html} is a page, so that {@code folder} can redirect to it. */
  boolean isFolder(String folder) {
    Snapshot s = current;
    return s != null && s.pages().containsKey(folder + "/index.html");
  }
}
