package vn.luutru.build;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import vn.luutru.config.SiteConfig;
import vn.luutru.output.SwapGate;
import vn.luutru.testing.CameraPhotos;
import vn.luutru.testing.Trees;

/**
 * Random sequences of changes (articles added, edited, renamed and deleted; photos added, replaced
 * and deleted; a template, a setting and the day changed; content that does not build): after each
 * step, the site a build updated in place is byte for byte what a clean build of the same content
 * writes, and a build that fails leaves it as it was.
 */
class IncrementalBuildTest {
  private static final int STEPS = 14;
  private static final String[] CATEGORIES = {"Thời sự", "Xây dựng Đảng", "Đại hội Đảng"};
  private static final String[] WORDS = {
    "đại hội", "chi bộ", "nhiệm kỳ", "đảng viên", "nghị quyết", "báo cáo", "biểu quyết", "hội nghị"
  };

  @TempDir Path tmp;

  private final List<String> articles = new ArrayList<>();
  private final List<String> photos = new ArrayList<>();
  private Random random;
  private Path content;
  private int next;
  private LocalDate today = LocalDate.of(2021, 3, 1);
  private String title = "Lưu trữ thử";
  private int pageSize = 4;

  @ParameterizedTest(name = "seed {0}")
  @ValueSource(longs = {1, 2, 3})
  void anUpdatedSiteIsWhatACleanBuildWrites(long seed) throws IOException {
    random = new Random(seed);
    content = Files.createDirectories(tmp.resolve("content"));
    for (int i = 0; i < 8; i++) {
      addArticle();
    }
    addPhoto();
    Map<String, String> last = compare("the first build");
    for (int step = 1; step <= STEPS; step++) {
      String change = change();
      if (change.startsWith("break")) {
        BuildResult failed = build(tmp.resolve("site"), false);
        assertThat(failed.written()).as("step %d, %s", step, change).isFalse();
        assertThat(Trees.sha256(tmp.resolve("site")))
            .as("step %d, %s: a build that fails leaves the site as it was", step, change)
            .isEqualTo(last);
        Files.delete(content.resolve(change.substring("break ".length())));
        change = "fixed";
      }
      last = compare("step " + step + ", " + change);
    }
  }

  /**
   * A build stopped while it moved its files into the site leaves each file whole, some old and
   * some new, and its folders beside the site: the next build puts the site right and tidies them.
   */
  @ParameterizedTest(name = "seed {0}")
  @ValueSource(longs = {4, 5})
  void aSiteLeftHalfUpdatedIsPutRight(long seed) throws IOException {
    random = new Random(seed);
    content = Files.createDirectories(tmp.resolve("content"));
    for (int i = 0; i < 8; i++) {
      addArticle();
    }
    compare("the first build");
    Map<String, byte[]> before = Trees.read(tmp.resolve("site"));
    for (int i = 0; i < 3; i++) {
      change();
    }
    for (String a : articles) {
      writeArticle(a, "sửa");
    }
    compare("the second build");
    Map<String, byte[]> after = Trees.read(tmp.resolve("site"));
    // Half of the files old, half new, some missing; and what the stopped build left beside.
    Path site = tmp.resolve("site");
    Trees.delete(site);
    for (String file : new java.util.TreeSet<>(before.keySet())) {
      if (!after.containsKey(file) || random.nextBoolean()) {
        Files.createDirectories(site.resolve(file).getParent());
        Files.write(site.resolve(file), before.get(file));
      }
    }
    for (Map.Entry<String, byte[]> f : after.entrySet()) {
      if (!Files.exists(site.resolve(f.getKey())) && random.nextInt(3) > 0) {
        Files.createDirectories(site.resolve(f.getKey()).getParent());
        Files.write(site.resolve(f.getKey()), f.getValue());
      }
    }
    Files.createFile(tmp.resolve("site.build-9.lock"));
    Path left = Files.createDirectories(tmp.resolve("site.tmp-9/2021/01"));
    Files.writeString(tmp.resolve("site.tmp-9/.luutru"), "");
    Files.writeString(left.resolve("index.html"), "a file the stopped build had not moved yet");

    compare("the build after");
  }

  /** Builds in place and clean; the site as both wrote it. */
  private Map<String, String> compare(String what) throws IOException {
    BuildResult updated = build(tmp.resolve("site"), false);
    assertThat(updated.written()).as("%s: %s", what, updated.diagnostics()).isTrue();
    Trees.delete(tmp.resolve("clean"));
    BuildResult clean = build(tmp.resolve("clean"), true);
    assertThat(clean.written()).as("%s: %s", what, clean.diagnostics()).isTrue();
    Map<String, String> site = Trees.sha256(tmp.resolve("site"));
    assertThat(site).as(what).isEqualTo(Trees.sha256(tmp.resolve("clean")));
    try (Stream<Path> beside = Files.list(tmp)) {
      assertThat(beside.map(p -> p.getFileName().toString()))
          .as("%s: nothing left beside the site", what)
          .isSubsetOf("content", "site", "clean", "templates", ".luutru");
    }
    return site;
  }

  private BuildResult build(Path out, boolean clean) throws IOException {
    SiteConfig config =
        SiteConfig.builder()
            .title(title)
            .baseUrl("https://example.org/")
            .pageSize(pageSize)
            .contentDir(content)
            .templatesDir(Files.createDirectories(tmp.resolve("templates")))
            .outputDir(out)
            .today(today)
            // The clean build makes its photos afresh; the other keeps them between builds.
            .cacheDir(clean ? Optional.empty() : Optional.of(tmp.resolve(".luutru/cache")))
            .build();
    return SiteBuilder.build(config, SwapGate.open(), true, clean);
  }

  /** Makes one random change; says which. */
  private String change() throws IOException {
    int roll = random.nextInt(22);
    if (roll < 5 || articles.size() < 3) {
      return "added " + addArticle();
    } else if (roll < 8) {
      String a = pick(articles);
      writeArticle(a, "sửa " + random.nextInt(1000));
      return "edited " + a;
    } else if (roll < 9) {
      String a = pick(articles);
      String b = "doi-ten-" + next++ + ".md";
      Files.move(content.resolve(a), content.resolve(b));
      articles.set(articles.indexOf(a), b);
      return "renamed " + a + " to " + b;
    } else if (roll < 11) {
      String a = pick(articles);
      Files.delete(content.resolve(a));
      articles.remove(a);
      return "deleted " + a;
    } else if (roll < 12) {
      return "added photo " + addPhoto();
    } else if (roll < 13 && !photos.isEmpty()) {
      String p = pick(photos);
      Files.write(content.resolve(p), photo());
      return "replaced photo " + p;
    } else if (roll < 14 && !photos.isEmpty()) {
      // The articles that show it show another, or none.
      String p = pick(photos);
      photos.remove(p);
      Files.delete(content.resolve(p));
      for (String a : articles) {
        writeArticle(a, "ảnh đã xóa");
      }
      return "deleted photo " + p;
    } else if (roll < 15) {
      Path template = tmp.resolve("templates/robots.txt.peb");
      if (Files.exists(template) && random.nextBoolean()) {
        Files.delete(template);
        return "template back to the theme's";
      }
      Files.writeString(
          template,
          "User-agent: *\nAllow: /\n# "
              + random.nextInt(100)
              + "\n"
              + "Sitemap: {{ abs_url('sitemap.xml') }}\n");
      return "template changed";
    } else if (roll < 16) {
      title = title.endsWith("2") ? "Lưu trữ thử" : "Lưu trữ thử 2";
      return "title changed";
    } else if (roll < 17) {
      pageSize = pageSize == 4 ? 3 : 4;
      return "page size " + pageSize;
    } else if (roll < 18) {
      today = today.plusDays(25);
      return "today " + today;
    } else if (roll < 20) {
      // An attachment (a file copied as it is) added, replaced or removed.
      Path file = content.resolve("tep/bao-cao-" + random.nextInt(3) + ".pdf");
      if (Files.exists(file) && random.nextBoolean()) {
        Files.delete(file);
        return "deleted " + file.getFileName();
      }
      byte[] bytes = new byte[50 + random.nextInt(200)];
      random.nextBytes(bytes);
      Files.createDirectories(file.getParent());
      Files.write(file, bytes);
      return "wrote " + file.getFileName();
    } else {
      String broken = "hong-" + next++ + ".md";
      Files.writeString(content.resolve(broken), "---\ntitle: [không đóng\n---\nThân bài.\n");
      return "break " + broken;
    }
  }

  private String addArticle() throws IOException {
    String name = "bai-" + next++ + ".md";
    articles.add(name);
    writeArticle(name, "mới");
    return name;
  }

  /**
   * Writes article {@code name} afresh: a date around {@link #today}, some after it, a category,
   * sometimes tags, a photo, an old address or a congress.
   */
  private void writeArticle(String name, String note) throws IOException {
    String id = name.replace(".md", "");
    StringBuilder s = new StringBuilder("---\n");
    s.append("title: \"Bài ").append(id).append(' ').append(pick(WORDS)).append("\"\n");
    s.append("date: ").append(LocalDate.of(2021, 1, 1).plusDays(random.nextInt(150))).append('\n');
    s.append("categories: [\"").append(pick(CATEGORIES)).append("\"]\n");
    if (random.nextInt(3) == 0) {
      s.append("tags: [\"").append(pick(WORDS)).append("\"]\n");
    }
    if (!photos.isEmpty() && random.nextInt(3) == 0) {
      s.append("image: ")
          .append(pick(photos))
          .append("\nimage_alt: \"Ảnh ")
          .append(id)
          .append("\"\n");
    }
    if (random.nextInt(5) == 0) {
      s.append("aliases: [\"/tin-tuc/").append(id).append(".html\"]\n");
    }
    if (random.nextInt(4) == 0) {
      s.append("congress:\n  organization: \"Chi bộ ")
          .append(id)
          .append("\"\n  parent: \"Đảng bộ Sở\"\n  ordinal: 1\n  term: \"2020-2025\"\n");
    }
    s.append("---\n");
    for (int i = 0; i < 3; i++) {
      s.append(pick(WORDS))
          .append(' ')
          .append(note)
          .append(' ')
          .append(random.nextInt(100))
          .append(". ");
    }
    s.append('\n');
    Files.writeString(content.resolve(name), s.toString());
  }

  private String addPhoto() throws IOException {
    String name = "anh/anh-" + next++ + ".jpg";
    Files.createDirectories(content.resolve("anh"));
    Files.write(content.resolve(name), photo());
    photos.add(name);
    return name;
  }

  private byte[] photo() {
    return CameraPhotos.plainJpeg(
        CameraPhotos.pixels(40 + random.nextInt(60), 30 + random.nextInt(40), random.nextLong()),
        false);
  }

  private <T> T pick(List<T> from) {
    return from.get(random.nextInt(from.size()));
  }

  private String pick(String[] from) {
    return from[random.nextInt(from.length)];
  }
}
