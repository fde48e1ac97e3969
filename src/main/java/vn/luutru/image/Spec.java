package vn.luutru.image;

import java.util.ArrayList;
import java.util.List;

/**
 * One rendition to make: its size, whether it is cropped (a thumbnail) and around which point, in
 * hundredths of the width and height.
 */
record Spec(int width, int height, boolean crop, int focusX, int focusY) {

  /** What tells this rendition apart in its file name: {@code 960}, {@code 240x160}. */
  String suffix() {
    String s = crop ? width + "x" + height : String.valueOf(width);
    return crop && (focusX != 50 || focusY != 50) ? s + "-f" + focusX + "-" + focusY : s;
  }

  /**
   * The renditions of a photo shown {@code w} × {@code h}: one per width of {@code s} below the
   * photo's own, and the photo's own width in place of the first width it does not reach.
   */
  static List<Spec> widths(int w, int h, ImageSettings s) {
    List<Spec> out = new ArrayList<>();
    for (int width : s.widths()) {
      if (width < w) {
        out.add(
            new Spec(width, Math.max(1, (int) Math.round((double) h * width / w)), false, 50, 50));
      } else {
        out.add(new Spec(w, h, false, 50, 50));
        break;
      }
    }
    return List.copyOf(out);
  }

  /**
   * The thumbnails of a photo shown {@code w} × {@code h}: the thumbnail size, and one and a half
   * times and twice it when the photo is large enough; a photo smaller than a thumbnail gives the
   * largest crop of the same shape that it holds.
   */
  static List<Spec> thumbnails(int w, int h, ImageSettings s, int focusX, int focusY) {
    int tw = s.thumbnailWidth();
    int th = s.thumbnailHeight();
    double fit = Math.min(1, Math.min((double) w / tw, (double) h / th));
    List<Spec> out = new ArrayList<>();
    out.add(
        new Spec(
            Math.max(1, (int) Math.floor(tw * fit)),
            Math.max(1, (int) Math.floor(th * fit)),
            true,
            focusX,
            focusY));
    // One and a half times and twice the size, for screens of two and three pixels to a point: a
    // phone of three takes the first, whose bytes are half the second's.
    if (w >= 3 * tw / 2 && h >= 3 * th / 2) {
      out.add(new Spec(3 * tw / 2, 3 * th / 2, true, focusX, focusY));
    }
    if (w >= 2 * tw && h >= 2 * th) {
      out.add(new Spec(2 * tw, 2 * th, true, focusX, focusY));
    }
    return List.copyOf(out);
  }
}
