package vn.luutru.site;

import java.util.List;
import java.util.Optional;
import vn.luutru.content.Article;
import vn.luutru.image.Picture;

/**
 * An article placed in the site: its path, its rendered body, the pages it links to.
 *
 * @param htmlUtf8 the rendered body in UTF-8, see {@link #html()}: half the memory of a string of
 *     Vietnamese, which counts at 100,000 articles
 * @param text the body as plain text, or empty when the build's search index took it instead
 * @param summary the front matter summary, or the start of the body when there is none
 * @param imagePath the lead image's path in the site (its largest rendition when it is a photo), or
 *     an absolute URL; empty when none
 * @param picture the lead image's renditions, when it is a photo of the content folder
 * @param thumbnail what lists show beside the article: the lead photo, or else the first photo of
 *     the body
 * @param congress the congress it reports, or null
 * @param year the year archive it is listed in; {@code month} likewise
 */
public record ArticlePage(
    Article article,
    String path,
    Utf8 htmlUtf8,
    String text,
    String summary,
    String imagePath,
    Optional<Picture> picture,
    Optional<Picture> thumbnail,
    List<Link> categories,
    List<Link> tags,
    CongressEntry congress,
    Link year,
    Link month,
    List<ArticleRef> related) {

  public ArticlePage {
    categories = List.copyOf(categories);
    tags = List.copyOf(tags);
    related = List.copyOf(related);
  }

  /** The rendered body, safe HTML. */
  public String html() {
    return htmlUtf8.toString();
  }

  public String title() {
    return article.title();
  }

  public ArticleRef ref() {
    return new ArticleRef(article.title(), path, article.date());
  }
}
