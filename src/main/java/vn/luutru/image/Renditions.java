package vn.luutru.image;

import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.color.ColorSpace;
import java.awt.image.BufferedImage;
import java.awt.image.ColorConvertOp;
import java.awt.image.DataBufferInt;
import java.awt.image.Raster;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javax.imageio.IIOException;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageReadParam;
import javax.imageio.ImageReader;
import javax.imageio.ImageTypeSpecifier;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.plugins.jpeg.JPEGImageWriteParam;
import javax.imageio.stream.ImageInputStream;
import javax.imageio.stream.MemoryCacheImageOutputStream;

/**
 * Reads a photo and makes its renditions with the JDK's ImageIO: the header is checked first (a
 * photo claiming more than {@link ImageSettings#maxPixels()} is refused before decoding), a photo
 * far larger than its largest rendition is decoded at a fraction of its size (memory stays bounded
 * whatever the camera), EXIF orientation is applied, colours are converted to sRGB (CMYK too), and
 * each rendition is encoded without any metadata. Stateless and thread-safe.
 */
final class Renditions {
  private Renditions() {}

  /** Changes whenever the same settings would give other bytes: part of every cache key. */
  static final int VERSION = 2;

  /** Decoded pixels kept at most, whatever the photo: about 160 MB as 32-bit pixels. */
  static final long MAX_DECODED_PIXELS = 40_000_000L;

  /** Reads the header of {@code bytes}, named {@code name}, and checks it can be published. */
  static Probe probe(byte[] bytes, String name, ImageSettings settings) throws PhotoProblem {
    PhotoFormat claimed = PhotoFormat.byName(name);
    PhotoFormat actual = PhotoFormat.sniff(bytes, name);
    List<String> warnings = new ArrayList<>();
    switch (actual) {
      case HEIC -> throw new PhotoProblem(Messages.get("photo.heic"));
      case RAW -> throw new PhotoProblem(Messages.get("photo.raw"));
      case AVIF, WEBP, GIF ->
          throw new PhotoProblem(
              Messages.get(
                  "photo.misnamed",
                  actual.label(),
                  claimed.label(),
                  actual.name().toLowerCase(Locale.ROOT)));
      case OTHER ->
          throw new PhotoProblem(
              Messages.get(bytes.length == 0 ? "photo.empty" : "photo.not-a-photo"));
      default -> {}
    }
    if (actual != claimed && claimed != PhotoFormat.OTHER) {
      warnings.add(
          Messages.warning(
              "photo.renamed",
              actual.label(),
              claimed.label(),
              actual == PhotoFormat.JPEG ? "jpg" : actual.name().toLowerCase(Locale.ROOT)));
    }
    try (ImageInputStream in = ImageIO.createImageInputStream(new ByteArrayInputStream(bytes))) {
      ImageReader reader = reader(in, actual);
      try {
        int w = reader.getWidth(0);
        int h = reader.getHeight(0);
        checkSize(w, h, settings);
        boolean alpha = false;
        if (actual != PhotoFormat.JPEG) {
          Iterator<ImageTypeSpecifier> types = reader.getImageTypes(0);
          alpha = types.hasNext() && types.next().getColorModel().hasAlpha();
        }
        int orientation = actual == PhotoFormat.JPEG ? Exif.orientation(bytes) : 1;
        return new Probe(actual, w, h, orientation, alpha, warnings);
      } finally {
        reader.dispose();
      }
    } catch (IOException | RuntimeException e) {
      throw damaged(actual, e);
    }
  }

  private static void checkSize(int w, int h, ImageSettings settings) throws PhotoProblem {
    if (w <= 0 || h <= 0) {
      throw new PhotoProblem(Messages.get("photo.no-pixels", w, h));
    }
    if ((long) w * h > settings.maxPixels()) {
      throw new PhotoProblem(
          Messages.get(
              "photo.too-many-pixels",
              w,
              h,
              (long) w * h / 1_000_000,
              settings.maxPixels() / 1_000_000));
    }
  }

  private static ImageReader reader(ImageInputStream in, PhotoFormat format)
      throws PhotoProblem, IOException {
    if (in == null) {
      throw new PhotoProblem(Messages.get("photo.no-reader"));
    }
    Iterator<ImageReader> readers = ImageIO.getImageReaders(in);
    if (!readers.hasNext()) {
      throw new PhotoProblem(Messages.get("photo.no-reader-for", format.label()));
    }
    ImageReader reader = readers.next();
    reader.setInput(in, true, true);
    return reader;
  }

  private static PhotoProblem damaged(PhotoFormat format, Exception e) {
    String why = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    return new PhotoProblem(Messages.get("photo.damaged", format.label(), why));
  }

  /** The renditions made, and what the user should know about them (a file cut short). */
  record Made(Map<Spec, byte[]> files, List<String> warnings) {}

  /** Makes the renditions {@code specs} of the photo {@code bytes}, as probed. */
  static Made make(byte[] bytes, Probe probe, List<Spec> specs, int quality) throws PhotoProblem {
    int largest = specs.stream().mapToInt(Spec::width).max().orElse(1);
    int largestHeight = specs.stream().mapToInt(Spec::height).max().orElse(1);
    List<String> warnings = new ArrayList<>();
    BufferedImage image = decode(bytes, probe, largest, largestHeight, warnings);
    image = Orientation.apply(image, probe.orientation());
    Map<Spec, byte[]> out = new LinkedHashMap<>();
    // Largest first, each made from the one before: a chain of small steps is both faster and
    // sharper than each from the full photo.
    List<BufferedImage> chain = new ArrayList<>();
    BufferedImage from = image;
    for (Spec s : specs.stream().filter(s -> !s.crop()).sorted(BY_WIDTH.reversed()).toList()) {
      from = scale(from, s.width(), s.height());
      chain.add(from);
      out.put(s, encode(from, probe.alpha(), s.quality(quality)));
    }
    for (Spec s : specs.stream().filter(Spec::crop).sorted(BY_WIDTH.reversed()).toList()) {
      // Cropped from the smallest rendition that still holds the crop at full size.
      BufferedImage source = image;
      for (BufferedImage c : chain) {
        int[] region = region(c.getWidth(), c.getHeight(), s);
        if (region[2] >= s.width() && region[3] >= s.height()) {
          source = c;
        }
      }
      out.put(s, encode(crop(source, s), probe.alpha(), s.quality(quality)));
    }
    return new Made(out, warnings);
  }

  private static final Comparator<Spec> BY_WIDTH =
      Comparator.comparingInt(Spec::width).thenComparingInt(Spec::height);

  /** Decodes {@code bytes} at the smallest size that still covers the largest rendition. */
  private static BufferedImage decode(
      byte[] bytes, Probe probe, int largest, int largestHeight, List<String> warnings)
      throws PhotoProblem {
    int shownW = probe.shownWidth();
    int shownH = probe.shownHeight();
    int step =
        Math.max(
            1,
            Math.min(shownW / Math.max(1, 2 * largest), shownH / Math.max(1, 2 * largestHeight)));
    while ((long) (probe.width() / step) * (probe.height() / step) > MAX_DECODED_PIXELS) {
      step++;
    }
    try (ImageInputStream in = ImageIO.createImageInputStream(new ByteArrayInputStream(bytes))) {
      ImageReader reader = reader(in, probe.format());
      try {
        reader.addIIOReadWarningListener(
            (source, warning) -> {
              if (warnings.isEmpty()) {
                warnings.add(Messages.warning("photo.cut-short", warning));
              }
            });
        ImageReadParam param = reader.getDefaultReadParam();
        param.setSourceSubsampling(step, step, 0, 0);
        try {
          return toRgb(reader.read(0, param), probe.alpha());
        } catch (IIOException e) {
          if (probe.format() == PhotoFormat.JPEG && reader.canReadRaster()) {
            // The JDK reads CMYK JPEGs (print files) only as raw bands.
            Raster raster = reader.readRaster(0, param);
            if (raster.getNumBands() == 4) {
              return Cmyk.toRgb(raster);
            }
          }
          throw e;
        }
      } finally {
        reader.dispose();
      }
    } catch (IOException | RuntimeException e) {
      throw damaged(probe.format(), e);
    }
  }

  /** The image as 32-bit sRGB pixels (with alpha when kept), converted from its colour space. */
  static BufferedImage toRgb(BufferedImage image, boolean alpha) {
    int type = alpha ? BufferedImage.TYPE_INT_ARGB : BufferedImage.TYPE_INT_RGB;
    if (image.getType() == type) {
      return image;
    }
    ColorSpace cs = image.getColorModel().getColorSpace();
    if (cs.getType() == ColorSpace.TYPE_CMYK && image.getRaster().getNumBands() == 4) {
      return Cmyk.toRgb(image.getRaster());
    }
    BufferedImage out = new BufferedImage(image.getWidth(), image.getHeight(), type);
    if (!cs.isCS_sRGB() && cs.getType() != ColorSpace.TYPE_GRAY && !alpha) {
      // An embedded profile (Adobe RGB, Display P3): converted by the colour management system.
      new ColorConvertOp(null).filter(image, out);
      return out;
    }
    Graphics2D g = out.createGraphics();
    try {
      if (!alpha) {
        g.setColor(java.awt.Color.WHITE);
        g.fillRect(0, 0, out.getWidth(), out.getHeight());
      }
      g.drawImage(image, 0, 0, null);
    } finally {
      g.dispose();
    }
    return out;
  }

  /** {@code image} scaled to {@code w} × {@code h}, halving first while it is twice as large. */
  static BufferedImage scale(BufferedImage image, int w, int h) {
    BufferedImage current = image;
    while (current.getWidth() >= 2 * w && current.getHeight() >= 2 * h) {
      current = draw(current, current.getWidth() / 2, current.getHeight() / 2);
    }
    if (current.getWidth() == w && current.getHeight() == h) {
      return current;
    }
    return draw(current, w, h);
  }

  private static BufferedImage draw(BufferedImage image, int w, int h) {
    BufferedImage out = new BufferedImage(w, h, image.getType());
    Graphics2D g = out.createGraphics();
    try {
      g.setRenderingHint(
          RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
      g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
      g.drawImage(image, 0, 0, w, h, null);
    } finally {
      g.dispose();
    }
    return out;
  }

  /** The crop of {@code s}'s shape around its focus, scaled to its size. */
  static BufferedImage crop(BufferedImage image, Spec s) {
    int[] r = region(image.getWidth(), image.getHeight(), s);
    return scale(image.getSubimage(r[0], r[1], r[2], r[3]), s.width(), s.height());
  }

  /** The largest region of {@code s}'s shape in a {@code w} × {@code h} image, around its focus. */
  static int[] region(int w, int h, Spec s) {
    double aspect = (double) s.width() / s.height();
    int cw = w;
    int ch = (int) Math.round(w / aspect);
    if (ch > h) {
      ch = h;
      cw = Math.min(w, (int) Math.round(h * aspect));
    }
    cw = Math.max(1, cw);
    ch = Math.max(1, ch);
    int x = clamp((int) Math.round(w * s.focusX() / 100.0 - cw / 2.0), 0, w - cw);
    int y = clamp((int) Math.round(h * s.focusY() / 100.0 - ch / 2.0), 0, h - ch);
    return new int[] {x, y, cw, ch};
  }

  private static int clamp(int v, int lo, int hi) {
    return Math.max(lo, Math.min(hi, v));
  }

  /** {@code image} as a JPEG of {@code quality} (or a PNG when it keeps alpha), no metadata. */
  static byte[] encode(BufferedImage image, boolean alpha, int quality) throws PhotoProblem {
    if (image.getRaster().getParent() != null) {
      image = copy(image);
    }
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    ImageWriter writer = ImageIO.getImageWritersByFormatName(alpha ? "png" : "jpeg").next();
    try (MemoryCacheImageOutputStream out = new MemoryCacheImageOutputStream(bytes)) {
      writer.setOutput(out);
      ImageWriteParam param;
      if (alpha) {
        param = writer.getDefaultWriteParam();
      } else {
        JPEGImageWriteParam jpeg = new JPEGImageWriteParam(Locale.ROOT);
        jpeg.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
        jpeg.setCompressionQuality(quality / 100f);
        jpeg.setOptimizeHuffmanTables(true);
        param = jpeg;
      }
      writer.write(null, new IIOImage(image, null, null), param);
    } catch (IOException e) {
      throw new PhotoProblem(Messages.get("photo.not-encoded", e.getMessage()));
    } finally {
      writer.dispose();
    }
    return bytes.toByteArray();
  }

  private static BufferedImage copy(BufferedImage image) {
    BufferedImage out = new BufferedImage(image.getWidth(), image.getHeight(), image.getType());
    int[] px = ((DataBufferInt) out.getRaster().getDataBuffer()).getData();
    image.getRGB(0, 0, image.getWidth(), image.getHeight(), px, 0, image.getWidth());
    return out;
  }
}
