package vn.luutru.image;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import vn.luutru.testing.CameraPhotos;

class PhotosTest {
  @TempDir Path dir;

  private Map<String, byte[]> build(Photos photos) throws IOException {
    Map<String, byte[]> out = new HashMap<>();
    photos.publish(out::put);
    return out;
  }

  @Test
  void aCameraPhotoIsPublishedInEachWidthNeverWiderThanItselfAndThumbnails() throws IOException {
    Files.write(dir.resolve("anh.jpg"), CameraPhotos.jpeg(1200, 900, 1));
    Photos photos = Photos.forBuild(ImageSettings.DEFAULT, dir, Optional.empty(), "/luu-tru/");
    Photos.Found found = (Photos.Found) photos.lookup("anh.jpg");
    Picture p = found.picture();
    assertThat(found.warnings()).isEmpty();
    assertThat(p.sizes())
        .extracting(Picture.Size::path, Picture.Size::width, Picture.Size::height)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("anh-480.jpg", 480, 360),
            org.assertj.core.groups.Tuple.tuple("anh-960.jpg", 960, 720),
            org.assertj.core.groups.Tuple.tuple("anh-1200.jpg", 1200, 900));
    assertThat(p.srcset())
        .isEqualTo(
            "/luu-tru/anh-480.jpg 480w, /luu-tru/anh-960.jpg 960w, /luu-tru/anh-1200.jpg 1200w");
    assertThat(p.src()).isEqualTo("/luu-tru/anh-960.jpg");
    assertThat(p.url(500)).isEqualTo("/luu-tru/anh-960.jpg");
    assertThat(p.url(5000)).isEqualTo("/luu-tru/anh-1200.jpg");
    assertThat(p.thumbSrcset())
        .isEqualTo(
            "/luu-tru/anh-240x160.jpg 240w, /luu-tru/anh-360x240.jpg 360w,"
                + " /luu-tru/anh-480x320.jpg 480w");
    Map<String, byte[]> out = build(photos);
    assertThat(out)
        .containsOnlyKeys(
            "anh-480.jpg",
            "anh-960.jpg",
            "anh-1200.jpg",
            "anh-240x160.jpg",
            "anh-360x240.jpg",
            "anh-480x320.jpg");
    BufferedImage thumb = ImageIO.read(new ByteArrayInputStream(out.get("anh-480x320.jpg")));
    assertThat(thumb.getWidth()).isEqualTo(480);
    assertThat(thumb.getHeight()).isEqualTo(320);
  }

  /** Orientation 1–8 as EXIF defines it: where the sensor's red top-left quarter ends up. */
  @ParameterizedTest(name = "orientation {0}: red at {1}, {2} × {3}")
  @CsvSource({
    "1, top-left, 400, 300",
    "2, top-right, 400, 300",
    "3, bottom-right, 400, 300",
    "4, bottom-left, 400, 300",
    "5, top-left, 300, 400",
    "6, top-right, 300, 400",
    "7, bottom-right, 300, 400",
    "8, bottom-left, 300, 400"
  })
  void theOrientationTheCameraRecordedIsApplied(int orientation, String red, int w, int h)
      throws IOException {
    Files.write(dir.resolve("anh.jpg"), CameraPhotos.jpeg(400, 300, orientation));
    Photos photos = Photos.forBuild(ImageSettings.DEFAULT, dir, Optional.empty(), "/");
    Picture p = ((Photos.Found) photos.lookup("anh.jpg")).picture();
    assertThat(p.largest().width()).isEqualTo(w);
    assertThat(p.largest().height()).isEqualTo(h);
    BufferedImage img =
        ImageIO.read(new ByteArrayInputStream(build(photos).get(p.largest().path())));
    assertThat(img.getWidth()).isEqualTo(w);
    assertThat(corner(img, red)).as("red corner").isEqualTo("red");
  }

  private static String corner(BufferedImage img, String where) {
    int x = where.endsWith("left") ? img.getWidth() / 8 : img.getWidth() * 7 / 8;
    int y = where.startsWith("top") ? img.getHeight() / 8 : img.getHeight() * 7 / 8;
    int rgb = img.getRGB(x, y);
    int r = rgb >> 16 & 0xff;
    int b = rgb & 0xff;
    return r > 150 && b < 100 ? "red" : b > 150 && r < 100 ? "blue" : "other";
  }

  @Test
  void thumbnailsAreCroppedAroundTheFocusTheArticleSets() throws IOException {
    // A panorama: a 3:2 crop keeps less than half its width, so the focus decides the colour.
    Files.write(dir.resolve("anh.jpg"), CameraPhotos.jpeg(1800, 400, 1));
    Photos photos = Photos.forBuild(ImageSettings.DEFAULT, dir, Optional.empty(), "/");
    Picture left = ((Photos.Found) photos.lookup(Photos.key("anh.jpg", 0, 0))).picture();
    Picture right = ((Photos.Found) photos.lookup("anh.jpg", 100, 0)).picture();
    Picture centre = ((Photos.Found) photos.lookup("anh.jpg")).picture();
    assertThat(left.thumbSrc()).isEqualTo("/anh-240x160-f0-0.jpg");
    assertThat(right.thumbSrc()).isEqualTo("/anh-240x160-f100-0.jpg");
    assertThat(centre.thumbSrc()).isEqualTo("/anh-240x160.jpg");
    assertThat(left.srcset()).isEqualTo(centre.srcset());
    Map<String, byte[]> out = build(photos);
    assertThat(
            corner(
                ImageIO.read(new ByteArrayInputStream(out.get("anh-240x160-f0-0.jpg"))),
                "top-left"))
        .isEqualTo("red");
    assertThat(
            corner(
                ImageIO.read(new ByteArrayInputStream(out.get("anh-240x160-f100-0.jpg"))),
                "top-right"))
        .isEqualTo("blue");
  }

  @Test
  void nothingTheCameraHidInThePhotoIsPublished() throws IOException {
    Files.write(dir.resolve("anh.jpg"), CameraPhotos.jpeg(800, 600, 6));
    Photos photos = Photos.forBuild(ImageSettings.DEFAULT, dir, Optional.empty(), "/");
    photos.lookup("anh.jpg");
    for (Map.Entry<String, byte[]> e : build(photos).entrySet()) {
      assertNoMetadata(e.getKey(), e.getValue());
    }
  }

  /** A photo whose profile says its values are linear light: 128 is sRGB's 188. */
  @Test
  void colourProfilesAreConvertedToSrgbAndNotPublished() throws IOException {
    BufferedImage grey = new BufferedImage(64, 48, BufferedImage.TYPE_INT_RGB);
    for (int y = 0; y < 48; y++) {
      for (int x = 0; x < 64; x++) {
        grey.setRGB(x, y, 0x808080);
      }
    }
    byte[] plain = CameraPhotos.plainJpeg(grey, false);
    byte[] profile =
        java.awt.color.ICC_Profile.getInstance(java.awt.color.ColorSpace.CS_LINEAR_RGB).getData();
    java.io.ByteArrayOutputStream b = new java.io.ByteArrayOutputStream();
    b.write(plain, 0, 2);
    byte[] head = "ICC_PROFILE\0".getBytes(StandardCharsets.ISO_8859_1);
    int length = 2 + head.length + 2 + profile.length;
    b.write(0xFF);
    b.write(0xE2);
    b.write(length >> 8);
    b.write(length & 0xff);
    b.write(head, 0, head.length);
    b.write(1);
    b.write(1);
    b.write(profile, 0, profile.length);
    b.write(plain, 2, plain.length - 2);
    Files.write(dir.resolve("anh.jpg"), b.toByteArray());
    Photos photos = Photos.forBuild(ImageSettings.DEFAULT, dir, Optional.empty(), "/");
    Picture p = ((Photos.Found) photos.lookup("anh.jpg")).picture();
    byte[] out = build(photos).get(p.largest().path());
    assertNoMetadata("anh.jpg", out);
    int v = ImageIO.read(new ByteArrayInputStream(out)).getRGB(32, 24) & 0xff;
    assertThat(v).isBetween(180, 196);
  }

  @Test
  void anOriginalKeptIsCleanedAndUpright() throws IOException {
    Photos photos = Photos.forBuild(ImageSettings.DEFAULT, dir, Optional.empty(), "/");
    byte[] upright = photos.cleanOriginal("a.jpg", CameraPhotos.jpeg(400, 300, 1));
    assertNoMetadata("a.jpg", upright);
    byte[] turned = photos.cleanOriginal("b.jpg", CameraPhotos.jpeg(400, 300, 6));
    assertNoMetadata("b.jpg", turned);
    BufferedImage img = ImageIO.read(new ByteArrayInputStream(turned));
    assertThat(img.getWidth()).isEqualTo(300);
    assertThat(corner(img, "top-right")).isEqualTo("red");
  }

  static void assertNoMetadata(String name, byte[] jpeg) {
    String text = new String(jpeg, StandardCharsets.ISO_8859_1);
    assertThat(text)
        .as(name)
        .doesNotContain("Exif")
        .doesNotContain(CameraPhotos.MAKE)
        .doesNotContain("xmpmeta")
        .doesNotContain("congress hall");
    List<Integer> markers = new ArrayList<>();
    assertThat(JpegSegments.walk(jpeg, (m, at, len) -> markers.add(m))).isTrue();
    assertThat(markers).as(name).noneMatch(m -> m == 0xE1 || m == 0xFE || m >= 0xE2 && m <= 0xEF);
  }

  @Test
  void aSecondBuildReadsTheCacheAndDecodesNothing() throws IOException {
    Files.write(dir.resolve("anh.jpg"), CameraPhotos.jpeg(1000, 750, 1));
    Path cache = dir.resolve("cache");
    Photos first = Photos.forBuild(ImageSettings.DEFAULT, dir, Optional.of(cache), "/");
    first.lookup("anh.jpg");
    Map<String, byte[]> a = build(first);
    // The photo is replaced by noise of the same size and time: had it been read or decoded again,
    // it would be refused; the manifest and the cache answer instead.
    Path file = dir.resolve("anh.jpg");
    java.nio.file.attribute.FileTime time = Files.getLastModifiedTime(file);
    Files.write(file, new byte[(int) Files.size(file)]);
    Files.setLastModifiedTime(file, time);
    Photos second = Photos.forBuild(ImageSettings.DEFAULT, dir, Optional.of(cache), "/");
    assertThat(second.lookup("anh.jpg")).isInstanceOf(Photos.Found.class);
    Map<String, byte[]> b = build(second);
    assertThat(b.keySet()).isEqualTo(a.keySet());
    b.forEach((k, v) -> assertThat(v).as(k).isEqualTo(a.get(k)));
  }

  @Test
  void thePreviewMakesARenditionWhenAskedForIt() throws IOException {
    Files.write(dir.resolve("anh.jpg"), CameraPhotos.jpeg(1000, 750, 1));
    Photos photos = Photos.forPreview(ImageSettings.DEFAULT, dir, Optional.empty(), "/");
    Picture p = ((Photos.Found) photos.lookup("anh.jpg")).picture();
    assertThat(photos.rendition("nothing-960.jpg")).isEmpty();
    byte[] b = photos.rendition(p.fallback().path()).orElseThrow();
    assertThat(ImageIO.read(new ByteArrayInputStream(b)).getWidth()).isEqualTo(960);
  }
}
