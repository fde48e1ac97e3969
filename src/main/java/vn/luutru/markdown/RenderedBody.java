package vn.luutru.markdown;

/**
 * A rendered body: safe HTML, and the plain text (for summaries, feeds and search), which is
 * clean ({@link vn.luutru.content.VietnameseText#clean}) like all text of an article.
 */
public record RenderedBody(String html, String text) {}
