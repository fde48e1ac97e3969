/**
 * Renders every page of the site model's {@link vn.luutru.site.PageList}, deciding no address: one
 * Pebble engine (auto-escaping on, strict variables) over the user's templates and the packed
 * theme; Vietnamese date filters; feeds, sitemap, robots, OpenGraph and JSON-LD. Writes nothing
 * itself: pages go to a {@link vn.luutru.render.PageSink}.
 */
package vn.luutru.render;
