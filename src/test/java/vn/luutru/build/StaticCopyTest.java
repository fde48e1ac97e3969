package vn.luutru.build;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import vn.luutru.config.SiteConfig;
import vn.luutru.content.Diagnostic;
import vn.luutru.testing.Trees;

/**
 * The content folder's files are checked, then copied: a file replaced in between (by another user,
 * a sync tool, an editor) must not be published unchecked. A seam in the build replaces it after
 * the checks; the build fails with the file's name, or publishes what was checked, never the
 * replacement, and the previous site stays as it was.
 */
class StaticCopyTest {
  static final String SECRET = "mật khẩu của máy chủ";
  static final String SCRIPT =
      "<svg xmlns=\"http://www.w3.org/2000/svg\"><script>alert(1)</script></svg>\n";

  @TempDir Path dir;
  Path content;
  Path outside;
  Path site;

  @BeforeEach
  void aSiteBuiltBefore() throws IOException {
    content = dir.resolve("content");
    outside = dir.resolve("outside");
    site = dir.resolve("site");
    write(
        content.resolve("2020/a.md"),
        "---\ntitle: \"Đại hội\"\ndate: 2020-01-17\n---\n![Hoa](../anh/hoa.svg)\n");
    write(
        content.resolve("anh/hoa.svg"),
        "<svg xmlns=\"http://www.w3.org/2000/svg\"><rect width=\"1\"/></svg>\n");
    write(content.resolve("tep/bieu-mau.txt"), "Biểu mẫu.\n");
    write(outside.resolve("mat-khau.txt"), SECRET);
    write(outside.resolve("tep/bieu-mau.txt"), SECRET);
    BuildResult first = SiteBuilder.build(config());
    assertThat(first.written()).as("%s", first.diagnostics()).isTrue();
  }

  /** What replaces a file between its check and its copy. */
  enum Replacement {
    SVG_WITH_SCRIPT("anh/hoa.svg", "the SVG carries script") {
      @Override
      void apply(Path content, Path outside) throws IOException {
        Files.writeString(content.resolve("anh/hoa.svg"), SCRIPT);
      }
    },
    LINK_OUT_OF_THE_FOLDER("tep/bieu-mau.txt", "changed while the site was being built") {
      @Override
      void apply(Path content, Path outside) throws IOException {
        Files.delete(content.resolve("tep/bieu-mau.txt"));
        Files.createSymbolicLink(
            content.resolve("tep/bieu-mau.txt"), outside.resolve("mat-khau.txt"));
      }
    },
    FOLDER_LINKED_OUT("tep/bieu-mau.txt", "changed while the site was being built") {
      @Override
      void apply(Path content, Path outside) throws IOException {
        Files.delete(content.resolve("tep/bieu-mau.txt"));
        Files.delete(content.resolve("tep"));
        Files.createSymbolicLink(content.resolve("tep"), outside.resolve("tep"));
      }
    },
    DELETED("tep/bieu-mau.txt", "was deleted or moved while the site was being built") {
      @Override
      void apply(Path content, Path outside) throws IOException {
        Files.delete(content.resolve("tep/bieu-mau.txt"));
      }
    };

    final String file;
    final String message;

    Replacement(String file, String message) {
      this.file = file;
      this.message = message;
    }

    abstract void apply(Path content, Path outside) throws IOException;
  }

  @ParameterizedTest
  @EnumSource(Replacement.class)
  void aFileReplacedAfterItsCheckIsNotPublished(Replacement r) throws IOException {
    Map<String, String> before = Trees.sha256(site);

    BuildResult result = SiteBuilder.build(config(), () -> r.apply(content, outside));

    assertThat(result.written()).as("%s", result.diagnostics()).isFalse();
    assertThat(result.diagnostics())
        .filteredOn(Diagnostic::isError)
        .singleElement()
        .satisfies(
            d -> {
              assertThat(d.path()).isEqualTo("content/" + r.file);
              assertThat(d.message()).contains(r.message);
            });
    assertThat(Trees.sha256(site)).as("the previous site, byte for byte").isEqualTo(before);
    try (Stream<Path> s = Files.list(dir)) {
      assertThat(
              s.map(p -> p.getFileName().toString())
                  // the builds' lock and cache folder
                  .filter(f -> !f.equals(".luutru")))
          .containsExactlyInAnyOrder("content", "outside", "site");
    }
  }

  private SiteConfig config() {
    return SiteConfig.builder()
        .title("Lưu trữ")
        .description("Thử")
        .baseUrl("http://localhost:8080/")
        .contentDir(content)
        .shownContentDir("content")
        .templatesDir(Path.of("templates"))
        .outputDir(site)
        .today(LocalDate.of(2024, 1, 1))
        .build();
  }

  private static void write(Path p, String text) throws IOException {
    Files.createDirectories(p.getParent());
    Files.writeString(p, text, StandardCharsets.UTF_8);
  }
}
