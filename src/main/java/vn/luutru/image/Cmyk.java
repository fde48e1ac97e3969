package vn.luutru.image;

import java.awt.image.BufferedImage;
import java.awt.image.DataBufferInt;
import java.awt.image.Raster;

/**
 * Converts the four bands of a CMYK JPEG (a file saved for print) to sRGB pixels, without the print
 * profile: close enough for a news photo on screen. Files written by Adobe's software store the
 * bands inverted, which their APP14 "Adobe" segment says.
 */
final class Cmyk {
  private Cmyk() {}

  static BufferedImage toRgb(Raster raster) {
    return toRgb(raster, true);
  }

  static BufferedImage toRgb(Raster raster, boolean inverted) {
    int w = raster.getWidth();
    int h = raster.getHeight();
    BufferedImage out = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
    int[] dst = ((DataBufferInt) out.getRaster().getDataBuffer()).getData();
    int[] row = new int[w * 4];
    for (int y = 0; y < h; y++) {
      raster.getPixels(raster.getMinX(), raster.getMinY() + y, w, 1, row);
      for (int x = 0; x < w; x++) {
        int c = row[4 * x];
        int m = row[4 * x + 1];
        int yy = row[4 * x + 2];
        int k = row[4 * x + 3];
        if (!inverted) {
          c = 255 - c;
          m = 255 - m;
          yy = 255 - yy;
          k = 255 - k;
        }
        // Here each band is the share of light it lets through: 255 is no ink.
        int r = c * k / 255;
        int g = m * k / 255;
        int b = yy * k / 255;
        dst[y * w + x] = r << 16 | g << 8 | b;
      }
    }
    return out;
  }
}
