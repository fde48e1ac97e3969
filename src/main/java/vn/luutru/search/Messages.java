package vn.luutru.search;

import vn.luutru.internal.Texts;

/** The texts of the search index writer, from {@code messages.properties} beside this class. */
final class Messages {
  private Messages() {}

  static String get(String key, Object... args) {
    return Texts.get(Messages.class, key, args);
  }
}
