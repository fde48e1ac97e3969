package vn.luutru.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
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
                Settings.DEFAULT_LANGUAGE,
                "",
                Agency.NONE,
                List.of(),
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
            .language("en")
            .logo("logo.png")
            .agency(new Agency("Sở", "Tỉnh ủy", "Số 1", "0238", "a@b.vn", "Ông A", "CC BY"))
            .menu(List.of(new MenuItem("Giới thiệu", "gioi-thieu/")))
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

  @Test
  void onlyAddressesOfThisComputerAreLocal() {
    for (String local :
        List.of(
            "http://localhost:8080/",
            "http://LOCALHOST/",
            "http://preview.localhost/",
            "http://127.0.0.1:1313/luu-tru/",
            "https://127.10.0.3/",
            "http://[::1]:8080/")) {
      assertThat(SiteConfig.builder().baseUrl(local).build().isLocal()).as(local).isTrue();
    }
    for (String published :
        List.of(
            "https://example.org/",
            "http://10.0.0.5/luu-tru/",
            "http://intranet.so-cong-thuong/",
            "http://localhost.example.org/",
            "http://128.0.0.1/")) {
      assertThat(SiteConfig.builder().baseUrl(published).build().isLocal()).as(published).isFalse();
    }
  }

  @Test
  void settingsFillEveryValueTheyHaveAndSettersAfterThemWin() {
    Settings s =
        new Settings(
            "Đảng bộ Sở",
            "Mô tả",
            "https://example.org/a/",
            "vi",
            7,
            "logo.png",
            new Agency("Sở", "", "", "", "", "", ""),
            List.of(new MenuItem("Giới thiệu", "gioi-thieu/")),
            vn.luutru.image.ImageSettings.DEFAULT.withQuality(70),
            "");
    SiteConfig c = SiteConfig.builder().settings(s).title("Khác").today(DAY).build();
    assertThat(c.title()).isEqualTo("Khác");
    assertThat(c.description()).isEqualTo("Mô tả");
    assertThat(c.baseUrl()).isEqualTo("https://example.org/a/");
    assertThat(c.pageSize()).isEqualTo(7);
    assertThat(c.images().quality()).as("images:").isEqualTo(70);
    assertThat(c.logo()).isEqualTo("logo.png");
    assertThat(c.agency().name()).isEqualTo("Sở");
    assertThat(c.menu()).containsExactly(new MenuItem("Giới thiệu", "gioi-thieu/"));
  }
}
