package vn.luutru.build;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import vn.luutru.config.SiteConfig;
import vn.luutru.testing.Trees;

/**
 * Golden sites: each {@code src/test/resources/golden/<case>/content} is built with a fixed day,
 * base URL {@code https://example.org/luu-tru/} and two articles a page, and every file must equal
 * its twin in {@code expected/}; a file on one side only fails. Theme assets and {@code search.js}
 * are copies: they must equal their sources instead. Run with {@code -Dgolden.update=true} to
 * rewrite the expected files after a deliberate change, then read the diff.
 */
class GoldenSiteTest {
  static final Path GOLDEN = Path.of("src/test/resources/golden");

  static Stream<String> cases() throws IOException {
    try (Stream<Path> s = Files.list(GOLDEN)) {
      return s
          .filter(Files::isDirectory)
          .map(p -> p.getFileName().toString())
          .sorted()
          .toList()
          .stream();
    }
  }

  /** The site files that are copies of the theme's assets or of search.js, with their source. */
  static Map<String, Path> copies(Set<String> files) {
    Map<String, Path> out = new java.util.TreeMap<>();
    for (String f : files) {
      if (f.startsWith("assets/")) {
        out.put(f, Path.of("templates").resolve(f));
      } else if (f.equals("search/search.js")) {
        out.put(f, Path.of("src/main/resources/vn/luutru/search/search.js"));
      }
    }
    return out;
  }

  @ParameterizedTest
  @MethodSource("cases")
  void buildsExactlyTheExpectedFiles(String name, @TempDir Path tmp) throws IOException {
    Path content = GOLDEN.resolve(name).resolve("content");
    Path expected = GOLDEN.resolve(name).resolve("expected");
    Path out = tmp.resolve("site");
    SiteConfig config =
        SiteConfig.builder()
            .title("Lưu trữ thử")
            .description("Kho lưu trữ dùng để kiểm thử")
            .baseUrl("https://example.org/luu-tru/")
            .pageSize(2)
            .contentDir(content)
            .shownContentDir("content")
            .templatesDir(Path.of("templates"))
            .outputDir(out)
            .today(LocalDate.of(2024, 1, 1))
            .build();
    BuildResult result = SiteBuilder.build(config);
    assertThat(result.hasErrors()).as("%s", result.diagnostics()).isFalse();
    Map<String, byte[]> actual = new java.util.TreeMap<>(Trees.read(out));
    // Copies of source files are checked against their source, not kept twice in expected/.
    for (Map.Entry<String, Path> copy : copies(actual.keySet()).entrySet()) {
      assertThat(actual.remove(copy.getKey()))
          .as(copy.getKey())
          .isEqualTo(Files.readAllBytes(copy.getValue()));
    }

    if (Boolean.getBoolean("golden.update")) {
      if (Files.exists(expected)) {
        try (Stream<Path> s = Files.walk(expected)) {
          s.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
      }
      for (Map.Entry<String, byte[]> e : actual.entrySet()) {
        Path f = expected.resolve(e.getKey());
        Files.createDirectories(f.getParent());
        Files.write(f, e.getValue());
      }
      return;
    }
    Map<String, byte[]> want = Trees.read(expected);
    Set<String> missing = new TreeSet<>(want.keySet());
    missing.removeAll(actual.keySet());
    Set<String> extra = new TreeSet<>(actual.keySet());
    extra.removeAll(want.keySet());
    assertThat(missing).as("expected files the build did not write").isEmpty();
    assertThat(extra).as("files the build wrote that are not expected (orphans)").isEmpty();
    for (String file : want.keySet()) {
      if (!Arrays.equals(want.get(file), actual.get(file))) {
        String[] w = new String(want.get(file), StandardCharsets.UTF_8).split("\n", -1);
        String[] a = new String(actual.get(file), StandardCharsets.UTF_8).split("\n", -1);
        int i = 0;
        while (i < Math.min(w.length, a.length) && w[i].equals(a[i])) {
          i++;
        }
        fail(
            "%s differs at line %d:%n  expected: %s%n  actual:   %s",
            file,
            i + 1,
            i < w.length ? w[i] : "<end of file>",
            i < a.length ? a[i] : "<end of file>");
      }
    }
  }
}
