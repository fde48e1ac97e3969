package vn.luutru.markdown;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class UniqueIdsTest {
  @Test
  void givesTheSmallestFreeNumberFromTwoAsCountingUpEachTimeDid() {
    UniqueIds ids = new UniqueIds(Set.of("noi-dung"));
    List<String> got = new ArrayList<>();
    for (String base :
        List.of("noi-dung", "muc", "muc-3", "muc", "muc", "muc", "muc-2", "a", "a-2", "a")) {
      got.add(ids.unique(base));
    }
    assertThat(got)
        .containsExactly(
            "noi-dung-2", "muc", "muc-3", "muc-2", "muc-4", "muc-5", "muc-2-2", "a", "a-2", "a-3");
  }
}
