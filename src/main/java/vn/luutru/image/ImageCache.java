package vn.luutru.image;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import vn.luutru.internal.WholeFiles;

/**
 * Renditions already made, kept between builds in a folder outside the site ({@code
 * .luutru/cache/images/}), or in memory for one build when there is no folder. A rendition's key is
 * the SHA-256 of the photo's bytes, what of the settings changes its bytes, and its size, so a
 * photo renamed or used again costs nothing, and a photo changed or a quality changed is made
 * again.
 *
 * <p>A manifest remembers what each file of the content folder was when last read (size, time of
 * change, hash and header), so a rebuild that changed nothing does not read the photos again. Files
 * are written to a temporary name and moved into place: a build stopped halfway leaves no
 * half-written rendition. Thread-safe.
 */
final class ImageCache {
  private static final String MANIFEST = "manifest-v" + Renditions.VERSION + ".tsv";

  private final Optional<Path> dir;
  private final Map<String, byte[]> memory = new ConcurrentHashMap<>();
  private final Map<String, Known> manifest = new ConcurrentHashMap<>();
  private volatile boolean changed;

  /** What a file of the content folder was when last read. */
  record Known(long size, long modified, String sha, Probe probe) {}

  private ImageCache(Optional<Path> dir) {
    this.dir = dir;
    dir.ifPresent(this::load);
  }

  /** A cache in {@code dir} (made when first written), or in memory when empty. */
  static ImageCache in(Optional<Path> dir) {
    return new ImageCache(dir);
  }

  Optional<Known> known(String contentPath, long size, long modified) {
    Known k = manifest.get(contentPath);
    return k != null && k.size() == size && k.modified() == modified
        ? Optional.of(k)
        : Optional.empty();
  }

  void remember(String contentPath, Known known) {
    Known old = manifest.put(contentPath, known);
    // Only ever set, never cleared here: a read-modify-write of a volatile from several threads
    // would lose a true.
    if (!known.equals(old)) {
      changed = true;
    }
  }

  boolean has(String key) {
    return memory.containsKey(key) || dir.isPresent() && Files.isRegularFile(file(key));
  }

  /** The rendition stored under {@code key}, or empty. */
  Optional<byte[]> get(String key) throws IOException {
    byte[] b = memory.get(key);
    if (b != null) {
      return Optional.of(b);
    }
    if (dir.isEmpty()) {
      return Optional.empty();
    }
    try {
      return Optional.of(Files.readAllBytes(file(key)));
    } catch (java.nio.file.NoSuchFileException e) {
      return Optional.empty();
    }
  }

  /** The file holding {@code key}, for copying without reading it into memory; or empty. */
  Optional<Path> path(String key) {
    if (dir.isEmpty() || memory.containsKey(key)) {
      return Optional.empty();
    }
    Path f = file(key);
    return Files.isRegularFile(f) ? Optional.of(f) : Optional.empty();
  }

  void put(String key, byte[] bytes) throws IOException {
    if (dir.isEmpty()) {
      memory.put(key, bytes);
      return;
    }
    Path f = file(key);
    Files.createDirectories(f.getParent());
    WholeFiles.write(f, bytes);
  }

  /** Writes the manifest when it changed; a cache that cannot be written costs only time. */
  void save() {
    if (dir.isEmpty() || !changed) {
      return;
    }
    StringBuilder s = new StringBuilder();
    new TreeMap<>(manifest)
        .forEach(
            (path, k) -> {
              Probe p = k.probe();
              s.append(path.replace('\t', ' ').replace('\n', ' '))
                  .append('\t')
                  .append(k.size())
                  .append('\t')
                  .append(k.modified())
                  .append('\t')
                  .append(k.sha())
                  .append('\t')
                  .append(p.format().name())
                  .append('\t')
                  .append(p.width())
                  .append('\t')
                  .append(p.height())
                  .append('\t')
                  .append(p.orientation())
                  .append('\t')
                  .append(p.alpha())
                  .append('\t')
                  .append(String.join("\u001f", p.warnings()).replace('\t', ' ').replace('\n', ' '))
                  .append('\n');
            });
    try {
      Files.createDirectories(dir.get());
      WholeFiles.write(dir.get().resolve(MANIFEST), s.toString().getBytes(StandardCharsets.UTF_8));
      changed = false;
    } catch (IOException e) {
      // The next build reads the photos again: slower, never wrong.
    }
  }

  private void load(Path d) {
    List<String> lines;
    try {
      lines = Files.readAllLines(d.resolve(MANIFEST), StandardCharsets.UTF_8);
    } catch (IOException e) {
      return; // no manifest yet, or unreadable: the photos are read again
    }
    for (String line : lines) {
      String[] f = line.split("\t", -1);
      if (f.length != 10) {
        continue;
      }
      try {
        List<String> warnings =
            f[9].isEmpty() ? List.of() : new ArrayList<>(List.of(f[9].split("\u001f")));
        if (!warnings.stream().allMatch(Messages::isWarning)) {
          continue; // warnings written in words by an older luutru: that photo is read again
        }
        Probe p =
            new Probe(
                PhotoFormat.valueOf(f[4]),
                Integer.parseInt(f[5]),
                Integer.parseInt(f[6]),
                Integer.parseInt(f[7]),
                Boolean.parseBoolean(f[8]),
                warnings);
        manifest.put(f[0], new Known(Long.parseLong(f[1]), Long.parseLong(f[2]), f[3], p));
      } catch (IllegalArgumentException e) {
        // a damaged line: that photo is read again
      }
    }
  }

  private Path file(String key) {
    return dir.orElseThrow().resolve(key.substring(0, 2)).resolve(key);
  }
}
