package vn.luutru.publish;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.sshd.common.config.keys.PublicKeyEntry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.luutru.testing.SftpTestServer;
import vn.luutru.testing.SshAgent;

/**
 * Deploys to a real SFTP server (Apache MINA SSHD) started by the test: what is sent, in which
 * order, an interrupted connection and its resumption, and the failures a user meets.
 */
class SftpDeployIT {
  @TempDir static Path builds;
  static SiteVersions sites;

  @TempDir Path tmp;
  Path root;
  Path home;
  SftpTestServer server;

  @BeforeAll
  static void build() throws Exception {
    sites = SiteVersions.build(builds);
  }

  @BeforeEach
  void start() throws Exception {
    root = tmp.resolve("server");
    Files.createDirectories(root.resolve("www"));
    home = tmp.resolve("home");
    server = new SftpTestServer(root, tmp.resolve("host-key"));
  }

  @AfterEach
  void stop() throws IOException {
    server.close();
  }

  private DeployOptions password(String password) {
    return password(password, DeployOptions.LANES);
  }

  private DeployOptions password(String password, int lanes) {
    return new DeployOptions(
        false,
        Optional.of(password),
        List.of(),
        Optional.empty(),
        home.resolve(".ssh/known_hosts"),
        Duration.ofSeconds(20),
        lanes);
  }

  private DeployReport deploy(Path site) throws IOException {
    return deploy(site, DeployOptions.LANES);
  }

  private DeployReport deploy(Path site, int lanes) throws IOException {
    return Deployer.deploy(
        site, DeployTarget.parse(server.address("www")), password(SftpTestServer.PASSWORD, lanes));
  }

  private Path www() {
    return root.resolve("www");
  }

  private static Set<String> sent(DeployReport r) {
    Set<String> out = new TreeSet<>();
    r.actions().stream().filter(a -> a.kind() == Action.Kind.SEND).forEach(a -> out.add(a.path()));
    return out;
  }

  /** The site files (not luutru's own) a logged operation of {@code kind} touched, in order. */
  private static List<String> touched(List<SftpTestServer.Op> log, String kind) {
    List<String> out = new ArrayList<>();
    for (SftpTestServer.Op op : log) {
      String p = op.path().startsWith("www/") ? op.path().substring(4) : op.path();
      if (op.kind().equals(kind)
          && !p.startsWith(".luutru-")
          && !p.endsWith("/.luutru-manifest.luutru-part")) {
        out.add(p);
      }
    }
    return out;
  }

  @Test
  void sendsEverythingThenOnlyWhatChangedInTheOrderThatKeepsPagesWhole() throws IOException {
    DeployReport first = deploy(sites.before());
    Map<String, byte[]> before = SiteVersions.files(sites.before());
    assertThat(sent(first)).isEqualTo(before.keySet());
    FolderDeployTest.assertSameFiles(SiteVersions.published(www()), before);
    assertThat(home.resolve(".ssh/known_hosts")).content().contains("[127.0.0.1]:" + server.port());

    server.clearLog();
    DeployReport second = deploy(sites.after());
    Set<String> changed = SiteVersions.changed(sites.before(), sites.after());
    assertThat(sent(second)).isEqualTo(changed);
    FolderDeployTest.assertSameFiles(
        SiteVersions.published(www()), SiteVersions.files(sites.after()));

    // The server's own record: each file written under a temporary name, then renamed into
    // place; the files new to the server first, then those that replace published ones, each
    // group with non-pages before articles before other pages before the entry pages; the
    // manifest last.
    List<SftpTestServer.Op> log = server.log();
    List<String> renamed =
        touched(log, "rename").stream().filter(p -> !p.equals(Manifest.FILE)).toList();
    assertThat(new TreeSet<>(renamed)).isEqualTo(changed);
    Set<String> fresh = new TreeSet<>(changed);
    fresh.removeAll(before.keySet());
    assertThat(fresh).isNotEmpty();
    assertThat(
            renamed.stream()
                .mapToInt(p -> PublishOrder.rank(p) + (fresh.contains(p) ? 0 : PublishOrder.RANKS))
                .toArray())
        .isSorted();
    List<String> written = touched(log, "write");
    assertThat(written).allMatch(SitePaths::isTemporary);
    for (String p : changed) {
      int write = log.indexOf(new SftpTestServer.Op("write", "www/" + SitePaths.temporary(p)));
      int rename = log.indexOf(new SftpTestServer.Op("rename", "www/" + p));
      assertThat(write).as(p).isNotNegative().isLessThan(rename);
    }
    assertThat(log.get(log.size() - 2))
        .isEqualTo(new SftpTestServer.Op("rename", "www/" + Manifest.FILE));
    assertThat(log.get(log.size() - 1))
        .isEqualTo(new SftpTestServer.Op("remove", "www/" + Journal.FILE));
  }

  @Test
  void aReaderNeverMeetsABrokenLinkWhileADeployRuns() throws IOException {
    deploy(sites.before());
    List<String> broken = java.util.Collections.synchronizedList(new ArrayList<>());
    AtomicInteger crawls = new AtomicInteger();
    server.before(
        op -> {
          if (op.kind().equals("rename")) {
            crawls.incrementAndGet();
            broken.addAll(Reader.brokenLinks(www(), "/luu-tru/"));
          }
        });
    deploy(sites.after());
    server.before(op -> {});
    assertThat(crawls.get()).isGreaterThan(1);
    assertThat(broken).isEmpty();
    assertThat(Reader.brokenLinks(www(), "/luu-tru/")).isEmpty();
  }

  @Test
  void deletesStaleFilesLastAndNeverAFileItDidNotPublish() throws IOException {
    Files.writeString(www().resolve("lien-he.html"), "liên hệ", StandardCharsets.UTF_8);
    deploy(sites.after());
    server.clearLog();
    DeployReport back = deploy(sites.before());
    Set<String> stale = SiteVersions.removed(sites.after(), sites.before());
    assertThat(back.deletedFiles()).isEqualTo(stale.size());
    List<SftpTestServer.Op> log = server.log();
    int lastRename = -1;
    int firstRemove = Integer.MAX_VALUE;
    for (int i = 0; i < log.size(); i++) {
      String p = log.get(i).path().substring(4);
      if (log.get(i).kind().equals("rename") && !p.equals(Manifest.FILE)) {
        lastRename = i;
      }
      if (log.get(i).kind().equals("remove") && stale.contains(p)) {
        firstRemove = Math.min(firstRemove, i);
      }
    }
    assertThat(lastRename).isLessThan(firstRemove);
    assertThat(new TreeSet<>(touched(log, "remove"))).containsAll(stale);
    assertThat(www().resolve("lien-he.html")).hasContent("liên hệ");
    FolderDeployTest.assertSameFiles(
        withoutFile(SiteVersions.published(www()), "lien-he.html"),
        SiteVersions.files(sites.before()));
  }

  private static Map<String, byte[]> withoutFile(Map<String, byte[]> files, String path) {
    files.remove(path);
    return files;
  }

  @Test
  void aDroppedConnectionLeavesWholeFilesAndTheNextDeploySendsNothingTwice() throws IOException {
    // One lane, so that the file whose rename the drop stopped is the only one in flight.
    deploy(sites.before());
    Set<String> changed = SiteVersions.changed(sites.before(), sites.after());
    int stopAt = changed.size() / 2;
    AtomicInteger renames = new AtomicInteger();
    server.dropConnectionBefore(
        op -> op.kind().equals("rename") && renames.incrementAndGet() == stopAt + 1);
    server.clearLog();
    assertThatThrownBy(() -> deploy(sites.after(), 1))
        .isInstanceOf(DeployException.class)
        .hasMessageContaining("connection to 127.0.0.1:" + server.port())
        .hasMessageContaining("it resumes where it stopped");
    List<String> placedFirst = touched(server.log(), "rename");
    assertThat(placedFirst).hasSize(stopAt);

    Map<String, byte[]> before = SiteVersions.files(sites.before());
    Map<String, byte[]> after = SiteVersions.files(sites.after());
    SiteVersions.published(www())
        .forEach(
            (path, bytes) -> {
              if (!SitePaths.isTemporary(path)) {
                assertThat(
                        Arrays.equals(bytes, before.get(path))
                            || Arrays.equals(bytes, after.get(path)))
                    .as("%s is a whole old or new file", path)
                    .isTrue();
              }
            });

    server.dropConnectionBefore(op -> false);
    server.clearLog();
    DeployReport resumed = deploy(sites.after(), 1);
    assertThat(resumed.resumed()).isTrue();
    Set<String> sentAgain = new TreeSet<>(touched(server.log(), "rename"));
    sentAgain.remove(Manifest.FILE);
    assertThat(sentAgain).doesNotContainAnyElementsOf(placedFirst);
    Set<String> all = new TreeSet<>(placedFirst);
    all.addAll(sentAgain);
    assertThat(all).isEqualTo(changed);
    assertThat(sent(resumed)).isEqualTo(sentAgain);
    FolderDeployTest.assertSameFiles(SiteVersions.published(www()), after);
  }

  @Test
  void withFilesSentSideBySideADroppedConnectionCostsAtMostTheFilesInFlight() throws IOException {
    deploy(sites.before());
    Set<String> changed = SiteVersions.changed(sites.before(), sites.after());
    AtomicInteger renames = new AtomicInteger();
    server.dropConnectionBefore(
        op -> op.kind().equals("rename") && renames.incrementAndGet() == changed.size() / 2);
    server.clearLog();
    assertThatThrownBy(() -> deploy(sites.after())).isInstanceOf(DeployException.class);
    List<String> placedFirst = touched(server.log(), "rename");

    server.dropConnectionBefore(op -> false);
    server.clearLog();
    DeployReport resumed = deploy(sites.after());
    assertThat(resumed.resumed()).isTrue();
    Set<String> twice = new TreeSet<>(touched(server.log(), "rename"));
    twice.retainAll(placedFirst);
    assertThat(twice.size()).isLessThanOrEqualTo(DeployOptions.LANES - 1);
    FolderDeployTest.assertSameFiles(
        SiteVersions.published(www()), SiteVersions.files(sites.after()));
  }

  @Test
  void dryRunSendsNothing() throws IOException {
    DeployOptions dry =
        new DeployOptions(
            true,
            Optional.of(SftpTestServer.PASSWORD),
            List.of(),
            Optional.empty(),
            home.resolve(".ssh/known_hosts"),
            Duration.ofSeconds(20),
            DeployOptions.LANES);
    DeployReport r =
        Deployer.deploy(sites.before(), DeployTarget.parse(server.address("www")), dry);
    assertThat(r.sentFiles()).isEqualTo(SiteVersions.files(sites.before()).size());
    assertThat(server.log()).isEmpty();
    try (var files = Files.list(www())) {
      assertThat(files).isEmpty();
    }
  }

  @Test
  void logsInWithAKeyAndFindsAFolderInTheHome() throws Exception {
    Path key = home.resolve(".ssh/id_ed25519");
    server.writeClientKey(key);
    DeployOptions withKey =
        new DeployOptions(
            false,
            Optional.empty(),
            DeployOptions.defaultIdentities(home.resolve(".ssh")),
            Optional.empty(),
            home.resolve(".ssh/known_hosts"),
            Duration.ofSeconds(20),
            DeployOptions.LANES);
    DeployReport r =
        Deployer.deploy(
            sites.before(),
            DeployTarget.parse(
                "sftp://" + SftpTestServer.USER + "@127.0.0.1:" + server.port() + "/~/www"),
            withKey);
    assertThat(r.sentFiles()).isPositive();
    FolderDeployTest.assertSameFiles(
        SiteVersions.published(www()), SiteVersions.files(sites.before()));
  }

  @Test
  void logsInWithTheKeyOfTheSshAgent() throws Exception {
    Path key = tmp.resolve("agent-key");
    server.writeClientKey(key);
    try (SshAgent agent = SshAgent.start(tmp.resolve("agent"))) {
      agent.add(key);
      Files.delete(key);
      DeployReport r =
          Deployer.deploy(sites.before(), DeployTarget.parse(server.address("www")), agent(agent));
      assertThat(r.sentFiles()).isPositive();
    }
    FolderDeployTest.assertSameFiles(
        SiteVersions.published(www()), SiteVersions.files(sites.before()));
  }

  @Test
  void anAgentWithoutTheServersKeySaysItWasTried() throws Exception {
    Path other = tmp.resolve("other-key");
    try (java.io.OutputStream out = Files.newOutputStream(other)) {
      org.apache.sshd.common.config.keys.writer.openssh.OpenSSHKeyPairResourceWriter.INSTANCE
          .writePrivateKey(SftpTestServer.ed25519(), "other", null, out);
    }
    try (SshAgent agent = SshAgent.start(tmp.resolve("agent"))) {
      agent.add(other);
      assertThatThrownBy(
              () ->
                  Deployer.deploy(
                      sites.before(), DeployTarget.parse(server.address("www")), agent(agent)))
          .isInstanceOf(DeployException.class)
          .hasMessageContaining("refused the login")
          .hasMessageContaining("the keys of the SSH agent");
    }
    assertThat(server.log()).isEmpty();
  }

  private DeployOptions agent(SshAgent agent) {
    return new DeployOptions(
        false,
        Optional.empty(),
        List.of(),
        Optional.empty(),
        home.resolve(".ssh/known_hosts"),
        Duration.ofSeconds(20),
        DeployOptions.LANES,
        Optional.of(agent.socket),
        Optional.empty());
  }

  @Test
  void aWrongPasswordSaysWhatToCheck() {
    assertThatThrownBy(
            () ->
                Deployer.deploy(
                    sites.before(), DeployTarget.parse(server.address("www")), password("sai")))
        .isInstanceOf(DeployException.class)
        .hasMessageStartingWith("127.0.0.1:" + server.port() + " refused the login of tuyengiao")
        .hasMessageContaining("LUUTRU_DEPLOY_PASSWORD");
  }

  @Test
  void anAgentSocketThatIsGoneIsNotSaidToHaveBeenTried() {
    DeployOptions gone =
        new DeployOptions(
            false,
            Optional.of("sai"),
            List.of(),
            Optional.empty(),
            home.resolve(".ssh/known_hosts"),
            Duration.ofSeconds(20),
            DeployOptions.LANES,
            Optional.of(tmp.resolve("stopped-agent.sock")),
            Optional.empty());
    assertThatThrownBy(
            () -> Deployer.deploy(sites.before(), DeployTarget.parse(server.address("www")), gone))
        .isInstanceOf(DeployException.class)
        .hasMessageContaining("refused the login")
        .hasMessageContaining("LUUTRU_DEPLOY_PASSWORD")
        .hasMessageNotContaining("the keys of the SSH agent");
  }

  @Test
  void anUnreachableServerSaysSo() throws IOException {
    int closed;
    try (ServerSocket s = new ServerSocket(0)) {
      closed = s.getLocalPort();
    }
    assertThatThrownBy(
            () ->
                Deployer.deploy(
                    sites.before(),
                    DeployTarget.parse("sftp://tuyengiao@127.0.0.1:" + closed + "/www"),
                    password(SftpTestServer.PASSWORD)))
        .isInstanceOf(DeployException.class)
        .hasMessageStartingWith("cannot reach 127.0.0.1:" + closed)
        .hasMessageContaining("refused");
  }

  @Test
  void aMissingFolderOnTheServerSaysSo() {
    assertThatThrownBy(
            () ->
                Deployer.deploy(
                    sites.before(),
                    DeployTarget.parse(server.address("khong-co")),
                    password(SftpTestServer.PASSWORD)))
        .isInstanceOf(DeployException.class)
        .hasMessageContaining("no folder /khong-co on 127.0.0.1:" + server.port());
  }

  @Test
  void permissionDeniedSaysWhoToAskAndLeavesTheTargetAsItWas() throws IOException {
    deploy(sites.before());
    Map<String, byte[]> deployed = SiteVersions.published(www());
    server.denyWrite(path -> path.startsWith("www/") && SitePaths.isTemporary(path));
    assertThatThrownBy(() -> deploy(sites.after()))
        .isInstanceOf(DeployException.class)
        .hasMessageContaining("permission denied")
        .hasMessageContaining("ask the server's administrator for write access");
    Map<String, byte[]> now = SiteVersions.published(www());
    now.keySet().removeIf(SitePaths::isTemporary);
    FolderDeployTest.assertSameFiles(now, deployed);
  }

  @Test
  void aServerWhoseKeyChangedIsRefused() throws Exception {
    Files.createDirectories(home.resolve(".ssh"));
    Files.writeString(
        home.resolve(".ssh/known_hosts"),
        "[127.0.0.1]:"
            + server.port()
            + " "
            + PublicKeyEntry.toString(SftpTestServer.ed25519().getPublic())
            + "\n");
    assertThatThrownBy(() -> deploy(sites.before()))
        .isInstanceOf(DeployException.class)
        .hasMessageContaining("key is not the one recorded in")
        .hasMessageContaining("someone is pretending to be it");
    assertThat(server.log()).isEmpty();
  }
}
