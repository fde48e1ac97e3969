package vn.luutru.image;

import java.util.List;

/**
 * A photo as its header describes it, checked before any pixel is decoded.
 *
 * @param width the stored width, before orientation; {@code height} likewise
 * @param orientation the EXIF orientation, 1–8
 * @param alpha whether it has transparency (then its renditions are PNG)
 * @param warnings what the user should know though the photo is published (a name that lies)
 */
record Probe(
    PhotoFormat format,
    int width,
    int height,
    int orientation,
    boolean alpha,
    List<String> warnings) {
  Probe {
    warnings = List.copyOf(warnings);
  }

  /** The width as shown, orientation applied. */
  int shownWidth() {
    return orientation >= 5 ? height : width;
  }

  /** The height as shown, orientation applied. */
  int shownHeight() {
    return orientation >= 5 ? width : height;
  }

  /** The extension of its renditions. */
  String extension() {
    return alpha ? "png" : "jpg";
  }
}
