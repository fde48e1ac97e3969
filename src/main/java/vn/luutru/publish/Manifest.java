package vn.luutru.publish;

import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * What a target holds of luutru's: each published file's path (relative, {@code /}-separated) with
 * the SHA-256 and size of its bytes. Stored on the target as {@value #FILE}, one line a file:
 *
 * <pre>
 * luutru-manifest 1
 * 9f86d0…&lt;tab&gt;1234&lt;tab&gt;2020/01/dai-hoi/index.html
 * </pre>
 */
record Manifest(Map<String, Entry> files) {
  /** The manifest's name in the target's root. */
  static final String FILE = ".luutru-manifest";

  private static final String HEADER = "luutru-manifest 1";

  /** One file's fingerprint. */
  record Entry(String sha256, long size) {}

  Manifest {
    files = Collections.unmodifiableMap(new TreeMap<>(files));
  }

  static Manifest empty() {
    return new Manifest(Map.of());
  }

  Optional<Entry> get(String path) {
    return Optional.ofNullable(files.get(path));
  }

  byte[] toBytes() {
    StringBuilder s = new StringBuilder(HEADER).append('\n');
    files.forEach(
        (path, e) ->
            s.append(e.sha256())
                .append('\t')
                .append(e.size())
                .append('\t')
                .append(path)
                .append('\n'));
    return s.toString().getBytes(StandardCharsets.UTF_8);
  }

  /**
   * Reads a manifest written by {@link #toBytes}; throws {@link IllegalArgumentException} naming
   * the first line that is not one.
   */
  static Manifest parse(byte[] bytes) {
    String text = new String(bytes, StandardCharsets.UTF_8);
    String[] lines = text.split("\n", -1);
    if (!lines[0].equals(HEADER)) {
      throw new IllegalArgumentException(Messages.get("deploy.manifest-first-line"));
    }
    if (!lines[lines.length - 1].isEmpty()) {
      throw new IllegalArgumentException(Messages.get("deploy.manifest-cut", lines.length));
    }
    Map<String, Entry> files = new TreeMap<>();
    for (int i = 1; i < lines.length - 1; i++) {
      String[] f = lines[i].split("\t", 3);
      Optional<Entry> e = f.length == 3 ? entry(f[0], f[1], f[2]) : Optional.empty();
      if (e.isEmpty()) {
        throw new IllegalArgumentException(Messages.get("deploy.manifest-line", i + 1));
      }
      files.put(f[2], e.get());
    }
    return new Manifest(files);
  }

  /**
   * The entry a line of the manifest or the journal gives ({@code sha256}, {@code size}, {@code
   * path}); empty when any part is not what the manifest holds.
   */
  static Optional<Entry> entry(String sha256, String size, String path) {
    if (!isSha256(sha256) || !SitePaths.isSafe(path)) {
      return Optional.empty();
    }
    try {
      long n = Long.parseLong(size);
      return n < 0 ? Optional.empty() : Optional.of(new Entry(sha256, n));
    } catch (NumberFormatException e) {
      return Optional.empty();
    }
  }

  static boolean isSha256(String s) {
    if (s.length() != 64) {
      return false;
    }
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (!(c >= '0' && c <= '9' || c >= 'a' && c <= 'f')) {
        return false;
      }
    }
    return true;
  }
}
