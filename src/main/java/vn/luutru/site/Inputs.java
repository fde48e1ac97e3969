package vn.luutru.site;

import java.util.Set;

/**
 * What a page is made from, for finding the pages a change touches.
 *
 * @param articles the addresses of the articles it shows one by one (title, date, summary)
 * @param lists the keys of the lists it shows as a whole, members and count (see {@link
 *     Listing#key()}; organisation and term pages use their path as key)
 * @param names the keys of the lists whose name it shows: the most common spelling among the
 *     members decides a name, which only a comparison of two models tells
 */
public record Inputs(Set<String> articles, Set<String> lists, Set<String> names) {
  static final Inputs NONE = new Inputs(Set.of(), Set.of(), Set.of());

  public Inputs {
    articles = Set.copyOf(articles);
    lists = Set.copyOf(lists);
    names = Set.copyOf(names);
  }

  static Inputs lists(Set<String> lists) {
    return new Inputs(Set.of(), lists, Set.of());
  }
}
