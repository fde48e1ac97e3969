package vn.luutru.render;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import vn.luutru.site.Listing;

/**
 * The pager of each page of a list, as a line: the newer link, the links ({@code *} the current,
 * {@code M} the list's own address), the older link. A numbered page's line depends only on its
 * number and on whether it is the newest.
 */
class PaginationTest {
  private static final Listing LIST =
      new Listing(
          Listing.Kind.CATEGORY,
          "chuyen-muc/x/",
          List.of(),
          Optional.empty(),
          Optional.empty(),
          Optional.empty());

  @ParameterizedTest(name = "page {1} of {0}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          0 | 0 | ''
          2 | 0 | *M 1; older 1
          3 | 0 | *M 2 1; older 2
          4 | 0 | *M 3 2 1; older 3
          9 | 0 | *M 8 7 … 1; older 8
          9 | 9 | newer M; M *9 8 … 1; older 8
          9 | 8 | newer 9; M 9 *8 7 … 1; older 7
          9 | 3 | newer 4; M 4 *3 2 1; older 2
          9 | 2 | newer 3; M 3 *2 1; older 1
          9 | 1 | newer 2; M 2 *1
          2 | 2 | newer M; M *2 1; older 1
          2 | 1 | newer 2; M 2 *1
          """)
  void linksToItsNeighboursTheOldestAndTheNewest(int total, int current, String expected) {
    assertThat(line(SiteRenderer.pagination(LIST, current, total)))
        .isEqualTo(expected.replace("''", ""));
  }

  private static String line(Views.Pagination p) {
    String links =
        p.pages().stream()
            .map(
                l ->
                    l.gap()
                        ? "…"
                        : (l.current() ? "*" : "") + (l.number() == 0 ? "M" : "" + l.number()))
            .collect(Collectors.joining(" "));
    String newer = p.current() > 0 ? "newer " + name(p.newer()) + "; " : "";
    String older = p.older().isEmpty() ? "" : "; older " + name(p.older());
    return newer + links + older;
  }

  /** {@code M} for the list's own address, else the number of {@code page/N/}. */
  private static String name(String path) {
    return path.equals(LIST.path())
        ? "M"
        : path.substring(LIST.path().length() + "page/".length(), path.length() - 1);
  }
}
