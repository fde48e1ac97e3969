package vn.luutru.build;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import vn.luutru.config.SiteConfig;
import vn.luutru.content.Article;
import vn.luutru.content.ArticleParser;
import vn.luutru.content.Congress;
import vn.luutru.content.CongressTitle;
import vn.luutru.render.VietnameseDates;
import vn.luutru.content.ContentSource;
import vn.luutru.content.Diagnostic;
import vn.luutru.markdown.MarkdownRenderer;
import vn.luutru.output.OutputRefusedException;
import vn.luutru.output.SiteWriter;
import vn.luutru.render.SiteRenderer;
import vn.luutru.search.SearchIndexWriter;
import vn.luutru.render.Views;
import vn.luutru.site.SiteModel;
import vn.luutru.site.SiteModelBuilder;

/**
 * Builds a site: content → model (with Markdown) → pages → output. Any error stops the build
 * before the output is swapped in, so the previous site stays as it was.
 *
 * <pre>{@code
 * BuildResult r = SiteBuilder.build(config);
 * r.diagnostics().forEach(d -> System.err.println(d.format()));
 * }</pre>
 */
public final class SiteBuilder {
  private SiteBuilder() {}

  public static BuildResult build(SiteConfig config) throws IOException {
    Map<String, Long> timings = new LinkedHashMap<>();
    long t0 = System.nanoTime();
    ContentSource.Content content =
        ContentSource.load(config.contentDir(), config.shownContentDir(), new ArticleParser());
    long t1 = lap(timings, "content", t0);
    List<Diagnostic> diags = new ArrayList<>(content.diagnostics());
    if (diags.stream().anyMatch(Diagnostic::isError)) {
      return new BuildResult(sorted(diags), false, content.articles().size(), 0, 0, timings);
    }
    SiteModel model =
        new SiteModelBuilder(new MarkdownRenderer())
            .build(content.articles(), content.staticFiles(),
                new SiteModelBuilder.Options(config.basePath(), config.drafts(), config.future(), config.today()));
    long t2 = lap(timings, "model", t1);
    diags.addAll(model.diagnostics());
    if (diags.stream().anyMatch(Diagnostic::isError)) {
      return new BuildResult(sorted(diags), false, model.articles().size(), 0, 0, timings);
    }
    SiteRenderer renderer = renderer(config);
    try (SiteWriter out = SiteWriter.open(config.outputDir())) {
      List<Diagnostic> renderErrors = renderer.render(model, out::write);
      long t3 = lap(timings, "render", t2);
      if (!renderErrors.isEmpty()) {
        diags.addAll(renderErrors);
        return new BuildResult(sorted(diags), false, model.articles().size(), 0, 0, timings);
      }
      SearchIndexWriter.write(model.articles(), out::write);
      long t4 = lap(timings, "search", t3);
      for (String file : model.staticFiles()) {
        out.copy(config.contentDir().resolve(file), file);
      }
      out.commit();
      lap(timings, "write", t4);
      return new BuildResult(sorted(diags), true, model.articles().size(), out.fileCount(), out.byteCount(), timings);
    } catch (OutputRefusedException e) {
      diags.add(Diagnostic.error(config.outputDir().toString(), 0, 0, e.getMessage(), ""));
      return new BuildResult(sorted(diags), false, model.articles().size(), 0, 0, timings);
    }
  }

  /**
   * Everything {@link #build} would report, and more, without writing: links, images and
   * anchors that lead nowhere are errors; congress blocks are checked against their titles;
   * articles without a summary or image text are warned about.
   */
  public static BuildResult check(SiteConfig config) throws IOException {
    Map<String, Long> timings = new LinkedHashMap<>();
    ContentSource.Content content =
        ContentSource.load(config.contentDir(), config.shownContentDir(), new ArticleParser());
    List<Diagnostic> diags = new ArrayList<>(content.diagnostics());
    for (Article a : content.articles()) {
      a.congress().ifPresent(c -> diags.addAll(agreeWithTitle(a, c)));
    }
    SiteModel model =
        new SiteModelBuilder(new MarkdownRenderer())
            .build(content.articles(), content.staticFiles(), new SiteModelBuilder.Options(config.basePath(),
                config.drafts(), config.future(), config.today(), true));
    diags.addAll(model.diagnostics());
    if (diags.stream().noneMatch(Diagnostic::isError)) {
      diags.addAll(renderer(config).plan(model).collisions());
    }
    return new BuildResult(sorted(diags), false, model.articles().size(), 0, 0, timings);
  }

  private static SiteRenderer renderer(SiteConfig config) {
    Views.SiteInfo info = new Views.SiteInfo(config.title(), config.description(), config.baseUrl(),
        config.basePath(), "vi");
    return new SiteRenderer(info, config.pageSize(), config.templatesDir(),
        config.templatesDir().map(Path::toString).orElse("templates"));
  }

  /** A congress block whose ordinal or term differs from what its title says. */
  static List<Diagnostic> agreeWithTitle(Article a, Congress c) {
    List<Diagnostic> out = new ArrayList<>();
    CongressTitle t = CongressTitle.parse(a.title());
    if (t.ordinal().isPresent() && c.ordinal() > 0 && t.ordinal().getAsInt() != c.ordinal()) {
      out.add(a.position("congress.ordinal").error(a.sourcePath(), "congress.ordinal is " + c.ordinal()
          + " but the title says lần thứ " + VietnameseDates.ordinal(t.ordinal().getAsInt())
          + " (" + t.ordinal().getAsInt() + ")"));
    }
    if (t.term().isPresent() && !t.term().get().equals(c.term())) {
      out.add(a.position("congress.term").error(a.sourcePath(), "congress.term is " + c.term().label()
          + " but the title says nhiệm kỳ " + t.term().get().display()));
    }
    return out;
  }

  private static long lap(Map<String, Long> timings, String stage, long since) {
    long now = System.nanoTime();
    timings.put(stage, (now - since) / 1_000_000);
    return now;
  }

  private static List<Diagnostic> sorted(List<Diagnostic> diags) {
    List<Diagnostic> out = new ArrayList<>(diags);
    out.sort(java.util.Comparator.comparing(Diagnostic::path)
        .thenComparingInt(Diagnostic::line)
        .thenComparingInt(Diagnostic::column)
        .thenComparing(Diagnostic::message));
    return out;
  }
}
