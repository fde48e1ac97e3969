package vn.luutru.image;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import vn.luutru.internal.Texts;

/**
 * The texts of this package, from its bundles, in the interface's language. A photo's warnings are
 * kept in the photo cache as their key and arguments ({@link #warning}), and given in words ({@link
 * #text}) by the build that shows them, so that a cache made in one language serves another.
 */
final class Messages {
  private static final String SEPARATOR = "\u001e";

  private Messages() {}

  static String get(String key, Object... args) {
    return Texts.get(Messages.class, key, args);
  }

  /** A warning as the cache keeps it: {@code key}, then each argument as text. */
  static String warning(String key, Object... args) {
    List<String> parts = new ArrayList<>(List.of(key));
    for (Object a : args) {
      parts.add(String.valueOf(a).replace(SEPARATOR, " "));
    }
    return String.join(SEPARATOR, parts);
  }

  /** Whether {@code stored} is a warning as {@link #warning} writes it, with a known key. */
  static boolean isWarning(String stored) {
    String key = stored.split(SEPARATOR, -1)[0];
    return Texts.bundle(Texts.language(), Messages.class).containsKey(key)
        && key.startsWith("photo.");
  }

  /** The words of a warning made by {@link #warning}. */
  static String text(String warning) {
    String[] parts = warning.split(SEPARATOR, -1);
    return get(parts[0], (Object[]) Arrays.copyOfRange(parts, 1, parts.length));
  }
}
