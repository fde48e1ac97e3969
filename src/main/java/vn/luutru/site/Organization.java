package vn.luutru.site;

import java.util.List;

/**
 * A party organisation (chi bộ, đảng bộ): its place in the hierarchy and its congress history,
 * oldest congress first.
 *
 * @param parent the organisation it belongs to, or null at the top
 * @param ancestors from the top down to its parent
 */
public record Organization(
    String name,
    String slug,
    String path,
    Link parent,
    List<Link> ancestors,
    List<Link> children,
    List<CongressEntry> congresses) {

  public Organization {
    ancestors = List.copyOf(ancestors);
    children = List.copyOf(children);
    congresses = List.copyOf(congresses);
  }

  public Link link() {
    return new Link(name, path);
  }
}
