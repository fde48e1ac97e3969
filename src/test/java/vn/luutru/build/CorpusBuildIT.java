package vn.luutru.build;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.luutru.config.SiteConfig;
import vn.luutru.content.Diagnostic;
import vn.luutru.testing.Trees;

/** The whole real corpus (non-NFC text, control characters, repeated titles) builds cleanly. */
class CorpusBuildIT {
  @Test
  void buildsAllOfTheDantriCorpusWithoutAnError(@TempDir Path tmp) throws IOException {
    Path corpus = Trees.sharedCorpus();
    long files;
    try (Stream<Path> s = Files.walk(corpus)) {
      files = s.filter(p -> p.toString().endsWith(".md")).count();
    }
    SiteConfig config =
        SiteConfig.builder()
            .contentDir(corpus)
            .outputDir(tmp.resolve("site"))
            .today(LocalDate.of(2026, 1, 1))
            .build();
    BuildResult result = SiteBuilder.build(config);
    List<Diagnostic> errors = result.diagnostics().stream().filter(Diagnostic::isError).toList();
    assertThat(errors).isEmpty();
    assertThat(result.written()).isTrue();
    assertThat(result.articles()).isEqualTo(files).isEqualTo(2653);
    List<Diagnostic> sameTitle =
        result.diagnostics().stream()
            .filter(d -> d.message().startsWith("title gives the same address"))
            .toList();
    assertThat(sameTitle)
        .isNotEmpty()
        .allSatisfy(d -> assertThat(d.message()).contains(corpus.toString()));
    try (Stream<Path> s = Files.walk(tmp.resolve("site"))) {
      long pages = s.filter(p -> p.getFileName().toString().equals("index.html")).count();
      assertThat(pages).isGreaterThan(2653);
    }
  }
}
