/**
 * Reads the content folder: walks it, splits and parses front matter (snakeyaml-engine, YAML 1.2,
 * no arbitrary types), cleans Vietnamese text, and turns each file into a typed {@link
 * vn.luutru.content.Article} or a list of {@link vn.luutru.content.Diagnostic}s that point at
 * {@code path:line:column}. This is the only package that reads the source folder.
 */
package vn.luutru.content;
