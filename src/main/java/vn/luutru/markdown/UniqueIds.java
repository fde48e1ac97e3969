package vn.luutru.markdown;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * Ids made unique within a page by a number: {@code muc}, {@code muc-2}, {@code muc-3} … Remembers
 * the next number to try for each base, so that many alike cost one look-up each rather than a
 * count from 2.
 *
 * <pre>{@code
 * UniqueIds ids = new UniqueIds(Set.of("noi-dung"));
 * ids.unique("noi-dung");  // noi-dung-2
 * ids.unique("muc");       // muc
 * ids.unique("muc");       // muc-2
 * }</pre>
 */
final class UniqueIds {
  private final Set<String> used;
  private final Map<String, Integer> next = new HashMap<>();

  /** {@code taken}: ids the page has already. */
  UniqueIds(Set<String> taken) {
    this.used = new HashSet<>(taken);
  }

  /**
   * {@code base} if no id has it yet, otherwise {@code base-N} with the smallest {@code N} from 2
   * that no id has; the answer is taken.
   */
  String unique(String base) {
    if (used.add(base)) {
      return base;
    }
    // Every number below next[base] is taken already: ids are only ever added.
    int i = next.getOrDefault(base, 2);
    String id = base + "-" + i;
    while (!used.add(id)) {
      i++;
      id = base + "-" + i;
    }
    next.put(base, i + 1);
    return id;
  }
}
