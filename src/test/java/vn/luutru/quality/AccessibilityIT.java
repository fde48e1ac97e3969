package vn.luutru.quality;

import static org.assertj.core.api.Assertions.assertThat;

import com.deque.html.axecore.results.CheckedNode;
import com.deque.html.axecore.results.Results;
import com.deque.html.axecore.results.Rule;
import com.deque.html.axecore.selenium.AxeBuilder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.WebDriverWait;
import vn.luutru.testing.Browser;
import vn.luutru.testing.SampleSite;
import vn.luutru.testing.StaticServer;
import vn.luutru.testing.Trees;

/**
 * The sample archive in headless Chromium, checked by axe-core on every kind of page: no violation
 * of impact serious or critical. And the search page used with the keyboard alone.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AccessibilityIT {
  static final Set<String> BLOCKING = Set.of("serious", "critical");
  static final String QUERY = "dai hoi chi bo van phong";

  Path tmp;
  StaticServer server;
  ChromeDriver driver;
  WebDriverWait wait;

  @BeforeAll
  void start() throws Exception {
    tmp = Files.createTempDirectory("luutru-a11y");
    Path site = tmp.resolve("site");
    server = new StaticServer(site, "/luu-tru/");
    SampleSite.build(site, server.url());
    driver = Browser.start(1280, 900);
    wait = new WebDriverWait(driver, Duration.ofSeconds(20));
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

  /** One page of each kind the theme has, by what it is. */
  static Map<String, String> pages() {
    Map<String, String> p = new LinkedHashMap<>();
    p.put("home", "");
    p.put("home, page 2", "page/2/");
    p.put("article", SampleSite.SEED_PATH);
    p.put("category", "chuyen-muc/dai-hoi-dang/");
    p.put("all categories", "chuyen-muc/");
    p.put("tag", "the/nhiem-ky-2020-2022/");
    p.put("all tags", "the/");
    p.put("year", "2020/");
    p.put("month", "2020/01/");
    p.put("all years", "thoi-gian/");
    p.put("organisation", "to-chuc/chi-bo-van-phong-so-2/");
    p.put("organisation tree", "to-chuc/");
    p.put("term", "nhiem-ky/2020-2022/");
    p.put("all terms", "nhiem-ky/");
    p.put("search, empty", "tim-kiem/");
    p.put("404", "khong-co-trang-nay/");
    return p;
  }

  @Test
  void everyKindOfPageHasNoSeriousOrCriticalViolation() {
    List<String> problems = new ArrayList<>();
    for (Map.Entry<String, String> page : pages().entrySet()) {
      driver.get(server.url() + page.getValue());
      problems.addAll(violations(driver, page.getKey() + " /" + page.getValue()));
    }
    // The search page with results on it, as someone who typed a query sees it.
    driver.get(server.url() + "tim-kiem/");
    driver.findElement(By.id("q")).sendKeys(QUERY);
    waitForResults();
    problems.addAll(violations(driver, "search with results"));
    assertThat(problems).as("axe-core violations of impact serious or critical").isEmpty();
  }

  @Test
  void phoneWidthPagesHaveNoSeriousOrCriticalViolation() {
    List<String> problems = new ArrayList<>();
    driver.manage().window().setSize(new Dimension(360, 740));
    try {
      for (String kind : List.of("home", "article", "organisation", "term")) {
        driver.get(server.url() + pages().get(kind));
        problems.addAll(violations(driver, kind + " at 360 px"));
      }
      driver.get(server.url() + "tim-kiem/?q=" + QUERY.replace(' ', '+'));
      waitForResults();
      problems.addAll(violations(driver, "search with results at 360 px"));
      driver.findElement(By.id("mo-bo-loc")).click();
      problems.addAll(violations(driver, "search, filters unfolded, at 360 px"));
    } finally {
      driver.manage().window().setSize(new Dimension(1280, 900));
    }
    assertThat(problems).as("axe-core violations of impact serious or critical").isEmpty();
  }

  /**
   * The check itself: a page spoiled on purpose must fail it, with the rule and the element named.
   */
  @Test
  void theCheckCatchesASpoiledPage() {
    driver.get(server.url());
    ((JavascriptExecutor) driver)
        .executeScript(
            "const m = document.querySelector('main');"
                + "m.insertAdjacentHTML('afterbegin', '<img id=\"no-alt\" src=\"x.png\">"
                + "<p style=\"color:#bbb;background:#fff\" id=\"faint\">chữ mờ</p><a id=\"empty\" href=\"/\"></a>');");
    List<String> problems = violations(driver, "spoiled home");
    assertThat(problems)
        .anyMatch(p -> p.contains("image-alt") && p.contains("#no-alt"))
        .anyMatch(p -> p.contains("color-contrast") && p.contains("#faint"))
        .anyMatch(p -> p.contains("link-name") && p.contains("#empty"));
  }

  @Test
  void theSearchPageWorksWithTheKeyboardAlone() {
    driver.get(server.url() + "tim-kiem/");
    Actions keys = new Actions(driver);
    // The first stop is the skip link, then the header; the search box comes within a few stops.
    keys.sendKeys(Keys.TAB).perform();
    assertThat(driver.switchTo().activeElement().getAttribute("class")).isEqualTo("skip");
    int presses = 1;
    while (!"q".equals(driver.switchTo().activeElement().getAttribute("id"))) {
      assertThat(presses).as("Tab presses before the search box").isLessThan(15);
      keys.sendKeys(Keys.TAB).perform();
      presses++;
    }
    keys.sendKeys(QUERY).perform();
    waitForResults();
    WebElement first = driver.findElement(By.cssSelector("#danh-sach li h2 a"));
    int more = 0;
    while (!first.equals(driver.switchTo().activeElement())) {
      assertThat(more).as("Tab presses from the search box to the first result").isLessThan(12);
      keys.sendKeys(Keys.TAB).perform();
      more++;
    }
    keys.sendKeys(Keys.ENTER).perform();
    wait.until(d -> d.getCurrentUrl().endsWith("/luu-tru/" + SampleSite.SEED_PATH));
    assertThat(driver.findElement(By.tagName("h1")).getText()).isEqualTo(SampleSite.SEED_TITLE);
    System.out.printf(
        "keyboard: %d Tab presses to the search box, %d more to the first result%n", presses, more);
  }

  @Test
  void theSkipLinkMovesFocusToTheMainContent() {
    driver.get(server.url() + SampleSite.SEED_PATH);
    Actions keys = new Actions(driver);
    keys.sendKeys(Keys.TAB).perform();
    WebElement skip = driver.switchTo().activeElement();
    assertThat(skip.getAttribute("class")).isEqualTo("skip");
    assertThat(skip.isDisplayed()).as("the skip link shows when it has focus").isTrue();
    keys.sendKeys(Keys.ENTER).perform();
    assertThat(driver.switchTo().activeElement().getTagName()).isEqualTo("main");
    keys.sendKeys(Keys.TAB).perform();
    WebElement next = driver.switchTo().activeElement();
    assertThat(
            (Boolean)
                ((JavascriptExecutor) driver)
                    .executeScript(
                        "return document.querySelector('main').contains(arguments[0])", next))
        .isTrue();
  }

  private void waitForResults() {
    wait.until(d -> d.findElement(By.id("trang-thai")).getText().startsWith("Tìm thấy"));
    wait.until(
        d ->
            d.findElements(By.cssSelector("#danh-sach li h2 a")).stream()
                .anyMatch(a -> a.getText().equals(SampleSite.SEED_TITLE)));
  }

  /**
   * The page's serious and critical axe-core violations, one line per element with the rule, the
   * element, and how to fix it. Lesser ones are printed, not counted.
   */
  static List<String> violations(WebDriver driver, String page) {
    Results results = new AxeBuilder().analyze(driver);
    assertThat(results.isErrored())
        .as("axe-core failed on %s: %s", page, results.getErrorMessage())
        .isFalse();
    assertThat(results.getPasses()).as("axe-core checked nothing on %s", page).isNotEmpty();
    List<String> out = new ArrayList<>();
    for (Rule rule : results.getViolations()) {
      for (CheckedNode node : rule.getNodes()) {
        String line =
            String.format(
                "%s: [%s] %s at %s — %s (%s)",
                page,
                rule.getImpact(),
                rule.getId(),
                node.getTarget(),
                rule.getHelp(),
                rule.getHelpUrl());
        if (BLOCKING.contains(rule.getImpact())) {
          out.add(line);
        } else {
          System.out.println("axe (not counted): " + line);
        }
      }
    }
    return out;
  }
}
