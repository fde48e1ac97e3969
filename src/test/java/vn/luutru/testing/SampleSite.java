package vn.luutru.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Optional;
import vn.luutru.build.BuildResult;
import vn.luutru.build.SiteBuilder;
import vn.luutru.config.SiteConfig;

/** Builds an archive (the sample in {@code content/} by default) with the theme in {@code templates/}. */
public final class SampleSite {
  /** The seed article of the sample archive, its title and its address under the prefix. */
  public static final String SEED_TITLE = "Đại hội Chi bộ Văn phòng 2 lần thứ nhất nhiệm kỳ 2020 - 2022";
  public static final String SEED_PATH = "2020/01/dai-hoi-chi-bo-van-phong-2-lan-thu-nhat-nhiem-ky-2020-2022/";

  private SampleSite() {}

  /** Builds {@code content} into {@code site} for {@code baseUrl}; fails on any content error. */
  public static BuildResult build(Path content, Path site, String baseUrl) throws Exception {
    SiteConfig config = new SiteConfig("Lưu trữ", "", baseUrl, 20, content, content.toString(),
        Optional.of(Path.of("templates")), site, false, false, LocalDate.of(2026, 1, 1));
    BuildResult result = SiteBuilder.build(config);
    assertThat(result.written()).as("%s", result.diagnostics()).isTrue();
    return result;
  }

  /**
   * How the preview tests serve a copy of the sample: under {@code /luu-tru/}, drafts shown,
   * {@code content} shown in messages as {@code shown}.
   */
  public static SiteConfig previewConfig(Path content, String shown, Path site) {
    return new SiteConfig("Lưu trữ", "", "https://example.org/luu-tru/", 20, content, shown,
        Optional.of(Path.of("templates")), site, true, false, LocalDate.of(2026, 1, 1));
  }

  public static BuildResult build(Path site, String baseUrl) throws Exception {
    return build(Path.of("content"), site, baseUrl);
  }
}
