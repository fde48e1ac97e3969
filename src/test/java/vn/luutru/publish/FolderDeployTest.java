package vn.luutru.publish;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Deploys to a folder: what is sent, deleted, kept, and how an interrupted deploy resumes. */
class FolderDeployTest {
  @TempDir static Path builds;
  static SiteVersions sites;

  @TempDir Path target;

  @BeforeAll
  static void build() throws Exception {
    sites = SiteVersions.build(builds);
  }

  static DeployOptions options(boolean dryRun) {
    return new DeployOptions(
        dryRun,
        Optional.empty(),
        List.of(),
        Optional.empty(),
        Path.of("none"),
        Duration.ofSeconds(5),
        DeployOptions.LANES);
  }

  private DeployReport deploy(Path site) throws IOException {
    return Deployer.deploy(site, new DeployTarget.Folder(target), options(false));
  }

  static Set<String> paths(DeployReport r, Action.Kind kind) {
    Set<String> out = new TreeSet<>();
    r.actions().stream().filter(a -> a.kind() == kind).forEach(a -> out.add(a.path()));
    return out;
  }

  static void assertSameFiles(Map<String, byte[]> actual, Map<String, byte[]> expected) {
    assertThat(actual.keySet()).containsExactlyElementsOf(expected.keySet());
    expected.forEach((k, v) -> assertThat(Arrays.equals(actual.get(k), v)).as(k).isTrue());
  }

  @Test
  void firstDeploySendsEverythingThenOnlyTheFilesWhoseBytesChanged() throws IOException {
    DeployReport first = deploy(sites.before());
    Map<String, byte[]> before = SiteVersions.files(sites.before());
    assertThat(paths(first, Action.Kind.SEND)).isEqualTo(before.keySet());
    assertThat(first.deletedFiles()).isZero();
    assertSameFiles(SiteVersions.published(target), before);

    DeployReport second = deploy(sites.after());
    Set<String> changed = SiteVersions.changed(sites.before(), sites.after());
    assertThat(changed).isNotEmpty();
    assertThat(paths(second, Action.Kind.SEND)).isEqualTo(changed);
    assertThat(paths(second, Action.Kind.DELETE))
        .isEqualTo(SiteVersions.removed(sites.before(), sites.after()));
    assertThat(second.unchangedFiles())
        .isEqualTo(SiteVersions.files(sites.after()).size() - changed.size());
    assertSameFiles(SiteVersions.published(target), SiteVersions.files(sites.after()));
    assertThat(target.resolve(Journal.FILE)).doesNotExist();

    DeployReport third = deploy(sites.after());
    assertThat(third.actions()).isEmpty();
  }

  @Test
  void sendsFilesThatAreNotPagesFirstAndTheEntryPagesLast() throws IOException {
    List<Action> sends = deploy(sites.before()).actions();
    int[] ranks = sends.stream().mapToInt(a -> PublishOrder.rank(a.path())).toArray();
    assertThat(ranks).isSorted();
    assertThat(ranks[0]).isZero();
    assertThat(ranks[ranks.length - 1]).isEqualTo(3);
    assertThat(Arrays.stream(ranks).distinct().toArray()).containsExactly(0, 1, 2, 3);
  }

  @Test
  void dryRunListsEverythingAndChangesNothing() throws IOException {
    DeployReport r =
        Deployer.deploy(sites.before(), new DeployTarget.Folder(target), options(true));
    assertThat(r.dryRun()).isTrue();
    assertThat(r.sentFiles()).isEqualTo(SiteVersions.files(sites.before()).size());
    try (var files = Files.list(target)) {
      assertThat(files).isEmpty();
    }

    deploy(sites.before());
    Map<String, byte[]> deployed = SiteVersions.published(target);
    DeployReport again =
        Deployer.deploy(sites.after(), new DeployTarget.Folder(target), options(true));
    assertThat(paths(again, Action.Kind.SEND))
        .isEqualTo(SiteVersions.changed(sites.before(), sites.after()));
    assertSameFiles(SiteVersions.published(target), deployed);
  }

  @Test
  void deletesOnlyWhatItPublished() throws IOException {
    Files.writeString(target.resolve("ghi-chu.txt"), "của văn phòng", StandardCharsets.UTF_8);
    Files.createDirectories(target.resolve("2025/12"));
    Files.writeString(target.resolve("2025/12/bieu-mau.doc"), "biểu mẫu", StandardCharsets.UTF_8);
    deploy(sites.after());
    DeployReport back = deploy(sites.before());
    Set<String> stale = SiteVersions.removed(sites.after(), sites.before());
    assertThat(stale).isNotEmpty();
    assertThat(paths(back, Action.Kind.DELETE)).isEqualTo(stale);
    for (String s : stale) {
      assertThat(target.resolve(s)).doesNotExist();
    }
    assertThat(target.resolve("ghi-chu.txt")).hasContent("của văn phòng");
    assertThat(target.resolve("2025/12/bieu-mau.doc")).hasContent("biểu mẫu");
  }

  @Test
  void reportsTheFilesItReplacedThatItHadNotPublished() throws IOException {
    Files.writeString(target.resolve("index.html"), "trang cũ", StandardCharsets.UTF_8);
    DeployReport r = deploy(sites.before());
    assertThat(r.replaced()).containsExactly("index.html");
    assertThat(deploy(sites.after()).replaced()).isEmpty();
  }

  @Test
  void anInterruptedDeployLeavesOnlyWholeFilesAndResumesWithoutSendingAnythingTwice()
      throws IOException {
    deploy(sites.before());
    // Something in the way of the home page's temporary file stops the deploy there: the home
    // page is among the last files sent.
    Path blocker = target.resolve(SitePaths.temporary("index.html"));
    Files.createDirectories(blocker.resolve("x"));

    assertThatThrownBy(() -> deploy(sites.after()))
        .isInstanceOf(DeployException.class)
        .hasMessageContaining("index.html")
        .hasMessageContaining("run luutru deploy again: it resumes where it stopped");
    assertThat(target.resolve(Journal.FILE)).exists();
    Map<String, byte[]> before = SiteVersions.files(sites.before());
    Map<String, byte[]> after = SiteVersions.files(sites.after());
    SiteVersions.published(target)
        .forEach(
            (path, bytes) -> {
              if (SitePaths.isTemporary(path)) {
                return;
              }
              assertThat(
                      Arrays.equals(bytes, before.get(path))
                          || Arrays.equals(bytes, after.get(path)))
                  .as("%s is a whole old or new file", path)
                  .isTrue();
            });

    Files.delete(blocker.resolve("x"));
    Files.delete(blocker);
    DeployReport resumed = deploy(sites.after());
    assertThat(resumed.resumed()).isTrue();
    Set<String> changed = SiteVersions.changed(sites.before(), sites.after());
    assertThat(paths(resumed, Action.Kind.SEND)).contains("index.html");
    Set<String> sentFirst = new TreeSet<>(changed);
    sentFirst.removeAll(paths(resumed, Action.Kind.SEND));
    assertThat(sentFirst).as("sent before the interruption").isNotEmpty();
    assertSameFiles(SiteVersions.published(target), after);
    assertThat(target.resolve(Journal.FILE)).doesNotExist();
  }

  @Test
  void aDamagedManifestStopsTheDeployAndSaysWhatToDo() throws IOException {
    Files.writeString(target.resolve(Manifest.FILE), "luutru-manifest 1\nrác\n");
    assertThatThrownBy(() -> deploy(sites.before()))
        .isInstanceOf(DeployException.class)
        .hasMessageContaining(Manifest.FILE + " is damaged (line 2: not a file of the site)")
        .hasMessageContaining("Delete " + Manifest.FILE + " on the target");
    try (var files = Files.list(target)) {
      assertThat(files).hasSize(1);
    }
  }

  @Test
  void aFolderThatIsNotABuiltSiteIsRefused() {
    assertThatThrownBy(() -> deploy(target.resolve("khong-co")))
        .isInstanceOf(DeployException.class)
        .hasMessageContaining("run luutru build first");
  }

  @Test
  void theSiteItselfIsNotATarget() {
    assertThatThrownBy(
            () ->
                Deployer.deploy(
                    sites.before(),
                    new DeployTarget.Folder(sites.before().resolve("2020")),
                    options(false)))
        .isInstanceOf(DeployException.class)
        .hasMessageContaining("is the built site or a folder inside it");
  }

  @Test
  void aMissingTargetFolderIsRefused() {
    assertThatThrownBy(
            () ->
                Deployer.deploy(
                    sites.before(),
                    new DeployTarget.Folder(target.resolve("chua-gan")),
                    options(false)))
        .isInstanceOf(DeployException.class)
        .hasMessageContaining("is the drive or share mounted?");
  }
}
