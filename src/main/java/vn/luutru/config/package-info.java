/** The options of one build, as a record: where things are, the base URL, what to include. */
package vn.luutru.config;
