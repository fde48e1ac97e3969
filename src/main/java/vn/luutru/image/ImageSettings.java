package vn.luutru.image;

import java.util.List;

/**
 * How photos are published; immutable. {@link #DEFAULT} is right for a news site read on phones:
 *
 * <ul>
 *   <li>{@code widths} 480, 960, 1600: a phone, a phone at twice the density or a desktop column,
 *       and a large screen; never wider than the photo itself
 *   <li>{@code quality} 80 (JPEG, 1–100): no visible loss on news photos at a third of the bytes of
 *       a camera's own JPEG
 *   <li>{@code thumbnailWidth} × {@code thumbnailHeight} 240 × 160 (3:2), made also at one and a
 *       half and twice that for high-density screens (at quality 15 lower: such screens show a
 *       pixel at a third or half its size), cropped around the centre or the article's focus point
 *   <li>{@code keepOriginal} false: the camera's file is not published, only its renditions
 *   <li>{@code maxPixels} 200 megapixels: a photo whose header claims more is refused before it is
 *       decoded (a decompression bomb), larger than any camera's
 * </ul>
 */
public record ImageSettings(
    List<Integer> widths,
    int quality,
    int thumbnailWidth,
    int thumbnailHeight,
    boolean keepOriginal,
    long maxPixels) {

  public static final ImageSettings DEFAULT =
      new ImageSettings(List.of(480, 960, 1600), 80, 240, 160, false, 200_000_000L);

  public ImageSettings {
    widths = widths.stream().sorted().distinct().toList();
    if (widths.isEmpty() || widths.get(0) < 16 || widths.get(widths.size() - 1) > 8192) {
      throw new Invalid("widths", Messages.get("settings.widths", widths));
    }
    if (quality < 1 || quality > 100) {
      throw new Invalid("quality", Messages.get("settings.quality", quality));
    }
    if (thumbnailWidth < 16 || thumbnailHeight < 16 || thumbnailWidth > 2048) {
      throw new Invalid(
          thumbnailWidth < 16 || thumbnailWidth > 2048 ? "thumbnail_width" : "thumbnail_height",
          Messages.get("settings.thumbnail", thumbnailWidth, thumbnailHeight));
    }
    if (maxPixels < 1_000_000) {
      throw new Invalid("max_pixels", Messages.get("settings.max-pixels"));
    }
  }

  /** A setting out of its range: {@code key} names it as {@code luutru.yaml} does. */
  public static final class Invalid extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;
    private final String key;

    Invalid(String key, String message) {
      super(message);
      this.key = key;
    }

    /** The setting's key under {@code images:}, such as {@code quality}. */
    public String key() {
      return key;
    }
  }

  /** These settings with other widths. */
  public ImageSettings withWidths(List<Integer> widths) {
    return new ImageSettings(
        widths, quality, thumbnailWidth, thumbnailHeight, keepOriginal, maxPixels);
  }

  /** These settings with another JPEG quality. */
  public ImageSettings withQuality(int quality) {
    return new ImageSettings(
        widths, quality, thumbnailWidth, thumbnailHeight, keepOriginal, maxPixels);
  }

  /** These settings with another thumbnail size. */
  public ImageSettings withThumbnail(int width, int height) {
    return new ImageSettings(widths, quality, width, height, keepOriginal, maxPixels);
  }

  /** These settings, publishing (or not) the original beside its renditions. */
  public ImageSettings withKeepOriginal(boolean keepOriginal) {
    return new ImageSettings(
        widths, quality, thumbnailWidth, thumbnailHeight, keepOriginal, maxPixels);
  }

  /** These settings with another limit on a photo's pixels. */
  public ImageSettings withMaxPixels(long maxPixels) {
    return new ImageSettings(
        widths, quality, thumbnailWidth, thumbnailHeight, keepOriginal, maxPixels);
  }

  /** What of these settings changes the bytes of a rendition of a given size. */
  String encodingKey() {
    return "q" + quality + "-v" + Renditions.VERSION;
  }
}
