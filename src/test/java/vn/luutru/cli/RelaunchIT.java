package vn.luutru.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.luutru.testing.Jar;
import vn.luutru.testing.Trees;

/**
 * {@code java -jar target/luutru.jar build} as a user runs it: the second JVM, its exit code and
 * output.
 */
class RelaunchIT {
  @TempDir Path dir;

  Jar.Result jar(String... args) throws IOException, InterruptedException {
    return Jar.run(dir, List.of("-XX:+PrintCommandLineFlags"), Map.of(), args);
  }

  @Test
  void aBuildRunsInASecondJvmWithC1AndItsCollector() throws Exception {
    Path content = dir.resolve("content");
    Trees.copyTree(Path.of("content"), content);

    Jar.Result ok =
        jar("build", "--content", content.toString(), "--output", dir.resolve("site").toString());

    assertThat(ok.code()).as(ok.err()).isZero();
    // -XX:+PrintCommandLineFlags went along: the second JVM printed its flags too.
    assertThat(ok.out()).contains("-XX:TieredStopAtLevel=1", "luutru: 21 articles");
    // The parallel collector with a fixed heap where the first JVM may take 1 GB, else the serial
    // one.
    String first =
        ok.out()
            .lines()
            .filter(l -> l.contains("-XX:MaxHeapSize=") && !l.contains("TieredStopAtLevel"))
            .findFirst()
            .orElseThrow();
    String second =
        ok.out()
            .lines()
            .filter(l -> l.contains("-XX:TieredStopAtLevel=1"))
            .findFirst()
            .orElseThrow();
    long maxHeap = Long.parseLong(first.replaceAll(".*-XX:MaxHeapSize=(\\d+).*", "$1"));
    if (maxHeap >= 1L << 30) {
      assertThat(second)
          .contains(
              "-XX:+UseParallelGC", "-XX:-UseAdaptiveSizePolicy", "-XX:MaxTenuringThreshold=0")
          .doesNotContain("-XX:+UseSerialGC");
    } else {
      assertThat(second).contains("-XX:+UseSerialGC").doesNotContain("-XX:+UseParallelGC");
    }
    assertThat(ok.err()).contains("warning: title gives the same address");
    assertThat(dir.resolve("site/index.html")).exists();
  }

  @Test
  void errorsAndTheirExitCodeComeBackFromTheSecondJvm() throws Exception {
    Path content = dir.resolve("content");
    Files.createDirectories(content);
    Files.writeString(content.resolve("bai.md"), "---\ntitle: \"A\"\ndate: 2020-02-30\n---\n");

    Jar.Result broken =
        jar("build", "--content", content.toString(), "--output", dir.resolve("site").toString());

    assertThat(broken.code()).isEqualTo(1);
    assertThat(broken.out()).contains("-XX:TieredStopAtLevel=1");
    assertThat(broken.err()).contains("bai.md:3:7: error: date: impossible date 2020-02-30");
    assertThat(dir.resolve("site")).doesNotExist();
    assertThat(jar("build", "--no-such-option").code()).as("usage errors").isEqualTo(2);
  }

  /**
   * {@code kill -9} of {@code java -jar} must take the second JVM with it, before it swaps its site
   * in. The second JVM is held before its swap by a test seam (it reads a named pipe to its end);
   * the first is killed; then the pipe is let go: the second JVM must have ended, and the previous
   * site must be there byte for byte.
   */
  @Test
  void killingTheFirstJvmEndsTheSecondBeforeItSwapsItsSiteIn() throws Exception {
    Path content = dir.resolve("content");
    Files.createDirectories(content);
    Files.writeString(
        content.resolve("a.md"), "---\ntitle: \"Một\"\ndate: 2020-01-01\n---\nMột.\n");
    Path site = dir.resolve("site");
    assertThat(jar("build", "--content", content.toString(), "--output", site.toString()).code())
        .isZero();
    var before = Trees.sha256(site);
    Files.writeString(
        content.resolve("b.md"), "---\ntitle: \"Hai\"\ndate: 2020-01-02\n---\nHai.\n");
    Path hold = dir.resolve("hold");
    Process mkfifo = new ProcessBuilder("mkfifo", hold.toString()).inheritIO().start();
    assertThat(mkfifo.waitFor()).isZero();

    Process first =
        new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Dluutru.test.beforeSwap=" + hold,
                "-jar",
                Path.of("target/luutru.jar").toAbsolutePath().toString(),
                "build",
                "--content",
                content.toString(),
                "--output",
                site.toString())
            .redirectOutput(dir.resolve("out.txt").toFile())
            .redirectError(dir.resolve("err.txt").toFile())
            .start();
    try {
      // Opening the pipe waits for the second JVM to open it: then it is held before its swap.
      java.io.OutputStream holding =
          org.junit.jupiter.api.Assertions.assertTimeoutPreemptively(
              java.time.Duration.ofSeconds(120),
              () -> new java.io.FileOutputStream(hold.toFile()),
              "the build reaches its swap");
      ProcessHandle second = first.toHandle().children().findFirst().orElseThrow();

      first.destroyForcibly();
      assertThat(first.waitFor(120, TimeUnit.SECONDS)).isTrue();
      // Still held before its swap, the second JVM must end by itself once the first is gone; one
      // that goes on would wait here for ever (and be reported by the time-out).
      assertThat(second.onExit().get(120, TimeUnit.SECONDS).isAlive())
          .as("the second JVM ended")
          .isFalse();
      holding.close();
      assertThat(Trees.sha256(site)).as("the previous site, byte for byte").isEqualTo(before);
    } finally {
      first.toHandle().descendants().forEach(ProcessHandle::destroyForcibly);
      first.destroyForcibly();
    }
  }

  @Test
  void checkIsRelaunchedTooAndAnOptionKeepsTheWorkInOneJvm() throws Exception {
    String content = Path.of("content").toAbsolutePath().toString();
    Jar.Result same = jar("check", "--content", content);
    assertThat(same.out()).contains("-XX:TieredStopAtLevel=1");
    Jar.Result one =
        Jar.run(
            dir,
            List.of("-XX:+PrintCommandLineFlags", "-Dluutru.relaunch=false"),
            Map.of(),
            "check",
            "--content",
            content);
    // One JVM printed its flags and did the check, as the relaunched one did.
    assertThat(one.code()).as(one.err()).isEqualTo(same.code());
    assertThat(one.out()).contains("-XX:+PrintCommandLineFlags");
    assertThat(one.out()).doesNotContain("-XX:TieredStopAtLevel=1");
  }
}
