package vn.luutru.importer;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.Optional;

/**
 * What was found in one saved page.
 *
 * @param time the time of day the page gives beside its date, in Vietnam
 * @param alias the old address, without the host ({@code /tin-tuc/205.html})
 * @param image the lead image's address as the page had it, resolved against the page
 * @param notes what the importer was not sure of, for the user to check
 * @param dropped what was left out on purpose, and why (menus, decorative icons)
 * @param skipped why the page is not an article (a list of articles), or empty when it is one
 */
record LegacyPage(
    String title,
    Optional<LocalDate> date,
    Optional<LocalTime> time,
    String summary,
    String source,
    List<String> categories,
    Optional<String> image,
    String imageCaption,
    String imageAlt,
    String alias,
    String markdown,
    List<String> notes,
    List<String> dropped,
    String skipped) {
  LegacyPage {
    categories = List.copyOf(categories);
    notes = List.copyOf(notes);
    dropped = List.copyOf(dropped);
  }

  static LegacyPage skipped(String alias, String why, List<String> notes) {
    return new LegacyPage(
        "",
        Optional.empty(),
        Optional.empty(),
        "",
        "",
        List.of(),
        Optional.empty(),
        "",
        "",
        alias,
        "",
        notes,
        List.of(),
        why);
  }
}
