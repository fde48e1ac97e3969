package vn.luutru.image;

import java.util.List;
import java.util.stream.Collectors;

/**
 * A photo as pages show it: its renditions by width and its thumbnails, each with its address (the
 * site's path prefix included) and size. Templates ask it for markup pieces: {@code picture.src},
 * {@code picture.srcset}, {@code picture.width}, {@code picture.url(480)}.
 *
 * @param sizes the renditions, narrowest first
 * @param thumbs the thumbnails, narrowest first
 */
public record Picture(List<Size> sizes, List<Size> thumbs) {

  /** One file: its address with the path prefix, its path in the site, and its size. */
  public record Size(String url, String path, int width, int height) {}

  /**
   * The {@code sizes} attribute of a photo in an article's column: the screen's width less the
   * margins on a phone, the column's width beyond.
   */
  public static final String COLUMN_SIZES = "(max-width: 48rem) calc(100vw - 2rem), 46rem";

  /** The {@code sizes} of a thumbnail in a list: 7.5rem on a phone, 15rem beyond. */
  public static final String THUMB_SIZES = "(max-width: 30rem) 7.5rem, 15rem";

  public Picture {
    sizes = List.copyOf(sizes);
    thumbs = List.copyOf(thumbs);
    if (sizes.isEmpty() || thumbs.isEmpty()) {
      throw new IllegalArgumentException("a picture has at least one size and one thumbnail");
    }
  }

  /** The rendition a browser without {@code srcset} gets: the first 960 wide or more. */
  public Size fallback() {
    return at(960);
  }

  /** The address of the narrowest rendition at least {@code width} wide, or of the widest. */
  public String url(int width) {
    return at(width).url();
  }

  private Size at(int width) {
    for (Size s : sizes) {
      if (s.width() >= width) {
        return s;
      }
    }
    return largest();
  }

  public Size largest() {
    return sizes.get(sizes.size() - 1);
  }

  public String src() {
    return fallback().url();
  }

  public int width() {
    return fallback().width();
  }

  public int height() {
    return fallback().height();
  }

  public String srcset() {
    return srcset(sizes);
  }

  /**
   * The {@code srcset} of the renditions at most {@code width} wide (the narrowest when none is):
   * for a photo shown large in a list, where a phone at three pixels to a point would otherwise
   * fetch the widest.
   */
  public String srcsetUpTo(long width) {
    List<Size> upTo = sizes.stream().filter(s -> s.width() <= width).toList();
    return srcset(upTo.isEmpty() ? sizes.subList(0, 1) : upTo);
  }

  /**
   * The widest rendition at most {@code width} wide, or the narrowest when none is: the {@code
   * src}, {@code width} and {@code height} to go with {@link #srcsetUpTo}.
   */
  public Size upTo(long width) {
    Size best = sizes.get(0);
    for (Size s : sizes) {
      if (s.width() <= width) {
        best = s;
      }
    }
    return best;
  }

  public String columnSizes() {
    return COLUMN_SIZES;
  }

  public String thumbSrc() {
    return thumbs.get(0).url();
  }

  public String thumbSrcset() {
    return srcset(thumbs);
  }

  public int thumbWidth() {
    return thumbs.get(0).width();
  }

  public int thumbHeight() {
    return thumbs.get(0).height();
  }

  public String thumbSizes() {
    return THUMB_SIZES;
  }

  private static String srcset(List<Size> list) {
    return list.stream()
        .map(s -> s.url() + " " + s.width() + "w")
        .collect(Collectors.joining(", "));
  }
}
