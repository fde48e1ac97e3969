package vn.luutru.build;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import vn.luutru.config.MenuItem;
import vn.luutru.config.SiteConfig;
import vn.luutru.content.Article;
import vn.luutru.content.ArticleParser;
import vn.luutru.content.Congress;
import vn.luutru.content.CongressTitle;
import vn.luutru.content.ContentSource;
import vn.luutru.content.Diagnostic;
import vn.luutru.content.Position;
import vn.luutru.image.Photos;
import vn.luutru.markdown.MarkdownRenderer;
import vn.luutru.output.OutputRefusedException;
import vn.luutru.output.SiteWriter;
import vn.luutru.output.SwapGate;
import vn.luutru.output.WriteProblem;
import vn.luutru.render.SiteRenderer;
import vn.luutru.render.VietnameseDates;
import vn.luutru.search.DocumentWords;
import vn.luutru.search.SearchIndexWriter;
import vn.luutru.site.BodyCache;
import vn.luutru.site.Handover;
import vn.luutru.site.SiteModel;
import vn.luutru.site.SiteModelBuilder;

/**
 * Builds a site: content → model (with Markdown) → pages → output. Any error stops the build before
 * the output is swapped in, so the previous site stays as it was.
 *
 * <pre>{@code
 * BuildResult r = SiteBuilder.build(config);
 * r.diagnostics().forEach(d -> System.err.println(d.format()));
 * }</pre>
 */
public final class SiteBuilder {
  private SiteBuilder() {}

  /**
   * What the preview keeps between builds of one folder: parsed files and rendered bodies. {@link
   * #none()} for a single build.
   */
  public record Caches(ContentSource.Cache content, BodyCache bodies, Photos photos) {
    public static Caches none() {
      return new Caches(null, null, null);
    }

    /**
     * For the preview of {@code config}'s site: parsed files, rendered bodies, and photos whose
     * renditions are made when a page first asks for them.
     */
    public static Caches forPreview(SiteConfig config) {
      return new Caches(
          new ContentSource.Cache(),
          new BodyCache(),
          Photos.forPreview(
              config.images(), config.contentDir(), imageCache(config), config.basePath()));
    }
  }

  /** Where renditions are kept between builds, when they are. */
  static Optional<java.nio.file.Path> imageCache(SiteConfig config) {
    return config.cacheDir().map(d -> d.resolve("images"));
  }

  /**
   * The stages before pages: the model as built from the articles that could be read, every
   * diagnostic so far, and how many articles the model has.
   */
  public record Modelled(
      SiteModel built, List<Diagnostic> diagnostics, int articles, Photos photos) {
    /** The model, or empty when the diagnostics have errors. */
    public Optional<SiteModel> model() {
      return hasErrors() ? Optional.empty() : Optional.of(built);
    }

    public boolean hasErrors() {
      return diagnostics.stream().anyMatch(Diagnostic::isError);
    }
  }

  /**
   * Reads the content and builds the model. The model is built even when some files have errors,
   * from the others, so that one run reports every problem: a duplicate address or an alias that
   * collides is reported beside a file that cannot be read; links to a file with errors are not
   * reported again. With {@code check}, problems a publisher should fix are looked for too (see
   * {@link #check}). Each stage's time goes into {@code timings}. Photos are read as far as their
   * headers (size, orientation, what they are), unless {@code caches} hold the preview's photos.
   */
  public static Modelled model(
      SiteConfig config, Caches caches, boolean check, Map<String, Long> timings)
      throws IOException {
    return model(config, caches, check, timings, null);
  }

  /**
   * As {@link #model(SiteConfig, Caches, boolean, Map)}; with {@code words}, for a build that
   * renders the model once: no Markdown is kept once rendered, and the text goes to {@code words}
   * (see {@link SiteModelBuilder#buildOnce}), and every photo an article shows is made in each of
   * its renditions as it is looked up, so that a photo damaged past its header is reported too.
   */
  static Modelled model(
      SiteConfig config,
      Caches caches,
      boolean check,
      Map<String, Long> timings,
      SiteModelBuilder.TextSink words)
      throws IOException {
    long t0 = System.nanoTime();
    ContentSource.Content content =
        ContentSource.load(
            config.contentDir(), config.shownContentDir(), new ArticleParser(), caches.content());
    long t1 = lap(timings, "content", t0);
    List<Diagnostic> diags = new ArrayList<>(content.diagnostics());
    if (check) {
      // Disagreements with a title do not keep the model from being built: check goes on to
      // report the links and anchors too.
      for (Article a : content.articles()) {
        a.congress().ifPresent(c -> diags.addAll(agreeWithTitle(a, c)));
      }
    }
    SiteModelBuilder.Options options =
        new SiteModelBuilder.Options(
                config.basePath(), config.drafts(), config.future(), config.today(), check)
            .reading(config.contentPrefix(), content.unreadable());
    Photos photos =
        caches.photos() != null
            ? caches.photos()
            : words != null
                ? Photos.forBuild(
                    config.images(), config.contentDir(), imageCache(config), config.basePath())
                : Photos.forPreview(
                    config.images(), config.contentDir(), imageCache(config), config.basePath());
    options = options.withPhotos(photos);
    List<String> statics = content.staticFiles();
    SiteModelBuilder builder = new SiteModelBuilder(new MarkdownRenderer(), caches.bodies());
    SiteModel model;
    if (words == null) {
      model = builder.build(content.articles(), statics, options);
    } else {
      // The builder lets go of each body once rendered; nothing here may keep the articles, so
      // the loaded content is dropped.
      Handover articles = new Handover(content.articles());
      content = null;
      model = builder.buildOnce(articles, statics, options, words);
    }
    lap(timings, "model", t1);
    diags.addAll(model.diagnostics());
    return new Modelled(model, sorted(diags), model.articles().size(), photos);
  }

  public static BuildResult build(SiteConfig config) throws IOException {
    return build(config, SwapGate.open());
  }

  /** As {@link #build(SiteConfig)}; the site is swapped in only through {@code gate}. */
  public static BuildResult build(SiteConfig config, SwapGate gate) throws IOException {
    return build(config, gate, true);
  }

  /**
   * As {@link #build(SiteConfig, SwapGate)}; without {@code searchIndex} no search index is
   * written, which only a benchmark asks for, to measure what the index costs.
   */
  public static BuildResult build(SiteConfig config, SwapGate gate, boolean searchIndex)
      throws IOException {
    return build(config, () -> {}, gate, searchIndex, false);
  }

  /**
   * As {@link #build(SiteConfig, SwapGate, boolean)}. A build writes into the output only the files
   * whose bytes differ from those there and deletes those the site no longer has; with {@code
   * clean}, it writes the whole site into a new folder and puts that in place of the output.
   */
  public static BuildResult build(
      SiteConfig config, SwapGate gate, boolean searchIndex, boolean clean) throws IOException {
    return build(config, () -> {}, gate, searchIndex, clean);
  }

  /** What a test runs at a point of the build, to change the content folder under it. */
  @FunctionalInterface
  interface Seam {
    void run() throws IOException;
  }

  /**
   * As {@link #build(SiteConfig)}, running {@code beforeCopy} after the checks, before the static
   * files are copied.
   */
  static BuildResult build(SiteConfig config, Seam beforeCopy) throws IOException {
    return build(config, beforeCopy, SwapGate.open(), true, false);
  }

  private static BuildResult build(
      SiteConfig config, Seam beforeCopy, SwapGate gate, boolean searchIndex, boolean clean)
      throws IOException {
    Map<String, Long> timings = new LinkedHashMap<>();
    Words words = new Words(searchIndex);
    // A build stopped between the two moves of its swap left no site: put back first, so that
    // even a build that fails leaves the last site in place.
    Optional<Diagnostic> recovered =
        SiteWriter.recover(config.outputDir())
            .map(
                old ->
                    Diagnostic.warning(
                        config.outputDir().toString(),
                        0,
                        0,
                        Messages.get(
                            "build.recovered",
                            config.outputDir().resolveSibling(old.getFileName())),
                        ""));
    try {
      BuildResult r = build(config, words, timings, beforeCopy, gate, clean);
      if (recovered.isEmpty()) {
        return r;
      }
      List<Diagnostic> diags = new ArrayList<>(r.diagnostics());
      diags.add(recovered.get());
      return new BuildResult(
          sorted(diags), r.written(), r.articles(), r.files(), r.bytes(), r.timings(), r.changes());
    } finally {
      // Whether or not the index was written, the threads let go of their word tables.
      if (words.words != null) {
        words.words.discard();
      }
    }
  }

  private static BuildResult build(
      SiteConfig config,
      Words words,
      Map<String, Long> timings,
      Seam beforeCopy,
      SwapGate gate,
      boolean clean)
      throws IOException {
    Modelled modelled = model(config, Caches.none(), false, timings, words);
    SiteRenderer renderer = SiteRenderer.of(config);
    if (modelled.hasErrors()) {
      // Addresses the templates would claim twice are known without rendering: reported too.
      List<Diagnostic> diags = new ArrayList<>(modelled.diagnostics());
      diags.addAll(renderer.plan(modelled.built()).collisions());
      return new BuildResult(sorted(diags), false, modelled.articles(), 0, 0, timings);
    }
    SiteModel model = modelled.built();
    List<Diagnostic> diags = new ArrayList<>(modelled.diagnostics());
    long t2 = System.nanoTime();
    try (SiteWriter out =
        clean ? SiteWriter.open(config.outputDir()) : SiteWriter.updating(config.outputDir())) {
      List<Diagnostic> renderErrors = renderer.render(model, out::write);
      long t3 = lap(timings, "render", t2);
      if (!renderErrors.isEmpty()) {
        diags.addAll(renderErrors);
        return new BuildResult(sorted(diags), false, model.articles().size(), 0, 0, timings);
      }
      Map<String, Long> parts = new LinkedHashMap<>();
      if (words.index) {
        SearchIndexWriter.write(model.articles(), words.words, out::write, parts);
      }
      long t4 = lap(timings, "search", t3);
      parts.forEach((part, ms) -> timings.put("search." + part, ms));
      beforeCopy.run();
      // Checked when the content was read, each file is checked again as it is copied.
      List<Diagnostic> changed = new ArrayList<>();
      Photos photos = modelled.photos();
      boolean keep = config.images().keepOriginal();
      for (String file : model.staticFiles()) {
        if (!Photos.isPhoto(file)) {
          StaticFile.copy(config.contentDir(), file, config.contentPrefix() + file, out)
              .ifPresent(changed::add);
        } else if (keep || !photos.isPublishedAsRenditions(file)) {
          // A photo's own file goes out without what the camera hid in it.
          StaticFile.copy(
                  config.contentDir(),
                  file,
                  config.contentPrefix() + file,
                  out,
                  bytes -> photos.cleanOriginal(file, bytes))
              .ifPresent(changed::add);
        }
      }
      changed.addAll(clashes(model.staticFiles(), photos, config.contentPrefix()));
      if (!changed.isEmpty()) {
        diags.addAll(changed);
        return new BuildResult(sorted(diags), false, model.articles().size(), 0, 0, timings);
      }
      long t5 = System.nanoTime();
      photos.publish(
          new Photos.Sink() {
            @Override
            public void write(String path, byte[] bytes) throws IOException {
              out.write(path, bytes);
            }

            @Override
            public void link(String path, java.nio.file.Path source) throws IOException {
              out.link(source, path);
            }
          });
      lap(timings, "photos", t5);
      out.commit(gate);
      lap(timings, "write", t4);
      return new BuildResult(
          sorted(diags),
          true,
          model.articles().size(),
          out.fileCount(),
          out.byteCount(),
          timings,
          out.changes());
    } catch (OutputRefusedException e) {
      diags.add(Diagnostic.error(config.outputDir().toString(), 0, 0, e.getMessage(), ""));
      return new BuildResult(sorted(diags), false, model.articles().size(), 0, 0, timings);
    } catch (IOException e) {
      // The content was read; what failed is writing the site (or letting go of what was written).
      diags.add(
          Diagnostic.error(
              config.outputDir().toString(),
              0,
              0,
              WriteProblem.describe(e, config.outputDir()),
              ""));
      return new BuildResult(sorted(diags), false, model.articles().size(), 0, 0, timings);
    }
  }

  /**
   * Everything {@link #build} would report, and more, of the articles and the drafts, without
   * writing: links, images and anchors that lead nowhere (in Markdown or raw HTML, and links from
   * the site's root that no page, file or alias answers) are errors; congress blocks are checked
   * against their titles; articles without a summary or image text are warned about.
   */
  public static BuildResult check(SiteConfig given) throws IOException {
    return check(given, "", Map.of());
  }

  /**
   * As {@link #check(SiteConfig)}, and a link of the menu whose address the site does not have is
   * an error at its place in the settings file {@code settingsPath}: {@code positions} are those
   * the file was read with ({@code menu.0.url}, …).
   */
  public static BuildResult check(
      SiteConfig given, String settingsPath, Map<String, Position> positions) throws IOException {
    // Drafts are checked too: they are what is about to be published.
    SiteConfig config = given.drafts() ? given : given.toBuilder().drafts(true).build();
    Map<String, Long> timings = new LinkedHashMap<>();
    Modelled modelled = model(config, Caches.none(), true, timings);
    List<Diagnostic> diags = new ArrayList<>(modelled.diagnostics());
    SiteRenderer renderer = SiteRenderer.of(config);
    SiteRenderer.Plan plan = renderer.plan(modelled.built());
    diags.addAll(plan.collisions());
    Set<String> files = new HashSet<>(plan.jobs().keySet());
    files.addAll(renderer.assets().keySet());
    files.addAll(modelled.built().staticFiles());
    List<MenuItem> menu = config.menu();
    for (int i = 0; i < menu.size(); i++) {
      String url = menu.get(i).url();
      if (!url.startsWith("http://") && !url.startsWith("https://") && !answers(files, url)) {
        diags.add(
            positions
                .getOrDefault("menu." + i + ".url", Position.FILE)
                .error(settingsPath, Messages.get("build.menu-nowhere", url)));
      }
    }
    return new BuildResult(sorted(diags), false, modelled.articles(), 0, 0, timings);
  }

  /** Whether a site of {@code files} answers the path {@code url}, less its query and fragment. */
  private static boolean answers(Set<String> files, String url) {
    String path = url.replaceFirst("[?#].*$", "");
    path = path.startsWith("/") ? path.substring(1) : path;
    if (path.isEmpty() || path.endsWith("/")) {
      return files.contains(path + "index.html");
    }
    return files.contains(path) || files.contains(path + "/index.html");
  }

  /**
   * The search index's reading of each article's text, taken while the model is built; without the
   * index, the text is dropped.
   */
  private static final class Words implements SiteModelBuilder.TextSink {
    final boolean index;
    DocumentWords words;

    Words(boolean index) {
      this.index = index;
    }

    @Override
    public void documents(int count) {
      if (index) {
        words = new DocumentWords(count);
      }
    }

    @Override
    public void text(int doc, String title, String summary, String text) {
      if (index) {
        words.add(doc, title, summary, text);
      }
    }
  }

  /** A congress block whose ordinal or term differs from what its title says. */
  static List<Diagnostic> agreeWithTitle(Article a, Congress c) {
    List<Diagnostic> out = new ArrayList<>();
    CongressTitle t = CongressTitle.parse(a.title());
    if (t.ordinal().isPresent() && c.ordinal() > 0 && t.ordinal().getAsInt() != c.ordinal()) {
      out.add(
          a.position("congress.ordinal")
              .error(
                  a.sourcePath(),
                  Messages.get(
                      "build.ordinal-disagrees",
                      c.ordinal(),
                      VietnameseDates.ordinal(t.ordinal().getAsInt()),
                      t.ordinal().getAsInt())));
    }
    if (t.term().isPresent() && !t.term().get().equals(c.term())) {
      out.add(
          a.position("congress.term")
              .error(
                  a.sourcePath(),
                  Messages.get(
                      "build.term-disagrees", c.term().label(), t.term().get().display())));
    }
    return out;
  }

  /** Files of the content folder that a rendition would replace: each an error. */
  private static List<Diagnostic> clashes(List<String> statics, Photos photos, String prefix) {
    java.util.Set<String> files = new java.util.HashSet<>(statics);
    List<Diagnostic> out = new ArrayList<>();
    for (String r : photos.renditionPaths()) {
      if (files.contains(r)) {
        out.add(
            Diagnostic.error(
                prefix + r,
                0,
                0,
                Messages.get(
                    "build.rendition-name",
                    r.substring(r.lastIndexOf('-') + 1, r.lastIndexOf('.'))),
                ""));
      }
    }
    return out;
  }

  private static long lap(Map<String, Long> timings, String stage, long since) {
    long now = System.nanoTime();
    timings.put(stage, (now - since) / 1_000_000);
    return now;
  }

  private static List<Diagnostic> sorted(List<Diagnostic> diags) {
    return Diagnostic.sorted(diags);
  }
}
