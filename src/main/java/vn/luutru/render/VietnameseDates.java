package vn.luutru.render;

import java.time.DayOfWeek;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.TemporalAccessor;
import java.util.Locale;

/**
 * Dates and ordinals as Vietnamese readers write them: {@code Thứ Sáu, 17/01/2020}, {@code tháng
 * 01/2020}, {@code lần thứ nhất}. Written out by hand rather than through the JDK's locale data,
 * whose Vietnamese forms vary between Java versions.
 */
public final class VietnameseDates {
  private static final String[] WEEKDAYS = {
    "Thứ Hai", "Thứ Ba", "Thứ Tư", "Thứ Năm", "Thứ Sáu", "Thứ Bảy", "Chủ Nhật"
  };
  private static final String[] ORDINALS = {
    "", "nhất", "hai", "ba", "tư", "năm", "sáu", "bảy", "tám", "chín", "mười"
  };
  private static final DateTimeFormatter SHORT =
      DateTimeFormatter.ofPattern("dd/MM/yyyy", Locale.ROOT);
  private static final DateTimeFormatter RFC_822 =
      DateTimeFormatter.ofPattern("EEE, dd MMM yyyy HH:mm:ss xx", Locale.ROOT);

  private VietnameseDates() {}

  /** {@code Thứ Sáu, 17/01/2020}. */
  public static String longDate(TemporalAccessor date) {
    return weekday(DayOfWeek.from(date)) + ", " + SHORT.format(date);
  }

  /** {@code 17/01/2020}. */
  public static String shortDate(TemporalAccessor date) {
    return SHORT.format(date);
  }

  public static String weekday(DayOfWeek day) {
    return WEEKDAYS[day.getValue() - 1];
  }

  /** The RFC 822 date RSS wants: {@code Fri, 17 Jan 2020 00:00:00 +0700}. */
  public static String rfc822(OffsetDateTime date) {
    return RFC_822.format(date);
  }

  /**
   * The ordinal after {@code lần thứ}: {@code nhất}, {@code hai}, … {@code mười}, then Roman
   * numerals as congress titles write them ({@code XV}).
   */
  public static String ordinal(int n) {
    if (n < 1) {
      return "";
    }
    if (n < ORDINALS.length) {
      return ORDINALS[n];
    }
    return roman(n);
  }

  static String roman(int n) {
    int[] values = {1000, 900, 500, 400, 100, 90, 50, 40, 10, 9, 5, 4, 1};
    String[] symbols = {"M", "CM", "D", "CD", "C", "XC", "L", "XL", "X", "IX", "V", "IV", "I"};
    StringBuilder s = new StringBuilder();
    for (int i = 0; i < values.length; i++) {
      while (n >= values[i]) {
        s.append(symbols[i]);
        n -= values[i];
      }
    }
    return s.toString();
  }
}
