package vn.luutru.config;

import java.util.Collection;
import java.util.Locale;
import java.util.Optional;

/**
 * The known key a mistyped one was most likely meant to be: the same once case, hyphens and spaces
 * are set aside ({@code Base-URL} for {@code base_url}), or at most a third of its letters away
 * ({@code tittle} for {@code title}).
 */
final class KeySuggestion {
  private KeySuggestion() {}

  static Optional<String> closest(String key, Collection<String> known) {
    String k = plain(key);
    String best = null;
    int bestDistance = Integer.MAX_VALUE;
    for (String candidate : known) {
      String c = plain(candidate);
      if (c.equals(k)) {
        return Optional.of(candidate);
      }
      int d = distance(k, c);
      if (d < bestDistance) {
        bestDistance = d;
        best = candidate;
      }
    }
    int allowed = Math.max(1, Math.min(k.length(), plain(String.valueOf(best)).length()) / 3);
    return bestDistance <= allowed ? Optional.ofNullable(best) : Optional.empty();
  }

  private static String plain(String key) {
    return key.toLowerCase(Locale.ROOT).replaceAll("[-_\\s]", "");
  }

  /** Edit distance, a swap of two neighbouring letters counting as one edit. */
  static int distance(String a, String b) {
    int[][] d = new int[a.length() + 1][b.length() + 1];
    for (int i = 0; i <= a.length(); i++) {
      d[i][0] = i;
    }
    for (int j = 0; j <= b.length(); j++) {
      d[0][j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      for (int j = 1; j <= b.length(); j++) {
        int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
        d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
        if (i > 1
            && j > 1
            && a.charAt(i - 1) == b.charAt(j - 2)
            && a.charAt(i - 2) == b.charAt(j - 1)) {
          d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
        }
      }
    }
    return d[a.length()][b.length()];
  }
}
