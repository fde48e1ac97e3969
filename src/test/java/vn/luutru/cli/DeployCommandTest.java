package vn.luutru.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import vn.luutru.testing.SampleSite;

/** {@code luutru deploy}: its options, its report, its exit codes. */
class DeployCommandTest {
  @TempDir static Path built;
  @TempDir Path target;

  @BeforeAll
  static void build() throws Exception {
    SampleSite.build(built.resolve("site"), "https://example.org/luu-tru/");
  }

  record Run(int code, String out, String err) {}

  /** Runs the command with an empty environment and a home of its own. */
  private Run deploy(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    CommandLine cli =
        new CommandLine(
            new DeployCommand(new DeployCommand.Environment(Map.of(), target.resolve("home"))));
    cli.setOut(new PrintWriter(out));
    cli.setErr(new PrintWriter(err));
    int code = cli.execute(args);
    return new Run(code, out.toString(), err.toString());
  }

  private String site() {
    return built.resolve("site").toString();
  }

  @Test
  void isACommandOfLuutru() {
    assertThat(MainTest.run("deploy", "--help").out()).contains("--dry-run", "--to", "--identity");
  }

  @Test
  void reportsFilesAndBytesSentDeletedAndUnchanged() {
    Path web = target.resolve("web");
    web.toFile().mkdirs();
    Run dry = deploy("--site", site(), "--to", web.toString(), "--dry-run");
    assertThat(dry.code()).isZero();
    assertThat(dry.out())
        .contains("would send   index.html (")
        .contains("luutru deploy --dry-run: " + web + ": would send ")
        .contains("; nothing was changed");
    assertThat(web.toFile().list()).isEmpty();

    Run first = deploy("--site", site(), "--to", web.toString());
    assertThat(first.code()).as(first.err()).isZero();
    assertThat(first.out())
        .matches(
            "(  [\\d,]+ of [\\d,]+ files done\\R){9}"
                + "luutru deploy: .*: sent \\d+ file\\(s\\) \\([\\d,]+ bytes\\), deleted 0 file\\(s\\)"
                + " \\(0 bytes\\), 0 file\\(s\\) unchanged \\(0 bytes\\)\\R");
    Run again = deploy("--site", site(), "--to", web.toString());
    assertThat(again.out()).contains("sent 0 file(s) (0 bytes), deleted 0 file(s) (0 bytes)");
  }

  @Test
  void aFailureIsOneMessageAndExitCodeOne() {
    Run r = deploy("--site", site(), "--to", target.resolve("chua-gan").toString());
    assertThat(r.code()).isEqualTo(1);
    assertThat(r.err()).startsWith("luutru deploy: error: no folder ").contains("mounted");
    Run noSite = deploy("--site", target.resolve("khong").toString(), "--to", target.toString());
    assertThat(noSite.code()).isEqualTo(1);
    assertThat(noSite.err()).contains("run luutru build first");
  }

  @Test
  void aTargetItCannotUseIsAUsageError() throws Exception {
    Run web = deploy("--site", site(), "--to", "https://example.vn/www");
    assertThat(web.code()).isEqualTo(2);
    assertThat(web.err()).contains("luutru publishes to a folder, to sftp://");
    Run noTo = deploy("--site", site());
    assertThat(noTo.code()).isEqualTo(2);
    Run badKey =
        deploy("--site", site(), "--to", "sftp://a@127.0.0.1/www", "--identity", "khong-co");
    assertThat(badKey.code()).isEqualTo(2);
    assertThat(badKey.err()).contains("--identity: no such file");
    assertThat(Files.exists(target.resolve("home"))).isFalse();
  }

  @Test
  void withoutToTheSettingsFileSaysWhere() throws Exception {
    Path web = Files.createDirectories(target.resolve("web"));
    Path config = target.resolve("luutru.yaml");
    Files.writeString(config, "deploy:\n  to: \"" + web.toString().replace("\\", "/") + "\"\n");
    Run r = deploy("--site", site(), "--config", config.toString());
    assertThat(r.code()).as(r.err()).isZero();
    assertThat(web.resolve("index.html")).exists();

    Files.writeString(config, "deploy:\n  to: ftp://web:matkhau@example.vn/www\n");
    Run bad = deploy("--site", site(), "--config", config.toString());
    assertThat(bad.code()).isEqualTo(1);
    assertThat(bad.err()).contains("luutru.yaml:2:7: error: deploy.to: ");

    Files.writeString(config, "title: Lưu trữ\n");
    Run none = deploy("--site", site(), "--config", config.toString());
    assertThat(none.code()).isEqualTo(2);
    assertThat(none.err()).contains("give --to TARGET, or set it in luutru.yaml under deploy:");
  }
}
