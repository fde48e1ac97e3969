package vn.luutru.site;

import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * The spellings met of names that share a slug ({@code Thời sự}, {@code Thời Sự}), and the one the
 * archive shows: the most common, and of those equally common the first in {@link String#compareTo}
 * order.
 */
final class Spellings {
  private final Map<String, Map<String, Integer>> counts = new HashMap<>();

  /** Counts one use of {@code name}, whose slug is {@code slug}. */
  void add(String slug, String name) {
    counts.computeIfAbsent(slug, s -> new TreeMap<>()).merge(name, 1, Integer::sum);
  }

  /** The spelling shown for each slug counted. */
  Map<String, String> chosen() {
    Map<String, String> out = new HashMap<>();
    counts.forEach(
        (slug, names) ->
            out.put(
                slug,
                Collections.max(
                        names.entrySet(),
                        Map.Entry.<String, Integer>comparingByValue()
                            .thenComparing(Map.Entry.comparingByKey(Comparator.reverseOrder())))
                    .getKey()));
    return out;
  }
}
