package vn.luutru.config;

/**
 * One link of the main menu.
 *
 * @param label the text of the link
 * @param url a path in the site ({@code chuyen-muc/}, without the base path) or an absolute http(s)
 *     address
 */
public record MenuItem(String label, String url) {}
