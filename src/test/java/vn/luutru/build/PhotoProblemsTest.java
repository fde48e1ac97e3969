package vn.luutru.build;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.color.ColorSpace;
import java.awt.image.BufferedImage;
import java.awt.image.ComponentColorModel;
import java.awt.image.DataBuffer;
import java.awt.image.Raster;
import java.awt.image.WritableRaster;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriter;
import javax.imageio.stream.MemoryCacheImageOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import vn.luutru.config.SiteConfig;
import vn.luutru.content.Diagnostic;
import vn.luutru.testing.CameraPhotos;
import vn.luutru.testing.Trees;

/**
 * What a photo that is not what a web page needs gives, as a table: the file an article shows
 * ({@code ![Đại biểu](anh/…)} on line 8, or its {@code image} on line 4), what the build says at
 * that line and column, and whether the site is still published. A photo luutru can convert
 * (progressive, CMYK, 16-bit, a PNG named .jpg) is published and read back; an error leaves the
 * site of the build before as it was.
 */
class PhotoProblemsTest {
  @TempDir Path dir;

  /** One bad input: the file's name and bytes, and the one diagnostic expected ("" for none). */
  enum Case {
    TRUNCATED_JPEG(
        "anh.jpg",
        () -> cut(CameraPhotos.jpeg(800, 600, 1), 0.6),
        "warning: image anh/anh.jpg is cut short or damaged (Truncated File - Missing EOI marker):"
            + " part of it may show grey; copy the photo again from the camera or the old site"),
    CORRUPT_JPEG(
        "anh.jpg",
        () -> corrupt(CameraPhotos.jpeg(800, 600, 1)),
        "error: image anh/anh.jpg is damaged and cannot be read as a JPEG"),
    PNG_NAMED_JPG(
        "anh.jpg",
        () -> CameraPhotos.png(CameraPhotos.pixels(300, 200, 1)),
        "warning: image anh/anh.jpg is a PNG image though its name says JPEG: it is published as"
            + " it should be; rename it to end in .png"),
    TEXT_NAMED_JPG(
        "anh.jpg",
        () -> "<html>Không tìm thấy trang</html>".getBytes(StandardCharsets.UTF_8),
        "error: image anh/anh.jpg is not a photo (its bytes are not those of a JPEG or PNG image):"
            + " copy the photo again, or save it as JPEG"),
    EMPTY_FILE(
        "anh.jpg",
        () -> new byte[0],
        "error: image anh/anh.jpg is an empty file: copy the photo again"),
    CMYK_JPEG("anh.jpg", PhotoProblemsTest::cmykRed, ""),
    PROGRESSIVE_JPEG("anh.jpg", () -> CameraPhotos.progressiveJpeg(800, 600), ""),
    PNG_16_BIT("anh.png", PhotoProblemsTest::png16, ""),
    HEIC(
        "anh.heic",
        () -> heic(),
        "error: image anh/anh.heic is a HEIC photo (the format of iPhones and some Android"
            + " phones), which most browsers cannot show and luutru cannot convert: save it as"
            + " JPEG (on the phone: Settings › Camera › Formats › Most Compatible; or open it and"
            + " export as JPEG) and use that file"),
    HEIC_NAMED_JPG(
        "anh.jpg", () -> heic(), "error: image anh/anh.jpg is a HEIC photo (the format of iPhones"),
    RAW(
        "anh.nef",
        () -> raw(),
        "error: image anh/anh.nef is a camera RAW file, which browsers cannot show and luutru"
            + " cannot convert: export it as JPEG from the camera's software and use that file"),
    DECOMPRESSION_BOMB(
        "anh.jpg",
        () -> bomb(),
        "error: image anh/anh.jpg claims to be 50,000 × 50,000 pixels (2,500 megapixels), more"
            + " than the 200 megapixels a photo may have: it is refused before decoding, as a"
            + " damaged or hostile file would be; save the photo again at a camera's usual size"),
    MISSING(
        null, () -> new byte[0], "warning: image anh/anh.jpg: no such file in the content folder");

    final String name;
    final Supplier<byte[]> bytes;
    final String expected;

    Case(String name, Supplier<byte[]> bytes, String expected) {
      this.name = name;
      this.bytes = bytes;
      this.expected = expected;
    }

    String reference() {
      return name == null ? "anh.jpg" : name;
    }
  }

  @ParameterizedTest(name = "{0}")
  @EnumSource(Case.class)
  void eachBadPhotoInABodyIsReportedWhereTheArticleUsesIt(Case c) throws IOException {
    Path content = dir.resolve("content");
    write(
        content.resolve("bai.md"),
        "---\ntitle: \"Đại hội\"\ndate: 2023-05-12\n---\n\nĐoạn mở đầu.\n\n![Đại biểu](anh/"
            + c.reference()
            + ")\n");
    if (c.name != null) {
      Files.createDirectories(content.resolve("anh"));
      Files.write(content.resolve("anh").resolve(c.name), c.bytes.get());
    }
    Path site = dir.resolve("site");
    write(content.resolve("truoc.md"), "---\ntitle: \"Trước\"\ndate: 2023-01-01\n---\nBài.\n");
    Path before = dir.resolve("before");
    Files.move(content.resolve("bai.md"), before);
    assertThat(SiteBuilder.build(config(content, site)).written()).isTrue();
    Map<String, byte[]> previous = Trees.read(site);
    Files.move(before, content.resolve("bai.md"));

    BuildResult r = SiteBuilder.build(config(content, site));

    List<String> said = r.diagnostics().stream().map(Diagnostic::headline).toList();
    if (c.expected.isEmpty()) {
      assertThat(said).isEmpty();
    } else {
      assertThat(said).singleElement().asString().startsWith("content/bai.md:8:1: " + c.expected);
    }
    boolean error = c.expected.startsWith("error");
    assertThat(r.written()).isEqualTo(!error);
    if (error) {
      Map<String, byte[]> now = Trees.read(site);
      assertThat(now.keySet()).isEqualTo(previous.keySet());
      return;
    }
    String page = Files.readString(site.resolve(onlyArticle(site, "dai-hoi")));
    if (c == Case.MISSING) {
      assertThat(page).contains("<img src=\"anh/anh.jpg\" alt=\"Đại biểu\"");
      return;
    }
    assertThat(page).contains("srcset=\"/anh/anh-").contains(" width=\"").contains(" height=\"");
    for (Map.Entry<String, byte[]> f : Trees.read(site.resolve("anh")).entrySet()) {
      BufferedImage img = ImageIO.read(new ByteArrayInputStream(f.getValue()));
      assertThat(img).as(f.getKey()).isNotNull();
      if (c == Case.CMYK_JPEG) {
        int rgb = img.getRGB(img.getWidth() / 2, img.getHeight() / 2);
        assertThat(rgb >> 16 & 0xff).as("red of " + f.getKey()).isGreaterThan(200);
        assertThat(rgb & 0xff).as("blue of " + f.getKey()).isLessThan(60);
      }
    }
    assertThat(Trees.read(site.resolve("anh")).keySet())
        .as("no original is published")
        .noneMatch(f -> f.equals(c.name));
  }

  @Test
  void aBadLeadPhotoIsReportedAtTheImageKey() throws IOException {
    Path content = dir.resolve("content");
    write(
        content.resolve("bai.md"),
        "---\ntitle: \"Đại hội\"\ndate: 2023-05-12\nimage: anh/anh.jpg\nimage_alt: \"Đại biểu\"\n---\nBài.\n");
    Files.createDirectories(content.resolve("anh"));
    Files.write(content.resolve("anh/anh.jpg"), bomb());
    BuildResult r = SiteBuilder.build(config(content, dir.resolve("site")));
    assertThat(r.diagnostics().stream().map(Diagnostic::headline))
        .singleElement()
        .asString()
        .startsWith("content/bai.md:4:8: error: image anh/anh.jpg claims to be 50,000 × 50,000");
    assertThat(r.written()).isFalse();
  }

  @Test
  void svgAndThemeAssetsPassThroughUntouched() throws IOException {
    Path content = dir.resolve("content");
    String svg =
        "<svg xmlns=\"http://www.w3.org/2000/svg\"><rect width=\"1\" height=\"1\"/></svg>\n";
    write(content.resolve("anh/logo.svg"), svg);
    write(
        content.resolve("bai.md"),
        "---\ntitle: \"Đại hội\"\ndate: 2023-05-12\nimage: anh/logo.svg\n---\n![Biểu trưng](anh/logo.svg)\n");
    Path site = dir.resolve("site");
    BuildResult r = SiteBuilder.build(config(content, site));
    assertThat(r.written()).as("%s", r.diagnostics()).isTrue();
    assertThat(Files.readString(site.resolve("anh/logo.svg"))).isEqualTo(svg);
    assertThat(Files.readString(site.resolve(onlyArticle(site, "dai-hoi"))))
        .contains("<img src=\"/anh/logo.svg\" alt=\"Biểu trưng\" loading=\"lazy\">");
  }

  private static String onlyArticle(Path site, String slug) throws IOException {
    try (var s = Files.walk(site)) {
      return site.relativize(
              s.filter(p -> p.toString().contains(slug) && p.endsWith("index.html"))
                  .findFirst()
                  .orElseThrow())
          .toString();
    }
  }

  private static SiteConfig config(Path content, Path site) {
    return SiteConfig.builder()
        .contentDir(content)
        .shownContentDir("content")
        .templatesDir(Path.of("templates"))
        .outputDir(site)
        .today(LocalDate.of(2024, 1, 1))
        .build();
  }

  private static void write(Path file, String text) throws IOException {
    Files.createDirectories(file.getParent());
    Files.writeString(file, text);
  }

  static byte[] cut(byte[] b, double share) {
    return Arrays.copyOf(b, (int) (b.length * share));
  }

  /** The headers kept, the image data after the start of scan replaced by noise. */
  static byte[] corrupt(byte[] jpeg) {
    byte[] b = jpeg.clone();
    int sos = 2;
    while (!((b[sos] & 0xff) == 0xFF && (b[sos + 1] & 0xff) == 0xDA)) {
      sos++;
    }
    // The scan's header is broken: a component the frame does not have.
    b[sos + 5] = 9;
    b[sos + 7] = 9;
    return b;
  }

  /** A 64 × 48 red CMYK JPEG, as print files are. */
  static byte[] cmykRed() {
    WritableRaster r = Raster.createInterleavedRaster(DataBuffer.TYPE_BYTE, 64, 48, 4, null);
    for (int y = 0; y < 48; y++) {
      for (int x = 0; x < 64; x++) {
        r.setPixel(x, y, new int[] {0, 255, 255, 0});
      }
    }
    return writeJpeg(new IIOImage(r, null, null));
  }

  private static byte[] writeJpeg(IIOImage image) {
    ImageWriter w = ImageIO.getImageWritersByFormatName("jpeg").next();
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (MemoryCacheImageOutputStream o = new MemoryCacheImageOutputStream(out)) {
      w.setOutput(o);
      w.write(null, image, w.getDefaultWriteParam());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } finally {
      w.dispose();
    }
    return out.toByteArray();
  }

  /** A 16-bit-per-channel RGB PNG, as scanners and editors write them. */
  static byte[] png16() {
    ComponentColorModel cm =
        new ComponentColorModel(
            ColorSpace.getInstance(ColorSpace.CS_sRGB),
            false,
            false,
            java.awt.Transparency.OPAQUE,
            DataBuffer.TYPE_USHORT);
    WritableRaster r = cm.createCompatibleWritableRaster(300, 200);
    for (int y = 0; y < 200; y++) {
      for (int x = 0; x < 300; x++) {
        r.setPixel(x, y, new int[] {x * 200, y * 300, 30000});
      }
    }
    return CameraPhotos.png(new BufferedImage(cm, r, false, null));
  }

  static byte[] heic() {
    byte[] b = new byte[64];
    byte[] head = "\0\0\0\u0018ftypheic\0\0\0\0mif1heic".getBytes(StandardCharsets.ISO_8859_1);
    System.arraycopy(head, 0, b, 0, head.length);
    return b;
  }

  static byte[] raw() {
    byte[] b = new byte[64];
    b[0] = 'I';
    b[1] = 'I';
    b[2] = 42;
    return b;
  }

  /** A small JPEG whose frame header claims 50,000 × 50,000 pixels. */
  static byte[] bomb() {
    byte[] b = CameraPhotos.jpeg(32, 32, 1);
    for (int i = 2; i + 8 < b.length; i++) {
      if ((b[i] & 0xff) == 0xFF && (b[i + 1] & 0xff) == 0xC0) {
        b[i + 5] = (byte) (50_000 >> 8);
        b[i + 6] = (byte) (50_000 & 0xff);
        b[i + 7] = (byte) (50_000 >> 8);
        b[i + 8] = (byte) (50_000 & 0xff);
        return b;
      }
    }
    throw new IllegalStateException("no frame header");
  }
}
