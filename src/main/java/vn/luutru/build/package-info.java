/** {@link vn.luutru.build.SiteBuilder}: the one place that knows the order of the stages. */
package vn.luutru.build;
