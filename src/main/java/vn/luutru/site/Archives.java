package vn.luutru.site;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** The year and month archives: pages grouped by their date's year and month, newest first. */
final class Archives {
  private Archives() {}

  /** The archives of {@code pages}, which are newest first; so are the lists of each archive. */
  static List<YearArchive> of(List<ArticlePage> pages) {
    Map<Integer, Map<Integer, List<ArticlePage>>> byYear = new TreeMap<>(Comparator.reverseOrder());
    for (ArticlePage p : pages) {
      OffsetDateTime d = p.article().date();
      byYear
          .computeIfAbsent(d.getYear(), y -> new TreeMap<>(Comparator.reverseOrder()))
          .computeIfAbsent(d.getMonthValue(), m -> new ArrayList<>())
          .add(p);
    }
    List<YearArchive> years = new ArrayList<>();
    byYear.forEach(
        (year, months) -> {
          List<YearArchive.MonthArchive> ms = new ArrayList<>();
          List<ArticlePage> all = new ArrayList<>();
          months.forEach(
              (month, list) -> {
                ms.add(
                    new YearArchive.MonthArchive(year, month, Addresses.month(year, month), list));
                all.addAll(list);
              });
          years.add(new YearArchive(year, Addresses.year(year), ms, all));
        });
    return years;
  }
}
