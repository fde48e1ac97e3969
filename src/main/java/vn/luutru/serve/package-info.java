/**
 * The preview server: builds the site model in memory, renders each page when it is asked
 * for, watches the content and templates, rebuilds what a save changed, and tells open pages to
 * reload (server-sent events, injected into pages only here). Serves nothing outside the site.
 */
package vn.luutru.serve;
