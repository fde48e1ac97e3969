package vn.luutru.build;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.luutru.config.SiteConfig;
import vn.luutru.testing.CameraPhotos;
import vn.luutru.testing.Trees;

/**
 * Renditions kept in the cache folder between builds: a rebuild publishes the same bytes, as links
 * to the cache's files where the file system allows, and a photo changed is made again.
 */
class PhotoCacheTest {
  @TempDir Path dir;

  @Test
  void aRebuildPublishesTheCachedRenditionsAndAChangedPhotoIsMadeAgain() throws IOException {
    Path content = dir.resolve("content");
    Files.createDirectories(content.resolve("anh"));
    Files.write(content.resolve("anh/hop.jpg"), CameraPhotos.jpeg(1000, 750, 1));
    Files.writeString(
        content.resolve("hop.md"),
        "---\ntitle: \"Họp\"\ndate: 2023-05-12\nimage: anh/hop.jpg\nimage_alt: \"Họp\"\n---\nBài.\n");
    Path cache = dir.resolve(".luutru/cache");
    SiteConfig config =
        SiteConfig.builder()
            .contentDir(content)
            .templatesDir(Path.of("templates"))
            .outputDir(dir.resolve("site"))
            .cacheDir(cache)
            .today(LocalDate.of(2024, 1, 1))
            .build();
    assertThat(SiteBuilder.build(config).written()).isTrue();
    Map<String, byte[]> first = Trees.read(dir.resolve("site/anh"));
    assertThat(first)
        .containsOnlyKeys(
            "hop-480.jpg",
            "hop-960.jpg",
            "hop-1000.jpg",
            "hop-240x160.jpg",
            "hop-360x240.jpg",
            "hop-480x320.jpg");

    assertThat(SiteBuilder.build(config).written()).isTrue();
    Map<String, byte[]> second = Trees.read(dir.resolve("site/anh"));
    assertThat(second.keySet()).isEqualTo(first.keySet());
    second.forEach((f, b) -> assertThat(b).as(f).isEqualTo(first.get(f)));
    assertThat(Files.getAttribute(dir.resolve("site/anh/hop-960.jpg"), "unix:nlink"))
        .as("a link to the cache's file")
        .isEqualTo(2);

    Files.write(content.resolve("anh/hop.jpg"), CameraPhotos.jpeg(800, 600, 1));
    assertThat(SiteBuilder.build(config).written()).isTrue();
    assertThat(Trees.read(dir.resolve("site/anh")))
        .containsOnlyKeys(
            "hop-480.jpg", "hop-800.jpg", "hop-240x160.jpg", "hop-360x240.jpg", "hop-480x320.jpg");
  }
}
