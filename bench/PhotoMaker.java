import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferInt;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Random;
import java.util.stream.IntStream;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.plugins.jpeg.JPEGImageWriteParam;
import javax.imageio.stream.MemoryCacheImageOutputStream;

/**
 * Camera photos for bench/photos.py, made deterministically: a sky gradient, a hall floor, rows of
 * "delegates" (discs and blocks of colour), a banner, and a sensor's noise; JPEG at quality 92 with
 * EXIF (make, model, orientation, date, GPS position), as a phone or camera writes them. Every fifth
 * photo is a portrait taken with the camera turned: stored sideways, with orientation 6.
 *
 * <pre>java bench/PhotoMaker.java OUT_DIR COUNT WIDTH HEIGHT</pre>
 *
 * writes OUT_DIR/NNN.jpg; run by bench/photos.py.
 */
public class PhotoMaker {
  public static void main(String[] args) throws Exception {
    Path out = Path.of(args[0]);
    int n = Integer.parseInt(args[1]);
    int w = Integer.parseInt(args[2]);
    int h = Integer.parseInt(args[3]);
    Files.createDirectories(out);
    IntStream.range(0, n)
        .parallel()
        .forEach(
            i -> {
              try {
                int orientation = i % 5 == 4 ? 6 : 1;
                // A camera turned clockwise stores the upright portrait scene turned back,
                // counter-clockwise, and records orientation 6 for the viewer to undo it.
                BufferedImage sensor =
                    orientation == 6 ? counterClockwise(picture(h, w, i)) : picture(w, h, i);
                byte[] jpeg = withExif(encode(sensor), orientation, i);
                Files.write(out.resolve(String.format(Locale.ROOT, "%03d.jpg", i)), jpeg);
              } catch (Exception e) {
                throw new RuntimeException(e);
              }
            });
  }

  static BufferedImage picture(int w, int h, long seed) {
    Random r = new Random(seed * 7919 + 17);
    BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = img.createGraphics();
    g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
    g.setPaint(new java.awt.GradientPaint(0, 0, new Color(150, 170, 200), 0, h / 3f, new Color(230, 225, 210)));
    g.fillRect(0, 0, w, h / 3);
    g.setPaint(new java.awt.GradientPaint(0, h / 3f, new Color(140, 60, 50), 0, h, new Color(60, 30, 25)));
    g.fillRect(0, h / 3, w, h - h / 3);
    g.setColor(new Color(200, 30, 30));
    g.fillRect(w / 8, h / 12, w * 3 / 4, h / 10);
    g.setColor(new Color(250, 220, 60));
    g.setFont(g.getFont().deriveFont((float) h / 16));
    g.drawString("ĐẠI HỘI CHI BỘ LẦN THỨ " + (seed + 1), w / 7, h / 12 + h / 14);
    for (int row = 0; row < 4; row++) {
      int y = h / 3 + row * h / 6;
      int size = h / 14 + row * h / 60;
      for (int x = r.nextInt(size); x < w; x += size + r.nextInt(size / 2 + 1)) {
        g.setColor(new Color(60 + r.nextInt(180), 60 + r.nextInt(160), 60 + r.nextInt(160)));
        g.fillRect(x, y + size, size, size * 2);
        g.setColor(new Color(220, 180 + r.nextInt(30), 150 + r.nextInt(30)));
        g.fillOval(x + size / 6, y, size * 2 / 3, size);
      }
    }
    g.dispose();
    int[] px = ((DataBufferInt) img.getRaster().getDataBuffer()).getData();
    for (int i = 0; i < px.length; i++) {
      int n = (int) (r.nextGaussian() * 5);
      int p = px[i];
      px[i] = clamp((p >> 16 & 0xff) + n) << 16 | clamp((p >> 8 & 0xff) + n) << 8 | clamp((p & 0xff) + n);
    }
    return img;
  }

  static BufferedImage counterClockwise(BufferedImage img) {
    int w = img.getWidth();
    int h = img.getHeight();
    BufferedImage out = new BufferedImage(h, w, BufferedImage.TYPE_INT_RGB);
    for (int y = 0; y < h; y++) {
      for (int x = 0; x < w; x++) {
        out.setRGB(y, w - 1 - x, img.getRGB(x, y));
      }
    }
    return out;
  }

  static int clamp(int v) {
    return v < 0 ? 0 : v > 255 ? 255 : v;
  }

  static byte[] encode(BufferedImage img) throws Exception {
    ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (MemoryCacheImageOutputStream o = new MemoryCacheImageOutputStream(bytes)) {
      writer.setOutput(o);
      JPEGImageWriteParam p = new JPEGImageWriteParam(Locale.ROOT);
      p.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
      p.setCompressionQuality(0.92f);
      writer.write(null, new IIOImage(img, null, null), p);
    }
    writer.dispose();
    return bytes.toByteArray();
  }

  /** {@code jpeg} with an EXIF segment: Make, Model, Orientation, DateTime and a GPS IFD. */
  static byte[] withExif(byte[] jpeg, int orientation, int i) {
    ByteBuffer b = ByteBuffer.allocate(512).order(ByteOrder.BIG_ENDIAN);
    byte[] make = "LuutruCam\0".getBytes(StandardCharsets.ISO_8859_1);
    byte[] model = "News 4000\0".getBytes(StandardCharsets.ISO_8859_1);
    byte[] date = String.format(Locale.ROOT, "2023:05:%02d 08:%02d:00\0", 1 + i % 28, i % 60)
        .getBytes(StandardCharsets.ISO_8859_1);
    int ifd0 = 8;
    int entries = 5;
    int dataAt = ifd0 + 2 + entries * 12 + 4;
    int makeAt = dataAt;
    int modelAt = makeAt + make.length;
    int dateAt = modelAt + model.length;
    int gpsAt = dateAt + date.length;
    gpsAt += gpsAt % 2;
    int gpsEntries = 4;
    int ratAt = gpsAt + 2 + gpsEntries * 12 + 4;
    b.put((byte) 'M').put((byte) 'M').putShort((short) 42).putInt(ifd0);
    b.putShort((short) entries);
    b.putShort((short) 0x010F).putShort((short) 2).putInt(make.length).putInt(makeAt);
    b.putShort((short) 0x0110).putShort((short) 2).putInt(model.length).putInt(modelAt);
    b.putShort((short) 0x0112).putShort((short) 3).putInt(1).putShort((short) orientation).putShort((short) 0);
    b.putShort((short) 0x0132).putShort((short) 2).putInt(date.length).putInt(dateAt);
    b.putShort((short) 0x8825).putShort((short) 4).putInt(1).putInt(gpsAt);
    b.putInt(0);
    b.put(make).put(model).put(date);
    while (b.position() < gpsAt) {
      b.put((byte) 0);
    }
    b.putShort((short) gpsEntries);
    b.putShort((short) 1).putShort((short) 2).putInt(2).put((byte) 'N').put((byte) 0).putShort((short) 0);
    b.putShort((short) 2).putShort((short) 5).putInt(3).putInt(ratAt);
    b.putShort((short) 3).putShort((short) 2).putInt(2).put((byte) 'E').put((byte) 0).putShort((short) 0);
    b.putShort((short) 4).putShort((short) 5).putInt(3).putInt(ratAt + 24);
    b.putInt(0);
    b.putInt(21).putInt(1).putInt(1).putInt(1).putInt(4100 + i).putInt(100);
    b.putInt(105).putInt(1).putInt(50).putInt(1).putInt(3200 + i).putInt(100);
    byte[] tiff = new byte[b.position()];
    b.flip();
    b.get(tiff);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.write(jpeg, 0, 2);
    int len = 2 + 6 + tiff.length;
    out.write(0xFF);
    out.write(0xE1);
    out.write(len >> 8);
    out.write(len & 0xff);
    out.writeBytes("Exif\0\0".getBytes(StandardCharsets.ISO_8859_1));
    out.writeBytes(tiff);
    out.write(jpeg, 2, jpeg.length - 2);
    return out.toByteArray();
  }
}
