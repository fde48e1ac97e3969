package vn.luutru.testing;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Random;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.plugins.jpeg.JPEGImageWriteParam;
import javax.imageio.stream.MemoryCacheImageOutputStream;

/**
 * Photos as cameras write them, made in memory for tests: gradients and noise, with EXIF (camera
 * make, orientation, a GPS position), XMP and a comment in the file, as a phone's JPEG carries
 * them. The picture's top-left quarter is red and its top-right quarter blue, so that a test can
 * tell which way up a published photo is.
 */
public final class CameraPhotos {
  private CameraPhotos() {}

  /** The camera make written in EXIF, for a test to look for in published bytes. */
  public static final String MAKE = "LuutruCam";

  /** A {@code w} × {@code h} JPEG as the sensor saw it, with EXIF {@code orientation} and GPS. */
  public static byte[] jpeg(int w, int h, int orientation) {
    return withMetadata(plainJpeg(pixels(w, h, 1), false), orientation);
  }

  /** The same picture as {@link #jpeg}, progressive, with no metadata. */
  public static byte[] progressiveJpeg(int w, int h) {
    return plainJpeg(pixels(w, h, 1), true);
  }

  /** Red top-left, blue top-right, gradients below, and a sensor's noise everywhere. */
  public static BufferedImage pixels(int w, int h, long seed) {
    return pixels(w, h, seed, 12);
  }

  /** As {@link #pixels(int, int, long)}, with noise of standard deviation {@code noise}. */
  public static BufferedImage pixels(int w, int h, long seed, int noise) {
    BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
    Random r = new Random(seed);
    for (int y = 0; y < h; y++) {
      for (int x = 0; x < w; x++) {
        int red;
        int green;
        int blue;
        if (y < h / 2) {
          boolean left = x < w / 2;
          red = left ? 220 : 20;
          green = 30;
          blue = left ? 20 : 220;
        } else {
          red = 255 * x / w;
          green = 255 * (y - h / 2) / Math.max(1, h - h / 2);
          blue = 128;
        }
        int n = (int) (r.nextGaussian() * noise);
        img.setRGB(x, y, clamp(red + n) << 16 | clamp(green + n) << 8 | clamp(blue + n));
      }
    }
    return img;
  }

  /**
   * A congress hall as a camera sees it, detail at every scale: a banner, rows of delegates (discs
   * and blocks of colour) and a sensor's noise. Compresses as a camera photo does, where {@link
   * #pixels} compresses far better once scaled down.
   */
  public static BufferedImage scene(int w, int h, long seed) {
    Random r = new Random(seed * 7919 + 17);
    BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
    java.awt.Graphics2D g = img.createGraphics();
    g.setRenderingHint(
        java.awt.RenderingHints.KEY_ANTIALIASING, java.awt.RenderingHints.VALUE_ANTIALIAS_ON);
    g.setColor(new java.awt.Color(220, 215, 200));
    g.fillRect(0, 0, w, h / 3);
    g.setColor(new java.awt.Color(120, 50, 40));
    g.fillRect(0, h / 3, w, h - h / 3);
    g.setColor(new java.awt.Color(200, 30, 30));
    g.fillRect(w / 8, h / 12, w * 3 / 4, h / 10);
    for (int row = 0; row < 4; row++) {
      int y = h / 3 + row * h / 6;
      int size = Math.max(4, h / 14 + row * h / 60);
      for (int x = r.nextInt(size); x < w; x += size + r.nextInt(size / 2 + 1)) {
        g.setColor(
            new java.awt.Color(60 + r.nextInt(180), 60 + r.nextInt(160), 60 + r.nextInt(160)));
        g.fillRect(x, y + size, size, size * 2);
        g.setColor(new java.awt.Color(220, 180 + r.nextInt(30), 150 + r.nextInt(30)));
        g.fillOval(x + size / 6, y, size * 2 / 3, size);
      }
    }
    g.dispose();
    for (int y = 0; y < h; y++) {
      for (int x = 0; x < w; x++) {
        int p = img.getRGB(x, y);
        int n = (int) (r.nextGaussian() * 5);
        img.setRGB(
            x,
            y,
            clamp((p >> 16 & 0xff) + n) << 16
                | clamp((p >> 8 & 0xff) + n) << 8
                | clamp((p & 0xff) + n));
      }
    }
    return img;
  }

  private static int clamp(int v) {
    return Math.max(0, Math.min(255, v));
  }

  /** {@code img} as a JPEG at quality 92 with nothing but the JFIF header. */
  public static byte[] plainJpeg(BufferedImage img, boolean progressive) {
    ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (MemoryCacheImageOutputStream out = new MemoryCacheImageOutputStream(bytes)) {
      writer.setOutput(out);
      JPEGImageWriteParam p = new JPEGImageWriteParam(Locale.ROOT);
      if (progressive) {
        p.setProgressiveMode(ImageWriteParam.MODE_DEFAULT);
      } else {
        p.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
        p.setCompressionQuality(0.92f);
      }
      writer.write(null, new IIOImage(img, null, null), p);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } finally {
      writer.dispose();
    }
    return bytes.toByteArray();
  }

  /** {@code img} as a PNG. */
  public static byte[] png(BufferedImage img) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try {
      ImageIO.write(img, "png", bytes);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return bytes.toByteArray();
  }

  /**
   * {@code jpeg} with an EXIF segment (make, {@code orientation}, GPS latitude 21°1'41" N), an XMP
   * segment and a comment inserted after its start.
   */
  public static byte[] withMetadata(byte[] jpeg, int orientation) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.write(jpeg, 0, 2);
    segment(out, 0xE1, concat("Exif\0\0".getBytes(StandardCharsets.ISO_8859_1), tiff(orientation)));
    segment(
        out,
        0xE1,
        ("http://ns.adobe.com/xap/1.0/\0<x:xmpmeta><exif:GPSLatitude>21,1.68N"
                + "</exif:GPSLatitude></x:xmpmeta>")
            .getBytes(StandardCharsets.ISO_8859_1));
    segment(out, 0xFE, "taken at the congress hall".getBytes(StandardCharsets.ISO_8859_1));
    out.write(jpeg, 2, jpeg.length - 2);
    return out.toByteArray();
  }

  private static void segment(ByteArrayOutputStream out, int marker, byte[] data) {
    out.write(0xFF);
    out.write(marker);
    out.write((data.length + 2) >> 8);
    out.write((data.length + 2) & 0xff);
    out.write(data, 0, data.length);
  }

  /** A little-endian TIFF: IFD0 with Make, Orientation and a GPS IFD pointer; a GPS IFD. */
  static byte[] tiff(int orientation) {
    ByteBuffer b = ByteBuffer.allocate(256).order(ByteOrder.LITTLE_ENDIAN);
    byte[] make = (MAKE + "\0").getBytes(StandardCharsets.ISO_8859_1);
    int ifd0 = 8;
    int ifd0Size = 2 + 3 * 12 + 4;
    int makeAt = ifd0 + ifd0Size;
    int gpsAt = makeAt + make.length + (make.length % 2);
    int gpsSize = 2 + 2 * 12 + 4;
    int latAt = gpsAt + gpsSize;
    b.put((byte) 'I').put((byte) 'I').putShort((short) 42).putInt(ifd0);
    b.putShort((short) 3);
    b.putShort((short) 0x010F).putShort((short) 2).putInt(make.length).putInt(makeAt);
    b.putShort((short) 0x0112)
        .putShort((short) 3)
        .putInt(1)
        .putShort((short) orientation)
        .putShort((short) 0);
    b.putShort((short) 0x8825).putShort((short) 4).putInt(1).putInt(gpsAt);
    b.putInt(0);
    b.put(make);
    if (make.length % 2 == 1) {
      b.put((byte) 0);
    }
    b.putShort((short) 2);
    b.putShort((short) 1)
        .putShort((short) 2)
        .putInt(2)
        .put((byte) 'N')
        .put((byte) 0)
        .putShort((short) 0);
    b.putShort((short) 2).putShort((short) 5).putInt(3).putInt(latAt);
    b.putInt(0);
    b.putInt(21).putInt(1).putInt(1).putInt(1).putInt(41).putInt(1);
    byte[] out = new byte[b.position()];
    b.flip();
    b.get(out);
    return out;
  }

  private static byte[] concat(byte[] a, byte[] b) {
    byte[] out = new byte[a.length + b.length];
    System.arraycopy(a, 0, out, 0, a.length);
    System.arraycopy(b, 0, out, a.length, b.length);
    return out;
  }
}
