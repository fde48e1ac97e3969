package vn.luutru.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import vn.luutru.image.ImageSettings;

/**
 * The settings file's specification as tables: each input gives the problems listed ({@code
 * line:column: severity: message}) and, when none is an error, settings. Every row runs with LF
 * line endings, with CRLF and with a byte-order mark; the answers must not change.
 */
class SettingsFileTest {
  /** The files a test site has: {@code logo.png} in the content folder. */
  private static final Set<String> FILES = Set.of("logo.png", "assets/favicon.svg");

  enum Encoding {
    LF(s -> s),
    CRLF(s -> s.replace("\n", "\r\n")),
    BOM(s -> "\uFEFF" + s);

    final UnaryOperator<String> apply;

    Encoding(UnaryOperator<String> apply) {
      this.apply = apply;
    }
  }

  private static SettingsFile.Loaded read(String text, Encoding enc) {
    return SettingsFile.read(
        "luutru.yaml", enc.apply.apply(text).getBytes(StandardCharsets.UTF_8), FILES::contains);
  }

  private static List<String> problems(SettingsFile.Loaded l) {
    return l.diagnostics().stream()
        .map(
            d ->
                d.line()
                    + ":"
                    + d.column()
                    + ": "
                    + d.severity().name().toLowerCase(java.util.Locale.ROOT)
                    + ": "
                    + d.message())
        .toList();
  }

  static Stream<Arguments> errors() {
    String[][] table = {
      {
        "YAML syntax",
        "title: \"Đảng bộ\nbase_url: x\n",
        "3:1: error: YAML: found unexpected end of stream (while scanning a quoted scalar)"
      },
      {
        "not key: value lines",
        "- title\n",
        "1:1: error: luutru.yaml must be 'key: value' lines, such as title: \"Đảng bộ …\", found a list"
      },
      {
        "duplicate key",
        "title: A\ntitle: B\n",
        "2:1: error: duplicate key 'title' (first at line 1)"
      },
      {"title not text", "title: [A]\n", "1:8: error: title: expected text, found a list"},
      {
        "base URL without scheme",
        "base_url: example.org/luu-tru\n",
        "1:11: error: base_url: expected an absolute http(s) address such as"
            + " https://example.org/luu-tru/, found example.org/luu-tru"
      },
      {
        "base URL with a query",
        "base_url: https://example.org/?a=1\n",
        "1:11: error: base_url: must not have a query or a fragment: https://example.org/?a=1"
      },
      {"page size zero", "page_size: 0\n", "1:12: error: page_size: must be 1 or more, found 0"},
      {
        "page size not a number",
        "page_size: hai mươi\n",
        "1:12: error: page_size: expected a whole number, found 'hai mươi'"
      },
      {
        "language",
        "language: Tiếng Việt\n",
        "1:11: error: language: expected a language code such as vi or en, found 'Tiếng Việt'"
      },
      {
        "agency not a mapping",
        "agency: Sở Công Thương\n",
        "1:9: error: agency: expected the keys name, governing_body, address, telephone, email,"
            + " responsible, licence on the lines under it, indented, found 'Sở Công Thương'"
      },
      {
        "agency e-mail",
        "agency:\n  email: vanphong.gov.vn\n",
        "2:10: error: agency.email: expected an e-mail address such as vanphong@example.gov.vn,"
            + " found 'vanphong.gov.vn'"
      },
      {
        "menu not a list",
        "menu: Trang chủ\n",
        "1:7: error: menu: expected a list of links, each line such as - { label: \"Giới thiệu\","
            + " url: \"gioi-thieu/\" }, found 'Trang chủ'"
      },
      {
        "menu item without url",
        "menu:\n  - { label: Giới thiệu }\n",
        "2:5: error: menu: each link needs a url: the page it leads to, such as chuyen-muc/"
      },
      {
        "menu item without label",
        "menu:\n  - url: gioi-thieu/\n",
        "2:5: error: menu: each link needs a label: the text of the link"
      },
      {
        "menu item a script",
        "menu:\n  - { label: A, url: \"javascript:alert(1)\" }\n",
        "2:22: error: menu.url: 'javascript:alert(1)' is not a page of the site or an http(s)"
            + " address: write a path in the site such as chuyen-muc/ or an address such as"
            + " https://example.org/"
      },
      {
        "menu item outside the site",
        "menu:\n  - { label: A, url: ../a/ }\n",
        "2:22: error: menu.url: '../a/' is not a page of the site or an http(s) address: write a"
            + " path in the site such as chuyen-muc/ or an address such as https://example.org/"
      },
      {
        "logo missing",
        "logo: anh/logo.png\n",
        "1:7: error: logo: there is no file anh/logo.png in the content folder or the templates'"
            + " assets: put the logo in the content folder (content/anh/logo.png) or fix the path"
      },
      {
        "logo from another site",
        "logo: https://example.org/logo.png\n",
        "1:7: error: logo: 'https://example.org/logo.png' is not a file's path in the site: write a"
            + " path such as logo.png"
      },
      {
        "every problem at once, with a warning",
        "title: [A]\ntitel: B\npage_size: -1\n",
        "1:8: error: title: expected text, found a list|2:1: warning: unknown key 'titel' is"
            + " ignored: did you mean 'title'?|3:12: error: page_size: must be 1 or more, found -1"
      },
      {
        "images: widths",
        "images:\n  widths: 960\n",
        "2:11: error: images.widths: expected a list of widths in pixels, such as [480, 960,"
            + " 1600], found '960'"
      },
      {
        "images: quality",
        "images:\n  quality: 120\n",
        "2:12: error: images: quality must be between 1 and 100: 120"
      },
      {
        "images: widths out of range",
        "images:\n  widths: [8, 960]\n",
        "2:11: error: images: widths must be between 16 and 8192 pixels, at least one: [8, 960]"
      },
      {
        "images: thumbnail_height, at its own line",
        "images:\n  thumbnail_width: 300\n  thumbnail_height: 8\n",
        "3:21: error: images: thumbnail size must be between 16 and 2048 pixels: 300 × 8"
      },
      {
        "images: keep_original",
        "images:\n  keep_original: có\n",
        "2:18: error: images.keep_original: expected true or false, found 'có'"
      },
      {
        "deploy: a password in the address",
        "deploy:\n  to: sftp://web:matkhau@example.gov.vn/www\n",
        "2:7: error: deploy.to: sftp://web:matkhau@example.gov.vn/www is not an SFTP address:"
            + " write sftp://USER@HOST/FOLDER (or sftp://USER@HOST:PORT/FOLDER; /~/FOLDER for a"
            + " folder in USER's home); the password goes in LUUTRU_DEPLOY_PASSWORD, never in the"
            + " address"
      },
    };
    return Stream.of(table)
        .flatMap(
            row -> Stream.of(Encoding.values()).map(e -> Arguments.of(row[0], e, row[1], row[2])));
  }

  @ParameterizedTest(name = "{0} ({1})")
  @MethodSource("errors")
  void reportsWhereTheProblemIs(String name, Encoding enc, String input, String expected) {
    SettingsFile.Loaded l = read(input, enc);
    assertThat(l.settings()).as("no settings from a file with errors").isEmpty();
    assertThat(problems(l)).containsExactly(expected.split("\\|"));
  }

  static Stream<Arguments> unknownKeys() {
    String[][] table = {
      {"tittle: A\n", "1:1: warning: unknown key 'tittle' is ignored: did you mean 'title'?"},
      {"baseurl: x\n", "1:1: warning: unknown key 'baseurl' is ignored: did you mean 'base_url'?"},
      {
        "Base-URL: x\n", "1:1: warning: unknown key 'Base-URL' is ignored: did you mean 'base_url'?"
      },
      {
        "pagesize: 3\n",
        "1:1: warning: unknown key 'pagesize' is ignored: did you mean 'page_size'?"
      },
      {
        "agency:\n  phone: 0238\n",
        "2:3: warning: unknown key 'agency.phone' is ignored: did you mean 'agency.telephone'?"
      },
      {
        "agency:\n  fax: 0238\n",
        "2:3: warning: unknown key 'agency.fax' is ignored; the keys here are: name,"
            + " governing_body, address, telephone, email, responsible, licence"
      },
      {
        "tiêu_đề: Đảng bộ\n",
        "1:1: warning: unknown key 'tiêu_đề' is ignored: did you mean 'title'?"
      },
      {
        "agency:\n  Điện thoại: 0238\n",
        "2:3: warning: unknown key 'agency.Điện thoại' is ignored: did you mean 'agency.telephone'?"
      },
      {
        "site_title: A\n",
        "1:1: warning: unknown key 'site_title' is ignored: did you mean 'title'?"
      },
      {
        "agency:\n  adress: Số 1\n",
        "2:3: warning: unknown key 'agency.adress' is ignored: did you mean 'agency.address'?"
      },
      {
        "menu:\n  - { label: A, link: a/ , url: a/ }\n",
        "2:17: warning: unknown key 'menu.link' is ignored; the keys here are: label, url"
      },
      {
        "theme: tin-tuc\n",
        "1:1: warning: unknown key 'theme' is ignored; the keys here are: title, description,"
            + " base_url, language, page_size, logo, agency, menu, images, deploy"
      },
    };
    return Stream.of(table)
        .flatMap(row -> Stream.of(Encoding.values()).map(e -> Arguments.of(e, row[0], row[1])));
  }

  @ParameterizedTest(name = "{1} ({0})")
  @MethodSource("unknownKeys")
  void anUnknownKeyIsAWarningThatSuggestsTheKeyMeant(Encoding enc, String input, String expected) {
    SettingsFile.Loaded l = read(input, enc);
    assertThat(problems(l)).containsExactly(expected);
    assertThat(l.settings()).as("a warning does not stop the settings").isPresent();
  }

  @ParameterizedTest
  @MethodSource("encodings")
  void readsEveryKey(Encoding enc) {
    String file =
        """
        # Cài đặt
        title: "Đảng bộ Sở Công Thương"
        description: Kho lưu trữ tin bài của Đảng bộ
        base_url: https://dangbo.example.gov.vn/luu-tru
        language: vi
        page_size: 12
        logo: /logo.png
        agency:
          name: Đảng bộ Sở Công Thương tỉnh Nghệ An
          governing_body: Đảng ủy Khối các cơ quan tỉnh
          address: Số 8 Quang Trung, TP. Vinh
          telephone: (0238) 3 844 000
          email: vanphong@example.gov.vn
          responsible: Nguyễn Văn A, Phó Bí thư Đảng ủy
          license: Ghi rõ nguồn khi phát hành lại thông tin từ trang này
        menu:
          - { label: Trang chủ, url: "" }
          - label: Giới thiệu
            url: /gioi-thieu/
          - { label: Cổng thông tin tỉnh, url: "https://nghean.gov.vn/" }
        images:
          widths: [1600, 480]
          quality: 75
          thumbnail_width: 300
          thumbnail_height: 200
          keep_original: true
        deploy:
          to: sftp://web@example.gov.vn/~/www
        """;
    SettingsFile.Loaded l = read(file, enc);
    assertThat(l.diagnostics()).isEmpty();
    assertThat(l.settings())
        .contains(
            new Settings(
                "Đảng bộ Sở Công Thương",
                "Kho lưu trữ tin bài của Đảng bộ",
                "https://dangbo.example.gov.vn/luu-tru",
                "vi",
                12,
                "logo.png",
                new Agency(
                    "Đảng bộ Sở Công Thương tỉnh Nghệ An",
                    "Đảng ủy Khối các cơ quan tỉnh",
                    "Số 8 Quang Trung, TP. Vinh",
                    "(0238) 3 844 000",
                    "vanphong@example.gov.vn",
                    "Nguyễn Văn A, Phó Bí thư Đảng ủy",
                    "Ghi rõ nguồn khi phát hành lại thông tin từ trang này"),
                List.of(
                    new MenuItem("Trang chủ", ""),
                    new MenuItem("Giới thiệu", "gioi-thieu/"),
                    new MenuItem("Cổng thông tin tỉnh", "https://nghean.gov.vn/")),
                new ImageSettings(List.of(480, 1600), 75, 300, 200, true, 200_000_000L),
                "sftp://web@example.gov.vn/~/www"));
    assertThat(l.positions().get("base_url").line()).isEqualTo(4);
  }

  static Stream<Encoding> encodings() {
    return Stream.of(Encoding.values());
  }

  @Test
  void aFileThatIsNotTextSaysWhatItShouldBe() {
    SettingsFile.Loaded l =
        SettingsFile.read("luutru.yaml", new byte[] {'a', 0, 'b'}, FILES::contains);
    assertThat(problems(l))
        .containsExactly(
            "1:2: error: not a text file: NUL byte at offset 1; luutru.yaml is text saved as UTF-8");
    assertThat(l.settings()).isEmpty();
  }

  @Test
  void anEmptyFileOrOneOfCommentsIsEveryDefault() {
    for (String text : List.of("", "\n", "# Cài đặt\n# title: A\n", "{}\n")) {
      SettingsFile.Loaded l = read(text, Encoding.LF);
      assertThat(l.diagnostics()).as(text).isEmpty();
      assertThat(l.settings()).as(text).contains(Settings.DEFAULT);
    }
  }

  @Test
  void keysLeftEmptyKeepTheirDefaults() {
    SettingsFile.Loaded l =
        read("title: \" \"\nbase_url:\npage_size:\nagency:\nmenu:\nlogo: \"\"\n", Encoding.LF);
    assertThat(l.diagnostics()).isEmpty();
    assertThat(l.settings()).contains(Settings.DEFAULT);
  }

  /**
   * The users' guides, English and Vietnamese, each list every key of the file, one table row each,
   * in the section under their heading for {@code luutru.yaml}.
   */
  @ParameterizedTest(name = "{0}")
  @CsvSource({"README.md, ### luutru.yaml", "HUONG-DAN.md, ### Tệp cấu hình `luutru.yaml`"})
  void theGuidesListEveryKey(String guide, String heading) throws java.io.IOException {
    String text =
        java.nio.file.Files.readString(java.nio.file.Path.of(guide), StandardCharsets.UTF_8);
    int start = text.indexOf(heading + "\n");
    assertThat(start).as("%s has the heading %s", guide, heading).isNotNegative();
    int end = text.indexOf("\n## ", start);
    String table = text.substring(start, end < 0 ? text.length() : end);
    for (String key : SettingsFile.TOP_KEYS) {
      assertThat(table).as(guide + ": " + key).containsPattern("(?m)^\\| `" + key + ":?` ");
    }
    Map<String, List<String>> sections =
        Map.of(
            "agency", SettingsFile.AGENCY_KEYS,
            "images", SettingsFile.IMAGES_KEYS,
            "deploy", SettingsFile.DEPLOY_KEYS);
    sections.forEach(
        (section, keys) -> {
          for (String key : keys) {
            assertThat(table)
                .as(guide + ": " + section + ": " + key)
                .containsPattern("(?m)^\\| `" + section + ":` [^|]*`" + key + "`");
          }
        });
  }

  @Test
  void suggestionsAreCloseOrNone() {
    List<String> keys = SettingsFile.TOP_KEYS;
    assertThat(KeySuggestion.closest("titel", keys)).contains("title");
    assertThat(KeySuggestion.closest("BASE_URL", keys)).contains("base_url");
    assertThat(KeySuggestion.closest("menus", keys)).contains("menu");
    assertThat(KeySuggestion.closest("theme", keys)).isEmpty();
    assertThat(KeySuggestion.closest("mô tả", keys)).contains("description");
    assertThat(KeySuggestion.closest("địa chỉ", SettingsFile.AGENCY_KEYS)).contains("address");
    assertThat(KeySuggestion.closest("địa chỉ", keys)).as("not a key of this level").isEmpty();
    assertThat(KeySuggestion.closest("x", keys)).isEmpty();
  }
}
