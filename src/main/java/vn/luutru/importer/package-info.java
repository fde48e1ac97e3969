/**
 * {@code luutru import}: saved pages of a former news website to Markdown articles with front
 * matter (jsoup). Finds the title, date, body, images with captions, the source line and the old
 * address; leaves out navigation, sidebars, share buttons and scripts; says per file what it was
 * not sure of. Reads each page in the encoding that reads all of it ({@link
 * vn.luutru.importer.PageText}), follows its addresses only inside the saved site ({@link
 * vn.luutru.importer.Mirror}), escapes its text so that it stays text, and writes only articles
 * that the build's own parser accepts, and that build accepts together with the articles already in
 * the content folder ({@code importer → build}: the run is checked as build models it).
 */
package vn.luutru.importer;
