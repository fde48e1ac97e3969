package vn.luutru.config;

import java.util.Collection;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import vn.luutru.content.VietnameseText;

/**
 * The known key a mistyped one was most likely meant to be: the same once case, hyphens and spaces
 * are set aside ({@code Base-URL} for {@code base_url}); the key named in Vietnamese ({@code
 * tiêu_đề} for {@code title}); one holding the other ({@code phone} for {@code telephone}); or at
 * most a third of its letters away ({@code tittle} for {@code title}).
 */
final class KeySuggestion {
  private KeySuggestion() {}

  /** Keys as Vietnamese staff may name them, folded (no marks, no separators). */
  private static final Map<String, String> VIETNAMESE =
      Map.ofEntries(
          Map.entry("tieude", "title"),
          Map.entry("tentrang", "title"),
          Map.entry("mota", "description"),
          Map.entry("gioithieu", "description"),
          Map.entry("diachitrang", "base_url"),
          Map.entry("tenmien", "base_url"),
          Map.entry("ngonngu", "language"),
          Map.entry("sobai", "page_size"),
          Map.entry("sobaimoitrang", "page_size"),
          Map.entry("bieutrung", "logo"),
          Map.entry("coquan", "agency"),
          Map.entry("donvi", "agency"),
          Map.entry("trinhdon", "menu"),
          Map.entry("ten", "name"),
          Map.entry("tencoquan", "name"),
          Map.entry("coquanchuquan", "governing_body"),
          Map.entry("chuquan", "governing_body"),
          Map.entry("diachi", "address"),
          Map.entry("dienthoai", "telephone"),
          Map.entry("sodienthoai", "telephone"),
          Map.entry("thudientu", "email"),
          Map.entry("chiutrachnhiem", "responsible"),
          Map.entry("nguoichiutrachnhiem", "responsible"),
          Map.entry("banquyen", "licence"),
          Map.entry("giayphep", "licence"),
          Map.entry("nhan", "label"),
          Map.entry("duongdan", "url"),
          Map.entry("lienket", "url"));

  /** The shortest key that another may hold and still be taken for it. */
  private static final int MIN_HELD = 4;

  static Optional<String> closest(String key, Collection<String> known) {
    String k = plain(key);
    String vietnamese = VIETNAMESE.get(plain(VietnameseText.fold(key)));
    if (vietnamese != null && known.contains(vietnamese)) {
      return Optional.of(vietnamese);
    }
    for (String candidate : known) {
      String c = plain(candidate);
      if ((c.length() >= MIN_HELD && k.contains(c)) || (k.length() >= MIN_HELD && c.contains(k))) {
        return Optional.of(candidate);
      }
    }
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
