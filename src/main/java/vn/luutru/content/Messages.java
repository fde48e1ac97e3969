package vn.luutru.content;

import vn.luutru.internal.Texts;

/** The texts of this package's diagnostics, from its bundles, in the interface's language. */
final class Messages {
  private Messages() {}

  static String get(String key, Object... args) {
    return Texts.get(Messages.class, key, args);
  }
}
