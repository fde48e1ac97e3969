package vn.luutru.publish;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import vn.luutru.output.SiteWriter;
import vn.luutru.testing.SampleSite;
import vn.luutru.testing.Trees;

/**
 * Two builds of the sample archive, the second with one more article, and what differs between them
 * byte for byte: what a deploy of the second after the first must send and delete.
 */
record SiteVersions(Path before, Path after) {
  static SiteVersions build(Path tmp) throws Exception {
    Path content = tmp.resolve("content");
    Trees.copyTree(Path.of("content"), content);
    Path before = tmp.resolve("site-before");
    SampleSite.build(content, before, "https://example.org/luu-tru/");
    Path article = content.resolve("2025/12/hoi-nghi-moi.md");
    Files.createDirectories(article.getParent());
    Files.writeString(
        article,
        "---\ntitle: \"Hội nghị mới của Chi bộ Văn phòng\"\ndate: 2025-12-30\n"
            + "categories: [\"Tin hoạt động\"]\n---\n\nHội nghị mới, bài thứ mười một.\n",
        StandardCharsets.UTF_8,
        java.nio.file.StandardOpenOption.CREATE_NEW,
        java.nio.file.StandardOpenOption.WRITE);
    Path after = tmp.resolve("site-after");
    SampleSite.build(content, after, "https://example.org/luu-tru/");
    return new SiteVersions(before, after);
  }

  /** The files of {@code to} whose bytes are not those of the same file in {@code from}. */
  static Set<String> changed(Path from, Path to) {
    Map<String, byte[]> a = files(from);
    Set<String> out = new TreeSet<>();
    files(to)
        .forEach(
            (path, bytes) -> {
              if (!a.containsKey(path) || !Arrays.equals(a.get(path), bytes)) {
                out.add(path);
              }
            });
    return out;
  }

  /** The files of {@code from} that {@code to} no longer has. */
  static Set<String> removed(Path from, Path to) {
    Set<String> out = new TreeSet<>(files(from).keySet());
    out.removeAll(files(to).keySet());
    return out;
  }

  /** Every file of a built site, as a deploy sees it (without the build's marker). */
  static Map<String, byte[]> files(Path site) {
    Map<String, byte[]> files = Trees.read(site);
    files.remove(SiteWriter.MARKER);
    return files;
  }

  /** Every file of a target but luutru's own. */
  static Map<String, byte[]> published(Path target) {
    Map<String, byte[]> files = Trees.read(target);
    files.remove(Manifest.FILE);
    files.remove(Journal.FILE);
    return files;
  }
}
