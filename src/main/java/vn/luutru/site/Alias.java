package vn.luutru.site;

import vn.luutru.content.Position;

/**
 * An old address ({@code file}, such as {@code tin-tuc/123.html}) that redirects to an article;
 * {@code at} is where the article's front matter names it.
 */
public record Alias(String file, ArticlePage target, Position at) {}
