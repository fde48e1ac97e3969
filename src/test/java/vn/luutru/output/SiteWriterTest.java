package vn.luutru.output;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import vn.luutru.testing.ChildJvm;

class SiteWriterTest {
  @TempDir Path dir;

  private List<String> beside() throws Exception {
    return beside(dir);
  }

  /** What is in {@code dir}, sorted, but the builds' lock folder. */
  static List<String> beside(Path dir) throws Exception {
    try (Stream<Path> s = Files.list(dir)) {
      // The builds' lock folder, .luutru, stays beside the output.
      return s.map(p -> p.getFileName().toString())
          .filter(f -> !f.equals(".luutru"))
          .sorted()
          .toList();
    }
  }

  private static void build(Path out, String file) throws Exception {
    try (SiteWriter w = SiteWriter.open(out)) {
      w.write(file, file.getBytes(StandardCharsets.UTF_8));
      w.commit();
    }
  }

  @Test
  void leavesNothingBesideTheOutput() throws Exception {
    Path out = dir.resolve("site");
    build(out, "a.html");
    build(out, "b.html");
    try (SiteWriter w = SiteWriter.open(out)) {
      w.write("c.html", new byte[] {1});
      // no commit: the build failed
    }
    assertThat(beside()).containsExactly("site");
    assertThat(out.resolve("b.html")).exists();
    assertThat(out.resolve("a.html")).doesNotExist();
  }

  /**
   * What a build killed on the way left (its lock let go with the process) goes at the next build.
   */
  @Test
  void deletesWhatAStoppedBuildLeft() throws Exception {
    Path out = dir.resolve("site");
    build(out, "a.html");
    Files.createFile(dir.resolve("site.build-123.lock"));
    Path temp = Files.createDirectories(dir.resolve("site.tmp-123/2020/01"));
    Files.writeString(dir.resolve("site.tmp-123/" + SiteWriter.MARKER), "");
    Files.writeString(temp.resolve("index.html"), "half a site");
    Path old = Files.createDirectories(dir.resolve("site.old-123/2019"));
    Files.writeString(dir.resolve("site.old-123/" + SiteWriter.MARKER), "");
    Files.createFile(dir.resolve("site.build-456.lock"));
    Files.createDirectories(dir.resolve("site.tmp-456"));
    // Not luutru's, whatever their names: a folder with other files and no marker, another site's
    // lock.
    Files.writeString(
        Files.createDirectories(dir.resolve("site.tmp-789")).resolve("notes.txt"), "mine");
    Files.createFile(dir.resolve("site.build-789.lock"));
    Files.createFile(dir.resolve("other.build-1.lock"));
    Files.createDirectories(dir.resolve("other.tmp-1"));

    build(out, "b.html");

    assertThat(old).doesNotExist();
    assertThat(beside())
        .as("a folder without the marker stays, and so does its lock file")
        .containsExactly(
            "other.build-1.lock", "other.tmp-1", "site", "site.build-789.lock", "site.tmp-789");
    assertThat(dir.resolve("site.tmp-789/notes.txt")).hasContent("mine");
  }

  /**
   * Another build of the same output, running in this JVM or in another process, keeps its folder.
   */
  @Test
  @Timeout(60)
  void leavesTheFoldersOfBuildsStillRunning() throws Exception {
    Path out = dir.resolve("site");
    try (SiteWriter first = SiteWriter.open(out)) {
      first.write("mot.html", new byte[] {1});
      build(out, "hai.html");
      assertThat(beside())
          .hasSize(3)
          .contains("site")
          .anyMatch(f -> f.startsWith("site.tmp-"))
          .anyMatch(f -> f.startsWith("site.build-"));
      first.commit();
    }
    assertThat(beside()).containsExactly("site");
    assertThat(out.resolve("mot.html")).exists();

    Path lock = Files.createFile(dir.resolve("site.build-42.lock"));
    Files.createDirectories(dir.resolve("site.tmp-42"));
    Files.writeString(dir.resolve("site.tmp-42/" + SiteWriter.MARKER), "");
    Process holder = ChildJvm.start(LockHolder.class, lock.toString());
    try {
      BufferedReader said =
          new BufferedReader(
              new InputStreamReader(holder.getInputStream(), StandardCharsets.UTF_8));
      assertThat(said.readLine()).isEqualTo("locked");
      build(out, "ba.html");
      assertThat(dir.resolve("site.tmp-42")).exists();
      assertThat(lock).exists();
    } finally {
      holder.getOutputStream().close();
      assertThat(holder.waitFor(30, TimeUnit.SECONDS)).isTrue();
    }
    build(out, "bon.html");
    assertThat(beside()).containsExactly("site");
  }

  /**
   * A build stopped between the two moves of its commit left the last site aside: it is put back.
   */
  @Test
  void putsBackTheSiteAStoppedCommitMovedAside() throws Exception {
    Path out = dir.resolve("site");
    Files.createFile(dir.resolve("site.build-77.lock"));
    Files.createDirectories(dir.resolve("site.old-77/2020"));
    Files.writeString(dir.resolve("site.old-77/" + SiteWriter.MARKER), "");
    Files.writeString(dir.resolve("site.old-77/index.html"), "the last site");
    Files.createDirectories(dir.resolve("site.tmp-77"));
    Files.writeString(dir.resolve("site.tmp-77/" + SiteWriter.MARKER), "");
    try (SiteWriter w = SiteWriter.open(out)) {
      assertThat(out.resolve("index.html"))
          .as("back in place while the next build runs")
          .hasContent("the last site");
      w.write("moi.html", new byte[] {1});
      // this build fails: the last site stays
    }
    assertThat(beside()).containsExactly("site");
    assertThat(out.resolve("index.html")).hasContent("the last site");
  }

  /**
   * Reached by another path, a running build's lock file is still not touched by this JVM's sweep.
   */
  @Test
  @Timeout(60)
  void aSweepInThisJvmKeepsItsOwnLocksWhateverPathNamesThem() throws Exception {
    Path real = Files.createDirectories(dir.resolve("real"));
    Path link = Files.createSymbolicLink(dir.resolve("link"), real);
    try (SiteWriter first = SiteWriter.open(real.resolve("site"))) {
      first.write("mot.html", new byte[] {1});
      Path lock;
      try (Stream<Path> s = Files.list(real)) {
        lock =
            s.filter(p -> p.getFileName().toString().endsWith(".lock")).findFirst().orElseThrow();
      }
      SiteWriter.sweep(link.resolve("site"));
      Process probe = ChildJvm.start(LockProbe.class, lock.toString());
      String said =
          new String(probe.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
      assertThat(probe.waitFor(30, TimeUnit.SECONDS)).isTrue();
      assertThat(said).as("the first build's lock, seen from another process").isEqualTo("held");
      first.commit();
    }
    assertThat(real.resolve("site/mot.html")).exists();
  }

  /**
   * A build's threads may still write when one of them failed and the writer is closed: their
   * writes are refused, so that the temporary folder can be deleted (on a full disk it was left).
   */
  @Test
  void refusesWritesOnceClosedSoThatNothingIsLeft() throws Exception {
    Path out = dir.resolve("site");
    SiteWriter w = SiteWriter.open(out);
    w.write("a.html", new byte[] {1});
    w.close();
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> w.write("b.html", new byte[] {2}))
        .hasMessageContaining("the build has stopped");
    try (var s = Files.list(dir)) {
      assertThat(s).isEmpty();
    }
  }

  /** Says whether the file it is given is locked by another process. */
  public static final class LockProbe {
    public static void main(String[] args) throws Exception {
      try (java.nio.channels.FileChannel c =
          java.nio.channels.FileChannel.open(
              Path.of(args[0]), java.nio.file.StandardOpenOption.WRITE)) {
        System.out.println(c.tryLock() == null ? "held" : "free");
      }
    }
  }

  /**
   * Holds a lock on the file it is given until its standard input closes: a build in another
   * process.
   */
  public static final class LockHolder {
    public static void main(String[] args) throws Exception {
      try (java.nio.channels.FileChannel c =
          java.nio.channels.FileChannel.open(
              Path.of(args[0]), java.nio.file.StandardOpenOption.WRITE)) {
        c.lock();
        System.out.println("locked");
        System.out.flush();
        while (System.in.read() >= 0) {
          // wait
        }
      }
    }
  }
}
