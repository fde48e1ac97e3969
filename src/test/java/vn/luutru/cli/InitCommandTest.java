package vn.luutru.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.luutru.cli.MainTest.Run;
import vn.luutru.config.Agency;
import vn.luutru.config.Settings;
import vn.luutru.config.SettingsFile;
import vn.luutru.testing.Trees;

/**
 * {@code luutru init}, then the commands on the archive it made: the settings file is read, the
 * command line overrides it, and nothing {@code init} finds is overwritten.
 */
class InitCommandTest {
  @TempDir Path tmp;

  private Path archive() {
    return tmp.resolve("luu-tru");
  }

  private Run init(String... extra) {
    List<String> args = new ArrayList<>(List.of("init", archive().toString()));
    args.addAll(List.of(extra));
    return MainTest.run(args.toArray(String[]::new));
  }

  /** {@code build} in the archive, as {@code cd luu-tru && luutru build} does. */
  private Run build(String... extra) {
    List<String> args = new ArrayList<>(List.of("build"));
    args.addAll(inArchive());
    args.addAll(List.of(extra));
    return MainTest.run(args.toArray(String[]::new));
  }

  private List<String> inArchive() {
    return List.of(
        "--config",
        archive().resolve("luutru.yaml").toString(),
        "--content",
        archive().resolve("content").toString(),
        "--output",
        archive().resolve("site").toString());
  }

  private String read(String path) throws IOException {
    return Files.readString(archive().resolve(path), StandardCharsets.UTF_8);
  }

  private void writeSettings(String text) throws IOException {
    Files.writeString(archive().resolve("luutru.yaml"), text, StandardCharsets.UTF_8);
  }

  @Test
  void initThenBuildMakesTheSiteOfTheNewArchive() throws IOException {
    Run i = init("--title", "Đảng bộ Sở Công Thương", "--base-url", "https://example.org/luu-tru");
    assertThat(i.code()).as(i.err()).isZero();
    assertThat(i.err()).isEmpty();
    assertThat(i.out()).contains("created " + archive().resolve("luutru.yaml"), "luutru serve");
    try (var s = Files.list(archive())) {
      assertThat(s.map(p -> p.getFileName().toString()))
          .containsExactlyInAnyOrder("luutru.yaml", "content", ".gitignore", "README.md");
    }
    assertThat(read(".gitignore")).contains("/site/\n", "/.luutru/\n");
    assertThat(read("README.md")).startsWith("# Đảng bộ Sở Công Thương\n").contains("luutru serve");

    // The test clock is at 2024-01-01, before the example's date.
    Run b = build("--drafts", "--future");
    assertThat(b.code()).as(b.err()).isZero();
    assertThat(b.err()).as("a published address: no warning").isEmpty();
    Map<String, String> site = readText(archive().resolve("site"));
    assertThat(site.get("index.html"))
        .contains("<title>Đảng bộ Sở Công Thương</title>")
        .contains("href=\"/luu-tru/2025/01/");
    String article =
        site.get("2025/01/dai-hoi-chi-bo-van-phong-lan-thu-nhat-nhiem-ky-2025-2027/index.html");
    assertThat(article).contains("Chi bộ Văn phòng", "Trần Văn B");

    Run check =
        MainTest.run(concat(List.of("check", "--drafts", "--future", "--strict"), inArchive()));
    assertThat(check.code())
        .as("the example article is a clean one to copy: %s", check.err())
        .isZero();
  }

  @Test
  void theExampleIsADraftSoABuildPublishesNothingOfIt() throws IOException {
    init("--base-url", "https://example.org/");
    Run b = build();
    assertThat(b.code()).isZero();
    assertThat(b.out()).contains("0 articles");
  }

  @Test
  void theSettingsFileHasEveryKeyWithItsDefault() throws IOException {
    init("--title", "Chi bộ \"Văn phòng\" \\ 2");
    String text = read("luutru.yaml");
    for (String key : SettingsFile.TOP_KEYS) {
      assertThat(text).containsPattern("(?m)^" + key + ":");
    }
    for (String key : SettingsFile.IMAGES_KEYS) {
      assertThat(text).containsPattern("(?m)^  " + key + ":");
    }
    for (String key : SettingsFile.AGENCY_KEYS) {
      assertThat(text).containsPattern("(?m)^  " + key + ":");
    }
    SettingsFile.Loaded l =
        SettingsFile.read("luutru.yaml", text.getBytes(StandardCharsets.UTF_8), p -> true);
    assertThat(l.diagnostics()).isEmpty();
    assertThat(l.settings())
        .contains(
            new Settings(
                "Chi bộ \"Văn phòng\" \\ 2",
                Settings.DEFAULT.description(),
                Settings.DEFAULT.baseUrl(),
                Settings.DEFAULT.language(),
                Settings.DEFAULT.pageSize(),
                "",
                Agency.NONE,
                List.of(),
                vn.luutru.image.ImageSettings.DEFAULT,
                ""));
  }

  @Test
  void initNeverOverwritesAndSaysWhatWasInTheWay() throws IOException {
    Files.createDirectories(archive().resolve("content"));
    Files.writeString(archive().resolve("README.md"), "của tôi\n");
    Files.writeString(archive().resolve("luutru.yaml"), "title: Của tôi\n");
    Run i = init("--title", "Khác");
    assertThat(i.code()).isEqualTo(1);
    assertThat(i.err())
        .contains(archive().resolve("README.md") + " already exists; it was left as it is")
        .contains(archive().resolve("luutru.yaml") + " already exists; it was left as it is")
        .contains("2 file(s) already existed", "luutru init luu-tru-moi");
    assertThat(read("README.md")).isEqualTo("của tôi\n");
    assertThat(read("luutru.yaml")).isEqualTo("title: Của tôi\n");
    assertThat(archive().resolve(".gitignore")).exists();

    Files.writeString(archive().resolve("templates"), "một tệp, không phải thư mục\n");
    Run again = init("--theme");
    assertThat(again.code()).isEqualTo(1);
    assertThat(again.err())
        .contains(
            archive().resolve("templates")
                + " is a file where a folder is needed; it was left as it is")
        .contains("5 file(s) already existed")
        .doesNotContain("internal error");
    assertThat(read("templates")).isEqualTo("một tệp, không phải thư mục\n");
    assertThat(read("README.md")).isEqualTo("của tôi\n");
  }

  @Test
  void aFileWhereTheFolderShouldBeIsAUsageError() throws IOException {
    Files.writeString(archive(), "x");
    assertThat(init().code()).isEqualTo(2);
    assertThat(init().err()).contains("is a file, not a folder");
    assertThat(
            MainTest.run("init", tmp.resolve("b").toString(), "--base-url", "example.org").code())
        .isEqualTo(2);
  }

  @Test
  void themeCopiesTheBuiltInThemeFileForFile() throws IOException {
    init("--theme");
    assertThat(Trees.sha256(archive().resolve("templates")))
        .containsExactlyInAnyOrderEntriesOf(Trees.sha256(Path.of("templates")));
  }

  @Test
  void optionsOverrideTheFileWhichOverridesTheDefaults() throws IOException {
    init("--base-url", "https://example.org/");
    writeSettings("title: Tên trong tệp\nbase_url: https://example.org/\npage_size: 1\n");
    Files.writeString(
        archive().resolve("content/b.md"),
        "---\ntitle: \"Bài B\"\ndate: 2024-01-01\n---\nB\n",
        StandardCharsets.UTF_8);
    Files.writeString(
        archive().resolve("content/c.md"),
        "---\ntitle: \"Bài C\"\ndate: 2023-01-01\n---\nC\n",
        StandardCharsets.UTF_8);

    assertThat(build().code()).isZero();
    Map<String, String> fromFile = readText(archive().resolve("site"));
    assertThat(fromFile.get("index.html")).contains("<title>Tên trong tệp</title>");
    assertThat(fromFile).as("one article a page, from the file").containsKey("page/2/index.html");

    assertThat(build("--title", "Tên trên dòng lệnh", "--page-size", "20").code()).isZero();
    Map<String, String> fromOptions = readText(archive().resolve("site"));
    assertThat(fromOptions.get("index.html")).contains("<title>Tên trên dòng lệnh</title>");
    assertThat(fromOptions).doesNotContainKey("page/2/index.html");

    writeSettings("# nothing set\n");
    assertThat(build("--base-url", "https://example.org/").code()).isZero();
    assertThat(readText(archive().resolve("site")).get("index.html"))
        .contains("<title>Lưu trữ tin tức</title>");
  }

  @Test
  void aLocalAddressIsAWarningThatSaysWhereToSetTheRealOne() throws IOException {
    init();
    Run b = build();
    assertThat(b.code()).isZero();
    assertThat(b.err())
        .contains(
            archive().resolve("luutru.yaml")
                + ":15:11: warning: http://localhost:8080/ is an address of this computer only")
        .contains("\n  base_url: \"http://localhost:8080/\"\n            ^");
    assertThat(b.out()).contains("1 warning(s)");

    Run option = build("--base-url", "http://127.0.0.1:1313/");
    assertThat(option.err())
        .startsWith(
            "luutru build: warning: the base URL is http://127.0.0.1:1313/, an address of this"
                + " computer only")
        .contains("set base_url: in luutru.yaml (or give --base-url)");
  }

  @Test
  void settingsErrorsAreReportedWithACaretAndNothingIsWritten() throws IOException {
    init("--base-url", "https://example.org/");
    assertThat(build().code()).isZero();
    var before = Trees.read(archive().resolve("site"));
    writeSettings("title: Đảng bộ\npage_size: không\ntitel: x\n");
    Run b = build();
    assertThat(b.code()).isEqualTo(1);
    String file = archive().resolve("luutru.yaml").toString();
    assertThat(b.err())
        .contains(
            file
                + ":2:12: error: page_size: expected a whole number, found 'không'\n"
                + "  page_size: không\n"
                + "             ^")
        .contains(file + ":3:1: warning: unknown key 'titel' is ignored: did you mean 'title'?")
        .contains("1 error(s), 1 warning(s); " + archive().resolve("site") + " was left as it was");
    assertThat(Trees.read(archive().resolve("site"))).containsExactlyEntriesOf(before);

    Run check = MainTest.run(concat(List.of("check"), inArchive()));
    assertThat(check.code()).isEqualTo(1);
    assertThat(check.err()).contains(":2:12: error: page_size");

    Run serve = MainTest.run(concat(List.of("serve", "--port", "0"), inArchive()));
    assertThat(serve.code()).as("the preview does not start").isEqualTo(1);
    assertThat(serve.err())
        .contains(":2:12: error: page_size")
        .contains("fix them and start the preview again");
  }

  @Test
  void aMissingSettingsFileGivenByNameIsAUsageError() {
    Run r = MainTest.run("build", "--config", tmp.resolve("khong-co.yaml").toString());
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err()).contains("--config: no such file: " + tmp.resolve("khong-co.yaml"));
  }

  @Test
  void theAgencyAndTheMenuReachTheLayout() throws IOException {
    init("--base-url", "https://example.org/luu-tru/");
    Files.writeString(
        archive().resolve("content/logo.svg"), "<svg xmlns=\"http://www.w3.org/2000/svg\"/>");
    writeSettings(
        """
        title: Đảng bộ Sở
        base_url: https://example.org/luu-tru/
        logo: logo.svg
        agency:
          name: Đảng bộ Sở Công Thương
          governing_body: Đảng ủy Khối các cơ quan tỉnh
          address: Số 8 Quang Trung
          telephone: (0238) 3 844 000
          email: vanphong@example.gov.vn
          responsible: Nguyễn Văn A
          licence: Ghi rõ nguồn khi phát hành lại
        menu:
          - { label: Trang chủ, url: "" }
          - { label: Giới thiệu, url: /gioi-thieu/ }
          - { label: Cổng tỉnh, url: "https://example.gov.vn/" }
        """);
    Run b = build();
    assertThat(b.code()).as(b.err()).isZero();
    Map<String, String> site = readText(archive().resolve("site"));
    assertThat(site).containsKey("logo.svg");
    String index = site.get("index.html");
    assertThat(index)
        .contains("<img class=\"site-logo\" src=\"/luu-tru/logo.svg\" alt=\"\">Đảng bộ Sở</a>")
        .contains(
            "<li><a href=\"/luu-tru/\" aria-current=\"page\">Trang chủ</a></li>\n"
                + "<li><a href=\"/luu-tru/gioi-thieu/\">Giới thiệu</a></li>\n"
                + "<li><a href=\"https://example.gov.vn/\">Cổng tỉnh</a></li>\n"
                + "</ul>")
        .doesNotContain("Tổ chức đảng</a>")
        .contains("<p class=\"agency-name\">Đảng bộ Sở Công Thương</p>")
        .contains("Cơ quan chủ quản: Đảng ủy Khối các cơ quan tỉnh")
        .contains("Địa chỉ: Số 8 Quang Trung<br>")
        .contains("Điện thoại: (0238) 3 844 000<br>")
        .contains("<a href=\"mailto:vanphong@example.gov.vn\">vanphong@example.gov.vn</a>")
        .contains("Chịu trách nhiệm nội dung: Nguyễn Văn A")
        .contains("<p>Ghi rõ nguồn khi phát hành lại</p>");
  }

  @Test
  void checkReportsAMenuLinkThatLeadsNowhereAtItsPlaceInTheSettingsFile() throws IOException {
    init("--base-url", "https://example.org/luu-tru/");
    Files.writeString(
        archive().resolve("content/logo.svg"), "<svg xmlns=\"http://www.w3.org/2000/svg\"/>");
    writeSettings(
        """
        title: Đảng bộ Sở
        base_url: https://example.org/luu-tru/
        menu:
          - { label: Trang chủ, url: "" }
          - { label: Giới thiệu, url: /gioi-thieu/ }
          - { label: Thời gian, url: thoi-gian/ }
          - { label: Biểu trưng, url: logo.svg }
          - { label: Tìm, url: "tim-kiem/?q=dai+hoi" }
          - { label: Cổng tỉnh, url: "https://example.gov.vn/" }
          - { label: Trang cũ, url: tin-tuc/1.html }
        """);
    List<String> args = new ArrayList<>(List.of("check"));
    args.addAll(inArchive());
    Run r = MainTest.run(args.toArray(String[]::new));
    assertThat(r.code()).isEqualTo(1);
    String file = archive().resolve("luutru.yaml").toString();
    assertThat(r.err())
        .contains(
            file + ":5:31: error: menu: no page or file of the site has the address 'gioi-thieu/'",
            file
                + ":10:29: error: menu: no page or file of the site has the address 'tin-tuc/1.html'")
        .doesNotContain("'thoi-gian/'", "'logo.svg'", "'tim-kiem/", "example.gov.vn", "''");
  }

  private static Map<String, String> readText(Path site) {
    Map<String, String> out = new java.util.TreeMap<>();
    Trees.read(site).forEach((k, v) -> out.put(k, new String(v, StandardCharsets.UTF_8)));
    return out;
  }

  private static String[] concat(List<String> a, List<String> b) {
    List<String> out = new ArrayList<>(a);
    out.addAll(b);
    return out.toArray(String[]::new);
  }
}
