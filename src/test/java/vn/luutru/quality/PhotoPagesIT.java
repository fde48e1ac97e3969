package vn.luutru.quality;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.chrome.ChromeDriver;
import vn.luutru.build.BuildResult;
import vn.luutru.build.SiteBuilder;
import vn.luutru.config.SiteConfig;
import vn.luutru.testing.Browser;
import vn.luutru.testing.CameraPhotos;
import vn.luutru.testing.StaticServer;

/**
 * A reader on a phone: headless Chromium 390 px wide opens an article with one 4000 × 3000 camera
 * photo and the home page with 20 thumbnails, scrolls each to its end so that every lazy image
 * loads, and counts the bytes of the images it fetched (Resource Timing) and the layout shifts (the
 * Layout Instability API). An article must fetch at most 200 KB of images, the home page at most
 * 400 KB, and neither may shift. The figures are printed.
 */
class PhotoPagesIT {
  static final int PHONE = 390;

  @TempDir static Path dir;
  static StaticServer server;
  static ChromeDriver driver;

  /** The same phone at three pixels to a point, as most phones are. */
  static ChromeDriver dense;

  @BeforeAll
  static void aSiteOfTwentyPhotoReports() throws IOException {
    Path content = dir.resolve("content");
    IntStream.range(0, 20)
        .parallel()
        .forEach(
            i -> {
              try {
                Path d = content.resolve(String.format(Locale.ROOT, "2023/05/bai-%02d", i));
                Files.createDirectories(d);
                // The first is a full camera photo; the others smaller, for the list's thumbnails.
                byte[] photo =
                    CameraPhotos.withMetadata(
                        CameraPhotos.plainJpeg(
                            i == 0
                                ? CameraPhotos.scene(4000, 3000, i)
                                : CameraPhotos.scene(1600, 1200, i),
                            false),
                        i % 5 == 4 ? 6 : 1);
                Files.write(d.resolve("anh.jpg"), photo);
                Files.writeString(
                    d.resolve("index.md"),
                    "---\ntitle: \"Đại hội Chi bộ số "
                        + (i + 1)
                        + " lần thứ nhất nhiệm kỳ 2023 - 2025\"\ndate: 2023-05-"
                        + String.format(Locale.ROOT, "%02d", 28 - i)
                        + "\nimage: anh.jpg\nimage_alt: \"Toàn cảnh Đại hội\"\n---\n\n"
                        + "Đại hội đã bầu Ban Chấp hành khóa mới.\n");
              } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
              }
            });
    Path site = dir.resolve("site");
    BuildResult r =
        SiteBuilder.build(
            SiteConfig.builder()
                .contentDir(content)
                .templatesDir(Path.of("templates"))
                .outputDir(site)
                .today(LocalDate.of(2024, 1, 1))
                .build());
    assertThat(r.written()).as("%s", r.diagnostics()).isTrue();
    server = new StaticServer(site, "/");
    driver = Browser.start(PHONE, 844);
    dense = Browser.start(PHONE, 844, o -> o.addArguments("--force-device-scale-factor=3"));
  }

  @AfterAll
  static void stop() {
    if (driver != null) {
      driver.quit();
    }
    if (dense != null) {
      dense.quit();
    }
    if (server != null) {
      server.close();
    }
  }

  /**
   * Opens {@code path}, scrolls to the end a screen at a time, waits for every image to load and
   * two frames to be drawn, and returns the image bytes fetched, how many images and the layout
   * shifts seen.
   */
  @SuppressWarnings("unchecked")
  private Map<String, Object> read(String path) {
    return read(driver, path);
  }

  @SuppressWarnings("unchecked")
  private Map<String, Object> read(ChromeDriver driver, String path) {
    driver.get(server.url() + path);
    return (Map<String, Object>)
        driver.executeAsyncScript(
            """
            const done = arguments[arguments.length - 1];
            const shifts = [];
            new PerformanceObserver(list => {
              for (const e of list.getEntries()) {
                shifts.push({value: e.value,
                  sources: (e.sources || []).map(s => s.node ? s.node.nodeName : '?')});
              }
            }).observe({type: 'layout-shift', buffered: true});
            const frame = () => new Promise(r => requestAnimationFrame(() => r()));
            const seen = img => img.getBoundingClientRect().top < innerHeight;
            const loaded = all => Promise.all([...document.images].filter(i => all || seen(i))
              .map(img => img.complete
                ? Promise.resolve() : new Promise(r => { img.onload = r; img.onerror = r; })));
            (async () => {
              for (let y = 0; y <= document.body.scrollHeight; y += innerHeight / 2) {
                scrollTo(0, y);
                await frame();
                await loaded(false);
              }
              await loaded(true);
              await frame(); await frame();
              const images = performance.getEntriesByType('resource')
                .filter(e => e.initiatorType === 'img');
              done({
                bytes: images.reduce((n, e) => n + e.encodedBodySize, 0),
                images: images.length,
                names: images.map(e => e.name.replace(location.origin, '')),
                shifts: shifts,
              });
            })();
            """);
  }

  @Test
  void anArticleWithACameraPhotoFetchesLittleAndDoesNotShift() {
    String path = "2023/05/dai-hoi-chi-bo-so-1-lan-thu-nhat-nhiem-ky-2023-2025/";
    Map<String, Object> m = read(path);
    System.out.printf(
        Locale.ROOT,
        "PhotoPagesIT: article at %d px: %d image(s), %d bytes %s, layout shifts %s%n",
        PHONE,
        ((Number) m.get("images")).intValue(),
        ((Number) m.get("bytes")).longValue(),
        m.get("names"),
        m.get("shifts"));
    assertThat(((Number) m.get("images")).intValue()).isEqualTo(1);
    assertThat((List<?>) m.get("names")).singleElement().asString().endsWith("anh-480.jpg");
    assertThat(((Number) m.get("bytes")).longValue()).isPositive().isLessThanOrEqualTo(200_000);
    assertThat((List<?>) m.get("shifts")).isEmpty();
  }

  @Test
  void atThreePixelsToAPointTheTargetsHoldToo() {
    Map<String, Object> article =
        read(dense, "2023/05/dai-hoi-chi-bo-so-1-lan-thu-nhat-nhiem-ky-2023-2025/");
    Map<String, Object> home = read(dense, "");
    System.out.printf(
        Locale.ROOT,
        "PhotoPagesIT: at %d px and 3 pixels to a point: article %d bytes %s, home page %d bytes"
            + " (%d images), layout shifts %s %s%n",
        PHONE,
        ((Number) article.get("bytes")).longValue(),
        article.get("names"),
        ((Number) home.get("bytes")).longValue(),
        ((Number) home.get("images")).intValue(),
        article.get("shifts"),
        home.get("shifts"));
    assertThat(((Number) article.get("bytes")).longValue()).isLessThanOrEqualTo(200_000);
    assertThat(((Number) home.get("bytes")).longValue()).isLessThanOrEqualTo(400_000);
    assertThat((List<?>) article.get("shifts")).isEmpty();
    assertThat((List<?>) home.get("shifts")).isEmpty();
  }

  @Test
  void theFrontPageWithItsLeadPhotoAndNineteenThumbnailsFetchesLittleAndDoesNotShift() {
    Map<String, Object> m = read("");
    System.out.printf(
        Locale.ROOT,
        "PhotoPagesIT: home page at %d px: %d image(s), %d bytes, layout shifts %s%n",
        PHONE,
        ((Number) m.get("images")).intValue(),
        ((Number) m.get("bytes")).longValue(),
        m.get("shifts"));
    assertThat(((Number) m.get("images")).intValue()).isEqualTo(20);
    assertThat((List<?>) m.get("names"))
        .filteredOn(n -> n.toString().endsWith("-240x160.jpg"))
        .hasSize(19);
    assertThat((List<?>) m.get("names")).anyMatch(n -> n.toString().endsWith("anh-480.jpg"));
    assertThat(((Number) m.get("bytes")).longValue()).isLessThanOrEqualTo(400_000);
    assertThat((List<?>) m.get("shifts")).isEmpty();
  }

  /**
   * Where the front page's parts are on the first screen: the lead story's heading and photo, the
   * side column with the latest congresses, and whether anything is wider than the screen.
   */
  @SuppressWarnings("unchecked")
  private static Map<String, Object> frontLayout(ChromeDriver driver) {
    driver.get(server.url());
    return (Map<String, Object>)
        driver.executeScript(
            """
            const box = s => { const r = document.querySelector(s).getBoundingClientRect();
              return {top: r.top, bottom: r.bottom, left: r.left, right: r.right,
                width: r.width}; };
            return {
              screen: innerHeight,
              overflow: document.documentElement.scrollWidth
                - document.documentElement.clientWidth,
              heading: box('#tin-chinh'),
              photo: box('.lead-story img'),
              latest: box('.front-latest'),
              side: box('.front-side'),
            };
            """);
  }

  private static double at(Map<String, Object> layout, String part, String edge) {
    return ((Number) ((Map<String, Object>) layout.get(part)).get(edge)).doubleValue();
  }

  @Test
  void onAPhoneTheFrontPageOpensOnItsLeadStoryAndFitsTheScreen() {
    Map<String, Object> m = frontLayout(driver);
    System.out.printf(Locale.ROOT, "PhotoPagesIT: front page at %d px: %s%n", PHONE, m);
    double screen = ((Number) m.get("screen")).doubleValue();
    assertThat(((Number) m.get("overflow")).doubleValue()).isLessThanOrEqualTo(0);
    assertThat(at(m, "heading", "bottom")).isLessThanOrEqualTo(screen);
    assertThat(at(m, "photo", "top")).isLessThan(at(m, "heading", "top"));
    assertThat(at(m, "photo", "width")).isGreaterThan(PHONE / 2.0);
    assertThat(at(m, "side", "top")).isGreaterThanOrEqualTo(at(m, "latest", "bottom"));
  }

  @Test
  void onADesktopTheLeadStoryIsBesideItsPhotoAndTheCongressesBesideTheList() throws IOException {
    ChromeDriver desktop = Browser.start(1366, 768);
    try {
      Map<String, Object> m = frontLayout(desktop);
      System.out.printf(Locale.ROOT, "PhotoPagesIT: front page at 1366 px: %s%n", m);
      double screen = ((Number) m.get("screen")).doubleValue();
      assertThat(((Number) m.get("overflow")).doubleValue()).isLessThanOrEqualTo(0);
      assertThat(at(m, "photo", "bottom")).isLessThanOrEqualTo(screen);
      assertThat(at(m, "heading", "left")).isGreaterThanOrEqualTo(at(m, "photo", "right"));
      assertThat(at(m, "heading", "bottom")).isLessThanOrEqualTo(screen);
      assertThat(at(m, "side", "left")).isGreaterThanOrEqualTo(at(m, "latest", "right"));
      assertThat(at(m, "side", "top")).isLessThan(at(m, "latest", "bottom"));
    } finally {
      desktop.quit();
    }
  }
}
