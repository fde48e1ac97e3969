package vn.luutru.publish;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import vn.luutru.content.PrintableText;
import vn.luutru.internal.WholeFiles;
import vn.luutru.output.SiteWriter;

/**
 * The built site to publish: every file under its folder with its fingerprint. A file's fingerprint
 * is kept between deploys (in {@code .luutru/cache} beside the site) with its size, date and file
 * key, and read again only when one of them has changed: a build leaves the files it did not change
 * as they were, so a deploy after it reads only the new ones.
 */
record LocalSite(Path root, Manifest manifest) {
  private static final String HASHES_HEADER = "luutru-hashes 1";

  /** Reads every file of the site built at {@code root}; throws a {@link DeployException}. */
  static LocalSite scan(Path root) throws IOException {
    return scan(root, hashesOf(root), path -> {});
  }

  /** Where the fingerprints of the site at {@code root} are kept between deploys. */
  static Path hashesOf(Path root) {
    Path site = root.toAbsolutePath().normalize();
    byte[] name =
        sha256().digest(site.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8));
    return vn.luutru.config.SiteConfig.defaultCacheDir(site)
        .resolve("deploy-" + HexFormat.of().formatHex(name, 0, 8) + ".txt");
  }

  /**
   * As {@link #scan(Path)}, the fingerprints kept in {@code hashes}; {@code hashed} hears of each
   * file whose bytes had to be read.
   */
  static LocalSite scan(Path root, Path hashes, java.util.function.Consumer<String> hashed)
      throws IOException {
    if (!Files.isDirectory(root) || !Files.isRegularFile(root.resolve(SiteWriter.MARKER))) {
      throw new DeployException(
          Messages.get("deploy.no-site", PrintableText.escape(root.toString())));
    }
    Map<String, Manifest.Entry> files = new TreeMap<>();
    Map<String, Known> known = readHashes(hashes);
    Map<String, Known> now = new TreeMap<>();
    long settled =
        java.util.concurrent.TimeUnit.MILLISECONDS.toNanos(System.currentTimeMillis() - SETTLED_MS);
    Files.walkFileTree(
        root,
        new SimpleFileVisitor<>() {
          @Override
          public FileVisitResult visitFile(Path file, BasicFileAttributes attrs)
              throws IOException {
            String path = relative(root, file);
            if (path.equals(SiteWriter.MARKER)) {
              return FileVisitResult.CONTINUE;
            }
            if (!attrs.isRegularFile() || !SitePaths.isSafe(path)) {
              throw new DeployException(
                  Messages.get("deploy.odd-file", PrintableText.escape(file.toString())));
            }
            long modified = attrs.lastModifiedTime().to(java.util.concurrent.TimeUnit.NANOSECONDS);
            String stamp =
                attrs.size() + " " + modified + " " + changed(file) + " " + attrs.fileKey();
            Known k = known.get(path);
            Manifest.Entry entry;
            if (k != null && k.stamp().equals(stamp)) {
              entry = k.entry();
            } else {
              entry = fingerprint(file);
              hashed.accept(path);
            }
            files.put(path, entry);
            // A file changed in the last moments may change again within the same tick of its
            // date: its fingerprint is not kept, and is read again next time.
            if (modified < settled) {
              now.put(path, new Known(stamp, entry));
            }
            return FileVisitResult.CONTINUE;
          }
        });
    if (!now.equals(known)) {
      try {
        writeHashes(hashes, now);
      } catch (IOException e) {
        // Without them the next deploy reads every file again: nothing is lost.
      }
    }
    return new LocalSite(root, new Manifest(files));
  }

  /** How long after it last changed a file's fingerprint is kept: file dates may be this coarse. */
  private static final long SETTLED_MS = 2_000;

  /**
   * When {@code file}'s status last changed (which, unlike its date, no program can set), or 0
   * where the file system does not say.
   */
  private static long changed(Path file) {
    try {
      return ((java.nio.file.attribute.FileTime)
              Files.getAttribute(file, "unix:ctime", java.nio.file.LinkOption.NOFOLLOW_LINKS))
          .to(java.util.concurrent.TimeUnit.NANOSECONDS);
    } catch (IOException | UnsupportedOperationException | IllegalArgumentException e) {
      return 0;
    }
  }

  /** A file's fingerprint as kept, with the size, dates and file key it was read at. */
  private record Known(String stamp, Manifest.Entry entry) {}

  /** The fingerprints kept in {@code file}; none when it is missing or damaged. */
  private static Map<String, Known> readHashes(Path file) {
    Map<String, Known> known = new java.util.HashMap<>();
    try {
      List<String> lines = Files.readAllLines(file, java.nio.charset.StandardCharsets.UTF_8);
      if (lines.size() < 2
          || !lines.get(0).equals(HASHES_HEADER)
          || !lines.get(lines.size() - 1).equals("end " + (lines.size() - 2))) {
        return Map.of();
      }
      for (String line : lines.subList(1, lines.size() - 1)) {
        String[] f = line.split("\t", 4);
        Optional<Manifest.Entry> entry = Manifest.entry(f[0], f[1], f[3]);
        if (entry.isEmpty()) {
          return Map.of();
        }
        known.put(f[3], new Known(f[2], entry.get()));
      }
    } catch (IOException | RuntimeException e) {
      return Map.of();
    }
    return known;
  }

  private static void writeHashes(Path file, Map<String, Known> known) throws IOException {
    StringBuilder s = new StringBuilder(known.size() * 120).append(HASHES_HEADER).append('\n');
    for (Map.Entry<String, Known> k : known.entrySet()) {
      Manifest.Entry e = k.getValue().entry();
      s.append(e.sha256())
          .append('\t')
          .append(e.size())
          .append('\t')
          .append(k.getValue().stamp())
          .append('\t')
          .append(k.getKey())
          .append('\n');
    }
    s.append("end ").append(known.size()).append('\n');
    Files.createDirectories(file.getParent());
    WholeFiles.write(file, s.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8));
  }

  Path file(String path) {
    return root.resolve(path);
  }

  static String relative(Path root, Path file) {
    StringBuilder s = new StringBuilder();
    for (Path part : root.relativize(file)) {
      if (s.length() > 0) {
        s.append('/');
      }
      s.append(part);
    }
    return s.toString();
  }

  static Manifest.Entry fingerprint(Path file) throws IOException {
    MessageDigest sha = sha256();
    long size = 0;
    byte[] buffer = new byte[64 * 1024];
    try (InputStream in = Files.newInputStream(file)) {
      for (int n; (n = in.read(buffer)) > 0; ) {
        sha.update(buffer, 0, n);
        size += n;
      }
    }
    return new Manifest.Entry(HexFormat.of().formatHex(sha.digest()), size);
  }

  static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java has SHA-256", e);
    }
  }
}
