package vn.luutru.internal;

import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

/**
 * The interface's texts in the user's language. Each package keeps its texts in {@code
 * messages.properties} (Vietnamese, the default) and {@code messages_en.properties} (English),
 * beside its classes; a text is a {@link String#format} pattern (a literal {@code %} is written
 * {@code %%}), its numbers written as the language writes them.
 *
 * <pre>{@code
 * String s = Texts.get(Messages.class, "build.done", 42); // "Đã dựng 42 trang" or "Built 42 pages"
 * }</pre>
 */
public final class Texts {
  /** The languages of the interface. */
  public enum Language {
    VI(Locale.ROOT, Locale.forLanguageTag("vi")),
    EN(Locale.ENGLISH, Locale.ROOT);

    private final Locale locale;
    private final Locale numbers;

    /** {@code numbers}: how numbers are written ({@code 12.345}, {@code 1,5} in Vietnamese). */
    Language(Locale locale, Locale numbers) {
      this.locale = locale;
      this.numbers = numbers;
    }

    /** {@code vi} or {@code en} (any case, {@code vi_VN} and {@code en-US} too); else empty. */
    public static java.util.Optional<Language> parse(String name) {
      if (name == null) {
        return java.util.Optional.empty();
      }
      String n = name.trim().toLowerCase(Locale.ROOT);
      if (n.equals("vi") || n.startsWith("vi_") || n.startsWith("vi-")) {
        return java.util.Optional.of(VI);
      }
      if (n.equals("en") || n.startsWith("en_") || n.startsWith("en-")) {
        return java.util.Optional.of(EN);
      }
      return java.util.Optional.empty();
    }
  }

  /** The environment variable that chooses the language; {@code --lang} overrides it. */
  public static final String ENVIRONMENT = "LUUTRU_LANG";

  // The one language of the process, as Locale.getDefault: set once by the command line.
  private static volatile Language language =
      Language.parse(System.getenv(ENVIRONMENT)).orElse(Language.VI);

  private static final ResourceBundle.Control PROPERTIES_ONLY =
      ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES);

  private Texts() {}

  /** The language texts are given in. */
  public static Language language() {
    return language;
  }

  /** Gives every later text in {@code l}. */
  public static void use(Language l) {
    language = java.util.Objects.requireNonNull(l);
  }

  /**
   * The text {@code key} of the package of {@code owner}, in the current language, formatted with
   * {@code args}.
   *
   * @throws MissingResourceException when the package has no such text
   */
  public static String get(Class<?> owner, String key, Object... args) {
    return get(language, owner, key, args);
  }

  /** As {@link #get(Class, String, Object...)}, in {@code l}. */
  public static String get(Language l, Class<?> owner, String key, Object... args) {
    return String.format(l.numbers, bundle(l, owner).getString(key), args);
  }

  /** The texts of the package of {@code owner} in {@code l}. */
  public static ResourceBundle bundle(Language l, Class<?> owner) {
    String name = owner.getPackageName() + ".messages";
    return ResourceBundle.getBundle(name, l.locale, owner.getClassLoader(), PROPERTIES_ONLY);
  }
}
