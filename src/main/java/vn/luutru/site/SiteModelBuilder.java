package vn.luutru.site;

import java.text.Collator;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.IntStream;
import vn.luutru.content.Article;
import vn.luutru.content.Diagnostic;
import vn.luutru.image.Photos;
import vn.luutru.markdown.MarkdownRenderer;

/**
 * Builds the {@link SiteModel} from parsed articles. Pure apart from the parallel Markdown
 * rendering it drives; the same articles always give the same model, whatever order they come in.
 * It runs the steps in order, each done by a class of its own: addresses and their collisions
 * ({@link ArticleAddresses}), bodies and their links ({@link Bodies}, {@link BodyLinks}),
 * categories and tags ({@link Taxonomy}), organisations and terms ({@link Organizations}), related
 * articles ({@link RelatedArticles}), archives ({@link Archives}) and aliases ({@link Aliases}).
 * Every address the site has is in {@link PageList}.
 */
public final class SiteModelBuilder {
  private final MarkdownRenderer markdown;
  private final BodyCache cache;

  public SiteModelBuilder(MarkdownRenderer markdown) {
    this(markdown, null);
  }

  /** With a cache of rendered bodies kept between builds of one folder (the preview server). */
  public SiteModelBuilder(MarkdownRenderer markdown, BodyCache cache) {
    this.markdown = markdown;
    this.cache = cache;
  }

  /**
   * What to include and where the site lives. With {@code check}, links, images and anchors that
   * lead nowhere are errors rather than warnings, and articles without a summary or image
   * alternative text are warned about.
   */
  public record Options(
      String basePath,
      boolean drafts,
      boolean future,
      LocalDate today,
      boolean check,
      String contentPrefix,
      Set<String> unreadable,
      boolean oneOff,
      TextSink words,
      Optional<Photos> photos) {
    public Options {
      unreadable = Set.copyOf(unreadable);
    }

    public Options(
        String basePath, boolean drafts, boolean future, LocalDate today, boolean check) {
      this(basePath, drafts, future, today, check, "", Set.of(), false, null, Optional.empty());
    }

    /**
     * The same, publishing the photos that articles use through {@code photos}: images in bodies
     * get their renditions' {@code srcset} and size, lead images their {@link
     * vn.luutru.image.Picture}, and a photo that cannot be published is an error where it is used.
     */
    public Options withPhotos(Photos photos) {
      return new Options(
          basePath,
          drafts,
          future,
          today,
          check,
          contentPrefix,
          unreadable,
          oneOff,
          words,
          Optional.of(photos));
    }

    public Options(String basePath, boolean drafts, boolean future, LocalDate today) {
      this(basePath, drafts, future, today, false);
    }

    /**
     * The same, naming files in diagnostics as {@code contentPrefix} + their path in the content
     * folder ({@code content/}), and knowing that the Markdown files {@code unreadable} exist but
     * have errors of their own: links to them are not reported again.
     */
    public Options reading(String contentPrefix, Set<String> unreadable) {
      return new Options(
          basePath, drafts, future, today, check, contentPrefix, unreadable, oneOff, words, photos);
    }

    /** The same, for {@link #buildOnce}. */
    Options oneOff(TextSink words) {
      return new Options(
          basePath, drafts, future, today, check, contentPrefix, unreadable, true, words, photos);
    }
  }

  /**
   * Where the plain text of each article goes when the model does not keep it (a build's search
   * index).
   */
  public interface TextSink {
    /**
     * Called once, before any text, with the number of articles: they are numbered from 0 in the
     * site's order.
     */
    void documents(int count);

    /**
     * Article {@code doc}'s title, front matter summary and body text; called from many threads.
     */
    void text(int doc, String title, String summary, String text);
  }

  /**
   * The model of the articles of {@code input} that {@code options} include; {@code staticFiles}
   * are the other files of the content folder, by path in it. Problems are in the model's
   * diagnostics.
   */
  public SiteModel build(List<Article> input, List<String> staticFiles, Options options) {
    return build(input, staticFiles, options, false);
  }

  /**
   * As {@link #build}, for a build of a large archive that must not hold its text several times
   * over: each article's Markdown is let go of once rendered, and the plain text of each goes to
   * {@code words} (the search index) instead of into the model, whose pages then have an empty
   * {@code text}. {@code words} may be null: the text is kept. A builder with a cache of bodies
   * cannot, since the cache keeps them.
   */
  public SiteModel buildOnce(
      Handover articles, List<String> staticFiles, Options options, TextSink words) {
    if (cache != null) {
      throw new IllegalArgumentException(
          "a one-off build keeps no bodies; it cannot fill a cache of them");
    }
    return build(articles.take(), staticFiles, options.oneOff(words), true);
  }

  /** {@code owned}: {@code input} was handed over, and is emptied once its articles are sorted. */
  private SiteModel build(
      List<Article> input, List<String> staticFiles, Options options, boolean owned) {
    List<Diagnostic> diags = Collections.synchronizedList(new ArrayList<>());
    Article[] inOrder =
        input.stream()
            .filter(a -> options.drafts() || !a.draft())
            .filter(a -> options.future() || !a.date().toLocalDate().isAfter(options.today()))
            .toArray(Article[]::new);
    newestFirst(inOrder);
    if (owned) {
      input.clear();
    }
    // A view of the array: a one-off build replaces each article by itself without its body.
    List<Article> articles = Arrays.asList(inOrder);
    int n = articles.size();
    TextSink words = options.oneOff() ? options.words() : null;
    if (words != null) {
      words.documents(n);
    }
    String[] wanted = new String[n];
    IntStream.range(0, n)
        .parallel()
        .forEach(i -> wanted[i] = ArticleAddresses.wanted(articles.get(i), cache));
    String[] paths = ArticleAddresses.assign(articles, wanted, diags);
    Map<String, String> pathByContent = new HashMap<>();
    for (int i = 0; i < n; i++) {
      pathByContent.put(articles.get(i).contentPath(), paths[i]);
    }

    Bodies bodies =
        Bodies.render(
            inOrder,
            markdown,
            cache,
            options,
            pathByContent,
            new HashSet<>(staticFiles),
            options.check() ? KnownAddresses.of(articles, paths) : KnownAddresses.NONE,
            words,
            diags);
    diags.addAll(BodyLinks.missingAnchors(bodies.links, articles, bodies.ids));
    if (options.check()) {
      diags.addAll(forReaders(articles));
    }

    Collator collator = Collator.getInstance(Locale.forLanguageTag("vi"));
    Taxonomy categories = Taxonomy.of(articles, Article::categories, collator);
    Taxonomy tags = Taxonomy.of(articles, Article::tags, collator);
    Organizations orgs = Organizations.of(articles, paths, diags, collator);
    RelatedArticles related = new RelatedArticles(articles, paths, categories, tags, orgs);
    ArticlePage[] built = new ArticlePage[n];
    IntStream.range(0, n)
        .parallel()
        .forEach(
            i -> {
              Article a = articles.get(i);
              OffsetDateTime d = a.date();
              built[i] =
                  new ArticlePage(
                      cache == null ? a.withoutBody() : a,
                      paths[i],
                      bodies.html[i],
                      bodies.text[i] == null ? "" : bodies.text[i],
                      bodies.summary[i],
                      bodies.image[i],
                      Optional.ofNullable(bodies.picture[i]),
                      Optional.ofNullable(bodies.thumbnail[i]),
                      categories.links(a.categories(), Addresses.CATEGORIES),
                      tags.links(a.tags(), Addresses.TAGS),
                      orgs.entryByArticle.get(i),
                      new Link(String.valueOf(d.getYear()), Addresses.year(d.getYear())),
                      new Link(
                          Addresses.twoDigits(d.getMonthValue()) + "/" + d.getYear(),
                          Addresses.month(d.getYear(), d.getMonthValue())),
                      related.of(i));
            });
    List<ArticlePage> pages = List.of(built);
    List<Alias> aliases =
        Aliases.of(articles, pages, paths, staticFiles, options.contentPrefix(), diags);
    List<Diagnostic> sorted = Diagnostic.sorted(diags);
    return new SiteModel(
        pages,
        categories.taxa(pages, Addresses.CATEGORIES),
        tags.taxa(pages, Addresses.TAGS),
        Archives.of(pages),
        orgs.organizations,
        orgs.terms,
        aliases,
        staticFiles,
        sorted);
  }

  /** What {@code check} warns about: articles without a summary or image alternative text. */
  private static List<Diagnostic> forReaders(List<Article> articles) {
    List<Diagnostic> out = new ArrayList<>();
    for (Article a : articles) {
      if (a.summary().isEmpty()) {
        out.add(a.position("title").warning(a.sourcePath(), Messages.get("check.no-summary")));
      }
      if (a.image().isPresent() && a.image().get().alt().isEmpty()) {
        out.add(
            a.position("image").warning(a.sourcePath(), Messages.get("check.image-without-alt")));
      }
    }
    return out;
  }

  /**
   * Sorts {@code articles} newest first, then by path: the order of {@code
   * Comparator.comparing(Article::date, reverseOrder()).thenComparing(Article::contentPath)}, with
   * each date's instant worked out once rather than at every comparison.
   */
  static void newestFirst(Article[] articles) {
    record Dated(Article article, long second, int nano, int offset) {}
    Dated[] d = new Dated[articles.length];
    for (int i = 0; i < d.length; i++) {
      OffsetDateTime t = articles[i].date();
      d[i] =
          new Dated(articles[i], t.toEpochSecond(), t.getNano(), t.getOffset().getTotalSeconds());
    }
    Arrays.sort(
        d,
        (x, y) -> {
          int c = Long.compare(y.second(), x.second());
          if (c == 0) {
            c = Integer.compare(y.nano(), x.nano());
          }
          if (c == 0 && x.offset() != y.offset()) {
            // The same instant at other offsets: OffsetDateTime compares the local date-times.
            c = y.article().date().compareTo(x.article().date());
          }
          return c != 0 ? c : x.article().contentPath().compareTo(y.article().contentPath());
        });
    for (int i = 0; i < d.length; i++) {
      articles[i] = d[i].article();
    }
  }
}
