package vn.luutru.publish;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.luutru.output.SiteWriter;

/** The site a deploy reads: fingerprints are kept between deploys, read again only when needed. */
class LocalSiteTest {
  @TempDir Path dir;

  private static final FileTime LONG_AGO = FileTime.fromMillis(1_600_000_000_000L);

  private final List<String> hashed = new ArrayList<>();

  private LocalSite scan(Path site) throws Exception {
    hashed.clear();
    return LocalSite.scan(site, dir.resolve("hashes.txt"), hashed::add);
  }

  private Path site() throws Exception {
    Path site = Files.createDirectories(dir.resolve("site"));
    Files.writeString(site.resolve(SiteWriter.MARKER), "");
    Files.writeString(site.resolve("index.html"), "trang chủ");
    Files.writeString(Files.createDirectories(site.resolve("2020/01")).resolve("a.html"), "bài a");
    Files.writeString(site.resolve("2020/01/b.html"), "bài b");
    for (String f : List.of("index.html", "2020/01/a.html", "2020/01/b.html")) {
      Files.setLastModifiedTime(site.resolve(f), LONG_AGO);
    }
    return site;
  }

  @Test
  void readsOnlyTheFilesThatChangedSinceTheLastDeploy() throws Exception {
    Path site = site();
    LocalSite first = scan(site);
    assertThat(hashed).containsExactlyInAnyOrder("index.html", "2020/01/a.html", "2020/01/b.html");

    LocalSite again = scan(site);
    assertThat(hashed).as("nothing changed").isEmpty();
    assertThat(again.manifest()).isEqualTo(first.manifest());

    // Replaced, as a build replaces a file; and changed in place with its size and date kept, as
    // cp -p or touch -r would leave it: its status time still tells.
    Files.writeString(site.resolve("2020/01/a.html"), "bài a, sửa");
    Files.setLastModifiedTime(site.resolve("2020/01/a.html"), LONG_AGO);
    Files.writeString(site.resolve("2020/01/b.html"), "bài B");
    Files.setLastModifiedTime(site.resolve("2020/01/b.html"), LONG_AGO);
    LocalSite third = scan(site);
    assertThat(hashed).containsExactlyInAnyOrder("2020/01/a.html", "2020/01/b.html");
    assertThat(third.manifest())
        .isEqualTo(LocalSite.scan(site, dir.resolve("none.txt"), p -> {}).manifest());
  }

  /** A file dated within the last moments may change again within its date's tick. */
  @Test
  void aFileJustWrittenIsReadAgainNextTime() throws Exception {
    Path site = site();
    Files.writeString(site.resolve("moi.html"), "bài mới");
    scan(site);
    assertThat(hashed).hasSize(4);
    scan(site);
    assertThat(hashed).containsExactly("moi.html");
  }

  @Test
  void damagedFingerprintsAreReadAgain() throws Exception {
    Path site = site();
    LocalSite first = scan(site);
    List<String> lines = Files.readAllLines(dir.resolve("hashes.txt"));
    lines.set(1, lines.get(1).replaceFirst("^[0-9a-f]", "x"));
    Files.write(dir.resolve("hashes.txt"), lines.subList(0, lines.size() - 1));

    LocalSite again = scan(site);
    assertThat(hashed).as("cut short: none of it is trusted").hasSize(3);
    assertThat(again.manifest()).isEqualTo(first.manifest());

    Files.writeString(dir.resolve("hashes.txt"), "not a list of fingerprints\n");
    assertThat(scan(site).manifest()).isEqualTo(first.manifest());
    assertThat(hashed).hasSize(3);
  }

  @Test
  void keptBesideTheSiteInTheCacheFolder() {
    assertThat(LocalSite.hashesOf(dir.resolve("site")).getParent())
        .isEqualTo(dir.resolve(".luutru/cache"));
    assertThat(LocalSite.hashesOf(dir.resolve("site")))
        .isNotEqualTo(LocalSite.hashesOf(dir.resolve("site2")));
  }
}
