/**
 * {@code luutru deploy}: publishes a built site to a target (a folder, an SFTP or an FTP server),
 * sending only the files whose bytes changed since the last deploy, as recorded by a manifest kept
 * on the target. Files reach their place by rename, in an order that never leaves a page linking to
 * a file not yet sent, and only files listed in the manifest are ever deleted.
 */
package vn.luutru.publish;
