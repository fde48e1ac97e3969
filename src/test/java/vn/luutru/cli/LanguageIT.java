package vn.luutru.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.luutru.internal.Texts;
import vn.luutru.testing.Jar;

/**
 * The language of {@code java -jar target/luutru.jar} as a user starts it: Vietnamese with no
 * {@code LUUTRU_LANG}, English with {@code LUUTRU_LANG=en}, and {@code --lang} over the variable.
 */
class LanguageIT {
  @TempDir Path dir;

  /** Runs the jar with {@code LUUTRU_LANG} set to {@code lang}, or unset when it is null. */
  Jar.Result jar(String lang, String... args) throws IOException, InterruptedException {
    Map<String, String> environment = new HashMap<>();
    environment.put(Texts.ENVIRONMENT, lang);
    return Jar.run(dir, List.of(), environment, args);
  }

  @Test
  void vietnameseWithoutTheVariable() throws Exception {
    Jar.Result help = jar(null, "--help");
    assertThat(help.code()).isZero();
    assertThat(help.out())
        .contains("Cách dùng: luutru")
        .contains("Lưu trữ: công cụ dựng trang lưu trữ tin bài tĩnh cho tổ chức Đảng.");
    Jar.Result build = jar(null, "build", "--help");
    assertThat(build.out()).contains("Dựng trang lưu trữ vào thư mục đầu ra.");

    Files.createDirectories(dir.resolve("content"));
    Jar.Result built = jar(null, "build");
    assertThat(built.code()).as(built.err()).isZero();
    assertThat(built.out()).contains("luutru: 0 bài viết, ");
    assertThat(built.err()).contains("http://localhost:8080/", "một địa chỉ chỉ dùng được");
  }

  @Test
  void englishByTheVariableAndTheOptionOverIt() throws Exception {
    assertThat(jar("en", "--help").out()).contains("Usage: luutru", "Commands:");
    assertThat(jar("en", "build", "--lang", "vi", "--help").out())
        .contains("Dựng trang lưu trữ vào thư mục đầu ra.");
    assertThat(jar(null, "--lang", "en", "build", "--help").out())
        .contains("Builds the archive into the output folder.");
    Jar.Result bad = jar(null, "--lang", "fr", "--help");
    assertThat(bad.code()).isEqualTo(2);
    assertThat(bad.err()).contains("luutru: lỗi: --lang fr", "luutru: error: --lang fr");
  }
}
