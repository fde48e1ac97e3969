/**
 * Markdown to HTML and plain text: commonmark-java set up once (tables, autolinks, footnotes, ASCII
 * heading anchors), links and images resolved by the caller, raw HTML cleaned by jsoup's {@code
 * Safelist} once it is known to hide no text ({@code RawHtmlCheck}). Knows nothing of sites or
 * files.
 */
package vn.luutru.markdown;
