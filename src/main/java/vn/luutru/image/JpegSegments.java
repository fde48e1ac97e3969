package vn.luutru.image;

import java.io.ByteArrayOutputStream;

/**
 * Walks the segments of a JPEG before its image data: finds the EXIF segment and writes a copy
 * without any metadata (EXIF and its GPS position, XMP, comments, maker notes, thumbnails), keeping
 * what decoding needs and the colour profile. The image data itself is copied byte for byte.
 */
final class JpegSegments {
  private JpegSegments() {}

  /** Where the APP1 segment holding EXIF starts (at its marker), or -1. */
  static int exifStart(byte[] jpeg) {
    int[] found = {-1};
    walk(
        jpeg,
        (marker, at, length) -> {
          if (found[0] < 0
              && marker == 0xE1
              && length >= 8
              && at + 10 <= jpeg.length
              && jpeg[at + 4] == 'E'
              && jpeg[at + 5] == 'x'
              && jpeg[at + 6] == 'i'
              && jpeg[at + 7] == 'f'
              && jpeg[at + 8] == 0
              && jpeg[at + 9] == 0) {
            found[0] = at;
          }
          return true;
        });
    return found[0];
  }

  /**
   * {@code jpeg} without its metadata segments (APP1 and APP3–APP15, comments): the JFIF header
   * (APP0), the colour profile (APP2 ICC) and Adobe's colour transform (APP14 "Adobe") are kept.
   * Empty when the file is not a JPEG whose segments can be walked to its image data.
   */
  static java.util.Optional<byte[]> strip(byte[] jpeg) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(jpeg.length);
    out.write(0xFF);
    out.write(0xD8);
    int[] dataStart = {-1};
    boolean ok =
        walk(
            jpeg,
            (marker, at, length) -> {
              if (marker == 0xDA) {
                dataStart[0] = at;
                return false;
              }
              boolean keep =
                  !(marker == 0xFE
                      || marker == 0xE1
                      || (marker >= 0xE3 && marker <= 0xEF && !isAdobe(jpeg, marker, at)));
              if (keep) {
                out.write(jpeg, at, length + 2);
              }
              return true;
            });
    if (!ok || dataStart[0] < 0) {
      return java.util.Optional.empty();
    }
    out.write(jpeg, dataStart[0], jpeg.length - dataStart[0]);
    return java.util.Optional.of(out.toByteArray());
  }

  private static boolean isAdobe(byte[] jpeg, int marker, int at) {
    return marker == 0xEE
        && at + 9 <= jpeg.length
        && jpeg[at + 4] == 'A'
        && jpeg[at + 5] == 'd'
        && jpeg[at + 6] == 'o'
        && jpeg[at + 7] == 'b'
        && jpeg[at + 8] == 'e';
  }

  /** Sees one segment: its marker, where it starts (at 0xFF) and its length field. */
  @FunctionalInterface
  interface Visitor {
    /** False to stop. */
    boolean segment(int marker, int at, int length);
  }

  /**
   * Visits every segment from the start of the file to the start of scan (SOS, given to the visitor
   * too). False when the file is not a JPEG or a segment runs past its end.
   */
  static boolean walk(byte[] b, Visitor visitor) {
    if (b.length < 4 || (b[0] & 0xff) != 0xFF || (b[1] & 0xff) != 0xD8) {
      return false;
    }
    int at = 2;
    while (at + 4 <= b.length) {
      if ((b[at] & 0xff) != 0xFF) {
        return false;
      }
      int marker = b[at + 1] & 0xff;
      if (marker == 0xFF) {
        at++; // fill byte
        continue;
      }
      if (marker == 0xD9) {
        return false;
      }
      if (marker == 0x01 || (marker >= 0xD0 && marker <= 0xD7)) {
        at += 2;
        continue;
      }
      int length = u16(b, at + 2);
      if (length < 2 || at + 2 + length > b.length) {
        return false;
      }
      if (!visitor.segment(marker, at, length) || marker == 0xDA) {
        return true;
      }
      at += 2 + length;
    }
    return false;
  }

  static int u16(byte[] b, int at) {
    return (b[at] & 0xff) << 8 | b[at + 1] & 0xff;
  }
}
