package vn.luutru.config;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import vn.luutru.content.Dates;
import vn.luutru.image.ImageSettings;

/**
 * Everything one build needs to know besides the content itself. Made by {@link #builder()}, which
 * documents every default:
 *
 * <pre>{@code
 * SiteConfig config = SiteConfig.builder()
 *     .title("Đảng bộ Sở Công Thương")
 *     .baseUrl("https://example.org/luu-tru/")
 *     .contentDir(Path.of("content"))
 *     .build();
 * }</pre>
 *
 * @param title the site's name, shown in every page's header and title
 * @param description one sentence for the home page's meta description and feeds
 * @param baseUrl where the site will be served, always ending in {@code /}; its path is the prefix
 *     of every link ({@code https://example.org/luu-tru/} gives {@code /luu-tru/…})
 * @param pageSize articles per list page
 * @param contentDir the articles; {@code shownContentDir} is how the user named it
 * @param templatesDir the user's templates, overriding the packed theme file by file; empty to use
 *     the packed theme alone
 * @param outputDir where the site is written (replaced as a whole on success)
 * @param drafts include articles marked {@code draft: true}
 * @param future include articles dated after {@code today}
 * @param today the day the build counts as now, for future-dated articles
 * @param language the language of the pages, a code such as {@code vi}
 * @param logo the path in the site of the agency's logo, empty for none
 * @param agency the agency block of the footer
 * @param menu the main menu; empty for the theme's own
 * @param images how photos are published: widths, quality, thumbnails, originals
 * @param cacheDir where renditions of photos are kept between builds ({@code .luutru/cache} beside
 *     the content, as the command line sets it); empty to keep them in memory for one build
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
    LocalDate today,
    String language,
    String logo,
    Agency agency,
    List<MenuItem> menu,
    ImageSettings images,
    Optional<Path> cacheDir) {

  public static final String DEFAULT_TITLE = "Lưu trữ tin tức";
  public static final String DEFAULT_BASE_URL = "http://localhost:8080/";
  public static final int DEFAULT_PAGE_SIZE = 20;

  /** Vietnam's time zone, UTC+7 all year, in which the default {@code today} is taken. */
  public SiteConfig {
    baseUrl = normalizeBaseUrl(baseUrl);
    menu = List.copyOf(menu);
    if (pageSize < 1) {
      throw new IllegalArgumentException(Messages.get("config.page-size"));
    }
  }

  /**
   * Checks and normalises a base URL: absolute http(s), ending in {@code /}, no query or fragment.
   *
   * @throws IllegalArgumentException with a message for the user when it is not usable
   */
  public static String normalizeBaseUrl(String url) {
    return normalizeBaseUrl(url, "--base-url");
  }

  /**
   * As {@link #normalizeBaseUrl(String)}; messages start with {@code name}, where the address was
   * given ({@code --base-url}, {@code base_url}).
   */
  static String normalizeBaseUrl(String url, String name) {
    URI u;
    try {
      u = new URI(url.strip());
    } catch (URISyntaxException e) {
      throw new IllegalArgumentException(Messages.get("config.url-invalid", name, url));
    }
    if (u.getScheme() == null
        || !(u.getScheme().equals("http") || u.getScheme().equals("https"))
        || u.getHost() == null) {
      throw new IllegalArgumentException(Messages.get("config.url-not-absolute", name, url));
    }
    if (u.getRawQuery() != null || u.getRawFragment() != null) {
      throw new IllegalArgumentException(Messages.get("config.url-query", name, url));
    }
    String path = u.getRawPath() == null || u.getRawPath().isEmpty() ? "/" : u.getRawPath();
    if (!path.endsWith("/")) {
      path += "/";
    }
    String port = u.getPort() < 0 ? "" : ":" + u.getPort();
    return u.getScheme() + "://" + u.getHost() + port + path;
  }

  /**
   * Whether the base URL is an address of this computer only ({@code localhost}, {@code 127.x.x.x},
   * {@code [::1]}): a site built for it cannot be published as it is.
   */
  public boolean isLocal() {
    String host = URI.create(baseUrl).getHost().toLowerCase(Locale.ROOT);
    return host.equals("localhost")
        || host.endsWith(".localhost")
        || host.matches("127\\.[0-9]+\\.[0-9]+\\.[0-9]+")
        || host.equals("[::1]")
        || host.equals("[0:0:0:0:0:0:0:1]");
  }

  /** How diagnostics name a file of the content folder: this, then its path in the folder. */
  public String contentPrefix() {
    return shownContentDir.isEmpty() || shownContentDir.endsWith("/")
        ? shownContentDir
        : shownContentDir + "/";
  }

  /**
   * {@code .luutru/cache} in the folder that holds {@code contentDir}: outside the site. A deploy
   * keeps its fingerprints in the same place beside the site's folder.
   */
  public static Path defaultCacheDir(Path contentDir) {
    Path parent = contentDir.toAbsolutePath().normalize().getParent();
    return (parent == null ? contentDir.toAbsolutePath() : parent)
        .resolve(".luutru")
        .resolve("cache");
  }

  /** The path prefix of every link: {@code /} or {@code /luu-tru/}. */
  public String basePath() {
    return URI.create(baseUrl).getRawPath();
  }

  /** A builder with every default of {@link Builder}. */
  public static Builder builder() {
    return new Builder();
  }

  /** A builder holding this configuration's values, to change some of them. */
  public Builder toBuilder() {
    return new Builder()
        .title(title)
        .description(description)
        .baseUrl(baseUrl)
        .pageSize(pageSize)
        .contentDir(contentDir)
        .shownContentDir(shownContentDir)
        .templatesDir(templatesDir)
        .outputDir(outputDir)
        .drafts(drafts)
        .future(future)
        .today(today)
        .language(language)
        .logo(logo)
        .agency(agency)
        .menu(menu)
        .images(images)
        .cacheDir(cacheDir);
  }

  /**
   * Makes a {@link SiteConfig}; each setter replaces a default, and {@link #build()} checks the
   * whole. Not thread-safe; the configuration it builds is immutable.
   */
  public static final class Builder {
    private String title = DEFAULT_TITLE;
    private String description = "";
    private String baseUrl = DEFAULT_BASE_URL;
    private int pageSize = DEFAULT_PAGE_SIZE;
    private Path contentDir = Path.of("content");
    private String shownContentDir;
    private Optional<Path> templatesDir = Optional.empty();
    private Path outputDir = Path.of("site");
    private boolean drafts;
    private boolean future;
    private LocalDate today;
    private String language = Settings.DEFAULT_LANGUAGE;
    private String logo = "";
    private Agency agency = Agency.NONE;
    private List<MenuItem> menu = List.of();
    private ImageSettings images = ImageSettings.DEFAULT;
    private Optional<Path> cacheDir = Optional.empty();

    private Builder() {}

    /**
     * Takes every value of a settings file: title, description, base URL, language, page size,
     * logo, agency and menu. Setters called after it override its values.
     */
    public Builder settings(Settings settings) {
      return title(settings.title())
          .description(settings.description())
          .baseUrl(settings.baseUrl())
          .language(settings.language())
          .pageSize(settings.pageSize())
          .logo(settings.logo())
          .agency(settings.agency())
          .menu(settings.menu())
          .images(settings.images());
    }

    /** The language of the pages. Default: {@value Settings#DEFAULT_LANGUAGE}. */
    public Builder language(String language) {
      this.language = Objects.requireNonNull(language);
      return this;
    }

    /** The path in the site of the agency's logo. Default: empty, none. */
    public Builder logo(String logo) {
      this.logo = Objects.requireNonNull(logo);
      return this;
    }

    /** The agency block of the footer. Default: {@link Agency#NONE}, none shown. */
    public Builder agency(Agency agency) {
      this.agency = Objects.requireNonNull(agency);
      return this;
    }

    /** The main menu. Default: empty, the theme's own. */
    public Builder menu(List<MenuItem> menu) {
      this.menu = List.copyOf(menu);
      return this;
    }

    /** The site's name. Default: {@value SiteConfig#DEFAULT_TITLE}. */
    public Builder title(String title) {
      this.title = Objects.requireNonNull(title);
      return this;
    }

    /** One sentence about the site. Default: empty. */
    public Builder description(String description) {
      this.description = Objects.requireNonNull(description);
      return this;
    }

    /**
     * Where the site will be served, checked by {@link SiteConfig#normalizeBaseUrl}. Default:
     * {@value SiteConfig#DEFAULT_BASE_URL}.
     */
    public Builder baseUrl(String baseUrl) {
      this.baseUrl = Objects.requireNonNull(baseUrl);
      return this;
    }

    /** Articles per list page, 1 or more. Default: {@value SiteConfig#DEFAULT_PAGE_SIZE}. */
    public Builder pageSize(int pageSize) {
      this.pageSize = pageSize;
      return this;
    }

    /** The articles. Default: {@code content}, relative to the working folder. */
    public Builder contentDir(Path contentDir) {
      this.contentDir = Objects.requireNonNull(contentDir);
      return this;
    }

    /** How diagnostics name the content folder. Default: the content folder's path as text. */
    public Builder shownContentDir(String shownContentDir) {
      this.shownContentDir = Objects.requireNonNull(shownContentDir);
      return this;
    }

    /** The user's templates, overriding the packed theme. Default: none, the packed theme. */
    public Builder templatesDir(Path templatesDir) {
      return templatesDir(Optional.of(templatesDir));
    }

    /** As {@link #templatesDir(Path)}; empty for the packed theme alone. */
    public Builder templatesDir(Optional<Path> templatesDir) {
      this.templatesDir = Objects.requireNonNull(templatesDir);
      return this;
    }

    /** Where the site is written. Default: {@code site}, relative to the working folder. */
    public Builder outputDir(Path outputDir) {
      this.outputDir = Objects.requireNonNull(outputDir);
      return this;
    }

    /** Whether articles marked {@code draft: true} are included. Default: false. */
    public Builder drafts(boolean drafts) {
      this.drafts = drafts;
      return this;
    }

    /** Whether articles dated after {@code today} are included. Default: false. */
    public Builder future(boolean future) {
      this.future = future;
      return this;
    }

    /** The day the build counts as now. Default: the day in Vietnam when {@link #build()} runs. */
    public Builder today(LocalDate today) {
      this.today = Objects.requireNonNull(today);
      return this;
    }

    /** How photos are published. Default: {@link ImageSettings#DEFAULT}. */
    public Builder images(ImageSettings images) {
      this.images = Objects.requireNonNull(images);
      return this;
    }

    /**
     * Where renditions of photos are kept between builds. Default: none, kept in memory for one
     * build; {@code luutru build} and {@code serve} use {@link SiteConfig#defaultCacheDir}.
     */
    public Builder cacheDir(Optional<Path> cacheDir) {
      this.cacheDir = Objects.requireNonNull(cacheDir);
      return this;
    }

    /** As {@link #cacheDir(Optional)}. */
    public Builder cacheDir(Path cacheDir) {
      return cacheDir(Optional.of(cacheDir));
    }

    /**
     * The configuration.
     *
     * @throws IllegalArgumentException with a message for the user when the base URL or the page
     *     size is not usable
     */
    public SiteConfig build() {
      return new SiteConfig(
          title,
          description,
          baseUrl,
          pageSize,
          contentDir,
          shownContentDir == null ? contentDir.toString() : shownContentDir,
          templatesDir,
          outputDir,
          drafts,
          future,
          today == null ? LocalDate.now(Dates.VIETNAM) : today,
          language,
          logo,
          agency,
          menu,
          images,
          cacheDir);
    }
  }
}
