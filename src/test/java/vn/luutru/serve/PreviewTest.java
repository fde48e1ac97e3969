package vn.luutru.serve;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import vn.luutru.config.SiteConfig;
import vn.luutru.testing.CameraPhotos;
import vn.luutru.testing.SampleSite;
import vn.luutru.testing.Trees;

/** The preview's warm-up rebuilds: they change nothing served, lose no change, and stop. */
class PreviewTest {
  static final String ARTICLE = "2020/01/dai-hoi-chi-bo-van-phong-2.md";
  static final String PAGE =
      "2020/01/dai-hoi-chi-bo-van-phong-2-lan-thu-nhat-nhiem-ky-2020-2022/index.html";

  @TempDir Path dir;
  Path content;
  Preview preview;

  @BeforeEach
  void build() throws Exception {
    content = dir.resolve("content");
    Trees.copyTree(Path.of("content"), content);
    SiteConfig config = SampleSite.previewConfig(content, "content", dir.resolve("site"));
    preview = new Preview(config);
    preview.contentCache().watched();
    assertThat(preview.rebuild().replaced()).isTrue();
  }

  @Test
  void aWarmUpKeepsTheSiteAndItsProblems() throws Exception {
    Preview.Snapshot before = preview.current().orElseThrow();
    var problems = preview.problems();
    preview.warmUp();
    assertThat(preview.warmedUp).isEqualTo(1);
    assertThat(preview.current()).containsSame(before);
    assertThat(preview.problems()).isSameAs(problems);
  }

  @Test
  @Timeout(60)
  void warmUpsStopAtTheirCountTheirTimeOrWhenTold() {
    assertThat(PreviewServer.warmUp(preview, 3, Long.MAX_VALUE, () -> false)).isEqualTo(3);
    int[] asked = {0};
    assertThat(PreviewServer.warmUp(preview, 8, Long.MAX_VALUE, () -> ++asked[0] > 2)).isEqualTo(2);
    assertThat(PreviewServer.warmUp(preview, 8, 0, () -> false)).isZero();
    assertThat(preview.warmedUp).isEqualTo(5);
  }

  @Test
  void aWarmUpThatFailsEndsTheWarmUpsQuietly() throws Exception {
    Trees.delete(content);
    assertThat(PreviewServer.warmUp(preview, 8, Long.MAX_VALUE, () -> false)).isZero();
    assertThat(preview.current()).isPresent();
  }

  @Test
  void aChangeTheWarmUpReadsFirstStillReachesTheNextRebuild() throws Exception {
    Path article = content.resolve(ARTICLE);
    String text = Files.readString(article);
    Files.writeString(article, text + "\nĐoạn thêm sau khi lưu.\n");
    preview.contentCache().changed(ARTICLE);
    preview.warmUp();
    // The warm-up read the change (the cache has it now) but served nothing of it.
    assertThat(text(PAGE)).doesNotContain("Đoạn thêm sau khi lưu.");
    Preview.Rebuild r = preview.rebuild();
    assertThat(r.replaced()).isTrue();
    assertThat(text(PAGE)).contains("Đoạn thêm sau khi lưu.");
  }

  static final String SVG = "2020/01/anh/dai-hoi-van-phong-2.svg";
  static final String SCRIPTED_SVG =
      "<svg xmlns=\"http://www.w3.org/2000/svg\"><script>alert(document.cookie)</script></svg>\n";

  /**
   * An SVG edited to carry script after the last good build: the rebuild reports it and keeps the
   * last good site, and the preview must not serve the new bytes meanwhile, before the rebuild (the
   * watcher has not seen the save yet) or after it.
   */
  @Test
  void anSvgEditedToCarryScriptAfterTheLastGoodBuildIsNotServed() throws Exception {
    byte[] good = Files.readAllBytes(content.resolve(SVG));
    assertThat(preview.file(SVG))
        .get()
        .isInstanceOfSatisfying(Preview.Bytes.class, b -> assertThat(b.bytes()).isEqualTo(good));
    Files.writeString(content.resolve(SVG), SCRIPTED_SVG);
    assertThat(preview.file(SVG))
        .as("before the rebuild")
        .get()
        .isInstanceOf(Preview.Refused.class);
    preview.contentCache().changed(SVG);
    Preview.Rebuild r = preview.rebuild();
    assertThat(r.replaced()).isFalse();
    assertThat(r.diagnostics())
        .anyMatch(d -> d.isError() && d.message().contains("carries script"));
    assertThat(preview.file(SVG))
        .as("after the rebuild that refused it")
        .get()
        .isInstanceOfSatisfying(
            Preview.Refused.class,
            x -> assertThat(x.why()).contains("changed after the last good build"));

    // Fixed: served again once a build accepted it, not before.
    byte[] fixed =
        new String(good, StandardCharsets.UTF_8)
            .replace("<svg ", "<svg data-sua=\"1\" ")
            .getBytes(StandardCharsets.UTF_8);
    Files.write(content.resolve(SVG), fixed);
    assertThat(preview.file(SVG)).get().isInstanceOf(Preview.Refused.class);
    preview.contentCache().changed(SVG);
    assertThat(preview.rebuild().replaced()).isTrue();
    assertThat(preview.file(SVG))
        .get()
        .isInstanceOfSatisfying(Preview.Bytes.class, b -> assertThat(b.bytes()).isEqualTo(fixed));
  }

  /** Static files other than SVG images are streamed from the content folder, not read here. */
  @Test
  void otherStaticFilesAreStreamedFromTheContentFolder() throws Exception {
    Files.write(content.resolve("2020/01/anh/anh.png"), new byte[] {1, 2, 3});
    preview.contentCache().changed("2020/01/anh/anh.png");
    assertThat(preview.rebuild().replaced()).isTrue();
    assertThat(preview.file("2020/01/anh/anh.png"))
        .get()
        .isEqualTo(new Preview.OnDisk(content.resolve("2020/01/anh/anh.png").toRealPath()));
  }

  /**
   * A photo's page names its renditions at once (their sizes come from its header); a rendition is
   * made when the browser first asks for it, and a photo replaced changes the page.
   */
  @Test
  void thePreviewMakesARenditionWhenAPageFirstAsksForIt() throws Exception {
    Path cache = dir.resolve("cache");
    preview = new Preview(preview.config().toBuilder().cacheDir(cache).build());
    preview.contentCache().watched();
    Files.write(content.resolve("2020/01/anh/hop.jpg"), CameraPhotos.jpeg(1200, 900, 1));
    Files.writeString(
        content.resolve("2020/01/hop.md"),
        "---\ntitle: \"Họp chi bộ\"\ndate: 2020-01-20\n---\n\n![Họp](anh/hop.jpg)\n");
    assertThat(preview.rebuild().replaced()).isTrue();
    String page = text("2020/01/hop-chi-bo/index.html");
    assertThat(page).contains("srcset=\"/luu-tru/2020/01/anh/hop-480.jpg 480w,", "width=\"960\"");
    assertThat(Trees.read(cache).keySet()).noneMatch(f -> f.endsWith(".jpg"));

    byte[] jpeg = ((Preview.Bytes) preview.file("2020/01/anh/hop-480.jpg").orElseThrow()).bytes();
    assertThat(ImageIO.read(new ByteArrayInputStream(jpeg)).getWidth()).isEqualTo(480);
    assertThat(Trees.read(cache).keySet()).anyMatch(f -> f.endsWith("-480.jpg"));

    Files.write(content.resolve("2020/01/anh/hop.jpg"), CameraPhotos.jpeg(800, 800, 1));
    preview.contentCache().changed("2020/01/anh/hop.jpg");
    assertThat(preview.rebuild().replaced()).isTrue();
    assertThat(text("2020/01/hop-chi-bo/index.html")).contains("width=\"800\" height=\"800\"");
  }

  @Test
  void thePreviewMarksADraftOnItsPageAndInTheLists() throws Exception {
    Files.writeString(
        content.resolve("2020/01/nhap.md"),
        "---\ntitle: \"Bài đang viết\"\ndate: 2020-01-21\ndraft: true\n---\n\nChưa xong.\n");
    preview.contentCache().changed("2020/01/nhap.md");
    assertThat(preview.rebuild().replaced()).isTrue();
    assertThat(text("2020/01/bai-dang-viet/index.html"))
        .contains("<p class=\"draft-marker\"><strong>Bản nháp.</strong>");
    assertThat(text("2020/01/index.html"))
        .contains("Bài đang viết</a> <span class=\"draft-badge\">Bản nháp</span>");
    assertThat(text(PAGE)).doesNotContain("draft-marker");
  }

  String text(String file) throws Exception {
    return new String(
        ((Preview.Bytes) preview.file(file).orElseThrow()).bytes(), StandardCharsets.UTF_8);
  }
}
