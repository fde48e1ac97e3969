package vn.luutru.site;

import java.util.ArrayList;
import java.util.List;
import vn.luutru.content.Article;

/**
 * Articles given to one build for good ({@link SiteModelBuilder#buildOnce}): the build takes them
 * and lets go of each article's Markdown once it is rendered, so a large archive's text is not held
 * twice. Whoever makes a handover keeps no other reference to the articles.
 */
public final class Handover {
  private List<Article> articles;

  /** Hands over a copy of {@code articles}' list (the articles themselves are not copied). */
  public Handover(List<Article> articles) {
    this.articles = new ArrayList<>(articles);
  }

  /** The articles, once; the handover holds none afterwards. */
  List<Article> take() {
    if (articles == null) {
      throw new IllegalStateException("these articles were handed over already");
    }
    List<Article> taken = articles;
    articles = null;
    return taken;
  }
}
