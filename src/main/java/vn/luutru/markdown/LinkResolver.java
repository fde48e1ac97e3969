package vn.luutru.markdown;

/**
 * Rewrites one link or image address found in a body, given where it stands (1-based line and
 * column within the body, the column counted in characters as diagnostics count them, not in UTF-16
 * units). The site stage uses it to turn {@code anh/x.jpg} or {@code ../bai-khac.md} into the
 * page's real address and to note links that lead nowhere.
 */
@FunctionalInterface
public interface LinkResolver {
  /** Leaves every address as written. */
  LinkResolver IDENTITY = (destination, kind, line, column) -> destination;

  /** What the address is for. */
  enum Kind {
    LINK,
    IMAGE
  }

  String resolve(String destination, Kind kind, int line, int column);

  /**
   * Attributes to add to the {@code <img>} whose address {@link #resolve} gave as {@code
   * destination} ({@code srcset}, {@code sizes}, {@code width}, {@code height} of a photo), in
   * order; none by default.
   */
  default java.util.Map<String, String> imageAttributes(String destination) {
    return java.util.Map.of();
  }

  /** Called for an image whose alternative text is empty, where it stands. */
  default void imageWithoutAlt(int line, int column) {}

  /**
   * Called for an address of a link or image in the body's raw HTML, which is kept as written;
   * where it stands.
   */
  default void raw(String destination, Kind kind, int line, int column) {}
}
