package vn.luutru.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SiteConfigTest {
  private static final LocalDate DAY = LocalDate.of(2026, 1, 1);

  @Test
  void theBuilderStartsFromTheDocumentedDefaults() {
    SiteConfig c = SiteConfig.builder().today(DAY).build();
    assertThat(c)
        .isEqualTo(
            new SiteConfig(
                SiteConfig.DEFAULT_TITLE,
                "",
                SiteConfig.DEFAULT_BASE_URL,
                SiteConfig.DEFAULT_PAGE_SIZE,
                Path.of("content"),
                "content",
                Optional.empty(),
                Path.of("site"),
                false,
                false,
                DAY,
                vn.luutru.image.ImageSettings.DEFAULT,
                Optional.empty()));
  }

  @Test
  void theContentFolderIsShownAsGivenUnlessToldOtherwise() {
    Path content = Path.of("/tmp/bai-viet");
    assertThat(SiteConfig.builder().contentDir(content).build().shownContentDir())
        .isEqualTo("/tmp/bai-viet");
    assertThat(
            SiteConfig.builder()
                .contentDir(content)
                .shownContentDir("content")
                .build()
                .shownContentDir())
        .isEqualTo("content");
  }

  @Test
  void toBuilderKeepsEveryValue() {
    SiteConfig c =
        SiteConfig.builder()
            .title("Lưu trữ")
            .description("Thử")
            .baseUrl("https://example.org/luu-tru")
            .pageSize(3)
            .contentDir(Path.of("c"))
            .shownContentDir("nội dung")
            .templatesDir(Path.of("t"))
            .outputDir(Path.of("o"))
            .drafts(true)
            .future(true)
            .today(DAY)
            .images(vn.luutru.image.ImageSettings.DEFAULT.withQuality(70))
            .cacheDir(Path.of("k"))
            .build();
    assertThat(c.toBuilder().build()).isEqualTo(c);
    assertThat(c.baseUrl()).isEqualTo("https://example.org/luu-tru/");
    assertThat(c.toBuilder().drafts(false).build().drafts()).isFalse();
  }

  @Test
  void buildRefusesWhatTheConstructorRefuses() {
    assertThatThrownBy(() -> SiteConfig.builder().pageSize(0).build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("page size must be 1 or more");
    assertThatThrownBy(() -> SiteConfig.builder().baseUrl("example.org").build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("--base-url:");
  }
}
