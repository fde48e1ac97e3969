package vn.luutru.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import vn.luutru.testing.SampleSite;
import vn.luutru.testing.SftpTestServer;

/** {@code luutru deploy} to a real SFTP server, credentials taken from the environment and home. */
class DeployCommandIT {
  @TempDir static Path built;
  @TempDir Path tmp;
  SftpTestServer server;

  @BeforeAll
  static void build() throws Exception {
    SampleSite.build(built.resolve("site"), "https://example.org/luu-tru/");
  }

  @BeforeEach
  void start() throws Exception {
    Files.createDirectories(tmp.resolve("server/www"));
    server = new SftpTestServer(tmp.resolve("server"), tmp.resolve("host-key"));
  }

  @AfterEach
  void stop() throws Exception {
    server.close();
  }

  record Run(int code, String out, String err) {}

  private Run deploy(Map<String, String> env) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    CommandLine cli =
        new CommandLine(new DeployCommand(new DeployCommand.Environment(env, tmp.resolve("home"))));
    cli.setOut(new PrintWriter(out));
    cli.setErr(new PrintWriter(err));
    int code =
        cli.execute("--site", built.resolve("site").toString(), "--to", server.address("www"));
    return new Run(code, out.toString(), err.toString());
  }

  @Test
  void takesThePasswordFromTheEnvironment() {
    Run r = deploy(Map.of("LUUTRU_DEPLOY_PASSWORD", SftpTestServer.PASSWORD));
    assertThat(r.code()).as(r.err()).isZero();
    assertThat(r.out()).contains("\nluutru deploy: " + server.address("www") + ": sent ");
    assertThat(tmp.resolve("server/www/index.html")).exists();
  }

  @Test
  void takesTheKeyFromTheHomeSshFolder() throws Exception {
    server.writeClientKey(tmp.resolve("home/.ssh/id_ed25519"));
    Run r = deploy(Map.of());
    assertThat(r.code()).as(r.err()).isZero();
    assertThat(tmp.resolve("home/.ssh/known_hosts")).exists();
  }

  @Test
  void aWrongPasswordIsOneMessageAndExitOne() {
    Run r = deploy(Map.of("LUUTRU_DEPLOY_PASSWORD", "sai"));
    assertThat(r.code()).isEqualTo(1);
    assertThat(r.err())
        .startsWith("luutru deploy: error: 127.0.0.1:" + server.port() + " refused the login")
        .contains("LUUTRU_DEPLOY_PASSWORD")
        .doesNotContain("\tat ");
    assertThat(tmp.resolve("server/www")).isEmptyDirectory();
  }
}
