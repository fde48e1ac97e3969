package vn.luutru.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ClassArchiveTest {
  @TempDir Path dir;

  private List<String> command(Path jar, String... options) {
    List<String> c = new java.util.ArrayList<>(List.of("/usr/bin/java"));
    c.addAll(List.of(options));
    c.addAll(List.of("-Dluutru.relaunched=true", "-cp", jar.toString(), "vn.luutru.cli.Main", "build"));
    return c;
  }

  private List<String> files(Path folder) throws Exception {
    try (Stream<Path> s = Files.list(folder)) {
      return s.map(p -> p.getFileName().toString()).sorted().toList();
    }
  }

  @Test
  void theFirstBuildMakesTheArchiveAndTheNextUseIt() throws Exception {
    Path jar = Files.write(dir.resolve("luutru.jar"), new byte[] {'P', 'K'});
    Path cache = dir.resolve("cache");
    List<String> plain = command(jar, "-XX:TieredStopAtLevel=1");

    ClassArchive.Launch first = ClassArchive.around(plain, Optional.of(cache));
    String making = first.command().get(1);
    assertThat(making).startsWith("-XX:ArchiveClassesAtExit=" + cache.resolve("luutru-")).contains(".jsa.tmp-");
    assertThat(first.command().subList(4, first.command().size())).as("the rest as it was").isEqualTo(plain.subList(1, plain.size()));
    Files.writeString(first.making().orElseThrow(), "archive");
    ClassArchive.ended(first, 0);
    assertThat(files(cache)).singleElement().asString().startsWith("luutru-").endsWith(".jsa");

    ClassArchive.Launch next = ClassArchive.around(plain, Optional.of(cache));
    assertThat(next.command().get(1)).isEqualTo("-XX:SharedArchiveFile=" + first.archive().orElseThrow());
    assertThat(next.command()).contains("-Xlog:cds=off");
    assertThat(next.making()).isEmpty();

    List<String> check = new java.util.ArrayList<>(plain);
    check.set(check.size() - 1, "check");
    assertThat(ClassArchive.around(check, Optional.of(cache)).command()).as("check uses the build's")
        .contains("-XX:SharedArchiveFile=" + first.archive().orElseThrow());
    List<String> otherCheck = command(jar, "-Xmx1g");
    otherCheck.set(otherCheck.size() - 1, "check");
    assertThat(ClassArchive.around(otherCheck, Optional.of(cache)).command()).as("but makes none").isEqualTo(otherCheck);

    ClassArchive.Launch other = ClassArchive.around(command(jar, "-Xmx2g"), Optional.of(cache));
    assertThat(other.archive()).as("other options, another archive").isNotEqualTo(first.archive());
    Files.setLastModifiedTime(jar, FileTime.fromMillis(Files.getLastModifiedTime(jar).toMillis() + 5000));
    assertThat(ClassArchive.around(plain, Optional.of(cache)).making()).as("a newer jar makes its own").isPresent();
  }

  @Test
  void aFailedBuildLeavesNoArchiveAndTheUsersSharingWins() throws Exception {
    Path jar = Files.write(dir.resolve("luutru.jar"), new byte[] {'P', 'K'});
    Path cache = dir.resolve("cache");
    ClassArchive.Launch first = ClassArchive.around(command(jar), Optional.of(cache));
    Files.writeString(first.making().orElseThrow(), "fewer classes");
    ClassArchive.ended(first, 1);
    assertThat(files(cache)).isEmpty();
    for (String own : List.of("-Xshare:off", "-XX:SharedArchiveFile=/tmp/a.jsa", "-XX:+AutoCreateSharedArchive")) {
      List<String> c = command(jar, own);
      assertThat(ClassArchive.around(c, Optional.of(cache)).command()).as(own).isEqualTo(c);
    }
    assertThat(ClassArchive.around(command(jar), Optional.empty()).command()).isEqualTo(command(jar));
    Path unwritable = Files.writeString(dir.resolve("a-file"), "");
    assertThat(ClassArchive.around(command(jar), Optional.of(unwritable.resolve("cache"))).command())
        .as("a cache folder that cannot be made").isEqualTo(command(jar));
  }

  @Test
  void keepsTheNewestArchives() throws Exception {
    Path cache = Files.createDirectories(dir.resolve("cache"));
    for (int i = 0; i < 7; i++) {
      Path a = Files.writeString(cache.resolve("luutru-" + i + ".jsa"), "x");
      Files.setLastModifiedTime(a, FileTime.fromMillis(1_000_000L * (i + 1)));
    }
    Files.writeString(cache.resolve("other.txt"), "not an archive");
    ClassArchive.prune(cache);
    assertThat(files(cache)).containsExactly("luutru-3.jsa", "luutru-4.jsa", "luutru-5.jsa", "luutru-6.jsa", "other.txt");
  }
}
