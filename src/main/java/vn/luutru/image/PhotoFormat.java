package vn.luutru.image;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Set;

/**
 * What a file is, from its first bytes rather than its name, and what the name claims: a photo
 * luutru publishes in renditions (JPEG, PNG), a format browsers show as it is (GIF, WebP, AVIF,
 * SVG), or one that needs converting first (HEIC, camera RAW).
 */
enum PhotoFormat {
  JPEG("JPEG"),
  PNG("PNG"),
  GIF("GIF"),
  WEBP("WebP"),
  AVIF("AVIF"),
  HEIC("HEIC"),
  RAW(""),
  TIFF("TIFF"),
  OTHER("");

  /** The format's name, or empty when it is said in words ({@link #label}). */
  private final String name;

  PhotoFormat(String name) {
    this.name = name;
  }

  /** How messages name the format: {@code JPEG}, or words such as "camera RAW". */
  String label() {
    return name.isEmpty() ? Messages.get("format." + name().toLowerCase(Locale.ROOT)) : name;
  }

  private static final Set<String> RAW_EXTENSIONS =
      Set.of(
          "dng", "cr2", "cr3", "crw", "nef", "nrw", "arw", "srf", "sr2", "orf", "rw2", "raf", "pef",
          "srw", "x3f", "3fr", "erf", "kdc", "mrw", "raw");

  /**
   * Whether a file named so is one luutru treats as a photo: JPEG, PNG, HEIC or RAW by its name.
   */
  static boolean isPhotoName(String name) {
    PhotoFormat f = byName(name);
    return f == JPEG || f == PNG || f == HEIC || f == RAW;
  }

  /** What the name's extension claims. */
  static PhotoFormat byName(String name) {
    int dot = name.lastIndexOf('.');
    String ext = dot < 0 ? "" : name.substring(dot + 1).toLowerCase(Locale.ROOT);
    return switch (ext) {
      case "jpg", "jpeg", "jpe", "jfif" -> JPEG;
      case "png" -> PNG;
      case "gif" -> GIF;
      case "webp" -> WEBP;
      case "avif" -> AVIF;
      case "heic", "heif", "hif" -> HEIC;
      case "tif", "tiff" -> TIFF;
      default -> RAW_EXTENSIONS.contains(ext) ? RAW : OTHER;
    };
  }

  /** What the bytes are. */
  static PhotoFormat sniff(byte[] b, String name) {
    if (b.length >= 3 && (b[0] & 0xff) == 0xFF && (b[1] & 0xff) == 0xD8 && (b[2] & 0xff) == 0xFF) {
      return JPEG;
    }
    if (starts(b, 0, new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'})) {
      return PNG;
    }
    if (ascii(b, 0, "GIF8")) {
      return GIF;
    }
    if (ascii(b, 0, "RIFF") && ascii(b, 8, "WEBP")) {
      return WEBP;
    }
    if (ascii(b, 4, "ftyp") && b.length >= 12) {
      String brand = new String(b, 8, 4, StandardCharsets.ISO_8859_1);
      if (brand.startsWith("avi")) {
        return AVIF;
      }
      if (brand.equals("crx ")) {
        return RAW;
      }
      return HEIC; // heic, heix, hevc, mif1, msf1: the HEIF family
    }
    if (ascii(b, 0, "FUJIFILMCCD-RAW") || ascii(b, 0, "IIRO") || ascii(b, 0, "IIU\0")) {
      return RAW;
    }
    if (ascii(b, 0, "II*\0") || ascii(b, 0, "MM\0*")) {
      // DNG, NEF, CR2, ARW and the like are TIFF files: the name tells them apart.
      return byName(name) == RAW ? RAW : TIFF;
    }
    return OTHER;
  }

  private static boolean ascii(byte[] b, int at, String s) {
    return starts(b, at, s.getBytes(StandardCharsets.ISO_8859_1));
  }

  private static boolean starts(byte[] b, int at, byte[] prefix) {
    if (b.length < at + prefix.length) {
      return false;
    }
    for (int i = 0; i < prefix.length; i++) {
      if (b[at + i] != prefix[i]) {
        return false;
      }
    }
    return true;
  }
}
