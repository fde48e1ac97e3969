package vn.luutru.publish;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.luutru.testing.FtpTestServer;
import vn.luutru.testing.SftpTestServer;

/** Deploys to a real FTP server (Apache FtpServer) started by the test. */
class FtpDeployIT {
  @TempDir static Path builds;
  static SiteVersions sites;

  @TempDir Path tmp;
  Path root;
  FtpTestServer server;

  @BeforeAll
  static void build() throws Exception {
    sites = SiteVersions.build(builds);
  }

  @BeforeEach
  void start() throws Exception {
    root = tmp.resolve("server");
    Files.createDirectories(root.resolve("www"));
    server = new FtpTestServer(root);
  }

  @AfterEach
  void stop() throws IOException {
    server.close();
  }

  private static DeployOptions options(Optional<String> password, int lanes) {
    return new DeployOptions(
        false,
        password,
        List.of(),
        Optional.empty(),
        Path.of("none"),
        Duration.ofSeconds(20),
        lanes);
  }

  private DeployReport deploy(Path site, int lanes) throws IOException {
    return Deployer.deploy(
        site,
        DeployTarget.parse(server.address("www")),
        options(Optional.of(SftpTestServer.PASSWORD), lanes));
  }

  private static List<String> renamed(List<SftpTestServer.Op> log) {
    return log.stream()
        .filter(op -> op.kind().equals("rename"))
        .map(op -> op.path().substring("www/".length()))
        .filter(p -> !p.equals(Manifest.FILE))
        .toList();
  }

  @Test
  void sendsEverythingThenOnlyWhatChangedInOrder() throws IOException {
    DeployReport first = deploy(sites.before(), DeployOptions.LANES);
    Map<String, byte[]> before = SiteVersions.files(sites.before());
    assertThat(first.sentFiles()).isEqualTo(before.size());
    // FTP's lanes are logins of their own: the first connection and four, not eight.
    assertThat(server.log().stream().filter(op -> op.kind().equals("login")).count()).isEqualTo(5);
    FolderDeployTest.assertSameFiles(SiteVersions.published(root.resolve("www")), before);

    server.clearLog();
    DeployReport second = deploy(sites.after(), DeployOptions.LANES);
    Set<String> changed = SiteVersions.changed(sites.before(), sites.after());
    assertThat(second.sentFiles()).isEqualTo(changed.size());
    List<String> renamed = renamed(server.log());
    assertThat(new TreeSet<>(renamed)).isEqualTo(changed);
    assertThat(
            renamed.stream()
                .mapToInt(
                    p -> PublishOrder.rank(p) + (before.containsKey(p) ? PublishOrder.RANKS : 0))
                .toArray())
        .isSorted();
    FolderDeployTest.assertSameFiles(
        SiteVersions.published(root.resolve("www")), SiteVersions.files(sites.after()));
  }

  @Test
  void aDroppedConnectionIsResumedWithoutSendingAnythingTwice() throws IOException {
    deploy(sites.before(), 1);
    Set<String> changed = SiteVersions.changed(sites.before(), sites.after());
    // The test server renames over no file: replacing one is a refused rename, a delete and a
    // rename again, so the connection drops before the first rename of a file, never between two.
    Set<String> renamedPaths = ConcurrentHashMap.newKeySet();
    int stopAt = changed.size() / 2;
    server.dropConnectionBefore(
        op ->
            op.kind().equals("rename")
                && renamedPaths.add(op.path())
                && renamedPaths.size() == stopAt + 1);
    server.clearLog();
    assertThatThrownBy(() -> deploy(sites.after(), 1))
        .isInstanceOf(DeployException.class)
        .hasMessageContaining("it resumes where it stopped");
    List<String> placedFirst = renamed(server.log()).stream().distinct().toList();
    assertThat(placedFirst).hasSize(stopAt);

    server.dropConnectionBefore(op -> false);
    server.clearLog();
    DeployReport resumed = deploy(sites.after(), 1);
    assertThat(resumed.resumed()).isTrue();
    assertThat(renamed(server.log())).doesNotContainAnyElementsOf(placedFirst);
    FolderDeployTest.assertSameFiles(
        SiteVersions.published(root.resolve("www")), SiteVersions.files(sites.after()));
  }

  @Test
  void aWrongOrMissingPasswordSaysWhatToDo() {
    assertThatThrownBy(
            () ->
                Deployer.deploy(
                    sites.before(),
                    DeployTarget.parse(server.address("www")),
                    options(Optional.of("sai"), 1)))
        .isInstanceOf(DeployException.class)
        .hasMessageStartingWith("127.0.0.1:" + server.port() + " refused the login of tuyengiao")
        .hasMessageContaining("LUUTRU_DEPLOY_PASSWORD");
    assertThatThrownBy(
            () ->
                Deployer.deploy(
                    sites.before(),
                    DeployTarget.parse(server.address("www")),
                    options(Optional.empty(), 1)))
        .isInstanceOf(DeployException.class)
        .hasMessageContaining("FTP needs a password");
  }

  @Test
  void ftpsToAServerWhoseCertificateIsGivenSendsTheSiteEncrypted() throws Exception {
    Files.createDirectories(tmp.resolve("tls/www"));
    Path keystore = FtpTestServer.selfSignedKeystore(tmp);
    try (FtpTestServer tls = new FtpTestServer(tmp.resolve("tls"), Optional.of(keystore))) {
      DeployOptions trusting =
          new DeployOptions(
              false,
              Optional.of(SftpTestServer.PASSWORD),
              List.of(),
              Optional.empty(),
              Path.of("none"),
              Duration.ofSeconds(20),
              1,
              Optional.empty(),
              Optional.of(FtpTestServer.certificate(keystore)));
      DeployReport r =
          Deployer.deploy(
              sites.before(),
              DeployTarget.parse(tls.address("www").replace("ftp://", "ftps://")),
              trusting);
      assertThat(r.sentFiles()).isPositive();
      FolderDeployTest.assertSameFiles(
          SiteVersions.published(tmp.resolve("tls/www")), SiteVersions.files(sites.before()));
    }
  }

  @Test
  void ftpsToAServerWhoseCertificateIsNotTrustedSendsNothing() throws Exception {
    Files.createDirectories(tmp.resolve("tls/www"));
    try (FtpTestServer tls =
        new FtpTestServer(tmp.resolve("tls"), Optional.of(FtpTestServer.selfSignedKeystore(tmp)))) {
      assertThatThrownBy(
              () ->
                  Deployer.deploy(
                      sites.before(),
                      DeployTarget.parse(tls.address("www").replace("ftp://", "ftps://")),
                      options(Optional.of(SftpTestServer.PASSWORD), 1)))
          .isInstanceOf(DeployException.class)
          .hasMessageContaining("TLS certificate is not one this computer trusts");
      assertThat(tmp.resolve("tls/www")).isEmptyDirectory();
    }
  }

  @Test
  void ftpsToAServerWithoutTlsIsRefused() {
    assertThatThrownBy(
            () ->
                Deployer.deploy(
                    sites.before(),
                    DeployTarget.parse(server.address("www").replace("ftp://", "ftps://")),
                    options(Optional.of(SftpTestServer.PASSWORD), 1)))
        .isInstanceOf(DeployException.class)
        .hasMessageContaining("does not offer FTP over TLS");
    assertThat(root.resolve("www")).isEmptyDirectory();
  }
}
