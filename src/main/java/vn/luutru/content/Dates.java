package vn.luutru.content;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Dates as articles and legacy pages write them. A front matter value is a whole date, {@code
 * 2020-01-17} (with an optional time and offset) or {@code 17/01/2020}; running text may also write
 * {@code 17.01.2020}, {@code 17-01-2020} or {@code ngày 17 tháng 01 năm 2020}. A date without an
 * offset is in Vietnam's time.
 */
public final class Dates {
  /** Vietnam does not observe daylight saving: dates without a zone are in UTC+7. */
  public static final ZoneOffset VIETNAM = ZoneOffset.ofHours(7);

  private static final Pattern VALUE =
      Pattern.compile(
          "(\\d{4})-(\\d{1,2})-(\\d{1,2})"
              + "(?:[T ](\\d{1,2}):(\\d{2})(?::(\\d{2})(?:\\.\\d+)?)?)?"
              + "\\s*(Z|[+-]\\d{2}:?\\d{2})?");
  private static final Pattern VALUE_DMY = Pattern.compile("(\\d{1,2})/(\\d{1,2})/(\\d{4})");
  private static final Pattern IN_TEXT_DMY =
      Pattern.compile("(?<!\\d)(\\d{1,2})\\s*[/⁄.-]\\s*(\\d{1,2})\\s*[/⁄.-]\\s*(\\d{4})(?!\\d)");
  private static final Pattern IN_TEXT_WORDS =
      Pattern.compile("(?iu)ngày\\s+(\\d{1,2})\\s+tháng\\s+(\\d{1,2})\\s+năm\\s+(\\d{4})");
  private static final Pattern IN_TEXT_ISO =
      Pattern.compile("(?<!\\d)(\\d{4})-(\\d{2})-(\\d{2})(?!\\d)");

  private Dates() {}

  /**
   * A front matter value as a date and time: empty when it is not written as a date.
   *
   * @throws DateTimeException when it is written as a date but names no day or time of the calendar
   *     ({@code 2020-02-30})
   */
  static Optional<OffsetDateTime> parse(String value) {
    Matcher m = VALUE.matcher(value);
    if (m.matches()) {
      LocalDate d = LocalDate.of(num(m, 1), num(m, 2), num(m, 3));
      LocalDateTime dt =
          m.group(4) == null
              ? d.atStartOfDay()
              : d.atTime(num(m, 4), num(m, 5), m.group(6) == null ? 0 : num(m, 6));
      ZoneOffset zone = m.group(7) == null ? VIETNAM : ZoneOffset.of(zoneId(m.group(7)));
      return Optional.of(dt.atOffset(zone));
    }
    Matcher dmy = VALUE_DMY.matcher(value);
    if (dmy.matches()) {
      return Optional.of(dayMonthYear(dmy).atStartOfDay().atOffset(VIETNAM));
    }
    return Optional.empty();
  }

  /**
   * The first date in running text written as 2020-01-17, 17/01/2020 (or with dots or dashes) or
   * ngày 17 tháng 01 năm 2020; a form that names no real day is passed over.
   */
  public static Optional<LocalDate> find(String text) {
    int best = Integer.MAX_VALUE;
    LocalDate found = null;
    for (Pattern p : List.of(IN_TEXT_ISO, IN_TEXT_DMY, IN_TEXT_WORDS)) {
      Matcher m = p.matcher(text);
      while (m.find()) {
        try {
          LocalDate d =
              p == IN_TEXT_ISO ? LocalDate.of(num(m, 1), num(m, 2), num(m, 3)) : dayMonthYear(m);
          if (m.start() < best) {
            best = m.start();
            found = d;
          }
          break;
        } catch (DateTimeException e) {
          // not a real date; look further
        }
      }
    }
    return Optional.ofNullable(found);
  }

  private static LocalDate dayMonthYear(Matcher m) {
    return LocalDate.of(num(m, 3), num(m, 2), num(m, 1));
  }

  private static String zoneId(String z) {
    if (z.equals("Z") || z.contains(":")) {
      return z;
    }
    return z.substring(0, 3) + ":" + z.substring(3);
  }

  private static int num(Matcher m, int group) {
    return Integer.parseInt(m.group(group));
  }
}
