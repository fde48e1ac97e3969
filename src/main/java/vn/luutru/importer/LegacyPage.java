package vn.luutru.importer;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * What was found in one saved page.
 *
 * @param alias the old address, without the host ({@code /tin-tuc/205.html})
 * @param image the lead image's address as the page had it, resolved against the page
 * @param notes what the importer was not sure of, for the user to check
 */
record LegacyPage(
    String title,
    Optional<LocalDate> date,
    String summary,
    String source,
    List<String> categories,
    Optional<String> image,
    String imageCaption,
    String imageAlt,
    String alias,
    String markdown,
    List<String> notes) {}
