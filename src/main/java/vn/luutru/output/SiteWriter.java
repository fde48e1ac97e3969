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
 * One build's output. Files go into {@code <output>.tmp-<n>} next to the output folder; {@link
 * #commit()} swaps it in for the old output, which goes to {@code <output>.old-<n>} to be deleted;
 * {@link #close()} without a commit deletes the temporary folder and leaves the old output
 * untouched. The output carries a {@value #MARKER} file, by which a later build knows it may
 * replace it.
 *
 * <p>Opened {@link #updating}, a writer puts into the temporary folder only the files whose bytes
 * differ from the output's, and {@link #commit()} moves each into place, new files first, and then
 * deletes what the new site no longer has: the files that stay the same are not touched (their
 * dates, and so a web server's {@code ETag}, stay), and the output ends as a whole build would have
 * left it. A build stopped while it moves files leaves each file whole, old or new; the next build
 * puts right what differs.
 *
 * <p>A build stopped on the way (Ctrl-C, killed, out of memory) leaves its {@code .tmp-<n>} folder,
 * or an {@code .old-<n>} one half deleted: each a whole site. While it runs, a build holds a lock
 * on {@code <output>.build-<n>.lock} beside them; the operating system lets go of it when the
 * process ends, however it ends. So each build first deletes the folders of the builds whose lock
 * nobody holds, and leaves those of builds still running. A build that does not get as far as
 * writing (its content has errors) still puts back a site left aside first ({@link #recover}).
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
   * The lock files this JVM holds, by file key (so whatever path names them). On Linux closing any
   * channel to a file lets go of every lock the process holds on it, so {@link #sweep} must not
   * even open these.
   */
  private static final java.util.Set<Object> HELD =
      java.util.concurrent.ConcurrentHashMap.newKeySet();

  private final Path output;
  private final Path temp;

  /**
   * This build's lock, held until {@link #close()}; null when none could be taken (the build goes
   * on without).
   */
  private final Lock lock;

  private final String n;

  /**
   * Whether only what differs from {@link #output} is written ({@link #updating}); false for a
   * whole new site swapped in.
   */
  private final boolean update;

  /**
   * What the output held when the writer was opened, when {@link #update}: each file's size by its
   * path, found without following links; -1 for a link or anything else that is not a plain file.
   */
  private final java.util.Map<String, Long> found = new java.util.concurrent.ConcurrentHashMap<>();

  /** The output's folders when the writer was opened, when {@link #update}. */
  private final java.util.Set<String> foundFolders =
      java.util.concurrent.ConcurrentHashMap.newKeySet();

  /** Whether the output's file system takes {@code A.html} and {@code a.html} for one file. */
  private boolean caseBlind;

  /** The lock that keeps other builds off the output while this one updates it. */
  private UpdateLock updateLock;

  /** Every file of the new site, by its path in the site, when {@link #update}. */
  private final java.util.Set<String> site = java.util.concurrent.ConcurrentHashMap.newKeySet();

  /** Files of the temporary folder that the output does not have yet, when {@link #update}. */
  private final java.util.Set<String> added = java.util.concurrent.ConcurrentHashMap.newKeySet();

  /** Files of the temporary folder that replace one of the output's, when {@link #update}. */
  private final java.util.Set<String> changed = java.util.concurrent.ConcurrentHashMap.newKeySet();

  private int removed;
  private final AtomicInteger files = new AtomicInteger();
  private final AtomicLong bytes = new AtomicLong();
  private final java.util.Set<Path> folders = java.util.concurrent.ConcurrentHashMap.newKeySet();
  private boolean committed;

  /** The old output, moved aside by {@link #swap}, to delete. */
  private Path oldLeft;

  private volatile boolean closing;

  private SiteWriter(Path output, Path temp, Lock lock, String n, boolean update) {
    this.output = output;
    this.temp = temp;
    this.lock = lock;
    this.n = n;
    this.update = update;
  }

  /**
   * Prepares to write {@code output}.
   *
   * @throws OutputRefusedException when {@code output} exists and is not a luutru output
   */
  public static SiteWriter open(Path output) throws IOException {
    return open(output, false);
  }

  /**
   * Prepares to update {@code output} in place, writing only the files that differ from its own;
   * when there is no output yet, as {@link #open}.
   *
   * @throws OutputRefusedException when {@code output} exists and is not a luutru output
   */
  public static SiteWriter updating(Path output) throws IOException {
    return open(output, true);
  }

  private static SiteWriter open(Path output, boolean updating) throws IOException {
    Path out = output.toAbsolutePath().normalize();
    if (Files.exists(out, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
      if (!Files.isDirectory(out, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
        throw new OutputRefusedException(Messages.get("output.not-a-folder", output));
      }
      if (!Files.isRegularFile(out.resolve(MARKER)) && !isEmpty(out)) {
        throw new OutputRefusedException(Messages.get("output.not-ours", output, MARKER));
      }
    }
    Path parent = out.getParent();
    Files.createDirectories(parent);
    sweep(out);
    String name = out.getFileName().toString();
    Lock lock = Lock.take(parent, name);
    SiteWriter w;
    try {
      Path temp =
          lock != null
              ? Files.createDirectory(parent.resolve(name + TEMP + lock.n()))
              : Files.createTempDirectory(parent, name + TEMP);
      String n = temp.getFileName().toString().substring(name.length() + TEMP.length());
      boolean update =
          updating
              && Files.isRegularFile(out.resolve(MARKER), java.nio.file.LinkOption.NOFOLLOW_LINKS);
      w = new SiteWriter(out, temp, lock, n, update);
    } catch (IOException | RuntimeException e) {
      if (lock != null) {
        lock.release(true);
      }
      throw e;
    }
    try {
      byte[] marker = MARKER_TEXT.getBytes(StandardCharsets.UTF_8);
      if (w.update) {
        // Another build updating the same output finishes first: this one sees what it left.
        w.updateLock = UpdateLock.take(out);
        w.survey();
      }
      w.write(MARKER, marker);
      if (w.update) {
        // The temporary folder has the marker even when the output's is the same, so that what a
        // build stopped on the way leaves is known for luutru's.
        Files.write(w.temp.resolve(MARKER), marker);
      }
    } catch (Throwable e) {
      try {
        w.close();
      } catch (Throwable also) {
        e.addSuppressed(also);
      }
      throw e;
    }
    return w;
  }

  /**
   * A build's lock on {@code <output>.build-<n>.lock}, held while it runs; {@code key} is its file
   * key in {@link #HELD}.
   */
  private record Lock(Path file, String n, FileChannel channel, Object key) {

    /**
     * A new lock, or null when the file system gives none (NFS without locking, say): the build
     * then goes on as builds did before locks, and what it leaves if stopped is not swept. The file
     * is locked under a name {@link #sweep} does not look at, then renamed: a sweep never sees it
     * unlocked.
     */
    static Lock take(Path parent, String name) {
      Path fresh = null;
      FileChannel channel = null;
      Object key = null;
      try {
        fresh = Files.createTempFile(parent, name + LOCK, LOCK_SUFFIX + ".new");
        channel = FileChannel.open(fresh, StandardOpenOption.WRITE);
        if (channel.tryLock() == null) {
          throw new IOException("not locked");
        }
        key = fileKey(fresh);
        HELD.add(key);
        String f = fresh.getFileName().toString();
        Path file = fresh.resolveSibling(f.substring(0, f.length() - ".new".length()));
        Files.move(fresh, file, StandardCopyOption.ATOMIC_MOVE);
        return new Lock(
            file,
            f.substring(
                name.length() + LOCK.length(), f.length() - (LOCK_SUFFIX + ".new").length()),
            channel,
            key);
      } catch (IOException | RuntimeException e) {
        try {
          if (channel != null) {
            channel.close();
          }
          if (fresh != null) {
            Files.deleteIfExists(fresh);
          }
        } catch (IOException ignored) {
          // nothing more to do
        }
        if (key != null) {
          HELD.remove(key);
        }
        return null;
      }
    }

    /**
     * Lets go of the lock; its file is deleted when {@code deleteFile}, else kept for a sweep to
     * find.
     */
    void release(boolean deleteFile) {
      try {
        channel.close();
        if (deleteFile) {
          Files.deleteIfExists(file);
        }
      } catch (IOException e) {
        // a lock file left is swept by a later build
      } finally {
        HELD.remove(key);
      }
    }
  }

  /** What names a file whatever path leads to it: its file key, else its real path. */
  private static Object fileKey(Path p) throws IOException {
    Object key =
        Files.readAttributes(p, BasicFileAttributes.class, java.nio.file.LinkOption.NOFOLLOW_LINKS)
            .fileKey();
    return key != null ? key : p.toRealPath();
  }

  /**
   * Tidies what builds of {@code out} that were stopped on the way left beside it. For each {@code
   * <out>.build-<n>.lock} of this user that no process holds: when {@code out} is missing (stopped
   * between the two moves of {@link #commit}), {@code <out>.old-<n>} is put back in its place; then
   * {@code <out>.tmp-<n>} and {@code <out>.old-<n>} are deleted (each only if it is a folder of
   * this user with a {@value #MARKER} file, or empty), then the lock file. What cannot be tidied
   * stays, for the next build to try again.
   */
  static java.util.Optional<Path> sweep(Path out) {
    Path restored = null;
    Path parent = out.getParent();
    String name = out.getFileName().toString();
    String me = System.getProperty("user.name");
    List<Path> locks = new java.util.ArrayList<>();
    try (DirectoryStream<Path> s =
        Files.newDirectoryStream(
            parent,
            p -> {
              String f = p.getFileName().toString();
              return f.startsWith(name + LOCK)
                  && f.endsWith(LOCK_SUFFIX)
                  && f.length() > (name + LOCK + LOCK_SUFFIX).length();
            })) {
      s.forEach(locks::add);
    } catch (IOException e) {
      return java.util.Optional.empty();
    }
    for (Path lockFile : locks) {
      String f = lockFile.getFileName().toString();
      String n = f.substring(name.length() + LOCK.length(), f.length() - LOCK_SUFFIX.length());
      try {
        if (!Files.isRegularFile(lockFile, java.nio.file.LinkOption.NOFOLLOW_LINKS)
            || !ownedBy(lockFile, me)
            || HELD.contains(fileKey(lockFile))) {
          continue;
        }
      } catch (IOException e) {
        continue;
      }
      try (FileChannel c = FileChannel.open(lockFile, StandardOpenOption.WRITE)) {
        FileLock held = c.tryLock();
        if (held == null) {
          continue; // a build that is running
        }
        try {
          Path temp = parent.resolve(name + TEMP + n);
          Path old = parent.resolve(name + OLD + n);
          if (!Files.exists(out, java.nio.file.LinkOption.NOFOLLOW_LINKS) && ours(old, me)) {
            move(old, out); // the last site, which a stopped commit had moved aside
            restored = old;
          }
          for (Path left : List.of(temp, old)) {
            if (ours(left, me)) {
              deleteTree(left);
            }
          }
          if (!Files.exists(temp, java.nio.file.LinkOption.NOFOLLOW_LINKS)
              && !Files.exists(old, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
            Files.delete(lockFile);
          }
        } finally {
          held.release();
        }
      } catch (IOException | RuntimeException e) {
        // Not ours to tidy, or not now: left as it is.
      }
    }
    return java.util.Optional.ofNullable(restored);
  }

  /**
   * Puts the last site back at {@code output} when a build stopped between the two moves of its
   * swap left it missing: a {@code <output>.old-<n>} of this user's, with the {@value #MARKER}
   * file, whose build is not running (its lock file is free, or there is none: a file system
   * without locks). Every build calls this first, whether or not it goes on to write, so a failed
   * build leaves the site as it was. Of several such folders, the one moved aside last. (Without
   * locks, a build between its two moves cannot be told from a stopped one: this puts its old site
   * back, and its second move fails with an error.)
   *
   * @return the folder put back, or empty when {@code output} was there or nothing could be put
   *     back
   */
  public static java.util.Optional<Path> recover(Path output) {
    Path out = output.toAbsolutePath().normalize();
    Path parent = out.getParent();
    if (parent == null
        || Files.exists(out, java.nio.file.LinkOption.NOFOLLOW_LINKS)
        || !Files.isDirectory(parent)) {
      return java.util.Optional.empty();
    }
    String name = out.getFileName().toString();
    java.util.Optional<Path> swept =
        sweep(out); // puts back the site of a build whose lock file is free
    if (swept.isPresent() || Files.exists(out, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
      return swept;
    }
    List<Path> olds = new java.util.ArrayList<>();
    try (DirectoryStream<Path> s =
        Files.newDirectoryStream(parent, p -> p.getFileName().toString().startsWith(name + OLD))) {
      s.forEach(olds::add);
    } catch (IOException e) {
      return java.util.Optional.empty();
    }
    String me = System.getProperty("user.name");
    Path last = null;
    java.nio.file.attribute.FileTime lastTime = null;
    for (Path old : olds) {
      String n = old.getFileName().toString().substring(name.length() + OLD.length());
      try {
        if (Files.exists(
                parent.resolve(name + LOCK + n + LOCK_SUFFIX),
                java.nio.file.LinkOption.NOFOLLOW_LINKS)
            || !ours(old, me)
            || !Files.isRegularFile(old.resolve(MARKER), java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
          continue; // a build still running (or its lock busy), or not a whole site of ours
        }
        // A move changes a folder's status time, not its modification time.
        java.nio.file.attribute.FileTime t = changed(old);
        if (last == null || t.compareTo(lastTime) > 0) {
          last = old;
          lastTime = t;
        }
      } catch (IOException e) {
        // not ours to put back
      }
    }
    if (last == null) {
      return java.util.Optional.empty();
    }
    try {
      move(last, out);
      return java.util.Optional.of(last);
    } catch (IOException e) {
      return java.util.Optional.empty();
    }
  }

  private static java.nio.file.attribute.FileTime changed(Path p) throws IOException {
    try {
      return (java.nio.file.attribute.FileTime)
          Files.getAttribute(p, "unix:ctime", java.nio.file.LinkOption.NOFOLLOW_LINKS);
    } catch (UnsupportedOperationException | IllegalArgumentException e) {
      return Files.getLastModifiedTime(p, java.nio.file.LinkOption.NOFOLLOW_LINKS);
    }
  }

  /**
   * Whether {@code dir} is a folder of user {@code me} that a build made: with the marker, or
   * empty.
   */
  private static boolean ours(Path dir, String me) throws IOException {
    return Files.isDirectory(dir, java.nio.file.LinkOption.NOFOLLOW_LINKS)
        && ownedBy(dir, me)
        && (Files.isRegularFile(dir.resolve(MARKER), java.nio.file.LinkOption.NOFOLLOW_LINKS)
            || isEmpty(dir));
  }

  private static boolean ownedBy(Path p, String me) throws IOException {
    try {
      return me != null
          && Files.getOwner(p, java.nio.file.LinkOption.NOFOLLOW_LINKS).getName().equals(me);
    } catch (UnsupportedOperationException e) {
      return true; // a file system without owners: one user's
    }
  }

  private static boolean isEmpty(Path dir) throws IOException {
    try (DirectoryStream<Path> s = Files.newDirectoryStream(dir)) {
      return !s.iterator().hasNext();
    }
  }

  /** Writes one file; safe to call from many threads for different files. */
  public void write(String file, byte[] content) throws IOException {
    ensureOpen();
    Path target = resolve(file);
    files.incrementAndGet();
    bytes.addAndGet(content.length);
    if (update && same(target, content)) {
      return;
    }
    folder(target.getParent());
    Files.write(target, content);
  }

  /** Writes one file from {@code in}, read to its end. */
  public void copy(java.io.InputStream in, String file) throws IOException {
    ensureOpen();
    Path target = resolve(file);
    folder(target.getParent());
    long n = Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
    files.incrementAndGet();
    bytes.addAndGet(n);
    if (update && same(target, null)) {
      Files.delete(target);
    }
  }

  /**
   * When {@link #update}: whether the output's file at {@code target}'s place has the bytes {@code
   * content}, or those of {@code target} itself when {@code content} is null; if not, the file is
   * counted as added or changed, to be moved into place by {@link #commit}.
   */
  private boolean same(Path target, byte[] content) throws IOException {
    String file = temp.relativize(target).toString();
    site.add(file);
    Long size = found.get(file);
    if (size == null) {
      added.add(file);
      return false;
    }
    Path now = output.resolve(file);
    boolean same;
    if (size < 0) {
      same = false;
    } else if (content != null) {
      same = size == content.length && java.util.Arrays.equals(Files.readAllBytes(now), content);
    } else {
      same = size == Files.size(target) && Files.mismatch(now, target) == -1;
    }
    if (!same) {
      changed.add(file);
    }
    return same;
  }

  /**
   * Fills {@link #found} from the output, its top folders on as many threads as there are cores;
   * links are not followed.
   */
  private void survey() throws IOException {
    List<Path> top;
    try (java.util.stream.Stream<Path> s = Files.list(output)) {
      top = s.toList();
    }
    try {
      top.parallelStream()
          .forEach(
              child -> {
                try {
                  Files.walkFileTree(
                      child,
                      new SimpleFileVisitor<>() {
                        @Override
                        public FileVisitResult preVisitDirectory(
                            Path d, BasicFileAttributes attrs) {
                          foundFolders.add(output.relativize(d).toString());
                          return FileVisitResult.CONTINUE;
                        }

                        @Override
                        public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                          found.put(
                              output.relativize(file).toString(),
                              attrs.isRegularFile() ? attrs.size() : -1L);
                          return FileVisitResult.CONTINUE;
                        }
                      });
                } catch (IOException e) {
                  throw new java.io.UncheckedIOException(e);
                }
              });
    } catch (java.io.UncheckedIOException e) {
      throw e.getCause();
    }
    caseBlind =
        Files.exists(output.resolve(MARKER.toUpperCase(java.util.Locale.ROOT)))
            && Files.exists(output.resolve(MARKER));
  }

  /**
   * Publishes {@code source}, a file that is never changed in place once written (a rendition in
   * the photo cache), as {@code file}: a hard link to it where the file system allows, else a copy.
   */
  public void link(Path source, String file) throws IOException {
    ensureOpen();
    Path target = resolve(file);
    String name = temp.relativize(target).toString();
    if (update && found.getOrDefault(name, -1L) >= 0 && isSameFile(source, output.resolve(name))) {
      // The output's file is the very one: nothing to write.
      site.add(name);
      files.incrementAndGet();
      bytes.addAndGet(Files.size(source));
      return;
    }
    folder(target.getParent());
    long n;
    try {
      Files.createLink(target, source);
      n = Files.size(target);
    } catch (UnsupportedOperationException | IOException e) {
      // Another file system, or links not allowed: copied.
      Files.deleteIfExists(target);
      Files.copy(source, target);
      n = Files.size(target);
    }
    files.incrementAndGet();
    bytes.addAndGet(n);
    if (update && same(target, null)) {
      Files.delete(target);
    }
  }

  private static boolean isSameFile(Path a, Path b) {
    try {
      return Files.isSameFile(a, b);
    } catch (IOException e) {
      return false;
    }
  }

  /**
   * Refuses a write once {@link #close} has begun: when one thread of a build fails, the others may
   * still be writing while the temporary folder is deleted.
   */
  private void ensureOpen() throws IOException {
    if (closing) {
      throw new IOException(Messages.get("output.stopped"));
    }
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
      throw new IOException(Messages.get("output.outside", file));
    }
    return target;
  }

  public int fileCount() {
    return files.get();
  }

  public long byteCount() {
    return bytes.get();
  }

  /**
   * What a committed build changed in the output: files added, replaced and deleted; {@code whole}
   * when it put a whole new folder in place of the output, each of its files counted as added.
   */
  public record Changes(boolean whole, int added, int changed, int removed) {
    /** Nothing changed: no build was committed. */
    public static final Changes NONE = new Changes(false, 0, 0, 0);
  }

  /** What {@link #commit} changed; before a commit, {@link Changes#NONE}. */
  public Changes changes() {
    if (!committed) {
      return Changes.NONE;
    }
    return update
        ? new Changes(false, added.size(), changed.size(), removed)
        : new Changes(true, files.get(), 0, 0);
  }

  /** Puts the new site in place of the old one. */
  public void commit() throws IOException {
    commit(SwapGate.open());
  }

  /** Puts the new site in place of the old one, unless {@code gate} is shut. */
  public void commit(SwapGate gate) throws IOException {
    if (update) {
      gate.swap(this::apply);
      deleteTree(temp);
      return;
    }
    try (UpdateLock held = UpdateLock.take(output)) {
      gate.swap(this::swap);
    }
    if (committed && oldLeft != null) {
      try {
        deleteInParallel(oldLeft);
      } catch (IOException | java.io.UncheckedIOException e) {
        // The new site is in place; what is left of the old one (a part, when one of the
        // threads failed) stays beside it, named .old-<n>, with its lock file: the next build
        // deletes it.
      }
    }
  }

  private void swap() throws IOException {
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
    oldLeft = old;
  }

  /**
   * Moves the files that differ into the output, those it does not have first (no page of the old
   * site links to them), then those that replace one of its files, and last deletes what the new
   * site does not have.
   */
  private void apply() throws IOException {
    for (java.util.Set<String> files : List.of(added, changed)) {
      for (String file : new java.util.TreeSet<>(files)) {
        if (file.equals(MARKER)) {
          // Copied, not moved: the temporary folder keeps its marker until it is deleted. The copy
          // is renamed into place, so that the output never lacks it.
          Path copy = output.resolve(MARKER + ".new");
          Files.copy(temp.resolve(file), copy, StandardCopyOption.REPLACE_EXISTING);
          move(copy, output.resolve(MARKER));
        } else {
          place(temp.resolve(file), output.resolve(file));
        }
      }
    }
    committed = true;
    removed = removeOthers();
  }

  /**
   * Moves {@code from} to {@code to}, replacing the file there; a file or link where {@code to}
   * needs a folder, or a folder where it needs a file, goes first.
   */
  private void place(Path from, Path to) throws IOException {
    Path folder = output.relativize(to.getParent());
    if (!folder.toString().isEmpty()) {
      Path at = output;
      for (Path name : folder) {
        at = at.resolve(name);
        if (found.containsKey(output.relativize(at).toString())
            && !Files.isDirectory(at, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
          Files.deleteIfExists(at);
        }
      }
    }
    try {
      Files.move(from, to, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
      return;
    } catch (java.nio.file.FileSystemException e) {
      // Its folder missing, or a folder in the way: seen to below.
    }
    Files.createDirectories(to.getParent());
    if (Files.isDirectory(to, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
      deleteTree(to);
    }
    Files.move(from, to, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
  }

  /**
   * Deletes every file (and link) the output held that the new site does not have, then the folders
   * it has no file in, deepest first; returns how many files it no longer has.
   */
  private int removeOthers() throws IOException {
    String sep = output.getFileSystem().getSeparator();
    java.util.Set<String> lowerCase = new java.util.HashSet<>();
    if (caseBlind) {
      site.forEach(f -> lowerCase.add(f.toLowerCase(java.util.Locale.ROOT)));
    }
    int count = 0;
    for (String file : found.keySet()) {
      if (site.contains(file)) {
        continue;
      }
      count++;
      if (caseBlind && lowerCase.contains(file.toLowerCase(java.util.Locale.ROOT))) {
        continue; // on this file system, the same file as one of the new site's
      }
      Path p = output.resolve(file);
      // A file or link that a folder of the new site has replaced, or that was in a folder a file
      // has replaced, is gone already.
      if (Files.isDirectory(p.getParent(), java.nio.file.LinkOption.NOFOLLOW_LINKS)
          && !Files.isDirectory(p, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
        Files.deleteIfExists(p);
      }
    }
    java.util.Set<String> kept = new java.util.HashSet<>();
    for (String file : site) {
      for (int i = file.lastIndexOf(sep); i > 0; i = file.lastIndexOf(sep, i - 1)) {
        if (!kept.add(file.substring(0, i))) {
          break; // and the folders above it
        }
      }
    }
    List<String> folders = new java.util.ArrayList<>();
    for (String folder : foundFolders) {
      if (!folder.isEmpty() && !kept.contains(folder)) {
        folders.add(folder);
      }
    }
    folders.sort(java.util.Comparator.comparingInt(String::length).reversed());
    for (String folder : folders) {
      Path d = output.resolve(folder);
      if (Files.isDirectory(d, java.nio.file.LinkOption.NOFOLLOW_LINKS) && isEmpty(d)) {
        Files.delete(d);
      }
    }
    return count;
  }

  /**
   * Keeps other builds off an output while one updates it or swaps it: a lock on {@code
   * .luutru/<output>.lock} in the output's parent folder (a file that stays, so that every build
   * locks the same one), and within this JVM a permit per lock file. Where the file system gives no
   * locks, the permit alone.
   */
  private static final class UpdateLock implements AutoCloseable {
    private static final java.util.Map<Path, java.util.concurrent.Semaphore> PERMITS =
        new java.util.concurrent.ConcurrentHashMap<>();

    private final java.util.concurrent.Semaphore permit;
    private final FileChannel channel;

    private UpdateLock(java.util.concurrent.Semaphore permit, FileChannel channel) {
      this.permit = permit;
      this.channel = channel;
    }

    /** Waits until no other build updates or swaps {@code output}, then holds it. */
    static UpdateLock take(Path output) {
      Path folder = output.getParent().resolve(".luutru");
      Path file = folder.resolve(output.getFileName() + ".lock");
      boolean lockable = true;
      try {
        Files.createDirectories(folder);
        file = folder.toRealPath().resolve(file.getFileName());
      } catch (IOException e) {
        lockable = false; // a folder this user cannot write: the permit alone
      }
      java.util.concurrent.Semaphore permit =
          PERMITS.computeIfAbsent(file, k -> new java.util.concurrent.Semaphore(1));
      permit.acquireUninterruptibly();
      if (!lockable) {
        return new UpdateLock(permit, null);
      }
      FileChannel c = null;
      try {
        c = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        c.lock();
        return new UpdateLock(permit, c);
      } catch (IOException e) {
        // No locks on this file system (NFS without locking): the permit alone.
        try {
          if (c != null) {
            c.close();
          }
        } catch (IOException ignored) {
          // nothing more to do
        }
        return new UpdateLock(permit, null);
      } catch (Throwable e) {
        permit.release();
        throw e;
      }
    }

    @Override
    public void close() {
      try {
        if (channel != null) {
          channel.close();
        }
      } catch (IOException e) {
        // the operating system lets go of the lock when the process ends
      } finally {
        permit.release();
      }
    }
  }

  /**
   * Runs {@code step} while no build updates or swaps {@code output}, waiting for one that does: a
   * deploy reads the site so.
   */
  public static <T> T whileNoBuild(Path output, java.util.concurrent.Callable<T> step)
      throws IOException {
    Path out = output.toAbsolutePath().normalize();
    try (UpdateLock held = UpdateLock.take(out)) {
      return step.call();
    } catch (IOException | RuntimeException e) {
      throw e;
    } catch (Exception e) {
      throw new IOException(e);
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
    closing = true;
    try {
      if ((!committed || update) && Files.exists(temp)) {
        // A write that began before close() may still add a file: the deletion fails, and is tried
        // again.
        for (int attempt = 1; ; attempt++) {
          try {
            deleteTree(temp);
            break;
          } catch (IOException e) {
            if (attempt == 3) {
              throw e;
            }
          }
        }
      }
    } finally {
      try {
        if (lock != null) {
          // What is left of an old output that could not all be deleted (or of this output, if
          // the commit failed half way) keeps its lock file, for the next build to find it.
          boolean leftOver =
              Files.exists(output.resolveSibling(output.getFileName() + OLD + n))
                  || Files.exists(temp);
          lock.release(!leftOver);
        }
      } finally {
        if (updateLock != null) {
          updateLock.close();
        }
      }
    }
  }

  /**
   * Deletes the old site, its top folders on as many threads as there are cores: 300,000 files take
   * seconds to unlink, and a rebuild waits for it.
   */
  private static void deleteInParallel(Path dir) throws IOException {
    List<Path> children;
    try (java.util.stream.Stream<Path> s = Files.list(dir)) {
      children = s.toList();
    }
    // The marker goes last: what a stopped deletion leaves is still known for luutru's.
    children.parallelStream()
        .filter(child -> !child.getFileName().toString().equals(MARKER))
        .forEach(
            child -> {
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
          public FileVisitResult visitFile(Path file, BasicFileAttributes attrs)
              throws IOException {
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
