package vn.luutru.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import vn.luutru.image.Picture;

/**
 * A result's thumbnail in a document's file: the address cut around the size, the suffix only when
 * it is not {@code .jpg}, the sizes only when they are not the ones most photos share.
 */
class ResultThumbnailsTest {
  /** A photo whose thumbnails are {@code <stem>-<w>x<h><tail>} at each {@code w, h} pair. */
  static Picture photo(String stem, String tail, int... sizes) {
    List<Picture.Size> thumbs = new ArrayList<>();
    for (int i = 0; i < sizes.length; i += 2) {
      String path = stem + "-" + sizes[i] + "x" + sizes[i + 1] + tail;
      thumbs.add(new Picture.Size("/luu-tru/" + path, path, sizes[i], sizes[i + 1]));
    }
    return new Picture(List.of(new Picture.Size("/x-480.jpg", "x-480.jpg", 480, 320)), thumbs);
  }

  static final Picture CAMERA = photo("2023/05/anh/dai-hoi", ".jpg", 240, 160, 360, 240, 480, 320);
  static final ResultThumbnails SITE =
      ResultThumbnails.of(
          List.of(
              Optional.of(CAMERA),
              Optional.empty(),
              Optional.of(photo("2023/05/anh/nho", ".jpg", 200, 133)),
              Optional.of(photo("2023/06/anh/khac", ".jpg", 240, 160, 360, 240, 480, 320))));

  @Test
  void theSizesMostPhotosHaveAreWrittenOnce() {
    assertThat(SITE.common())
        .containsExactly(List.of(240, 160), List.of(360, 240), List.of(480, 320));
    assertThat(ResultThumbnails.of(List.of(Optional.empty())).common()).isEmpty();
    assertThat(ResultThumbnails.of(List.of()).common()).isEmpty();
  }

  @ParameterizedTest(name = "{0}{1} {2} → {3}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          # stem                 | tail           | sizes               | entry in the document's file
          2023/05/anh/dai-hoi    | .jpg           | 240 160 360 240 480 320 | [2023/05/anh/dai-hoi-]
          2023/05/anh/dai-hoi    | -f50-20.jpg    | 240 160 360 240 480 320 | [2023/05/anh/dai-hoi-, -f50-20.jpg]
          2023/05/anh/nho        | .jpg           | 200 133             | [2023/05/anh/nho-, 200, 133]
          2023/05/anh/vua        | -f30-70.png    | 240 160 360 240     | [2023/05/anh/vua-, -f30-70.png, 240, 160, 360, 240]
          2023/05/ảnh/đại hội 1  | .jpg           | 240 160 360 240 480 320 | [2023/05/%E1%BA%A3nh/%C4%91%E1%BA%A1i%20h%E1%BB%99i%201-]
          anh/240x160            | .jpg           | 240 160 360 240 480 320 | [anh/240x160-]
          """)
  void aDocumentWritesWhatDiffersFromTheSite(String stem, String tail, String sizes, String entry) {
    int[] s =
        java.util.Arrays.stream(sizes.trim().split(" +")).mapToInt(Integer::parseInt).toArray();
    assertThat(SITE.entry(photo(stem, tail, s)).orElseThrow()).hasToString(entry);
  }

  @Test
  void filesNamedOtherwiseGiveNoThumbnail() {
    Picture odd =
        new Picture(
            CAMERA.sizes(),
            List.of(
                new Picture.Size("/a-240x160.jpg", "a-240x160.jpg", 240, 160),
                new Picture.Size("/b-360x240.jpg", "b-360x240.jpg", 360, 240)));
    assertThat(SITE.entry(odd)).isEmpty();
    Picture unsized =
        new Picture(CAMERA.sizes(), List.of(new Picture.Size("/a.jpg", "a.jpg", 240, 160)));
    assertThat(SITE.entry(unsized)).isEmpty();
  }
}
