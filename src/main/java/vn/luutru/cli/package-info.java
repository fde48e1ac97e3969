/**
 * The command line (picocli): parses options, calls {@link vn.luutru.build.SiteBuilder}, prints
 * diagnostics, maps results to exit codes (0 success, 1 content errors, 2 usage errors).
 */
package vn.luutru.cli;
