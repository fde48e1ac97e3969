package vn.luutru.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;
import vn.luutru.build.BuildResult;
import vn.luutru.build.SiteBuilder;
import vn.luutru.config.SiteConfig;
import vn.luutru.testing.Browser;
import vn.luutru.testing.StaticServer;

/** The search page of the sample archive, in headless Chromium, served under a path prefix. */
class SearchPageIT {
  static final String SEED = "Đại hội Chi bộ Văn phòng 2 lần thứ nhất nhiệm kỳ 2020 - 2022";

  @Test
  void typingWithoutMarksFindsTheSeedArticle(@TempDir Path tmp) throws Exception {
    Path site = tmp.resolve("site");
    try (StaticServer server = new StaticServer(site, "/luu-tru/")) {
      SiteConfig config =
          SiteConfig.builder()
              .title("Lưu trữ")
              .baseUrl(server.url())
              .contentDir(Path.of("content"))
              .shownContentDir("content")
              .templatesDir(Path.of("templates"))
              .outputDir(site)
              .today(LocalDate.of(2026, 1, 1))
              .build();
      BuildResult result = SiteBuilder.build(config);
      assertThat(result.written()).as("%s", result.diagnostics()).isTrue();
      ChromeDriver driver = Browser.start(1280, 900);
      try {
        WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(20));
        driver.get(server.url());
        WebElement box = driver.findElement(By.id("tim-nhanh"));
        box.sendKeys("dai hoi chi bo van phong", Keys.ENTER);
        wait.until(d -> d.getCurrentUrl().contains("/luu-tru/tim-kiem/"));
        wait.until(d -> !d.findElements(By.cssSelector("#danh-sach li h2 a")).isEmpty());
        List<String> titles =
            driver.findElements(By.cssSelector("#danh-sach li h2 a")).stream()
                .map(WebElement::getText)
                .toList();
        assertThat(titles).contains(SEED);
        assertThat(driver.findElement(By.id("trang-thai")).getText()).startsWith("Tìm thấy");
        assertThat(driver.findElements(By.cssSelector("#danh-sach mark"))).isNotEmpty();

        // Results as you type, the query kept in the address, and a clear empty state.
        WebElement q = driver.findElement(By.id("q"));
        q.clear();
        q.sendKeys("khong co bai nao nhu the nay");
        wait.until(d -> d.findElement(By.id("trang-thai")).getText().startsWith("Không tìm thấy"));
        assertThat(driver.getCurrentUrl()).contains("q=khong+co+bai");
        q.sendKeys(Keys.chord(Keys.CONTROL, "a"), "van phong 2");
        wait.until(
            d ->
                d.findElements(By.cssSelector("#danh-sach li h2 a")).stream()
                    .anyMatch(a -> a.getText().equals(SEED)));

        // A result leads to its article.
        driver.findElement(By.cssSelector("#danh-sach li h2 a")).click();
        wait.until(d -> d.getCurrentUrl().contains("/luu-tru/20"));
        assertThat(driver.findElement(By.tagName("h1")).getText()).isNotBlank();
      } finally {
        driver.quit();
      }
    }
  }
}
