package vn.luutru.serve;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import vn.luutru.config.SiteConfig;
import vn.luutru.internal.Texts;
import vn.luutru.internal.Texts.Language;
import vn.luutru.testing.Browser;
import vn.luutru.testing.SampleSite;
import vn.luutru.testing.Trees;

/**
 * The box the preview shows over the page when a save breaks the build, in a real browser: its
 * words are in the language the preview started in (Vietnamese here, the default), the problems
 * keep their {@code path:line:column}, and it goes when the file is fixed.
 */
class PreviewErrorBoxIT {
  @TempDir Path dir;
  private Language before;
  private PreviewServer server;
  private ChromeDriver driver;

  @BeforeEach
  void start() throws Exception {
    before = Texts.language();
    Texts.use(Language.VI);
    Path content = dir.resolve("content");
    Trees.copyTree(Path.of("content"), content);
    SiteConfig config = SampleSite.previewConfig(content, "content", dir.resolve("site"));
    server = PreviewServer.start(config, "127.0.0.1", 0, new PrintWriter(new StringWriter(), true));
    driver = Browser.start(1280, 900);
  }

  @AfterEach
  void stop() {
    try {
      if (driver != null) {
        driver.quit();
      }
    } finally {
      server.close();
      Texts.use(before);
    }
  }

  @Test
  void theBoxSpeaksVietnameseAndKeepsWhereTheProblemIs() throws Exception {
    Path seed = dir.resolve("content/2020/01/dai-hoi-chi-bo-van-phong-2.md");
    String original = Files.readString(seed);
    driver.get(server.url() + PreviewServerIT.SEED);
    WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(60));
    // The page listens before the file is broken: the box comes from the event, not a reload.
    wait.until(d -> d.getPageSource().contains("/__luutru/events"));
    Files.writeString(seed, original.replace("date: 2020-01-17", "date: 2020-02-30"));
    WebElement box =
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("luutru-problems")));
    wait.until(d -> box.getText().contains("dai-hoi-chi-bo-van-phong-2.md:3:7:"));
    assertThat(box.getAttribute("role")).isEqualTo("alert");
    assertThat(box.getAttribute("aria-label")).isEqualTo("Lỗi của bản xem trước");
    assertThat(box.getText())
        .startsWith("luutru serve: trang đang hiện là bản dựng đúng gần nhất.")
        .contains("Hãy sửa các lỗi sau rồi lưu tệp")
        .contains("date: 2020-02-30")
        .doesNotContain("Problems of the preview");

    Files.writeString(seed, original);
    wait.until(ExpectedConditions.numberOfElementsToBe(By.id("luutru-problems"), 0));
  }
}
