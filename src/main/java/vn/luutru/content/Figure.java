package vn.luutru.content;

/**
 * An article's lead image: {@code path} is the file relative to the content folder (or an absolute
 * URL), with its caption and alternative text.
 */
public record Figure(String path, String caption, String alt) {}
