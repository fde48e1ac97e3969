package vn.luutru.cli;

import vn.luutru.internal.Texts;

/** The texts of the command line, from {@code messages.properties} beside this class. */
final class Messages {
  private Messages() {}

  static String get(String key, Object... args) {
    return Texts.get(Messages.class, key, args);
  }
}
