/**
 * Helpers shared by several packages that are no part of luutru's API, as jsoup's {@code
 * org.jsoup.internal}: JSON writing, a growable byte buffer, files written whole and the
 * interface's texts. They are public only so that other luutru packages can use them; no public
 * signature outside this package names them.
 */
package vn.luutru.internal;
