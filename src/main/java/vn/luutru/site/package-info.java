/**
 * The pure site model: article addresses (slugs, collisions, aliases), categories and tags, year
 * and month archives, organisations and their congress history, terms, related articles, and {@link
 * vn.luutru.site.PageList}, every page of the site with its address and what it is made from.
 * {@link vn.luutru.site.SiteModelBuilder} runs the steps, one class each. Paths here are relative
 * to the site root without a leading slash ({@code 2020/01/dai-hoi/}); templates prefix them with
 * the base path.
 */
package vn.luutru.site;
