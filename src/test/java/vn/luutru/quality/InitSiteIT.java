package vn.luutru.quality;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.chrome.ChromeDriver;
import vn.luutru.cli.Main;
import vn.luutru.testing.Browser;
import vn.luutru.testing.NuChecker;
import vn.luutru.testing.StaticServer;
import vn.luutru.testing.Trees;

/**
 * The quality gates on an archive made as a department makes its own: {@code luutru init}, the
 * agency block, a logo and a main menu written into {@code luutru.yaml}, the sample articles copied
 * in, then {@code luutru build} under a path prefix. Every HTML page passes the Nu Html Checker
 * with no error and no warning, and axe-core finds no serious or critical violation on the pages
 * the settings change (every page has the header and the footer), at desktop and phone widths.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class InitSiteIT {
  private static final Clock CLOCK =
      Clock.fixed(Instant.parse("2026-01-01T00:00:00Z"), ZoneOffset.UTC);

  Path tmp;
  Path archive;
  StaticServer server;
  ChromeDriver driver;

  @BeforeAll
  void makeTheArchive() throws Exception {
    tmp = Files.createTempDirectory("luutru-init");
    archive = tmp.resolve("luu-tru");
    Path site = archive.resolve("site");
    server = new StaticServer(site, "/luu-tru/");
    run(
        "init",
        archive.toString(),
        "--title",
        "Đảng bộ Sở Công Thương",
        "--base-url",
        server.url());
    Trees.copyTree(Path.of("content"), archive.resolve("content"));
    Files.writeString(
        archive.resolve("content/logo.svg"),
        "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 10 10\"><circle cx=\"5\" cy=\"5\""
            + " r=\"5\" fill=\"#ffde00\"/></svg>\n");
    String settings = Files.readString(archive.resolve("luutru.yaml"), StandardCharsets.UTF_8);
    settings =
        settings
            .replace("logo: \"\"", "logo: logo.svg")
            .replace("  name: \"\"", "  name: \"Đảng bộ Sở Công Thương tỉnh Nghệ An\"")
            .replace(
                "  governing_body: \"\"", "  governing_body: \"Đảng ủy Khối các cơ quan tỉnh\"")
            .replace("  address: \"\"", "  address: \"Số 8 Quang Trung, TP. Vinh\"")
            .replace("  telephone: \"\"", "  telephone: \"(0238) 3 844 000\"")
            .replace("  email: \"\"", "  email: \"vanphong@example.gov.vn\"")
            .replace("  responsible: \"\"", "  responsible: \"Nguyễn Văn A, Phó Bí thư Đảng ủy\"")
            .replace("  licence: \"\"", "  licence: \"Ghi rõ nguồn khi phát hành lại\"")
            .replace(
                "menu: []",
                "menu:\n"
                    + "  - { label: \"Trang chủ\", url: \"\" }\n"
                    + "  - { label: \"Chuyên mục\", url: \"chuyen-muc/\" }\n"
                    + "  - { label: \"Tìm kiếm\", url: \"tim-kiem/\" }\n"
                    + "  - { label: \"Cổng thông tin tỉnh\", url: \"https://example.gov.vn/\" }");
    Files.writeString(archive.resolve("luutru.yaml"), settings, StandardCharsets.UTF_8);
    run(
        "build",
        "--config",
        archive.resolve("luutru.yaml").toString(),
        "--content",
        archive.resolve("content").toString(),
        "--output",
        site.toString(),
        "--drafts");
    driver = Browser.start(1280, 900);
  }

  @AfterAll
  void stop() {
    if (driver != null) {
      driver.quit();
    }
    if (server != null) {
      server.close();
    }
    Trees.delete(tmp);
  }

  private static void run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = Main.run(args, new PrintWriter(out), new PrintWriter(err), CLOCK);
    assertThat(code).as("luutru %s: %s%s", args[0], out, err).isZero();
    assertThat(err.toString()).as("luutru %s", args[0]).doesNotContain("error");
  }

  @Test
  void theSettingsReachEveryPage() throws Exception {
    String index = Files.readString(archive.resolve("site/index.html"), StandardCharsets.UTF_8);
    assertThat(index)
        .contains("class=\"site-logo\"", "Cổng thông tin tỉnh", "Nguyễn Văn A, Phó Bí thư Đảng ủy");
  }

  @Test
  void everyPageIsValidHtml() throws Exception {
    NuChecker nu = new NuChecker();
    List<Path> html;
    try (Stream<Path> s = Files.walk(archive.resolve("site"))) {
      html = s.filter(p -> p.toString().endsWith(".html")).sorted().toList();
    }
    List<NuChecker.Message> messages = new ArrayList<>();
    for (Path page : html) {
      messages.addAll(nu.check(page));
    }
    assertThat(html).hasSizeGreaterThan(30);
    assertThat(messages)
        .as(
            "Nu Html Checker messages%s",
            NuChecker.report(messages, archive.resolve("site"), 20, 5))
        .isEmpty();
  }

  @Test
  void pagesWithTheAgencyAndTheMenuHaveNoSeriousOrCriticalViolation() {
    List<String> problems = new ArrayList<>();
    List<String> pages =
        List.of(
            "",
            "2020/01/dai-hoi-chi-bo-van-phong-2-lan-thu-nhat-nhiem-ky-2020-2022/",
            "chuyen-muc/",
            "to-chuc/",
            "tim-kiem/",
            "khong-co-trang-nay/");
    for (String page : pages) {
      driver.get(server.url() + page);
      problems.addAll(AccessibilityIT.violations(driver, "/" + page));
    }
    driver.manage().window().setSize(new Dimension(360, 740));
    try {
      for (String page : pages.subList(0, 2)) {
        driver.get(server.url() + page);
        problems.addAll(AccessibilityIT.violations(driver, "/" + page + " at 360 px"));
      }
    } finally {
      driver.manage().window().setSize(new Dimension(1280, 900));
    }
    assertThat(problems).as("axe-core violations of impact serious or critical").isEmpty();
  }
}
