package vn.luutru.image;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.luutru.testing.InLanguage.vietnamese;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import vn.luutru.internal.Texts;
import vn.luutru.internal.Texts.Language;
import vn.luutru.testing.CameraPhotos;

/**
 * What is wrong with a photo, in Vietnamese: a table of files → the message that follows the
 * photo's name. The language is chosen for each row and given back after it.
 */
class VietnamesePhotoProblemsTest {
  @TempDir Path dir;

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
      rong.jpg  |     | là tệp trống: hãy chép lại ảnh
      chu.jpg   | abc | không phải là ảnh (nội dung tệp không phải ảnh JPEG hay PNG): hãy chép lại ảnh, hoặc lưu ảnh ở dạng JPEG
      mat.jpg   | -   | không đọc được (không có tệp này)
      """)
  void refusedInVietnamese(String name, String content, String expected) throws IOException {
    if (!"-".equals(content)) {
      Files.writeString(dir.resolve(name), content == null ? "" : content);
    }
    Photos.Lookup l =
        vietnamese(
            () -> Photos.forBuild(ImageSettings.DEFAULT, dir, Optional.empty(), "/").lookup(name));
    assertThat(l).isEqualTo(new Photos.Refused(expected));
  }

  /** The cache keeps a warning's key, not its words: a later build gives it in its own language. */
  @Test
  void aWarningCachedInEnglishIsShownInVietnamese() throws IOException {
    Files.write(
        dir.resolve("anh.jpg"),
        CameraPhotos.png(new BufferedImage(400, 300, BufferedImage.TYPE_INT_RGB)));
    Path cache = dir.resolve("cache");
    Photos first = Photos.forBuild(ImageSettings.DEFAULT, dir, Optional.of(cache), "/");
    assertThat(((Photos.Found) first.lookup("anh.jpg")).warnings())
        .containsExactly(
            "is a PNG image though its name says JPEG: it is published as it should be; rename it"
                + " to end in .png");
    first.publish(new HashMap<String, byte[]>()::put);
    // Noise of the same size and time: only the cache can answer now.
    Path file = dir.resolve("anh.jpg");
    java.nio.file.attribute.FileTime time = Files.getLastModifiedTime(file);
    Files.write(file, new byte[(int) Files.size(file)]);
    Files.setLastModifiedTime(file, time);
    Photos.Lookup again =
        vietnamese(
            () ->
                Photos.forBuild(ImageSettings.DEFAULT, dir, Optional.of(cache), "/")
                    .lookup("anh.jpg"));
    assertThat(((Photos.Found) again).warnings())
        .containsExactly(
            "là ảnh PNG dù tên tệp ghi là JPEG: ảnh vẫn được đăng đúng; hãy đổi tên cho đuôi là"
                + " .png");
  }

  @Test
  void settingsProblemsNameTheirKeyInBothLanguages() {
    assertThat(Texts.get(Language.VI, Messages.class, "settings.quality", 0))
        .isEqualTo("images: quality (chất lượng) phải từ 1 đến 100: 0");
  }
}
