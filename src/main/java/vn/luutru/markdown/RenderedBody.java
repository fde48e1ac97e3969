package vn.luutru.markdown;

/** A rendered body: safe HTML, and the plain text (for summaries, feeds and search). */
public record RenderedBody(String html, String text) {}
