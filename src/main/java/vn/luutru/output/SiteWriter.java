package vn.luutru.output;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * One build's output. Files go into {@code <output>.tmp-<n>} next to the output folder;
 * {@link #commit()} swaps it in for the old output; {@link #close()} without a commit deletes
 * the temporary folder and leaves the old output untouched. The output carries a {@value
 * #MARKER} file, by which a later build knows it may replace it.
 *
 * <pre>{@code
 * try (SiteWriter out = SiteWriter.open(Path.of("site"))) {
 *   out.write("index.html", bytes);
 *   out.commit();
 * }
 * }</pre>
 */
public final class SiteWriter implements AutoCloseable {
  public static final String MARKER = ".luutru";
  private static final String MARKER_TEXT =
      "This folder is written by luutru build and replaced as a whole on every build.\n";

  private final Path output;
  private final Path temp;
  private final AtomicInteger files = new AtomicInteger();
  private final AtomicLong bytes = new AtomicLong();
  private final java.util.Set<Path> folders = java.util.concurrent.ConcurrentHashMap.newKeySet();
  private boolean committed;

  private SiteWriter(Path output, Path temp) {
    this.output = output;
    this.temp = temp;
  }

  /**
   * Prepares to write {@code output}.
   *
   * @throws OutputRefusedException when {@code output} exists and is not a luutru output
   */
  public static SiteWriter open(Path output) throws IOException {
    Path out = output.toAbsolutePath().normalize();
    if (Files.exists(out, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
      if (!Files.isDirectory(out, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
        throw new OutputRefusedException(output + " exists and is not a folder; choose another --output");
      }
      if (!Files.isRegularFile(out.resolve(MARKER)) && !isEmpty(out)) {
        throw new OutputRefusedException(output + " is not empty and was not written by luutru (it has no "
            + MARKER + " file); refusing to replace it: choose another --output or empty it yourself");
      }
    }
    Path parent = out.getParent();
    Files.createDirectories(parent);
    Path temp = Files.createTempDirectory(parent, out.getFileName() + ".tmp-");
    SiteWriter w = new SiteWriter(out, temp);
    w.write(MARKER, MARKER_TEXT.getBytes(StandardCharsets.UTF_8));
    return w;
  }

  private static boolean isEmpty(Path dir) throws IOException {
    try (DirectoryStream<Path> s = Files.newDirectoryStream(dir)) {
      return !s.iterator().hasNext();
    }
  }

  /** Writes one file; safe to call from many threads for different files. */
  public void write(String file, byte[] content) throws IOException {
    Path target = resolve(file);
    folder(target.getParent());
    Files.write(target, content);
    files.incrementAndGet();
    bytes.addAndGet(content.length);
  }

  /** Copies one file as it is. */
  public void copy(Path source, String file) throws IOException {
    Path target = resolve(file);
    folder(target.getParent());
    Files.copy(source, target, StandardCopyOption.REPLACE_EXISTING);
    files.incrementAndGet();
    bytes.addAndGet(Files.size(target));
  }

  /** Creates a folder once; most files share their folder with many others. */
  private void folder(Path dir) throws IOException {
    if (!folders.contains(dir)) {
      Files.createDirectories(dir);
      folders.add(dir);
    }
  }

  private Path resolve(String file) throws IOException {
    Path target = temp.resolve(file).normalize();
    if (!target.startsWith(temp) || target.equals(temp)) {
      throw new IOException("refusing to write outside the output folder: " + file);
    }
    return target;
  }

  public int fileCount() {
    return files.get();
  }

  public long byteCount() {
    return bytes.get();
  }

  /** Puts the new site in place of the old one. */
  public void commit() throws IOException {
    Path old = null;
    if (Files.exists(output)) {
      old = Files.createTempDirectory(output.getParent(), output.getFileName() + ".old-");
      Files.delete(old);
      move(output, old);
    }
    try {
      move(temp, output);
    } catch (IOException e) {
      if (old != null) {
        move(old, output);
      }
      throw e;
    }
    committed = true;
    if (old != null) {
      try {
        deleteInParallel(old);
      } catch (IOException | java.io.UncheckedIOException e) {
        // The new site is in place; what is left of the old one (a part, when one of the
        // threads failed) stays beside it, named .old-…, to delete by hand.
      }
    }
  }

  private static void move(Path from, Path to) throws IOException {
    try {
      Files.move(from, to, StandardCopyOption.ATOMIC_MOVE);
    } catch (AtomicMoveNotSupportedException e) {
      Files.move(from, to);
    }
  }

  @Override
  public void close() throws IOException {
    if (!committed && Files.exists(temp)) {
      deleteTree(temp);
    }
  }

  /**
   * Deletes the old site, its top folders on as many threads as there are cores: 300,000 files
   * take seconds to unlink, and a rebuild waits for it.
   */
  private static void deleteInParallel(Path dir) throws IOException {
    List<Path> children;
    try (java.util.stream.Stream<Path> s = Files.list(dir)) {
      children = s.toList();
    }
    children.parallelStream().forEach(child -> {
      try {
        if (Files.isDirectory(child, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
          deleteTree(child);
        } else {
          Files.delete(child);
        }
      } catch (IOException e) {
        throw new java.io.UncheckedIOException(e);
      }
    });
    Files.delete(dir);
  }

  private static void deleteTree(Path dir) throws IOException {
    Files.walkFileTree(
        dir,
        new SimpleFileVisitor<>() {
          @Override
          public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
            Files.delete(file);
            return FileVisitResult.CONTINUE;
          }

          @Override
          public FileVisitResult postVisitDirectory(Path d, IOException e) throws IOException {
            Files.delete(d);
            return FileVisitResult.CONTINUE;
          }
        });
  }
}
