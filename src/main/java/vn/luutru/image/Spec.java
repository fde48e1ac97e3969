package vn.luutru.image;

import java.util.ArrayList;
import java.util.List;

/**
 * One rendition to make: its size, whether it is cropped (a thumbnail) and around which point, in
 * hundredths of the width and height, and whether it is for screens of two or three pixels to a
 * point only ({@code dense}), which show its pixels at a half or a third of their size and so hide
 * a stronger compression ({@link #DENSE_QUALITY_DROP} less quality).
 */
record Spec(int width, int height, boolean crop, int focusX, int focusY, boolean dense) {

  static final int DENSE_QUALITY_DROP = 15;

  Spec(int width, int height, boolean crop, int focusX, int focusY) {
    this(width, height, crop, focusX, focusY, false);
  }

  /** The JPEG quality this rendition is encoded at, given the settings' {@code quality}. */
  int quality(int quality) {
    return dense ? Math.max(1, quality - DENSE_QUALITY_DROP) : quality;
  }

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
      out.add(new Spec(3 * tw / 2, 3 * th / 2, true, focusX, focusY, true));
    }
    if (w >= 2 * tw && h >= 2 * th) {
      out.add(new Spec(2 * tw, 2 * th, true, focusX, focusY, true));
    }
    return List.copyOf(out);
  }
}
