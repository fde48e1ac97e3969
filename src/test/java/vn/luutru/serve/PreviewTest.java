package vn.luutru.serve;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import vn.luutru.config.SiteConfig;
import vn.luutru.testing.SampleSite;
import vn.luutru.testing.Trees;

/** The preview's warm-up rebuilds: they change nothing served, lose no change, and stop. */
class PreviewTest {
  static final String ARTICLE = "2020/01/dai-hoi-chi-bo-van-phong-2.md";
  static final String PAGE = "2020/01/dai-hoi-chi-bo-van-phong-2-lan-thu-nhat-nhiem-ky-2020-2022/index.html";

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
    assertThat(new String(preview.file(PAGE).orElseThrow(), StandardCharsets.UTF_8))
        .doesNotContain("Đoạn thêm sau khi lưu.");
    Preview.Rebuild r = preview.rebuild();
    assertThat(r.replaced()).isTrue();
    String page = new String(preview.file(PAGE).orElseThrow(), StandardCharsets.UTF_8);
    assertThat(page).contains("Đoạn thêm sau khi lưu.");
  }
}
