package vn.luutru.config;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Optional;

/**
 * Everything one build needs to know besides the content itself.
 *
 * @param title the site's name, shown in every page's header and title
 * @param description one sentence for the home page's meta description and feeds
 * @param baseUrl where the site will be served, always ending in {@code /}; its path is the
 *     prefix of every link ({@code https://example.org/luu-tru/} gives {@code /luu-tru/…})
 * @param pageSize articles per list page
 * @param contentDir the articles; {@code shownContentDir} is how the user named it
 * @param templatesDir the user's templates, overriding the packed theme file by file; empty
 *     to use the packed theme alone
 * @param outputDir where the site is written (replaced as a whole on success)
 * @param drafts include articles marked {@code draft: true}
 * @param future include articles dated after {@code today}
 * @param today the day the build counts as now, for future-dated articles
 */
public record SiteConfig(
    String title,
    String description,
    String baseUrl,
    int pageSize,
    Path contentDir,
    String shownContentDir,
    Optional<Path> templatesDir,
    Path outputDir,
    boolean drafts,
    boolean future,
    LocalDate today) {

  public static final String DEFAULT_TITLE = "Lưu trữ tin tức";
  public static final String DEFAULT_BASE_URL = "http://localhost:8080/";

  public SiteConfig {
    baseUrl = normalizeBaseUrl(baseUrl);
    if (pageSize < 1) {
      throw new IllegalArgumentException("page size must be 1 or more");
    }
  }

  /**
   * Checks and normalises a base URL: absolute http(s), ending in {@code /}, no query or
   * fragment.
   *
   * @throws IllegalArgumentException with a message for the user when it is not usable
   */
  public static String normalizeBaseUrl(String url) {
    URI u;
    try {
      u = new URI(url.strip());
    } catch (URISyntaxException e) {
      throw new IllegalArgumentException("--base-url: not a valid address: " + url);
    }
    if (u.getScheme() == null
        || !(u.getScheme().equals("http") || u.getScheme().equals("https"))
        || u.getHost() == null) {
      throw new IllegalArgumentException(
          "--base-url: expected an absolute http(s) address such as https://example.org/luu-tru/, found " + url);
    }
    if (u.getRawQuery() != null || u.getRawFragment() != null) {
      throw new IllegalArgumentException("--base-url: must not have a query or a fragment: " + url);
    }
    String path = u.getRawPath() == null || u.getRawPath().isEmpty() ? "/" : u.getRawPath();
    if (!path.endsWith("/")) {
      path += "/";
    }
    String port = u.getPort() < 0 ? "" : ":" + u.getPort();
    return u.getScheme() + "://" + u.getHost() + port + path;
  }

  /** How diagnostics name a file of the content folder: this, then its path in the folder. */
  public String contentPrefix() {
    return shownContentDir.isEmpty() || shownContentDir.endsWith("/") ? shownContentDir : shownContentDir + "/";
  }

  /** The path prefix of every link: {@code /} or {@code /luu-tru/}. */
  public String basePath() {
    return URI.create(baseUrl).getRawPath();
  }
}
