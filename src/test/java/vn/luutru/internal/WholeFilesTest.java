package vn.luutru.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WholeFilesTest {
  @TempDir Path dir;

  @Test
  void writesANewFileAndReplacesAnOldOneLeavingNothingBeside() throws IOException {
    Path file = dir.resolve("a.txt");
    WholeFiles.write(file, "một".getBytes(StandardCharsets.UTF_8));
    assertThat(file).hasContent("một");
    WholeFiles.write(file, "hai".getBytes(StandardCharsets.UTF_8));
    assertThat(file).hasContent("hai");
    assertThat(names()).containsExactly("a.txt");
  }

  @Test
  void aFailedRenameLeavesWhatWasThereAndNoTemporaryFile() throws IOException {
    Path folder = dir.resolve("a.txt");
    Files.createDirectories(folder.resolve("inside"));
    assertThatThrownBy(() -> WholeFiles.write(folder, new byte[] {1}))
        .isInstanceOf(IOException.class);
    assertThat(folder.resolve("inside")).isDirectory();
    assertThat(names()).containsExactly("a.txt");
  }

  private java.util.List<String> names() throws IOException {
    try (Stream<Path> s = Files.list(dir)) {
      return s.map(p -> p.getFileName().toString()).sorted().toList();
    }
  }
}
