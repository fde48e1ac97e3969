package vn.luutru.output;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * One build's output. Files go into {@code <output>.tmp-<n>} next to the output folder;
 * {@link #commit()} swaps it in for the old output, which goes to {@code <output>.old-<n>} to be
 * deleted; {@link #close()} without a commit deletes the temporary folder and leaves the old
 * output untouched. The output carries a {@value #MARKER} file, by which a later build knows it
 * may replace it.
 *
 * <p>A build stopped on the way (Ctrl-C, killed, out of memory) leaves its {@code .tmp-<n>}
 * folder, or an {@code .old-<n>} one half deleted: each a whole site. While it runs, a build
 * holds a lock on {@code <output>.build-<n>.lock} beside them; the operating system lets go of
 * it when the process ends, however it ends. So each build first deletes the folders of the
 * builds whose lock nobody holds, and leaves those of builds still running.
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

  private static final String TEMP = ".tmp-";
  private static final String OLD = ".old-";
  private static final String LOCK = ".build-";
  private static final String LOCK_SUFFIX = ".lock";

  /**
   * The lock files this JVM holds. On Linux closing any channel to a file lets go of every lock
   * the process holds on it, so {@link #sweep} must not even open these.
   */
  private static final java.util.Set<Path> HELD = java.util.concurrent.ConcurrentHashMap.newKeySet();

  private final Path output;
  private final Path temp;
  /** This build's lock, held until {@link #close()}; its file is named {@code <output>.build-<n>.lock}. */
  private final FileChannel lock;
  private final String n;
  private final AtomicInteger files = new AtomicInteger();
  private final AtomicLong bytes = new AtomicLong();
  private final java.util.Set<Path> folders = java.util.concurrent.ConcurrentHashMap.newKeySet();
  private boolean committed;

  private SiteWriter(Path output, Path temp, FileChannel lock, String n) {
    this.output = output;
    this.temp = temp;
    this.lock = lock;
    this.n = n;
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
    sweep(out);
    String name = out.getFileName().toString();
    Path lockFile = Files.createTempFile(parent, name + LOCK, LOCK_SUFFIX);
    String fileName = lockFile.getFileName().toString();
    String n = fileName.substring(name.length() + LOCK.length(), fileName.length() - LOCK_SUFFIX.length());
    HELD.add(lockFile);
    FileChannel lock = null;
    SiteWriter w;
    try {
      lock = FileChannel.open(lockFile, StandardOpenOption.WRITE);
      if (lock.tryLock() == null) {
        throw new IOException("cannot lock " + lockFile + ", which this build has just made");
      }
      w = new SiteWriter(out, Files.createDirectory(parent.resolve(name + TEMP + n)), lock, n);
    } catch (IOException | RuntimeException e) {
      if (lock != null) {
        lock.close();
      }
      Files.deleteIfExists(lockFile);
      HELD.remove(lockFile);
      throw e;
    }
    w.write(MARKER, MARKER_TEXT.getBytes(StandardCharsets.UTF_8));
    return w;
  }

  /**
   * Deletes what builds of {@code out} that were stopped on the way left beside it: for each
   * {@code <out>.build-<n>.lock} that no process holds, the folders {@code <out>.tmp-<n>} and
   * {@code <out>.old-<n>} (each only if it is a folder with a {@value #MARKER} file, or empty),
   * then the lock file. What cannot be deleted stays, for the next build to try again.
   */
  static void sweep(Path out) {
    Path parent = out.getParent();
    String name = out.getFileName().toString();
    List<Path> locks = new java.util.ArrayList<>();
    try (DirectoryStream<Path> s = Files.newDirectoryStream(parent, p -> {
      String f = p.getFileName().toString();
      return f.startsWith(name + LOCK) && f.endsWith(LOCK_SUFFIX) && f.length() > (name + LOCK + LOCK_SUFFIX).length();
    })) {
      s.forEach(locks::add);
    } catch (IOException e) {
      return;
    }
    for (Path lockFile : locks) {
      if (HELD.contains(lockFile)) {
        continue;
      }
      String f = lockFile.getFileName().toString();
      String n = f.substring(name.length() + LOCK.length(), f.length() - LOCK_SUFFIX.length());
      try (FileChannel c = FileChannel.open(lockFile, StandardOpenOption.WRITE)) {
        FileLock held = c.tryLock();
        if (held == null) {
          continue; // a build that is running
        }
        try {
          for (Path left : List.of(parent.resolve(name + TEMP + n), parent.resolve(name + OLD + n))) {
            if (Files.isDirectory(left, java.nio.file.LinkOption.NOFOLLOW_LINKS)
                && (Files.isRegularFile(left.resolve(MARKER), java.nio.file.LinkOption.NOFOLLOW_LINKS) || isEmpty(left))) {
              deleteTree(left);
            }
          }
          Files.delete(lockFile);
        } finally {
          held.release();
        }
      } catch (IOException | java.nio.channels.OverlappingFileLockException e) {
        // Held by this JVM (another build of it), or not ours to delete: left as it is.
      }
    }
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
      old = output.resolveSibling(output.getFileName() + OLD + n);
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
        // threads failed) stays beside it, named .old-<n>, with its lock file: the next build
        // deletes it.
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
    try {
      if (!committed && Files.exists(temp)) {
        deleteTree(temp);
      }
    } finally {
      Path lockFile = output.resolveSibling(output.getFileName() + LOCK + n + LOCK_SUFFIX);
      // What is left of an old output that could not all be deleted keeps its lock file, for the
      // next build to find it.
      boolean leftOver = Files.exists(output.resolveSibling(output.getFileName() + OLD + n))
          || (!committed && Files.exists(temp));
      try {
        lock.close();
        if (!leftOver) {
          Files.deleteIfExists(lockFile);
        }
      } finally {
        HELD.remove(lockFile);
      }
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
    // The marker goes last: what a stopped deletion leaves is still known for luutru's.
    children.parallelStream().filter(child -> !child.getFileName().toString().equals(MARKER)).forEach(child -> {
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
    Files.deleteIfExists(dir.resolve(MARKER));
    Files.delete(dir);
  }

  /** Deletes {@code dir} and all in it, its {@value #MARKER} file last. */
  private static void deleteTree(Path dir) throws IOException {
    Path marker = dir.resolve(MARKER);
    Files.walkFileTree(
        dir,
        new SimpleFileVisitor<>() {
          @Override
          public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
            if (!file.equals(marker)) {
              Files.delete(file);
            }
            return FileVisitResult.CONTINUE;
          }

          @Override
          public FileVisitResult postVisitDirectory(Path d, IOException e) throws IOException {
            if (e != null) {
              throw e;
            }
            if (d.equals(dir)) {
              Files.deleteIfExists(marker);
            }
            Files.delete(d);
            return FileVisitResult.CONTINUE;
          }
        });
  }
}
