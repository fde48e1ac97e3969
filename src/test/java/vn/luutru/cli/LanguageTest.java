package vn.luutru.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.luutru.cli.MainTest.Run;
import vn.luutru.internal.Texts;
import vn.luutru.internal.Texts.Language;

/**
 * The language of the command line: Vietnamese by default, {@code --lang} over {@code LUUTRU_LANG},
 * the help and picocli's own usage errors in it too. Each run starts from Vietnamese, as a process
 * started without {@code LUUTRU_LANG} does; the language the tests run in is restored after each.
 */
class LanguageTest {
  @TempDir Path dir;

  private Language before;

  @BeforeEach
  void vietnameseAsWithoutTheVariable() {
    before = Texts.language();
    Texts.use(Language.VI);
  }

  @AfterEach
  void restore() {
    Texts.use(before);
  }

  @Test
  void theHelpIsInVietnameseByDefaultWithWholeSentences() {
    Run r = MainTest.run("--help");
    assertThat(r.code()).isZero();
    assertThat(r.out())
        .contains("Cách dùng: luutru")
        .contains("Các lệnh:")
        .contains("Lưu trữ: công cụ dựng trang lưu trữ tin bài tĩnh cho tổ chức Đảng.")
        .contains("Hiện phần hướng dẫn này rồi thoát.")
        .contains("--lang en")
        .doesNotContain("Usage:", "Display help", "Show this help");
    Run b = MainTest.run("build", "--help");
    assertThat(b.out())
        .contains("Dựng trang lưu trữ vào thư mục đầu ra.")
        .contains("Tùy chọn:")
        .contains("--drafts")
        .doesNotContain("Usage:", "Builds the archive");
    // Each option has its whole description: every one ends a sentence.
    assertThat(unwrap(b.out()).lines().filter(l -> l.startsWith("-")))
        .isNotEmpty()
        .allSatisfy(l -> assertThat(l).endsWith("."));
  }

  @Test
  void langChoosesEnglishBeforeOrAfterTheCommand() {
    assertThat(MainTest.run("--lang", "en", "--help").out()).contains("Usage: luutru", "Commands:");
    assertThat(MainTest.run("build", "--lang=en", "--help").out())
        .contains("Builds the archive into the output folder.");
    // The language of one run does not stay for the next.
    assertThat(Texts.language()).isEqualTo(Language.VI);
    assertThat(MainTest.run("build", "--help").out()).contains("Cách dùng:");
  }

  @Test
  void anUnknownLanguageIsAUsageErrorInBothLanguages() {
    Run r = MainTest.run("--lang", "fr", "build");
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err())
        .contains("luutru: lỗi: --lang fr: luutru dùng vi (tiếng Việt) hoặc en (tiếng Anh)")
        .contains("luutru: error: --lang fr: luutru speaks vi (Vietnamese) or en (English)");
    assertThat(r.out()).isEmpty();
  }

  @Test
  void picocliUsageErrorsAreSaidAgainInTheUsersLanguage() {
    assertThat(MainTest.run("build", "--no-such-option"))
        .satisfies(r -> assertThat(r.code()).isEqualTo(2))
        .satisfies(
            r ->
                assertThat(r.err())
                    .contains("luutru build: lỗi: không có tùy chọn '--no-such-option'")
                    .contains("Xem các tùy chọn: luutru build --help"));
    assertThat(MainTest.run("new").err()).contains("luutru new: lỗi: thiếu tham số 'TITLE'");
    assertThat(MainTest.run("serve", "--port", "abc").err())
        .contains("giá trị của '--port' không hợp lệ: abc không phải là một số nguyên");
    assertThat(MainTest.run("build", "--content").err())
        .contains("tùy chọn --content cần một giá trị (DIR)");
    assertThat(MainTest.run("biuld").err())
        .contains("'biuld' không phải là một lệnh")
        .contains("có phải ý bạn là build?");
    assertThat(MainTest.run("help", "biuld").err()).contains("luutru: lỗi: không có lệnh 'biuld'");
    assertThat(MainTest.run("--lang", "en", "build", "--no-such-option").err())
        .contains("luutru build: error: unknown option '--no-such-option'");
  }

  @Test
  void aCommandSpeaksVietnamese() throws IOException {
    Path content = dir.resolve("content");
    Files.createDirectories(content);
    Run r =
        MainTest.run(
            "build",
            "--content",
            content.toString(),
            "--output",
            dir.resolve("site").toString(),
            "--base-url",
            "https://example.org/");
    assertThat(r.code()).as(r.err()).isZero();
    assertThat(r.out()).contains("luutru: 0 bài viết, ").contains(" tệp (");
    assertThat(MainTest.run("build", "--content", dir.resolve("nope").toString()).err())
        .contains("--content: không có thư mục");
  }

  @Test
  void aSettingsFileErrorInVietnameseKeepsItsPlaceTheLineAndTheCaret() throws IOException {
    Path content = Files.createDirectories(dir.resolve("content"));
    Path settings = dir.resolve("luutru.yaml");
    Files.writeString(settings, "title: \"Đảng bộ Sở\"\npage_size: nhiều\ntieude: x\n");
    Run r =
        MainTest.run(
            "build",
            "--config",
            settings.toString(),
            "--content",
            content.toString(),
            "--output",
            dir.resolve("site").toString());
    assertThat(r.code()).isEqualTo(1);
    assertThat(r.err())
        .contains(settings + ":2:12: ")
        .contains("page_size: cần một số nguyên, nhưng gặp ")
        .contains("\n  page_size: nhiều\n             ^\n")
        .contains(settings + ":3:1: ")
        .contains("khóa 'tieude' không có nên bị bỏ qua: có phải ý bạn là 'title'?")
        .contains("được giữ nguyên như trước");
    assertThat(dir.resolve("site")).doesNotExist();
  }

  /** The help with each option's description on one line. */
  private static String unwrap(String help) {
    return help.replaceAll("\\R {20,}", " ").replaceAll("(?m)^ +", "");
  }
}
