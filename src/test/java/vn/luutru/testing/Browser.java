package vn.luutru.testing;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.time.Duration;
import java.util.function.Consumer;
import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * Debian's headless Chromium through its chromedriver, with a fresh profile and no background
 * networking. Missing browser: the test fails under {@code CI=true} and is skipped elsewhere.
 */
public final class Browser {
  static final String CHROMIUM = "/usr/bin/chromium";
  static final String CHROMEDRIVER = "/usr/bin/chromedriver";

  private Browser() {}

  public static ChromeDriver start(int width, int height) throws IOException {
    return start(width, height, options -> {});
  }

  /** As {@link #start(int, int)}, with more options set by {@code configure}. */
  public static ChromeDriver start(int width, int height, Consumer<ChromeOptions> configure)
      throws IOException {
    if (!new File(CHROMIUM).canExecute() || !new File(CHROMEDRIVER).canExecute()) {
      if ("true".equals(System.getenv("CI"))) {
        throw new AssertionError(
            "chromium and chromium-driver are not installed; .ci/run must install them");
      }
      Assumptions.abort("chromium/chromedriver not installed (outside CI this test is skipped)");
    }
    java.nio.file.Path profile = Files.createTempDirectory("luutru-chromium");
    ChromeOptions options = new ChromeOptions();
    options.setBinary(CHROMIUM);
    options.addArguments(
        "--headless=new",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-dev-shm-usage",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
        "--disable-quic",
        "--window-size=" + width + "," + height,
        "--user-data-dir=" + profile);
    configure.accept(options);
    ChromeDriverService service =
        new ChromeDriverService.Builder()
            .usingDriverExecutable(new File(CHROMEDRIVER))
            .usingAnyFreePort()
            .build();
    // The profile folder goes when the browser does.
    ChromeDriver driver =
        new ChromeDriver(service, options) {
          @Override
          public void quit() {
            try {
              super.quit();
            } finally {
              try {
                Trees.delete(profile);
              } catch (RuntimeException e) {
                // a file Chromium still held: the folder stays in the temporary folder
              }
            }
          }
        };
    driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(60));
    return driver;
  }
}
