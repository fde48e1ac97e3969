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
import java.util.Map;
import java.util.TreeMap;
import vn.luutru.content.PrintableText;
import vn.luutru.output.SiteWriter;

/** The built site to publish: every file under its folder with its fingerprint. */
record LocalSite(Path root, Manifest manifest) {

  /** Reads every file of the site built at {@code root}; throws a {@link DeployException}. */
  static LocalSite scan(Path root) throws IOException {
    if (!Files.isDirectory(root) || !Files.isRegularFile(root.resolve(SiteWriter.MARKER))) {
      throw new DeployException(
          Messages.get("deploy.no-site", PrintableText.escape(root.toString())));
    }
    Map<String, Manifest.Entry> files = new TreeMap<>();
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
            files.put(path, fingerprint(file));
            return FileVisitResult.CONTINUE;
          }
        });
    return new LocalSite(root, new Manifest(files));
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
