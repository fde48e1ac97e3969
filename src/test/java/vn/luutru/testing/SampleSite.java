package vn.luutru.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.LocalDate;
import vn.luutru.build.BuildResult;
import vn.luutru.build.SiteBuilder;
import vn.luutru.config.SiteConfig;

/**
 * Builds an archive (the sample in {@code content/} by default) with the theme in {@code
 * templates/}.
 */
public final class SampleSite {
  /** The seed article of the sample archive, its title and its address under the prefix. */
  public static final String SEED_TITLE =
      "Đại hội Chi bộ Văn phòng 2 lần thứ nhất nhiệm kỳ 2020 - 2022";

  public static final String SEED_PATH =
      "2020/01/dai-hoi-chi-bo-van-phong-2-lan-thu-nhat-nhiem-ky-2020-2022/";

  private SampleSite() {}

  /** Builds {@code content} into {@code site} for {@code baseUrl}; fails on any content error. */
  public static BuildResult build(Path content, Path site, String baseUrl) throws Exception {
    SiteConfig config =
        SiteConfig.builder()
            .title("Lưu trữ")
            .baseUrl(baseUrl)
            .contentDir(content)
            .templatesDir(Path.of("templates"))
            .outputDir(site)
            .today(LocalDate.of(2026, 1, 1))
            .build();
    BuildResult result = SiteBuilder.build(config);
    assertThat(result.written()).as("%s", result.diagnostics()).isTrue();
    return result;
  }

  /**
   * How the preview tests serve a copy of the sample: under {@code /luu-tru/}, drafts shown, {@code
   * content} shown in messages as {@code shown}.
   */
  public static SiteConfig previewConfig(Path content, String shown, Path site) {
    return SiteConfig.builder()
        .title("Lưu trữ")
        .baseUrl("https://example.org/luu-tru/")
        .contentDir(content)
        .shownContentDir(shown)
        .templatesDir(Path.of("templates"))
        .outputDir(site)
        .drafts(true)
        .today(LocalDate.of(2026, 1, 1))
        .build();
  }

  public static BuildResult build(Path site, String baseUrl) throws Exception {
    return build(Path.of("content"), site, baseUrl);
  }
}
