/**
 * Vietnamese search: the tokenizer and folding that index and query share ({@link
 * vn.luutru.search.SearchText}, mirrored in {@code search.js}), and the sharded index written into
 * {@code site/search/} with the site, so that a query downloads only the parts for its own words.
 */
package vn.luutru.search;
