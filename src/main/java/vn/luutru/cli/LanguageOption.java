package vn.luutru.cli;

import java.util.Optional;
import vn.luutru.internal.Texts;
import vn.luutru.internal.Texts.Language;

/**
 * {@code --lang vi|en}, read from the arguments before picocli parses them, so that every text
 * picocli prints (the help, a usage error) is already in that language.
 */
final class LanguageOption {
  static final String NAME = "--lang";

  private LanguageOption() {}

  /** The value of the last {@code --lang} (or {@code --lang=…}) before {@code --}, if given. */
  static Optional<String> given(String[] args) {
    Optional<String> value = Optional.empty();
    for (int i = 0; i < args.length; i++) {
      String a = args[i];
      if (a.equals("--")) {
        break;
      }
      if (a.equals(NAME) && i + 1 < args.length) {
        value = Optional.of(args[++i]);
      } else if (a.startsWith(NAME + "=")) {
        value = Optional.of(a.substring(NAME.length() + 1));
      }
    }
    return value;
  }

  /**
   * The error for a language luutru does not speak, in both languages: whoever asked for another
   * language may read either.
   */
  static String unknown(String value) {
    String shown = vn.luutru.content.PrintableText.escape(value);
    return Texts.get(Language.VI, Messages.class, "usage.error", "luutru", vi(shown))
        + System.lineSeparator()
        + Texts.get(Language.EN, Messages.class, "usage.error", "luutru", en(shown));
  }

  private static String vi(String shown) {
    return Texts.get(Language.VI, Messages.class, "usage.lang", shown);
  }

  private static String en(String shown) {
    return Texts.get(Language.EN, Messages.class, "usage.lang", shown);
  }
}
