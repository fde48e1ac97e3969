/**
 * {@code luutru import}: a saved former news website (a mirror, or single pages) to Markdown
 * articles with front matter (jsoup). {@link vn.luutru.importer.PageReader} finds the article in
 * the common portal shapes (ASP.NET form-wrapped portals, Joomla, WordPress): its title, date and
 * time, sapo, body, tables, photos with captions, attachments, author and old address, and skips
 * lists of articles; {@link vn.luutru.importer.CongressText} reads a congress report's block; links
 * between imported pages are rewritten to their articles. It leaves out navigation, sidebars, share
 * buttons and scripts, and says per file what it left out and what it was not sure of. Reads each
 * page in the encoding that reads all of it ({@link vn.luutru.importer.PageText}), follows its
 * addresses only inside the saved site ({@link vn.luutru.importer.Mirror}), escapes its text so
 * that it stays text, and writes only articles that the build's own parser accepts, and that build
 * accepts together with the articles already in the content folder ({@code importer → build}: the
 * run is checked as build models it).
 */
package vn.luutru.importer;
