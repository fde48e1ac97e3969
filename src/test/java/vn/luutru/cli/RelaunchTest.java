package vn.luutru.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** When {@code java -jar luutru.jar} hands the work to a second JVM, and with which options. */
class RelaunchTest {
  @TempDir Path dir;

  Optional<List<String>> command(List<String> given, String... args) throws IOException {
    Path jar = dir.resolve("luutru.jar");
    if (!Files.exists(jar)) {
      Files.write(jar, new byte[] {'P', 'K'});
    }
    return Relaunch.command(args, jar, Path.of("/usr/bin/java"), given, Relaunch.LARGE, 6L << 30);
  }

  @Test
  void aBuildRunsInAJvmTunedForBatchWorkAndKeepsItsArguments() throws IOException {
    assertThat(
            command(
                List.of(), "build", "--content", dir.resolve("khong-co").toString(), "--drafts"))
        .contains(
            List.of(
                "/usr/bin/java",
                "-XX:TieredStopAtLevel=1",
                "-XX:+UseParallelGC",
                "-XX:-UseAdaptiveSizePolicy",
                "-Xms512m",
                "-Xmn120m",
                "-XX:MaxTenuringThreshold=0",
                "-Dluutru.relaunched=true",
                "-cp",
                dir.resolve("luutru.jar").toString(),
                "vn.luutru.cli.Main",
                "build",
                "--content",
                dir.resolve("khong-co").toString(),
                "--drafts"));
    assertThat(command(List.of(), "check")).isPresent();
    assertThat(command(List.of(), "import", "a.html")).isPresent();
  }

  @Test
  void theUsersJvmOptionsGoAlongAndWin() throws IOException {
    assertThat(command(List.of("-Xmx2g"), "build").orElseThrow())
        .containsSubsequence(
            "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Xmx2g", "-Dluutru.relaunched=true");
    assertThat(command(List.of("-XX:+UseG1GC"), "build").orElseThrow())
        .doesNotContain("-XX:+UseSerialGC")
        .contains("-XX:TieredStopAtLevel=1", "-XX:+UseG1GC");
    assertThat(command(List.of("-XX:-TieredCompilation"), "build").orElseThrow())
        .doesNotContain("-XX:TieredStopAtLevel=1")
        .contains("-XX:+UseParallelGC", "-XX:-TieredCompilation");
  }

  @Test
  void serveDebuggersAndClassFoldersStayInThisJvm() throws IOException {
    assertThat(command(List.of(), "serve")).isEmpty();
    assertThat(command(List.of(), "new", "Tiêu đề")).isEmpty();
    assertThat(command(List.of())).isEmpty();
    assertThat(command(List.of("-agentlib:jdwp=transport=dt_socket,server=y"), "build")).isEmpty();
    assertThat(command(List.of("-XX:ArchiveClassesAtExit=/tmp/app.jsa"), "build"))
        .as("making a CDS archive")
        .isEmpty();
    assertThat(command(List.of("-XX:SharedArchiveFile=/tmp/app.jsa"), "build"))
        .as("using one")
        .isPresent();
    assertThat(
            Relaunch.command(
                new String[] {"build"},
                dir,
                Path.of("/usr/bin/java"),
                List.of(),
                Relaunch.LARGE,
                6L << 30))
        .as("from target/classes")
        .isEmpty();
  }

  @Test
  void theSecondJvmShutsItsSwapAndHaltsWhenTheFirstIsGone() throws Exception {
    java.io.PipedOutputStream first = new java.io.PipedOutputStream();
    java.io.PipedInputStream stdin = new java.io.PipedInputStream(first);
    vn.luutru.output.SwapGate gate = vn.luutru.output.SwapGate.open();
    java.util.concurrent.CountDownLatch halted = new java.util.concurrent.CountDownLatch(1);

    Thread watch = Relaunch.dieWithParent(stdin, gate, halted::countDown);
    assertThat(halted.getCount()).as("the first JVM is there").isOne();
    first.close();

    assertThat(halted.await(120, java.util.concurrent.TimeUnit.SECONDS)).as("halted").isTrue();
    watch.join();
    Path site = dir.resolve("site");
    try (vn.luutru.output.SiteWriter out = vn.luutru.output.SiteWriter.open(site)) {
      out.write("index.html", new byte[] {'x'});
      org.assertj.core.api.Assertions.assertThatThrownBy(() -> out.commit(gate))
          .hasMessageContaining("was stopped");
    }
    assertThat(site).doesNotExist();
  }

  /** A read blocked in native code holds the JVM's exit back; an interrupted watch ends at once. */
  @Test
  void anInterruptedWatchEndsWithoutAHaltAndLeavesTheSwapOpen() throws Exception {
    java.nio.channels.Pipe pipe = java.nio.channels.Pipe.open();
    vn.luutru.output.SwapGate gate = vn.luutru.output.SwapGate.open();
    java.util.concurrent.CountDownLatch halted = new java.util.concurrent.CountDownLatch(1);

    Thread watch =
        Relaunch.dieWithParent(
            java.nio.channels.Channels.newInputStream(pipe.source()), gate, halted::countDown);
    watch.interrupt();
    watch.join();

    assertThat(halted.getCount()).as("not halted").isOne();
    Path site = dir.resolve("site");
    try (vn.luutru.output.SiteWriter out = vn.luutru.output.SiteWriter.open(site)) {
      out.write("index.html", new byte[] {'x'});
      out.commit(gate);
    }
    assertThat(site.resolve("index.html")).exists();
    pipe.sink().close();
  }

  @Test
  void knowsWhichOptionsThisJvmHas() {
    assertThat(Relaunch.hasOption("UseAdaptiveSizePolicy")).as("JDK 17").isTrue();
    assertThat(Relaunch.hasOption("UseNoSuchThing")).isFalse();
  }

  @Test
  void theHeapIsSizedOnlyWhereTheMachineHasRoomAndNoOneElseSizedIt() throws IOException {
    Path jar = Files.write(dir.resolve("luutru.jar"), new byte[] {'P', 'K'});
    String[] args = {"build"};
    Path java = Path.of("/usr/bin/java");
    assertThat(Relaunch.command(args, jar, java, List.of(), Relaunch.LARGE, 1L << 30).orElseThrow())
        .contains(
            "-XX:+UseParallelGC",
            "-XX:-UseAdaptiveSizePolicy",
            "-Xms512m",
            "-Xmn120m",
            "-XX:MaxTenuringThreshold=0")
        .doesNotContain("-XX:+UseSerialGC");
    assertThat(
            Relaunch.command(args, jar, java, List.of(), Relaunch.LARGE, 700L << 20).orElseThrow())
        .as("a heap of at most 700 MB: the serial collector, sized by the JVM")
        .contains("-XX:+UseSerialGC")
        .doesNotContain("-Xms512m", "-Xmn120m", "-XX:+UseParallelGC");
    for (String own :
        List.of(
            "-Xmx300m",
            "-Xms64m",
            "-Xmn32m",
            "-XX:MaxHeapSize=300m",
            "-XX:MaxRAMPercentage=10",
            "-XX:NewRatio=3",
            "-XX:+UseG1GC",
            "-XX:+AggressiveHeap")) {
      assertThat(
              Relaunch.command(args, jar, java, List.of(own), Relaunch.LARGE, 6L << 30)
                  .orElseThrow())
          .as(own)
          .contains(own)
          .doesNotContain("-Xms512m", "-Xmn120m", "-XX:-UseAdaptiveSizePolicy");
    }
    assertThat(
            Relaunch.command(
                    args, jar, java, List.of("-XX:+AggressiveHeap"), Relaunch.LARGE, 6L << 30)
                .orElseThrow())
        .as("AggressiveHeap picks its own collector")
        .doesNotContain("-XX:+UseSerialGC", "-XX:+UseParallelGC");
    assertThat(
            Relaunch.command(args, jar, java, List.of("-Xmx300m"), Relaunch.LARGE, 6L << 30)
                .orElseThrow())
        .as("a heap sized by the user: the serial collector")
        .contains("-XX:+UseSerialGC")
        .doesNotContain("-XX:+UseParallelGC");
    assertThat(Relaunch.sizesTheHeap("-XX:+PrintGC")).isFalse();
    assertThat(Relaunch.sizesTheHeap("-Dheap=1")).isFalse();
  }

  @Test
  void aLargeArchiveKeepsC2AndGetsTheParallelCollector() throws IOException {
    Path content = Files.createDirectories(dir.resolve("lon/2020"));
    for (int i = 0; i < 5; i++) {
      Files.writeString(content.resolve(i + ".md"), "");
    }
    Path jar = Files.write(dir.resolve("luutru.jar"), new byte[] {'P', 'K'});
    String[] args = {"build", "--content", dir.resolve("lon").toString()};
    assertThat(
            Relaunch.command(args, jar, Path.of("/usr/bin/java"), List.of("-Xmx2g"), 5, 6L << 30)
                .orElseThrow())
        .containsSubsequence(
            "/usr/bin/java", "-XX:+UseParallelGC", "-Xmx2g", "-Dluutru.relaunched=true")
        .doesNotContain("-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Xms512m");
    assertThat(
            Relaunch.command(args, jar, Path.of("/usr/bin/java"), List.of(), 6, 6L << 30)
                .orElseThrow())
        .as("one article fewer")
        .contains("-XX:TieredStopAtLevel=1", "-Xmn120m");
    assertThat(
            Relaunch.command(args, jar, Path.of("/usr/bin/java"), List.of(), 6, 700L << 20)
                .orElseThrow())
        .as("one article fewer, a small heap")
        .contains("-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC");
    assertThat(
            Relaunch.command(
                    args, jar, Path.of("/usr/bin/java"), List.of("-XX:+UseG1GC"), 5, 6L << 30)
                .orElseThrow())
        .as("the user's collector wins")
        .contains("-XX:+UseG1GC")
        .doesNotContain("-XX:+UseParallelGC");
  }

  @Test
  void countsArticlesOnlyAsFarAsItNeeds() throws IOException {
    Path content = Files.createDirectories(dir.resolve("content/2020"));
    for (int i = 0; i < 3; i++) {
      Files.writeString(content.resolve(i + ".md"), "");
    }
    Files.writeString(content.resolve("anh.svg"), "");
    assertThat(Relaunch.articlesAtLeast(dir.resolve("content"), 3)).isTrue();
    assertThat(Relaunch.articlesAtLeast(dir.resolve("content"), 4)).isFalse();
    // Folders within folders count; a link back up is not followed (it would count forever).
    Path deeper = Files.createDirectories(content.resolve("01/02"));
    Files.writeString(deeper.resolve("bai.markdown"), "");
    Files.createSymbolicLink(content.resolve("vong"), dir.resolve("content"));
    assertThat(Relaunch.articlesAtLeast(dir.resolve("content"), 4)).isTrue();
    assertThat(Relaunch.articlesAtLeast(dir.resolve("content"), 5)).isFalse();
    assertThat(Relaunch.articlesAtLeast(dir.resolve("khong-co"), 1)).isFalse();
    assertThat(Relaunch.contentFolder(new String[] {"build", "--content", "x"}))
        .isEqualTo(Path.of("x"));
    assertThat(Relaunch.contentFolder(new String[] {"build", "--content=y"}))
        .isEqualTo(Path.of("y"));
    assertThat(Relaunch.contentFolder(new String[] {"build"})).isEqualTo(Path.of("content"));
  }
}
