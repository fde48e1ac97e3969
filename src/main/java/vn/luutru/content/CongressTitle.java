package vn.luutru.content;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a congress report's title says: {@code Đại hội Chi bộ Văn phòng 2 lần thứ nhất nhiệm kỳ 2020
 * - 2022} names the organisation, the ordinal and the term. Used to fill in a new article's
 * congress block and to check that a block agrees with its title.
 */
public record CongressTitle(
    Optional<String> organization, OptionalInt ordinal, Optional<Term> term) {
  private static final Pattern ORGANIZATION =
      Pattern.compile("(?iu)đại hội\\s+(?:đại biểu\\s+)?(.+?)\\s+(?:lần thứ|nhiệm kỳ)\\b");
  private static final Pattern ORDINAL = Pattern.compile("(?iu)lần thứ\\s+([\\p{L}\\d]+)");
  private static final Pattern TERM =
      Pattern.compile("(?iu)nhiệm kỳ\\s+(\\d{4}\\s*[-–—]\\s*\\d{4})");
  private static final Map<String, Integer> WORDS =
      Map.ofEntries(
          Map.entry("nhất", 1),
          Map.entry("hai", 2),
          Map.entry("ba", 3),
          Map.entry("tư", 4),
          Map.entry("bốn", 4),
          Map.entry("năm", 5),
          Map.entry("sáu", 6),
          Map.entry("bảy", 7),
          Map.entry("tám", 8),
          Map.entry("chín", 9),
          Map.entry("mười", 10));

  /** Reads a title; each part is empty when the title does not say it. */
  public static CongressTitle parse(String title) {
    Matcher o = ORGANIZATION.matcher(title);
    Optional<String> org = o.find() ? Optional.of(o.group(1).strip()) : Optional.empty();
    Matcher n = ORDINAL.matcher(title);
    OptionalInt ordinal = n.find() ? ordinal(n.group(1)) : OptionalInt.empty();
    Matcher t = TERM.matcher(title);
    Optional<Term> term = t.find() ? Term.parse(t.group(1)) : Optional.empty();
    return new CongressTitle(org, ordinal, term);
  }

  /** {@code nhất} → 1, {@code V} → 5, {@code 12} → 12. */
  static OptionalInt ordinal(String word) {
    String w = word.toLowerCase(Locale.ROOT);
    if (WORDS.containsKey(w)) {
      return OptionalInt.of(WORDS.get(w));
    }
    if (w.matches("\\d+")) {
      return OptionalInt.of(Integer.parseInt(w));
    }
    if (w.matches("[ivxlc]+")) {
      int total = 0;
      int previous = 0;
      for (int i = w.length() - 1; i >= 0; i--) {
        int v =
            switch (w.charAt(i)) {
              case 'i' -> 1;
              case 'v' -> 5;
              case 'x' -> 10;
              case 'l' -> 50;
              default -> 100;
            };
        total += v < previous ? -v : v;
        previous = Math.max(previous, v);
      }
      return OptionalInt.of(total);
    }
    return OptionalInt.empty();
  }

  /** Whether the title looks like a congress report at all. */
  public boolean isCongress() {
    return organization.isPresent() || ordinal.isPresent();
  }
}
