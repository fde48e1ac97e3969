package vn.luutru.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.luutru.internal.Texts;

/**
 * The language of {@code java -jar target/luutru.jar} as a user starts it: Vietnamese with no
 * {@code LUUTRU_LANG}, English with {@code LUUTRU_LANG=en}, and {@code --lang} over the variable.
 */
class LanguageIT {
  @TempDir Path dir;

  record Result(int code, String out, String err) {}

  /** Runs the jar with {@code LUUTRU_LANG} set to {@code lang}, or unset when it is null. */
  Result jar(String lang, String... args) throws IOException, InterruptedException {
    List<String> command =
        new ArrayList<>(
            List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar",
                Path.of("target/luutru.jar").toAbsolutePath().toString()));
    command.addAll(List.of(args));
    ProcessBuilder b =
        new ProcessBuilder(command)
            .directory(dir.toFile())
            .redirectOutput(dir.resolve("out.txt").toFile())
            .redirectError(dir.resolve("err.txt").toFile());
    Map<String, String> env = b.environment();
    env.remove(Texts.ENVIRONMENT);
    if (lang != null) {
      env.put(Texts.ENVIRONMENT, lang);
    }
    Process p = b.start();
    assertThat(p.waitFor(120, TimeUnit.SECONDS)).as("the command ends").isTrue();
    return new Result(
        p.exitValue(),
        Files.readString(dir.resolve("out.txt"), StandardCharsets.UTF_8),
        Files.readString(dir.resolve("err.txt"), StandardCharsets.UTF_8));
  }

  @Test
  void vietnameseWithoutTheVariable() throws Exception {
    Result help = jar(null, "--help");
    assertThat(help.code()).isZero();
    assertThat(help.out())
        .contains("Cách dùng: luutru")
        .contains("Lưu trữ: công cụ dựng trang lưu trữ tin bài tĩnh cho tổ chức Đảng.");
    Result build = jar(null, "build", "--help");
    assertThat(build.out()).contains("Dựng trang lưu trữ vào thư mục đầu ra.");

    Files.createDirectories(dir.resolve("content"));
    Result built = jar(null, "build");
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
    Result bad = jar(null, "--lang", "fr", "--help");
    assertThat(bad.code()).isEqualTo(2);
    assertThat(bad.err()).contains("luutru: lỗi: --lang fr", "luutru: error: --lang fr");
  }
}
