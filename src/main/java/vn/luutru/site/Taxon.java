package vn.luutru.site;

import java.util.List;

/** A category or tag page: its name, path, and its articles, newest first. */
public record Taxon(String name, String slug, String path, List<ArticlePage> articles) {
  public Taxon {
    articles = List.copyOf(articles);
  }
}
