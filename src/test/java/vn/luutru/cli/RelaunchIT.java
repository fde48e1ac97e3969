package vn.luutru.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.luutru.testing.Trees;

/** {@code java -jar target/luutru.jar build} as a user runs it: the second JVM, its exit code and output. */
class RelaunchIT {
  @TempDir Path dir;

  record Result(int code, String out, String err) {}

  Result jar(String... args) throws IOException, InterruptedException {
    List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-XX:+PrintCommandLineFlags", "-jar", Path.of("target/luutru.jar").toAbsolutePath().toString()));
    command.addAll(List.of(args));
    Process p = new ProcessBuilder(command).redirectOutput(dir.resolve("out.txt").toFile())
        .redirectError(dir.resolve("err.txt").toFile()).start();
    assertThat(p.waitFor(120, TimeUnit.SECONDS)).as("the build ends").isTrue();
    return new Result(p.exitValue(), Files.readString(dir.resolve("out.txt"), StandardCharsets.UTF_8),
        Files.readString(dir.resolve("err.txt"), StandardCharsets.UTF_8));
  }

  @Test
  void aBuildRunsInASecondJvmWithC1AndItsCollector() throws Exception {
    Path content = dir.resolve("content");
    Trees.copyTree(Path.of("content"), content);

    Result ok = jar("build", "--content", content.toString(), "--output", dir.resolve("site").toString());

    assertThat(ok.code()).as(ok.err()).isZero();
    // -XX:+PrintCommandLineFlags went along: the second JVM printed its flags too.
    assertThat(ok.out()).contains("-XX:TieredStopAtLevel=1", "luutru: 21 articles");
    // The parallel collector with a fixed heap where the first JVM may take 1 GB, else the serial one.
    String first = ok.out().lines().filter(l -> l.contains("-XX:MaxHeapSize=") && !l.contains("TieredStopAtLevel"))
        .findFirst().orElseThrow();
    String second = ok.out().lines().filter(l -> l.contains("-XX:TieredStopAtLevel=1")).findFirst().orElseThrow();
    long maxHeap = Long.parseLong(first.replaceAll(".*-XX:MaxHeapSize=(\\d+).*", "$1"));
    if (maxHeap >= 1L << 30) {
      assertThat(second).contains("-XX:+UseParallelGC", "-XX:-UseAdaptiveSizePolicy", "-XX:MaxTenuringThreshold=0")
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

    Result broken = jar("build", "--content", content.toString(), "--output", dir.resolve("site").toString());

    assertThat(broken.code()).isEqualTo(1);
    assertThat(broken.out()).contains("-XX:TieredStopAtLevel=1");
    assertThat(broken.err()).contains("bai.md:3:7: error: date: impossible date 2020-02-30");
    assertThat(dir.resolve("site")).doesNotExist();
    assertThat(jar("build", "--no-such-option").code()).as("usage errors").isEqualTo(2);
  }

  @Test
  void checkIsRelaunchedTooAndAnOptionKeepsTheWorkInOneJvm() throws Exception {
    Result same = jar("check", "--content", "content");
    assertThat(same.out()).contains("-XX:TieredStopAtLevel=1");
    List<String> command = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-XX:+PrintCommandLineFlags", "-Dluutru.relaunch=false", "-jar", "target/luutru.jar", "check", "--content", "content");
    Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    p.waitFor(120, TimeUnit.SECONDS);
    assertThat(out).doesNotContain("-XX:TieredStopAtLevel=1");
  }
}
