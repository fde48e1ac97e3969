package vn.luutru.output;

import vn.luutru.internal.Texts;

/** The texts of the writing of the site, from {@code messages.properties} beside this class. */
final class Messages {
  private Messages() {}

  static String get(String key, Object... args) {
    return Texts.get(Messages.class, key, args);
  }
}
