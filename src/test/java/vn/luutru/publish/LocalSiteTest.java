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

    // Replaced, as a build replaces a file; and changed in place: the same size and file, another
    // date.
    Files.writeString(site.resolve("2020/01/a.html"), "bài a, sửa");
    FileTime date = Files.getLastModifiedTime(site.resolve("2020/01/b.html"));
    Files.writeString(site.resolve("2020/01/b.html"), "bài B");
    Files.setLastModifiedTime(
        site.resolve("2020/01/b.html"), FileTime.fromMillis(date.toMillis() + 1000));
    LocalSite third = scan(site);
    assertThat(hashed).containsExactlyInAnyOrder("2020/01/a.html", "2020/01/b.html");
    assertThat(third.manifest())
        .isEqualTo(LocalSite.scan(site, dir.resolve("none.txt"), p -> {}).manifest());
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
