package vn.luutru.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.Rectangle;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import vn.luutru.build.BuildResult;
import vn.luutru.build.SiteBuilder;
import vn.luutru.config.SiteConfig;
import vn.luutru.image.Picture;
import vn.luutru.testing.Browser;
import vn.luutru.testing.CameraPhotos;
import vn.luutru.testing.StaticServer;

/** The search page, in headless Chromium, served under a path prefix. */
class SearchPageIT {
  static final String SEED = "Đại hội Chi bộ Văn phòng 2 lần thứ nhất nhiệm kỳ 2020 - 2022";

  /** The search page of the sample archive: typing, the address, an empty state, a result. */
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
        // On a wide screen the filters are open, with no button to fold them.
        assertThat(driver.findElement(By.id("bo-loc")).isDisplayed()).isTrue();
        assertThat(driver.findElement(By.id("mo-bo-loc")).isDisplayed()).isFalse();

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

  /**
   * A result of an article with a photo shows its thumbnail beside it, sized before it loads, lazy
   * and decorative, from under the path prefix; a result of an article without one shows none.
   */
  @Test
  void aResultShowsTheArticlesThumbnailOnlyWhenItHasAPhoto(@TempDir Path tmp) throws Exception {
    Path content = tmp.resolve("content");
    Files.createDirectories(content.resolve("2023/05/anh"));
    Files.write(
        content.resolve("2023/05/anh/dai-hoi.jpg"),
        CameraPhotos.withMetadata(
            CameraPhotos.plainJpeg(CameraPhotos.scene(1200, 900, 7), false), 1));
    Files.writeString(
        content.resolve("2023/05/dai-hoi-co-anh.md"),
        "---\ntitle: \"Đại hội Chi bộ Phòng Kế hoạch lần thứ hai\"\ndate: 2023-05-12\n"
            + "image: anh/dai-hoi.jpg\nimage_alt: \"Toàn cảnh Đại hội\"\n---\n\n"
            + "Chi bộ Phòng Kế hoạch tổ chức Đại hội.\n");
    Files.writeString(
        content.resolve("2023/05/dai-hoi-khong-anh.md"),
        "---\ntitle: \"Đại hội Chi bộ Văn phòng lần thứ hai\"\ndate: 2023-05-10\n---\n\n"
            + "Chi bộ Văn phòng tổ chức Đại hội.\n");
    Path site = tmp.resolve("site");
    try (StaticServer server = new StaticServer(site, "/luu-tru/")) {
      BuildResult result =
          SiteBuilder.build(
              SiteConfig.builder()
                  .title("Lưu trữ")
                  .baseUrl(server.url())
                  .contentDir(content)
                  .templatesDir(Path.of("templates"))
                  .outputDir(site)
                  .today(LocalDate.of(2024, 1, 1))
                  .build());
      assertThat(result.written()).as("%s", result.diagnostics()).isTrue();
      ChromeDriver driver = Browser.start(1280, 900);
      try {
        WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(20));
        driver.get(server.url() + "tim-kiem/?q=dai+hoi+chi+bo");
        wait.until(d -> d.findElements(By.cssSelector("#danh-sach > li")).size() == 2);
        WebElement withPhoto = result(driver, "Đại hội Chi bộ Phòng Kế hoạch lần thứ hai");
        WebElement without = result(driver, "Đại hội Chi bộ Văn phòng lần thứ hai");

        assertThat(without.findElements(By.tagName("img"))).isEmpty();
        assertThat(without.getDomAttribute("class")).isNull();

        assertThat(withPhoto.getDomAttribute("class")).isEqualTo("with-thumb");
        WebElement img = withPhoto.findElement(By.cssSelector("img.thumb"));
        assertThat(img.getDomAttribute("src"))
            .isEqualTo("/luu-tru/2023/05/anh/dai-hoi-240x160.jpg");
        assertThat(img.getDomAttribute("srcset"))
            .isEqualTo(
                "/luu-tru/2023/05/anh/dai-hoi-240x160.jpg 240w,"
                    + " /luu-tru/2023/05/anh/dai-hoi-360x240.jpg 360w,"
                    + " /luu-tru/2023/05/anh/dai-hoi-480x320.jpg 480w");
        assertThat(img.getDomAttribute("width")).isEqualTo("240");
        assertThat(img.getDomAttribute("height")).isEqualTo("160");
        assertThat(img.getDomAttribute("loading")).isEqualTo("lazy");
        assertThat(img.getDomAttribute("alt")).isEmpty();
        assertThat(img.getDomAttribute("sizes")).isEqualTo(Picture.THUMB_SIZES);
        // The file loads from under the prefix, in the box the width and height gave it.
        wait.until(
            d ->
                (Boolean)
                    driver.executeScript(
                        "return arguments[0].complete && arguments[0].naturalWidth > 0", img));
        Rectangle box = img.getRect();
        assertThat(box.getWidth()).isPositive();
        assertThat(box.getHeight()).isCloseTo(box.getWidth() * 2 / 3, within(1));
      } finally {
        driver.quit();
      }
    }
  }

  /**
   * On a phone (390 × 844, as ChromeDriver's mobile emulation lays it out) the filters fold behind
   * one line saying which are set, so that the search box and the first result fit the top 400 px
   * that the keyboard leaves; opening them shows them; results arriving move nothing above them.
   * Marks: one over a person's whole name, none on another person's Nguyễn; title words marked. A
   * congress report's result names the person searched for with the role.
   */
  @Test
  void onAPhoneTheFiltersFoldAndTheFirstResultShowsAboveTheKeyboard(@TempDir Path tmp)
      throws Exception {
    Path site = tmp.resolve("site");
    try (StaticServer server = new StaticServer(site, "/luu-tru/")) {
      BuildResult result = SiteBuilder.build(sampleSite(server, site));
      assertThat(result.written()).as("%s", result.diagnostics()).isTrue();
      ChromeDriver driver =
          Browser.start(
              390,
              844,
              options ->
                  options.setExperimentalOption(
                      "mobileEmulation",
                      Map.of(
                          "deviceMetrics",
                          Map.of("width", 390, "height", 844, "pixelRatio", 3.0, "mobile", true))));
      try {
        WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(20));
        driver.get(server.url() + "tim-kiem/");
        assertThat(driver.executeScript("return window.innerWidth")).isEqualTo(390L);
        WebElement toggle = driver.findElement(By.id("mo-bo-loc"));
        WebElement filters = driver.findElement(By.id("bo-loc"));
        assertThat(toggle.isDisplayed()).isTrue();
        assertThat(toggle.getDomAttribute("aria-expanded")).isEqualTo("false");
        assertThat(toggle.getText()).isEqualTo("Lọc và sắp xếp: không lọc");
        assertThat(filters.isDisplayed()).isFalse();
        double listTop = top(driver, "#danh-sach");

        driver.findElement(By.id("q")).sendKeys("nguyen trong thuc");
        wait.until(d -> !d.findElements(By.cssSelector("#danh-sach > li")).isEmpty());
        assertThat(top(driver, "#danh-sach"))
            .as("results arriving move the list")
            .isEqualTo(listTop);
        assertThat(driver.executeScript("return window.scrollY")).isEqualTo(0L);
        WebElement q = driver.findElement(By.id("q"));
        assertThat(q.getRect().getY() + q.getRect().getHeight()).isLessThan(400);
        assertThat(top(driver, "#danh-sach > li"))
            .as("the first result's top, with the keyboard over all below 400 px")
            .isLessThan(400);
        // The person's whole name, one mark; nobody else's Nguyễn.
        List<String> marks =
            driver.findElements(By.cssSelector("#danh-sach mark")).stream()
                .map(WebElement::getText)
                .toList();
        assertThat(marks).isNotEmpty().allMatch(m -> m.equals("Nguyễn Trọng Thức"));
        // The congress's facts name him: the result says what he was elected to.
        assertThat(driver.findElement(By.cssSelector("#danh-sach > li .people")).getText())
            .isEqualTo("Nguyễn Trọng Thức – Bí thư Chi bộ");

        // Opening the filters shows them, on the screen's width; a filter set is summed up.
        toggle.click();
        assertThat(toggle.getDomAttribute("aria-expanded")).isEqualTo("true");
        assertThat(filters.isDisplayed()).isTrue();
        WebElement year = driver.findElement(By.id("loc-nam"));
        assertThat(year.isDisplayed()).isTrue();
        assertThat(year.getRect().getX() + year.getRect().getWidth()).isLessThanOrEqualTo(390);
        new Select(year).selectByValue("2020");
        wait.until(d -> toggle.getText().equals("Lọc và sắp xếp: 2020"));
        toggle.click();
        assertThat(filters.isDisplayed()).isFalse();

        // Title words are marked too, a phrase as one mark.
        q.clear();
        q.sendKeys("dai hoi chi bo van phong ");
        wait.until(
            d ->
                d.findElements(By.cssSelector("#danh-sach > li h2 mark")).stream()
                    .anyMatch(m -> m.getText().equals("Đại hội Chi bộ Văn phòng")));
      } finally {
        driver.quit();
      }
    }
  }

  /** The top of the first element {@code css} selects, in CSS pixels from the page's top. */
  private static double top(ChromeDriver driver, String css) {
    return ((Number)
            driver.executeScript(
                "return document.querySelector(arguments[0]).getBoundingClientRect().top"
                    + " + window.scrollY",
                css))
        .doubleValue();
  }

  private static SiteConfig sampleSite(StaticServer server, Path site) {
    return SiteConfig.builder()
        .title("Lưu trữ")
        .baseUrl(server.url())
        .contentDir(Path.of("content"))
        .shownContentDir("content")
        .templatesDir(Path.of("templates"))
        .outputDir(site)
        .today(LocalDate.of(2026, 1, 1))
        .build();
  }

  private static WebElement result(ChromeDriver driver, String title) {
    return driver.findElements(By.cssSelector("#danh-sach > li")).stream()
        .filter(li -> li.findElement(By.cssSelector("h2 a")).getText().equals(title))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no result titled " + title));
  }
}
