/**
 * The preview server: builds the site model in memory, renders each page when it is asked for,
 * watches the content and templates, rebuilds what a save changed, and tells open pages to reload
 * (server-sent events, injected into pages only here). Serves nothing outside the site, and nothing
 * to a page of another site; no client, slow or silent, holds up the others or a rebuild.
 */
package vn.luutru.serve;
