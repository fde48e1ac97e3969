package vn.luutru.image;

/**
 * Reads the orientation a camera recorded in a JPEG's EXIF (APP1, a small TIFF structure): 1 when
 * upright, 6 when the camera was turned clockwise, and so on (the TIFF 6.0 values 1–8). Any other
 * value, or a structure that ends early or points outside the file, counts as 1.
 */
final class Exif {
  private Exif() {}

  static final int ORIENTATION_TAG = 0x0112;

  /** The orientation recorded in {@code jpeg}, 1–8; 1 when there is none. */
  static int orientation(byte[] jpeg) {
    int app1 = JpegSegments.exifStart(jpeg);
    if (app1 < 0) {
      return 1;
    }
    int end = app1 + JpegSegments.u16(jpeg, app1 + 2) + 2;
    return tiffOrientation(jpeg, app1 + 10, Math.min(end, jpeg.length));
  }

  /** The orientation in the TIFF structure at {@code [start, end)} of {@code b}, or 1. */
  static int tiffOrientation(byte[] b, int start, int end) {
    if (end - start < 8) {
      return 1;
    }
    boolean little;
    if (b[start] == 'I' && b[start + 1] == 'I') {
      little = true;
    } else if (b[start] == 'M' && b[start + 1] == 'M') {
      little = false;
    } else {
      return 1;
    }
    if (u16(b, start + 2, little) != 42) {
      return 1;
    }
    long ifd = u32(b, start + 4, little);
    if (ifd < 8 || start + ifd + 2 > end) {
      return 1;
    }
    int at = (int) (start + ifd);
    int count = u16(b, at, little);
    for (int i = 0; i < count; i++) {
      int entry = at + 2 + i * 12;
      if (entry + 12 > end) {
        return 1;
      }
      if (u16(b, entry, little) == ORIENTATION_TAG) {
        int type = u16(b, entry + 2, little);
        int value =
            type == 3 ? u16(b, entry + 8, little) : type == 4 ? (int) u32(b, entry + 8, little) : 1;
        return value >= 1 && value <= 8 ? value : 1;
      }
    }
    return 1;
  }

  private static int u16(byte[] b, int at, boolean little) {
    int x = b[at] & 0xff;
    int y = b[at + 1] & 0xff;
    return little ? x | y << 8 : x << 8 | y;
  }

  private static long u32(byte[] b, int at, boolean little) {
    long hi = u16(b, at + (little ? 2 : 0), little);
    long lo = u16(b, at + (little ? 0 : 2), little);
    return hi << 16 | lo;
  }
}
