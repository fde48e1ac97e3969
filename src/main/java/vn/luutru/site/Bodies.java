package vn.luutru.site;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.IntStream;
import vn.luutru.content.Article;
import vn.luutru.content.Diagnostic;
import vn.luutru.content.VietnameseText;
import vn.luutru.image.Photos;
import vn.luutru.image.Picture;
import vn.luutru.markdown.MarkdownRenderer;
import vn.luutru.markdown.RenderedBody;

/**
 * Every article's body rendered, in parallel, with its links resolved by {@link BodyLinks}; a body
 * is taken from the preview's cache when nothing it was made from has changed. Arrays are indexed
 * as the articles are, in the site's order.
 */
final class Bodies {
  private static final int SUMMARY_LENGTH = 200;

  /** Bodies are kept as UTF-8: as strings, a large archive's HTML would take twice the memory. */
  final Utf8[] html;

  /** The plain text of each, or null when the text went to the search index instead. */
  final String[] text;

  /** The front matter summary, or the start of the text. */
  final String[] summary;

  /** The lead image's path in the site, or empty. */
  final String[] image;

  /** The lead image's renditions when it is a photo, or null. */
  final Picture[] picture;

  /** What lists show beside each article: the lead photo, else the body's first; or null. */
  final Picture[] thumbnail;

  /** The heading ids of each body, for links to anchors. */
  final Set<String>[] ids;

  final BodyLinks[] links;

  private final MarkdownRenderer markdown;
  private final BodyCache cache;
  private final SiteModelBuilder.Options options;
  private final Map<String, String> pathByContent;
  private final Set<String> statics;
  private final KnownAddresses known;

  @SuppressWarnings("unchecked")
  private Bodies(
      int n,
      MarkdownRenderer markdown,
      BodyCache cache,
      SiteModelBuilder.Options options,
      Map<String, String> pathByContent,
      Set<String> statics,
      KnownAddresses known) {
    this.known = known;
    this.html = new Utf8[n];
    this.text = new String[n];
    this.summary = new String[n];
    this.image = new String[n];
    this.picture = new Picture[n];
    this.thumbnail = new Picture[n];
    this.ids = new Set[n];
    this.links = new BodyLinks[n];
    this.markdown = markdown;
    this.cache = cache;
    this.options = options;
    this.pathByContent = pathByContent;
    this.statics = statics;
  }

  /**
   * Renders the bodies of {@code articles}, adding each body's problems to {@code diags}. With
   * {@code words}, each text goes there rather than into {@link #text}; in a one-off build each
   * article of the array is replaced by itself without its body once rendered. {@code cache} and
   * {@code words} may be null.
   */
  static Bodies render(
      Article[] articles,
      MarkdownRenderer markdown,
      BodyCache cache,
      SiteModelBuilder.Options options,
      Map<String, String> pathByContent,
      Set<String> statics,
      KnownAddresses known,
      SiteModelBuilder.TextSink words,
      List<Diagnostic> diags) {
    Bodies b = new Bodies(articles.length, markdown, cache, options, pathByContent, statics, known);
    IntStream.range(0, articles.length)
        .parallel()
        .forEach(
            i -> {
              Article a = articles[i];
              RenderedBody body = b.renderOne(i, a);
              diags.addAll(b.links[i].own);
              b.ids[i] = body.ids();
              b.summary[i] =
                  a.summary().isEmpty()
                      ? VietnameseText.shorten(body.text(), SUMMARY_LENGTH)
                      : a.summary();
              if (words != null) {
                words.text(i, a.title(), a.summary(), body.text());
              } else {
                b.text[i] = body.text();
              }
              if (options.oneOff()) {
                b.links[i].release();
                articles[i] = a.withoutBody();
              }
            });
    return b;
  }

  /** Article {@code i}'s body, from the cache when it still fits; fills the arrays but text. */
  private RenderedBody renderOne(int i, Article a) {
    // The lead image as the cache knows it: its focus point decides its thumbnails.
    String imageAt = a.image().map(f -> Photos.key(f.path(), f.focusX(), f.focusY())).orElse("");
    BodyCache.Entry hit = cache == null ? null : cache.entries.get(a.contentPath());
    BodyLinks r = new BodyLinks(a, options, pathByContent, statics, known);
    links[i] = r;
    if (hit != null && fits(hit, a, imageAt)) {
      // Kept as the page keeps it, UTF-8: encoding 10,000 bodies again would cost a
      // preview tens of milliseconds on every save.
      html[i] = hit.html();
      image[i] = hit.imagePath();
      picture[i] = hit.picture();
      thumbnail[i] = hit.thumbnail();
      r.own.addAll(hit.diagnostics());
      r.anchors.addAll(hit.anchors());
      return new RenderedBody("", hit.text(), hit.ids());
    }
    RenderedBody body = render(a, r);
    image[i] = a.image().map(f -> r.image(f.path())).orElse("");
    picture[i] = r.lead;
    thumbnail[i] = r.lead != null ? r.lead : r.firstPhoto;
    html[i] = Utf8.of(body.html());
    if (cache != null) {
      cache.entries.put(
          a.contentPath(),
          new BodyCache.Entry(
              a.sourcePath(),
              a.bodyLine(),
              a.position("image"),
              a.body(),
              imageAt,
              options.basePath(),
              options.check(),
              Map.copyOf(r.pageLookups),
              Map.copyOf(r.staticLookups),
              Map.copyOf(r.photoLookups),
              html[i],
              body.text(),
              image[i],
              picture[i],
              thumbnail[i],
              List.copyOf(r.own),
              List.copyOf(r.anchors),
              body.ids()));
    }
    return body;
  }

  /**
   * Whether a cached body is still what rendering {@code a} would give: the same source, body,
   * image and options, and every address it looked up answered the same.
   */
  private boolean fits(BodyCache.Entry hit, Article a, String imageAt) {
    return hit.sourcePath().equals(a.sourcePath())
        && hit.bodyLine() == a.bodyLine()
        && hit.imageAt().equals(a.position("image"))
        && hit.body().equals(a.body())
        && hit.image().equals(imageAt)
        && hit.basePath().equals(options.basePath())
        && hit.check() == options.check()
        && hit.pages().entrySet().stream()
            .allMatch(
                e ->
                    e.getValue()
                        .equals(BodyLinks.answer(e.getKey(), pathByContent, options.unreadable())))
        && hit.statics().entrySet().stream()
            .allMatch(e -> e.getValue() == statics.contains(e.getKey()))
        && hit.photos().entrySet().stream()
            .allMatch(
                e ->
                    options.photos().isPresent()
                        && e.getValue()
                            .equals(options.photos().get().lookup(e.getKey()).fingerprint()));
  }

  /** Renders {@code a}'s body; a body that cannot be rendered is empty, with an error. */
  private RenderedBody render(Article a, BodyLinks r) {
    try {
      return markdown.render(a.body(), r);
    } catch (MarkdownRenderer.TooDeepException e) {
      r.own.add(r.at(e.line(), e.column(), Diagnostic.Severity.ERROR, e.getMessage()));
    } catch (MarkdownRenderer.RefusedException e) {
      for (MarkdownRenderer.Problem p : e.problems()) {
        r.own.add(r.at(p.line(), p.column(), Diagnostic.Severity.ERROR, p.message()));
      }
    } catch (StackOverflowError e) {
      r.own.add(r.at(1, 1, Diagnostic.Severity.ERROR, Messages.get("body.too-deep")));
    } catch (RuntimeException e) {
      // One body must not stop the others: reported, with what to send to the developers.
      r.own.add(r.at(1, 1, Diagnostic.Severity.ERROR, Messages.get("body.internal-error", e)));
    }
    return new RenderedBody("", "");
  }
}
