package vn.luutru.content;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ContentSourceTest {
  @TempDir Path root;
  private final ArticleParser parser = new ArticleParser();

  private static String article(String title, int words) {
    return "---\ntitle: \""
        + title
        + "\"\ndate: 2020-01-17\n---\n"
        + "Đại hội Đảng bộ. ".repeat(words)
        + "\n";
  }

  private long clock = 1_700_000_000_000L;

  /**
   * Writes {@code rel} with a time of its own: the cache knows a file by its time and size, and the
   * file system's clock (a few milliseconds a tick) would give two quick writes the same.
   */
  private void write(String rel, String text) throws Exception {
    Path p = root.resolve(rel);
    Files.createDirectories(p.getParent());
    Files.writeString(p, text, StandardCharsets.UTF_8);
    Files.setLastModifiedTime(p, java.nio.file.attribute.FileTime.fromMillis(clock += 1000));
  }

  /** What a load without a cache gives, as comparable text. */
  private static List<String> shown(ContentSource.Content c) {
    List<String> out = new ArrayList<>();
    c.articles().forEach(a -> out.add("article " + a));
    c.staticFiles().forEach(s -> out.add("static " + s));
    c.diagnostics().forEach(d -> out.add("diagnostic " + d.format()));
    c.unreadable().stream().sorted().forEach(u -> out.add("unreadable " + u));
    return out;
  }

  /**
   * A cache told of every change gives, after random edits of the kinds editors make (in place,
   * through a temporary file renamed over, a backup come and gone), files and folders added and
   * removed, hidden files, names alike in NFC and broken files, exactly what a fresh walk gives.
   */
  @Test
  void aWatchedCacheGivesWhatAWalkGives() throws Exception {
    Random r = new Random(17);
    List<String> names =
        new ArrayList<>(
            List.of(
                "2020/a.md",
                "2020/b.md",
                "2021/c.md",
                "d.md",
                "anh/x.svg",
                "anh/y.png",
                "tin/Đại-hội.md"));
    for (String n : names) {
      write(
          n,
          n.endsWith(".md")
              ? article(n, 3)
              : n.endsWith(".svg") ? "<svg xmlns=\"http://www.w3.org/2000/svg\"/>" : "png");
    }
    ContentSource.Cache cache = new ContentSource.Cache();
    cache.watched();
    ContentSource.load(root, "content", parser, cache);
    for (int step = 0; step < 300; step++) {
      List<String> told = new ArrayList<>();
      int ops = 1 + r.nextInt(3);
      for (int k = 0; k < ops; k++) {
        String n = names.get(r.nextInt(names.size()));
        switch (r.nextInt(12)) {
          case 0, 1, 2 -> { // in place
            if (Files.exists(root.resolve(n))) {
              write(
                  n,
                  n.endsWith(".md")
                      ? article(n + step, r.nextInt(5))
                      : n.endsWith(".svg")
                          ? (r.nextBoolean()
                              ? "<svg xmlns=\"http://www.w3.org/2000/svg\"><script>x</script></svg>"
                              : "<svg xmlns=\"http://www.w3.org/2000/svg\"/>")
                          : "png" + step);
              told.add(n);
            }
          }
          case 3, 4 -> { // a temporary file renamed over, and a backup that comes and goes
            if (Files.exists(root.resolve(n)) && n.endsWith(".md")) {
              String dir = n.contains("/") ? n.substring(0, n.lastIndexOf('/') + 1) : "";
              write(dir + "4913", "");
              Files.delete(root.resolve(dir + "4913"));
              write(n + "~", "backup");
              write(
                  dir + "tam.tmp",
                  r.nextInt(4) == 0 ? "---\ntitle: [\n---\n" : article("tạm " + step, 2));
              Files.move(
                  root.resolve(dir + "tam.tmp"),
                  root.resolve(n),
                  StandardCopyOption.REPLACE_EXISTING);
              Files.delete(root.resolve(n + "~"));
              told.addAll(List.of(dir + "4913", n + "~", dir + "tam.tmp", n));
            }
          }
          case 5 -> { // a new file
            String m = "moi/" + step + (r.nextBoolean() ? ".md" : ".jpg");
            write(m, article("mới " + step, 1));
            names.add(m);
            told.addAll(List.of("moi", m));
          }
          case 6 -> { // a file deleted
            if (Files.exists(root.resolve(n))) {
              Files.delete(root.resolve(n));
              told.add(n);
            }
          }
          case 7 -> { // a folder removed whole, told only of itself (as when moved away)
            if (Files.isDirectory(root.resolve("moi"))) {
              try (Stream<Path> s = Files.walk(root.resolve("moi"))) {
                s.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
              }
              told.add("moi");
            }
          }
          case 8 -> { // hidden files
            write(".git/HEAD", "ref " + step);
            write("2020/.bai.md.swp", "swap");
            told.addAll(List.of(".git/HEAD", "2020/.bai.md.swp"));
          }
          case 9 -> { // a name alike in NFC, then gone
            String nfd =
                java.text.Normalizer.normalize("tin/Đại-hội.md", java.text.Normalizer.Form.NFD);
            if (!Files.exists(root.resolve(nfd))) {
              write(nfd, article("NFD " + step, 1));
            } else {
              Files.delete(root.resolve(nfd));
            }
            told.add(nfd);
          }
          case 10 -> { // the same bytes written again: a new time
            if (Files.exists(root.resolve(n))) {
              Files.setLastModifiedTime(
                  root.resolve(n), java.nio.file.attribute.FileTime.fromMillis(clock += 1000));
              told.add(n);
            }
          }
          default -> { // nothing the folder's files are: a stray event
            told.add("khong-co/" + step + ".md");
          }
        }
      }
      if (r.nextInt(20) == 0) {
        cache.unknown();
      }
      told.forEach(cache::changed);
      ContentSource.Content watched = ContentSource.load(root, "content", parser, cache);
      ContentSource.Content walked = ContentSource.load(root, "content", parser);
      assertThat(shown(watched)).as("step %d, told %s", step, told).isEqualTo(shown(walked));
    }
    assertThat(cache.patches)
        .as("loads that did not walk (walked %d times)", cache.walks)
        .isGreaterThan(100);
  }
}
