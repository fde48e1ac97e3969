package vn.luutru.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SegmentsTest {
  @ParameterizedTest(name = "{0} documents: {1}")
  @CsvSource(
      delimiter = '|',
      value = {
        "0      | ''",
        "1      | 0-1",
        "3      | 0-3",
        "4      | 0-4",
        "5      | 0-4 4-5",
        "31     | 0-28 28-31",
        "32     | 0-32",
        "35     | 0-32 32-35",
        "10000  | 0-8192 8192-9984 9984-10000",
        "10003  | 0-8192 8192-9984 9984-10000 10000-10003",
        "10240  | 0-10240",
        "16383  | 0-14336 14336-16128 16128-16352 16352-16380 16380-16383",
        "16384  | 0-16384",
        "100000 | 0-98304 98304-99840 99840-100000",
      })
  void tiersOfTheDefault(int documents, String expected) {
    assertThat(text(Segments.DEFAULT.of(documents))).isEqualTo(expected);
  }

  @Test
  void oneMoreDocumentChangesTheTailOrMergesIntoATier() {
    Segments tiers = new Segments(3, 4);
    for (int n = 0; n < 2000; n++) {
      List<Segments.Segment> before = tiers.of(n);
      List<Segments.Segment> after = tiers.of(n + 1);
      // Every document in exactly one segment, oldest first.
      int start = 0;
      for (Segments.Segment s : after) {
        assertThat(s.start()).isEqualTo(start);
        assertThat(s.end()).isGreaterThan(s.start());
        start = s.end();
      }
      assertThat(start).isEqualTo(n + 1);
      assertThat(after.size()).isLessThanOrEqualTo(2 + (int) (Math.log(n + 1) / Math.log(4)));
      // Only the last segment changes, or a merge replaces the last few by one.
      int kept = 0;
      while (kept < before.size()
          && kept < after.size()
          && before.get(kept).equals(after.get(kept))) {
        kept++;
      }
      assertThat(after.size() - kept).as("after %d", n).isEqualTo(1);
    }
  }

  private static String text(List<Segments.Segment> segments) {
    return String.join(" ", segments.stream().map(s -> s.start() + "-" + s.end()).toList());
  }
}
