/**
 * {@code luutru import}: saved pages of a former news website to Markdown articles with front
 * matter (jsoup). Finds the title, date, body, images with captions, the source line and the old
 * address; leaves out navigation, sidebars, share buttons and scripts; says per file what it
 * was not sure of.
 */
package vn.luutru.importer;
