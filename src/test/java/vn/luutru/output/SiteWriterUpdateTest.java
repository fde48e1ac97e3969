package vn.luutru.output;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.luutru.testing.ChildJvm;

/**
 * A writer opened {@link SiteWriter#updating}: the output ends as a whole build leaves it, and the
 * files that stay the same are not touched.
 */
class SiteWriterUpdateTest {
  @TempDir Path dir;

  private static final FileTime LONG_AGO = FileTime.fromMillis(1_000_000_000_000L);

  /** Builds {@code files} (path → text) into {@code out}, updating it; what changed. */
  private static SiteWriter.Changes update(Path out, Map<String, String> files) throws Exception {
    try (SiteWriter w = SiteWriter.updating(out)) {
      for (Map.Entry<String, String> f : files.entrySet()) {
        w.write(f.getKey(), f.getValue().getBytes(StandardCharsets.UTF_8));
      }
      w.commit();
      return w.changes();
    }
  }

  /** Every file of {@code out} but the marker, with its text. */
  private static Map<String, String> files(Path out) throws Exception {
    Map<String, String> files = new TreeMap<>();
    try (Stream<Path> s = Files.walk(out)) {
      for (Path p : s.filter(Files::isRegularFile).toList()) {
        String name = out.relativize(p).toString();
        if (!name.equals(SiteWriter.MARKER)) {
          files.put(name, Files.readString(p));
        }
      }
    }
    return files;
  }

  /** Sets every file's date long ago, so that a file written again shows a new one. */
  private static void age(Path out) throws Exception {
    try (Stream<Path> s = Files.walk(out)) {
      for (Path p : s.filter(Files::isRegularFile).toList()) {
        Files.setLastModifiedTime(p, LONG_AGO);
      }
    }
  }

  private List<String> beside() throws Exception {
    return SiteWriterTest.beside(dir);
  }

  private static Object key(Path p) throws Exception {
    return Files.readAttributes(p, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS).fileKey();
  }

  @Test
  void writesOnlyWhatDiffersAndDeletesWhatTheSiteNoLongerHas() throws Exception {
    Path out = dir.resolve("site");
    SiteWriter.Changes first =
        update(
            out,
            Map.of(
                "index.html", "trang chủ",
                "2020/01/a/index.html", "bài a",
                "2020/01/b/index.html", "bài b",
                "2019/12/c/index.html", "bài c"));
    assertThat(first.whole()).as("no output yet: a whole new folder").isTrue();
    age(out);
    Object unchanged = key(out.resolve("2020/01/a/index.html"));

    SiteWriter.Changes second =
        update(
            out,
            Map.of(
                "index.html", "trang chủ mới",
                "2020/01/a/index.html", "bài a",
                "2020/01/b/index.html", "bài b, sửa",
                "2021/03/d/index.html", "bài d"));

    assertThat(second).isEqualTo(new SiteWriter.Changes(false, 1, 2, 1));
    assertThat(files(out))
        .containsExactly(
            Map.entry("2020/01/a/index.html", "bài a"),
            Map.entry("2020/01/b/index.html", "bài b, sửa"),
            Map.entry("2021/03/d/index.html", "bài d"),
            Map.entry("index.html", "trang chủ mới"));
    assertThat(out.resolve("2019")).as("a folder left empty goes too").doesNotExist();
    assertThat(Files.getLastModifiedTime(out.resolve("2020/01/a/index.html")))
        .as("a file that stays the same is not written")
        .isEqualTo(LONG_AGO);
    assertThat(key(out.resolve("2020/01/a/index.html"))).isEqualTo(unchanged);
    assertThat(Files.getLastModifiedTime(out.resolve("2020/01/b/index.html")))
        .isNotEqualTo(LONG_AGO);
    assertThat(beside()).containsExactly("site");
  }

  @Test
  void endsAsAWholeBuildWouldWhateverTheOutputHeld() throws Exception {
    Path out = dir.resolve("site");
    update(out, Map.of("a", "a file", "b/index.html", "a page", "c.html", "c"));
    // What someone put into the output by hand, and a file changed there.
    Files.writeString(out.resolve("ghi-chu.txt"), "mine");
    Files.writeString(Files.createDirectories(out.resolve("x/y")).resolve("z.html"), "z");
    Files.writeString(out.resolve("c.html"), "changed by hand");
    Files.createSymbolicLink(out.resolve("link.html"), out.resolve("c.html"));

    SiteWriter.Changes changes =
        update(
            out,
            Map.of(
                "a/index.html", "a file became a folder",
                "b", "a folder became a file",
                "c.html", "c",
                "link.html", "a page where a link was"));

    assertThat(files(out))
        .containsExactly(
            Map.entry("a/index.html", "a file became a folder"),
            Map.entry("b", "a folder became a file"),
            Map.entry("c.html", "c"),
            Map.entry("link.html", "a page where a link was"));
    assertThat(Files.isSymbolicLink(out.resolve("link.html"))).isFalse();
    assertThat(out.resolve("x")).doesNotExist();
    assertThat(changes.whole()).isFalse();
    assertThat(changes.removed())
        .as(
            "the two files put there by hand, a file and a page that gave way to a folder and a file")
        .isEqualTo(4);
  }

  @Test
  void aFolderTheSiteNoLongerHasGoesEvenEmpty() throws Exception {
    Path out = dir.resolve("site");
    update(out, Map.of("a.html", "a"));
    Files.createDirectories(out.resolve("rong/sau"));
    update(out, Map.of("a.html", "a"));
    assertThat(out.resolve("rong")).doesNotExist();
  }

  /** A build killed on the way (as {@code kill -9} would) leaves nothing the next build keeps. */
  @Test
  void whatAKilledUpdateLeftIsTidied() throws Exception {
    Path out = dir.resolve("site");
    update(out, Map.of("a.html", "cũ"));
    Process halter = ChildJvm.start(UpdateHalter.class, out.toString());
    assertThat(new String(halter.getInputStream().readAllBytes(), StandardCharsets.UTF_8))
        .contains("written");
    assertThat(halter.waitFor(60, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
    assertThat(beside()).as("what the killed build left").hasSizeGreaterThan(1);
    assertThat(files(out)).containsExactly(Map.entry("a.html", "cũ"));

    update(out, Map.of("a.html", "mới"));

    assertThat(beside()).containsExactly("site");
    assertThat(files(out)).containsExactly(Map.entry("a.html", "mới"));
  }

  /**
   * A build that fails while it moves its files into place leaves each file whole and nothing
   * beside the output; the next build puts the rest right.
   */
  @Test
  void aBuildThatFailsWhileItMovesFilesLeavesNothingBeside() throws Exception {
    Path out = dir.resolve("site");
    update(out, Map.of("a.html", "a", "b.html", "b", "c.html", "c"));
    try (SiteWriter w = SiteWriter.updating(out)) {
      w.write("a.html", "a mới".getBytes(StandardCharsets.UTF_8));
      w.write("b.html", "b mới".getBytes(StandardCharsets.UTF_8));
      // The staged b.html goes missing: moving it fails after a.html has been moved.
      try (Stream<Path> s = Files.list(dir)) {
        Path temp =
            s.filter(p -> p.getFileName().toString().startsWith("site.tmp-")).findFirst().get();
        Files.delete(temp.resolve("b.html"));
      }
      org.assertj.core.api.Assertions.assertThatThrownBy(w::commit)
          .isInstanceOf(java.io.IOException.class);
    }
    assertThat(beside()).containsExactly("site");
    assertThat(files(out))
        .containsExactly(
            Map.entry("a.html", "a mới"), Map.entry("b.html", "b"), Map.entry("c.html", "c"));

    update(out, Map.of("a.html", "a mới", "b.html", "b mới"));
    assertThat(files(out))
        .containsExactly(Map.entry("a.html", "a mới"), Map.entry("b.html", "b mới"));
  }

  /**
   * Two builds of one output at the same time: the second waits for the first, and the output ends
   * as the second left it.
   */
  @Test
  void aSecondBuildWaitsForTheFirst() throws Exception {
    Path out = dir.resolve("site");
    update(out, Map.of("a.html", "đầu"));
    java.util.concurrent.CompletableFuture<SiteWriter.Changes> second;
    try (SiteWriter first = SiteWriter.updating(out)) {
      second =
          java.util.concurrent.CompletableFuture.supplyAsync(
              () -> {
                try {
                  return update(out, Map.of("a.html", "hai", "y.html", "y"));
                } catch (Exception e) {
                  throw new IllegalStateException(e);
                }
              });
      first.write("a.html", "một".getBytes(StandardCharsets.UTF_8));
      first.write("x.html", "x".getBytes(StandardCharsets.UTF_8));
      first.commit();
    }
    second.get(60, java.util.concurrent.TimeUnit.SECONDS);
    assertThat(files(out)).containsExactly(Map.entry("a.html", "hai"), Map.entry("y.html", "y"));
    assertThat(beside()).containsExactly("site");
  }

  /** A deploy reads the site under the builds' lock: never a site half moved into place. */
  @Test
  void whatReadsTheSiteWaitsForTheBuild() throws Exception {
    Path out = dir.resolve("site");
    update(out, Map.of("a.html", "cũ", "b.html", "cũ"));
    java.util.concurrent.CompletableFuture<Map<String, String>> read;
    try (SiteWriter w = SiteWriter.updating(out)) {
      read =
          java.util.concurrent.CompletableFuture.supplyAsync(
              () -> {
                try {
                  return SiteWriter.whileNoBuild(out, () -> files(out));
                } catch (Exception e) {
                  throw new IllegalStateException(e);
                }
              });
      w.write("a.html", "mới".getBytes(StandardCharsets.UTF_8));
      w.write("b.html", "mới".getBytes(StandardCharsets.UTF_8));
      w.commit();
    }
    assertThat(read.get(60, java.util.concurrent.TimeUnit.SECONDS))
        .containsExactly(Map.entry("a.html", "mới"), Map.entry("b.html", "mới"));
  }

  @Test
  void countsAFileThatGaveWayToAFolder() throws Exception {
    Path out = dir.resolve("site");
    update(out, Map.of("a.html", "a", "d", "a file"));
    assertThat(update(out, Map.of("a.html", "a", "d/x.html", "x")))
        .isEqualTo(new SiteWriter.Changes(false, 1, 0, 1));
  }

  /** A folder of the output that is a link leads nowhere outside: it is replaced by a folder. */
  @Test
  void neverWritesThroughALinkedFolder() throws Exception {
    Path out = dir.resolve("site");
    update(out, Map.of("index.html", "trang chủ", "2020/a.html", "a"));
    Path elsewhere = Files.createDirectories(dir.resolve("elsewhere"));
    Files.writeString(elsewhere.resolve("a.html"), "a");
    Files.writeString(elsewhere.resolve("b.html"), "not the site's");
    org.assertj.core.util.Files.delete(out.resolve("2020").toFile());
    Files.createSymbolicLink(out.resolve("2020"), elsewhere);

    update(out, Map.of("index.html", "trang chủ", "2020/a.html", "a", "2020/c.html", "c"));

    assertThat(Files.isSymbolicLink(out.resolve("2020"))).isFalse();
    assertThat(files(out))
        .containsExactly(
            Map.entry("2020/a.html", "a"),
            Map.entry("2020/c.html", "c"),
            Map.entry("index.html", "trang chủ"));
    assertThat(files(elsewhere))
        .containsExactly(Map.entry("a.html", "a"), Map.entry("b.html", "not the site's"));
  }

  @Test
  void aBuildThatFailsLeavesTheOutputAsItWas() throws Exception {
    Path out = dir.resolve("site");
    update(out, Map.of("index.html", "cũ", "a.html", "a"));
    try (SiteWriter w = SiteWriter.updating(out)) {
      w.write("index.html", "mới".getBytes(StandardCharsets.UTF_8));
      w.write("b.html", "b".getBytes(StandardCharsets.UTF_8));
      assertThat(w.changes()).isEqualTo(SiteWriter.Changes.NONE);
      // no commit: the build failed
    }
    assertThat(files(out)).containsExactly(Map.entry("a.html", "a"), Map.entry("index.html", "cũ"));
    assertThat(beside()).containsExactly("site");
  }

  @Test
  void aShutGateLeavesTheOutputAsItWas() throws Exception {
    Path out = dir.resolve("site");
    update(out, Map.of("index.html", "cũ"));
    SwapGate gate = SwapGate.open();
    gate.close("stopped");
    try (SiteWriter w = SiteWriter.updating(out)) {
      w.write("index.html", "mới".getBytes(StandardCharsets.UTF_8));
      org.assertj.core.api.Assertions.assertThatThrownBy(() -> w.commit(gate))
          .hasMessageContaining("stopped");
    }
    assertThat(files(out)).containsExactly(Map.entry("index.html", "cũ"));
  }

  @Test
  void aFileLinkedFromTheCacheIsLeftWhenItIsTheSameOne() throws Exception {
    Path cache = Files.createDirectories(dir.resolve("cache"));
    Path photo = Files.writeString(cache.resolve("anh-800.jpg"), "jpeg bytes");
    Path other = Files.writeString(cache.resolve("anh-800-b.jpg"), "other jpeg bytes");
    Path out = dir.resolve("site");
    try (SiteWriter w = SiteWriter.updating(out)) {
      w.link(photo, "anh/anh-800.jpg");
      w.commit();
    }
    Object published = key(out.resolve("anh/anh-800.jpg"));
    try (SiteWriter w = SiteWriter.updating(out)) {
      w.link(photo, "anh/anh-800.jpg");
      w.commit();
      assertThat(w.changes()).isEqualTo(new SiteWriter.Changes(false, 0, 0, 0));
    }
    assertThat(key(out.resolve("anh/anh-800.jpg"))).isEqualTo(published);
    try (SiteWriter w = SiteWriter.updating(out)) {
      w.link(other, "anh/anh-800.jpg");
      w.commit();
      assertThat(w.changes()).isEqualTo(new SiteWriter.Changes(false, 0, 1, 0));
    }
    assertThat(out.resolve("anh/anh-800.jpg")).hasContent("other jpeg bytes");
    assertThat(photo)
        .as("the cache's file is replaced in the site, not written over")
        .hasContent("jpeg bytes");
  }

  @Test
  void aCopyWithTheSameBytesIsLeft() throws Exception {
    Path out = dir.resolve("site");
    try (SiteWriter w = SiteWriter.updating(out)) {
      w.copy(new java.io.ByteArrayInputStream(new byte[] {1, 2, 3}), "tep/bao-cao.pdf");
      w.commit();
    }
    age(out);
    try (SiteWriter w = SiteWriter.updating(out)) {
      w.copy(new java.io.ByteArrayInputStream(new byte[] {1, 2, 3}), "tep/bao-cao.pdf");
      w.commit();
      assertThat(w.changes()).isEqualTo(new SiteWriter.Changes(false, 0, 0, 0));
    }
    assertThat(Files.getLastModifiedTime(out.resolve("tep/bao-cao.pdf"))).isEqualTo(LONG_AGO);
  }
}
