package vn.luutru.build;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.luutru.config.SiteConfig;
import vn.luutru.content.Diagnostic;
import vn.luutru.testing.Trees;

/** The sample archive in content/ builds, under a path prefix, with every kind of page. */
class SampleSiteTest {
  @Test
  void hasEveryKindOfPageAndWorksUnderAPathPrefix(@TempDir Path tmp) throws IOException {
    SiteConfig config =
        SiteConfig.builder()
            .title("Đảng bộ Sở Công Thương")
            .baseUrl("https://example.org/luu-tru/")
            .contentDir(Path.of("content"))
            .shownContentDir("content")
            .templatesDir(Path.of("templates"))
            .outputDir(tmp.resolve("site"))
            .today(LocalDate.of(2026, 1, 1))
            .build();
    BuildResult result = SiteBuilder.build(config);
    assertThat(result.diagnostics())
        .extracting(Diagnostic::headline)
        .allMatch(h -> h.contains("warning: title gives the same address"));
    assertThat(result.written()).isTrue();
    Map<String, byte[]> site = Trees.read(tmp.resolve("site"));
    assertThat(site)
        .containsKeys(
            "index.html",
            "404.html",
            "robots.txt",
            "sitemap.xml",
            "rss.xml",
            "atom.xml",
            "assets/style.css",
            "2020/01/dai-hoi-chi-bo-van-phong-2-lan-thu-nhat-nhiem-ky-2020-2022/index.html",
            "2020/01/anh/dai-hoi-van-phong-2.svg",
            "chuyen-muc/index.html",
            "chuyen-muc/dai-hoi-dang/index.html",
            "chuyen-muc/dai-hoi-dang/rss.xml",
            "chuyen-muc/dai-hoi-dang/atom.xml",
            "the/index.html",
            "the/nhiem-ky-2020-2022/index.html",
            "thoi-gian/index.html",
            "2020/index.html",
            "2020/01/index.html",
            "to-chuc/index.html",
            "to-chuc/chi-bo-van-phong-so-2/index.html",
            "to-chuc/dang-bo-so-cong-thuong/index.html",
            "nhiem-ky/index.html",
            "nhiem-ky/2020-2022/index.html",
            "tin-tuc/205.html");
    String seed =
        new String(
            site.get(
                "2020/01/dai-hoi-chi-bo-van-phong-2-lan-thu-nhat-nhiem-ky-2020-2022/index.html"),
            StandardCharsets.UTF_8);
    assertThat(seed)
        .contains(
            "<link rel=\"canonical\" href=\"https://example.org/luu-tru/2020/01/dai-hoi-chi-bo-van-phong-2-lan-thu-nhat-nhiem-ky-2020-2022/\">",
            "<meta property=\"og:title\" content=\"Đại hội Chi bộ Văn phòng 2 lần thứ nhất nhiệm kỳ 2020 - 2022\">",
            "\"@type\":\"NewsArticle\"",
            "Thứ Sáu, 17/01/2020",
            "Nguồn: Trần Thu",
            "<figcaption>Hình minh hoạ. Ảnh của bài gốc: Các đ/c đại biểu tặng hoa chúc mừng Đại hội Chi bộ Văn phòng Sở 2 nhiệm kỳ 2020 - 2022</figcaption>",
            "href=\"/luu-tru/to-chuc/chi-bo-van-phong-so-2/\"",
            "Lần thứ nhất",
            "Nguyễn Trọng Thức — Bí thư Chi bộ",
            "href=\"/luu-tru/assets/style.css\"");
    assertThat(seed).doesNotContain("href=\"/2020", "src=\"/2020", "href=\"/assets");
    String org =
        new String(site.get("to-chuc/chi-bo-van-phong-so-2/index.html"), StandardCharsets.UTF_8);
    assertThat(org).contains("Đảng bộ Sở Công Thương", "2020 - 2022", "2022 - 2025", "16/01/2020");
  }
}
