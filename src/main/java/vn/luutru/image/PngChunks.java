package vn.luutru.image;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.Set;

/**
 * Writes a PNG without its text and metadata chunks (tEXt, zTXt, iTXt, eXIf, tIME): every other
 * chunk, pixels and colour profile included, is copied byte for byte.
 */
final class PngChunks {
  private PngChunks() {}

  private static final Set<String> DROPPED = Set.of("tEXt", "zTXt", "iTXt", "eXIf", "tIME");

  /** {@code png} without metadata, or empty when its chunks cannot be walked to the end. */
  static Optional<byte[]> strip(byte[] png) {
    if (png.length < 8) {
      return Optional.empty();
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream(png.length);
    out.write(png, 0, 8);
    int at = 8;
    while (at + 12 <= png.length) {
      long length =
          (png[at] & 0xffL) << 24
              | (png[at + 1] & 0xff) << 16
              | (png[at + 2] & 0xff) << 8
              | png[at + 3] & 0xff;
      if (length > png.length - at - 12) {
        return Optional.empty();
      }
      String type = new String(png, at + 4, 4, StandardCharsets.ISO_8859_1);
      int total = (int) length + 12;
      if (!DROPPED.contains(type)) {
        out.write(png, at, total);
      }
      at += total;
      if (type.equals("IEND")) {
        return Optional.of(out.toByteArray());
      }
    }
    return Optional.empty();
  }
}
