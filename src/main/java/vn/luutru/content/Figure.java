package vn.luutru.content;

/**
 * An article's lead image: {@code path} is the file relative to the content folder (or an absolute
 * URL), with its caption and alternative text, and the point thumbnails are cropped around, in
 * hundredths of the photo's width and height ({@code image_focus}; 50, 50 is the centre).
 */
public record Figure(String path, String caption, String alt, int focusX, int focusY) {
  public Figure {
    if (focusX < 0 || focusX > 100 || focusY < 0 || focusY > 100) {
      throw new IllegalArgumentException("focus out of 0-100: " + focusX + ", " + focusY);
    }
  }

  /** A figure whose thumbnails are cropped around the centre. */
  public Figure(String path, String caption, String alt) {
    this(path, caption, alt, 50, 50);
  }
}
