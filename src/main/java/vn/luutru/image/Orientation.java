package vn.luutru.image;

import java.awt.image.BufferedImage;
import java.awt.image.DataBufferInt;

/**
 * Turns and flips pixels as an EXIF orientation (1–8) says, so that a photo taken with the camera
 * turned is published upright with nothing left for the browser to do.
 */
final class Orientation {
  private Orientation() {}

  /** {@code image} (32-bit pixels) shown upright; the same image for orientation 1. */
  static BufferedImage apply(BufferedImage image, int orientation) {
    if (orientation <= 1 || orientation > 8) {
      return image;
    }
    int w = image.getWidth();
    int h = image.getHeight();
    int[] src = pixels(image);
    boolean swap = orientation >= 5;
    int ow = swap ? h : w;
    int oh = swap ? w : h;
    BufferedImage out = new BufferedImage(ow, oh, image.getType());
    int[] dst = ((DataBufferInt) out.getRaster().getDataBuffer()).getData();
    for (int y = 0; y < h; y++) {
      int row = y * w;
      for (int x = 0; x < w; x++) {
        int dx;
        int dy;
        switch (orientation) {
          case 2 -> {
            dx = w - 1 - x;
            dy = y;
          }
          case 3 -> {
            dx = w - 1 - x;
            dy = h - 1 - y;
          }
          case 4 -> {
            dx = x;
            dy = h - 1 - y;
          }
          case 5 -> {
            dx = y;
            dy = x;
          }
          case 6 -> {
            dx = h - 1 - y;
            dy = x;
          }
          case 7 -> {
            dx = h - 1 - y;
            dy = w - 1 - x;
          }
          default -> {
            dx = y;
            dy = w - 1 - x;
          }
        }
        dst[dy * ow + dx] = src[row + x];
      }
    }
    return out;
  }

  private static int[] pixels(BufferedImage image) {
    if (image.getRaster().getParent() == null
        && image.getRaster().getDataBuffer() instanceof DataBufferInt d
        && d.getNumBanks() == 1) {
      return d.getData();
    }
    return image.getRGB(0, 0, image.getWidth(), image.getHeight(), null, 0, image.getWidth());
  }
}
