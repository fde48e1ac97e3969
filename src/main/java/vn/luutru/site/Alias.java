package vn.luutru.site;

/** An old address ({@code file}, such as {@code tin-tuc/123.html}) that redirects to an article. */
public record Alias(String file, ArticlePage target) {}
