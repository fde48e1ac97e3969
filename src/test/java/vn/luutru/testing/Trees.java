package vn.luutru.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/** Reads whole folders for comparisons: relative path → bytes, in path order. */
public final class Trees {
  private Trees() {}

  public static Map<String, byte[]> read(Path root) {
    Map<String, byte[]> out = new TreeMap<>();
    if (!Files.exists(root)) {
      return out;
    }
    try (Stream<Path> files = Files.walk(root)) {
      files
          .filter(Files::isRegularFile)
          .forEach(
              f -> {
                try {
                  out.put(root.relativize(f).toString().replace('\\', '/'), Files.readAllBytes(f));
                } catch (IOException e) {
                  throw new UncheckedIOException(e);
                }
              });
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out;
  }

  /** Path → content hash, for assertions that print readably. */
  public static Map<String, Integer> digest(Path root) {
    Map<String, Integer> out = new TreeMap<>();
    read(root).forEach((k, v) -> out.put(k, java.util.Arrays.hashCode(v) ^ v.length));
    return out;
  }

  /** Copies a folder and everything in it, replacing files already there. */
  public static void copyTree(Path from, Path to) throws IOException {
    try (Stream<Path> files = Files.walk(from)) {
      for (Path f : files.toList()) {
        Path target = to.resolve(from.relativize(f).toString());
        if (Files.isDirectory(f)) {
          Files.createDirectories(target);
        } else {
          Files.createDirectories(target.getParent());
          Files.copy(
              f,
              target,
              java.nio.file.StandardCopyOption.REPLACE_EXISTING,
              java.nio.file.StandardCopyOption.COPY_ATTRIBUTES);
        }
      }
    }
  }

  /** Deletes a folder and everything in it, if it exists (for temporary folders of tests). */
  public static void delete(Path root) {
    if (root == null || !Files.exists(root)) {
      return;
    }
    try (Stream<Path> files = Files.walk(root)) {
      files
          .sorted(java.util.Comparator.reverseOrder())
          .forEach(
              f -> {
                try {
                  Files.delete(f);
                } catch (IOException e) {
                  throw new UncheckedIOException(e);
                }
              });
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Path → SHA-256 of the bytes, hex: "byte for byte the same" in a form that prints readably. */
  public static Map<String, String> sha256(Path root) {
    Map<String, String> out = new TreeMap<>();
    read(root)
        .forEach(
            (k, v) -> {
              try {
                out.put(
                    k,
                    java.util.HexFormat.of()
                        .formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(v)));
              } catch (java.security.NoSuchAlgorithmException e) {
                throw new AssertionError(e);
              }
            });
    return out;
  }

  /** The shared corpus folder beside the project; fails under CI=true when it is missing. */
  public static Path sharedCorpus() {
    Path p = Path.of("..", "shared", "corpus", "dantri");
    if (!Files.isDirectory(p)) {
      if ("true".equals(System.getenv("CI"))) {
        throw new AssertionError(
            "../shared/corpus/dantri is missing; CI must run with ../shared beside the project");
      }
      org.junit.jupiter.api.Assumptions.abort(
          "../shared/corpus/dantri is not here (outside CI this test is skipped)");
    }
    return p;
  }
}
