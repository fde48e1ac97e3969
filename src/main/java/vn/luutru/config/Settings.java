package vn.luutru.config;

import java.util.List;
import java.util.Objects;
import vn.luutru.image.ImageSettings;

/**
 * What {@code luutru.yaml} says, every value filled in: a key the file leaves out has its default
 * ({@link #DEFAULT}). Made by {@link SettingsFile#read}; command-line options override it when
 * {@link SiteConfig.Builder#settings} has applied it.
 *
 * <p>Each section of the file is a record of its own ({@link Agency} for {@code agency:}, a list of
 * {@link MenuItem} for {@code menu:}, {@link ImageSettings} for {@code images:}); a new section
 * adds its record as a component here, with its default in {@link #DEFAULT}, and its reader in
 * {@link SettingsFile}.
 *
 * @param title the site's name
 * @param description one sentence about the site
 * @param baseUrl where the site will be served, as written (checked by {@link SiteConfig})
 * @param language the language of the pages, a code such as {@code vi}
 * @param pageSize articles per list page
 * @param logo the path in the site of the agency's logo, empty for none
 * @param agency the agency block of the footer
 * @param menu the main menu; empty for the theme's own
 * @param images how photos are published ({@code images:})
 * @param deployTo where {@code luutru deploy} publishes when no {@code --to} is given ({@code
 *     deploy: to:}); empty for nowhere
 */
public record Settings(
    String title,
    String description,
    String baseUrl,
    String language,
    int pageSize,
    String logo,
    Agency agency,
    List<MenuItem> menu,
    ImageSettings images,
    String deployTo) {
  /** The default language of the pages. */
  public static final String DEFAULT_LANGUAGE = "vi";

  /** The default description, as the command line has always had it. */
  public static final String DEFAULT_DESCRIPTION = "Kho lưu trữ tin bài";

  /** The settings of an archive with no settings file. */
  public static final Settings DEFAULT =
      new Settings(
          SiteConfig.DEFAULT_TITLE,
          DEFAULT_DESCRIPTION,
          SiteConfig.DEFAULT_BASE_URL,
          DEFAULT_LANGUAGE,
          SiteConfig.DEFAULT_PAGE_SIZE,
          "",
          Agency.NONE,
          List.of(),
          ImageSettings.DEFAULT,
          "");

  public Settings {
    Objects.requireNonNull(title);
    Objects.requireNonNull(description);
    Objects.requireNonNull(baseUrl);
    Objects.requireNonNull(language);
    Objects.requireNonNull(logo);
    Objects.requireNonNull(agency);
    menu = List.copyOf(menu);
    Objects.requireNonNull(images);
    Objects.requireNonNull(deployTo);
  }
}
