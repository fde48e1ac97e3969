package vn.luutru.content;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * The congress (đại hội) an article reports: which organisation held it, under which parent, the
 * how-manyth it was, for which term, on which day, who directed it and who was elected. {@code
 * parent} is empty when not given; {@code ordinal} and {@code committeeSize} are 0 when not given.
 */
public record Congress(
    String organization,
    String parent,
    int ordinal,
    Term term,
    Optional<LocalDate> held,
    List<Person> directedBy,
    List<Person> elected,
    int committeeSize) {
  public Congress {
    directedBy = List.copyOf(directedBy);
    elected = List.copyOf(elected);
  }
}
