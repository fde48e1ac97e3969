package vn.luutru.content;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileSystemLoopException;
import java.nio.file.FileVisitOption;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * Walks a content folder: Markdown files ({@code .md}, {@code .markdown}) become articles, every
 * other file is a static file copied into the site as it is (images). Names starting with a dot are
 * skipped. Files are read and parsed in parallel; the result is in path order.
 *
 * <p>Paths are compared and published in NFC, as the text of articles is, whatever form the file
 * system keeps the names in; two names that differ only in that form are an error. Symbolic links
 * are followed only as far as they stay inside the folder: one that leads out of it is an error
 * (the site would publish a file the author did not put there), one that leads nowhere is a
 * warning, and a loop is an error. Files larger than {@value #MAX_ARTICLE_BYTES} bytes are not read
 * as articles. An SVG image, XML document or HTML page that carries script, or is larger than that
 * and so cannot be checked, is an error ({@link ActiveFiles}).
 */
public final class ContentSource {
  /**
   * No article is this long; a file that is is reported, not read (it would cost 50 times its size
   * in memory).
   */
  public static final long MAX_ARTICLE_BYTES = 16L << 20;

  private ContentSource() {}

  /**
   * Everything read from a content folder. Paths are relative, with {@code /} separators, in NFC.
   * {@code unreadable} holds the Markdown files that gave no article (their errors are in the
   * diagnostics).
   */
  public record Content(
      List<Article> articles,
      List<String> staticFiles,
      List<Diagnostic> diagnostics,
      Set<String> unreadable) {
    public Content {
      articles = List.copyOf(articles);
      staticFiles = List.copyOf(staticFiles);
      diagnostics = List.copyOf(diagnostics);
      unreadable = Set.copyOf(unreadable);
    }
  }

  /**
   * Reads {@code root}. {@code shownRoot} is how the user named it, so that diagnostics say {@code
   * content/2020/a.md} rather than an absolute path.
   */
  public static Content load(Path root, String shownRoot, ArticleParser parser) throws IOException {
    return load(root, shownRoot, parser, null);
  }

  /**
   * Remembers parsed files between loads of one folder (the preview server): a file whose
   * modification time and size have not changed is not read again. A cache told of every change in
   * the folder ({@link #watched}) does not walk the folder again when only files it has seen
   * changed: a save of one article re-reads that file alone.
   */
  public static final class Cache {
    record Entry(String onDisk, long modified, long size, ArticleParser.Parsed parsed) {}

    final java.util.concurrent.ConcurrentHashMap<String, Entry> entries =
        new java.util.concurrent.ConcurrentHashMap<>();

    /** What the last load found; null before one, or when the next must walk. */
    private Found.Walked last;

    private boolean watched;

    /**
     * Paths changed since the last load, relative to the folder as the file system spells them;
     * null: unknown.
     */
    private Set<String> changed;

    /** Loads that walked the folder, and that did not: for tests. */
    volatile int walks;

    volatile int patches;

    /** How many loads walked the whole folder. */
    public int walks() {
      return walks;
    }

    /** How many loads re-read only what the watcher reported. */
    public int patches() {
      return patches;
    }

    /**
     * From now on every change in the folder is reported, by {@link #changed} or {@link #unknown};
     * the next load walks the folder.
     */
    public synchronized void watched() {
      watched = true;
      changed = null;
    }

    /**
     * Something happened at {@code rel} (a file or folder, relative to the content folder, as on
     * disk).
     */
    public synchronized void changed(String rel) {
      if (changed != null) {
        changed.add(rel);
      }
    }

    /**
     * Changes were missed (the watcher overflowed, or could not say where): the next load walks.
     */
    public synchronized void unknown() {
      changed = null;
    }

    /**
     * Not every change will be reported any more (a folder could not be watched): every load walks.
     */
    public synchronized void unwatched() {
      watched = false;
      changed = null;
    }

    /** The changes since the last load, null when the folder must be walked; from now on, none. */
    private synchronized Set<String> take() {
      Set<String> c = watched ? changed : null;
      changed = watched ? new HashSet<>() : null;
      return c;
    }
  }

  /** One file found: its path as the file system spells it, and its size and time. */
  private record Found(String onDisk, long modified, long size) {
    /**
     * A load's findings kept for the next: the files by their path on disk, what the walk reported,
     * whether it met a symbolic link (changes behind one are not watched), the Markdown and static
     * files by NFC path, and each Markdown file's reading.
     */
    private record Walked(
        Map<String, Found> byDisk,
        Map<String, String> nfcOf,
        List<Diagnostic> walkProblems,
        boolean links,
        TreeMap<String, Found> markdown,
        TreeMap<String, Found> statics,
        List<String> names,
        Map<String, Integer> index,
        List<ArticleParser.Parsed> parsed,
        Map<String, Diagnostic> active) {}
  }

  /** As {@link #load(Path, String, ArticleParser)}, reusing and updating {@code cache}. */
  public static Content load(Path root, String shownRoot, ArticleParser parser, Cache cache)
      throws IOException {
    if (!Files.isDirectory(root)) {
      throw new IOException(Messages.get("folder.not-found", shownRoot));
    }
    String prefix = shownRoot.isEmpty() || shownRoot.endsWith("/") ? shownRoot : shownRoot + "/";
    if (cache == null) {
      return assemble(walk(root, prefix, parser, null));
    }
    Set<String> changed = cache.take();
    Found.Walked last = cache.last;
    cache.last = null;
    // A walk that met links (whose inside is not watched) or anything else it reported (a pipe, a
    // name alike another) walks again: what it found there is not told by file events alone.
    Found.Walked now =
        changed != null && last != null && !last.links() && last.walkProblems().isEmpty()
            ? patch(root, prefix, parser, cache, last, changed)
            : null;
    if (now == null) {
      now = walk(root, prefix, parser, cache);
      cache.walks++;
    } else {
      cache.patches++;
    }
    Content content = assemble(now);
    cache.last = now;
    return content;
  }

  /**
   * Walks {@code root} and reads every Markdown file (through {@code cache}, when there is one).
   */
  private static Found.Walked walk(Path root, String prefix, ArticleParser parser, Cache cache)
      throws IOException {
    Path realRoot = root.toRealPath();
    // NFC path → the file; sorted by the path as on disk, so that the first of two names that
    // normalise alike keeps it whatever order the file system lists them in.
    TreeMap<String, Found> markdown = new TreeMap<>();
    TreeMap<String, Found> statics = new TreeMap<>();
    Map<String, String> byNfc = new HashMap<>();
    List<Found> found = new ArrayList<>();
    List<Diagnostic> walkProblems = new ArrayList<>();
    boolean[] links = {false};
    Files.walkFileTree(
        root,
        EnumSet.of(FileVisitOption.FOLLOW_LINKS),
        Integer.MAX_VALUE,
        new SimpleFileVisitor<>() {
          @Override
          public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
            if (dir.equals(root)) {
              return FileVisitResult.CONTINUE;
            }
            if (hidden(dir) || !insideRoot(dir)) {
              return FileVisitResult.SKIP_SUBTREE;
            }
            return FileVisitResult.CONTINUE;
          }

          @Override
          public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
            if (hidden(file)) {
              return FileVisitResult.CONTINUE;
            }
            String rel = relative(root, file);
            if (attrs.isSymbolicLink()) {
              // The link could not be followed: it leads nowhere, or round in a circle.
              links[0] = true;
              walkProblems.add(brokenLink(file, prefix + rel));
              return FileVisitResult.CONTINUE;
            }
            if (!insideRoot(file)) {
              return FileVisitResult.CONTINUE;
            }
            if (!attrs.isRegularFile()) {
              walkProblems.add(
                  Diagnostic.warning(prefix + rel, 0, 0, Messages.get("folder.not-regular"), ""));
              return FileVisitResult.CONTINUE;
            }
            found.add(new Found(rel, attrs.lastModifiedTime().toMillis(), attrs.size()));
            return FileVisitResult.CONTINUE;
          }

          @Override
          public FileVisitResult visitFileFailed(Path file, IOException e) {
            links[0] = true;
            String why =
                e instanceof FileSystemLoopException
                    ? Messages.get("folder.link-loop")
                    : Messages.get("folder.unreadable", reason(e));
            walkProblems.add(Diagnostic.error(prefix + relative(root, file), 0, 0, why, ""));
            return FileVisitResult.CONTINUE;
          }

          /** A symbolic link that leads out of the content folder is refused; other paths pass. */
          private boolean insideRoot(Path p) {
            if (!Files.isSymbolicLink(p)) {
              return true;
            }
            links[0] = true;
            String shown = prefix + relative(root, p);
            try {
              Path real = p.toRealPath();
              if (real.startsWith(realRoot)) {
                return true;
              }
              walkProblems.add(
                  Diagnostic.error(shown, 0, 0, Messages.get("folder.link-outside", real), ""));
            } catch (IOException e) {
              walkProblems.add(brokenLink(p, shown));
            }
            return false;
          }
        });
    found.sort(java.util.Comparator.comparing(Found::onDisk));
    Map<String, Found> byDisk = new HashMap<>();
    Map<String, String> nfcOf = new HashMap<>();
    for (Found f : found) {
      byDisk.put(f.onDisk(), f);
      String nfc = Normalizer.normalize(f.onDisk(), Normalizer.Form.NFC);
      String first = byNfc.putIfAbsent(nfc, f.onDisk());
      if (first != null) {
        walkProblems.add(
            Diagnostic.error(
                prefix + f.onDisk(), 0, 0, Messages.get("folder.same-name", prefix + first), ""));
        continue;
      }
      nfcOf.put(f.onDisk(), nfc);
      String name = nfc.substring(nfc.lastIndexOf('/') + 1).toLowerCase(Locale.ROOT);
      (name.endsWith(".md") || name.endsWith(".markdown") ? markdown : statics).put(nfc, f);
    }
    List<String> names = new ArrayList<>(markdown.keySet());
    Map<String, Integer> index = new HashMap<>();
    for (int i = 0; i < names.size(); i++) {
      index.put(names.get(i), i);
    }
    List<ArticleParser.Parsed> parsed =
        new ArrayList<>(
            names.parallelStream()
                .map(rel -> read(root, rel, markdown.get(rel), prefix, parser, cache))
                .toList());
    if (cache != null) {
      cache.entries.keySet().retainAll(new HashSet<>(names));
    }
    Map<String, Diagnostic> active = new HashMap<>();
    for (Map.Entry<String, Found> s : statics.entrySet()) {
      activeFile(root, prefix, s.getKey(), s.getValue()).ifPresent(d -> active.put(s.getKey(), d));
    }
    return new Found.Walked(
        byDisk, nfcOf, walkProblems, links[0], markdown, statics, names, index, parsed, active);
  }

  /**
   * {@code last} brought up to date with the files in {@code changed}, or null when that takes a
   * walk: a file or folder that came or went, or anything but a regular file. Files that only
   * changed are read again; paths that neither were nor are files (an editor's temporary file, come
   * and gone) change nothing; hidden ones are not the site's.
   */
  private static Found.Walked patch(
      Path root,
      String prefix,
      ArticleParser parser,
      Cache cache,
      Found.Walked last,
      Set<String> changed) {
    List<Found> updated = new ArrayList<>();
    for (String rel : changed) {
      if (rel.isEmpty()
          || java.util.Arrays.stream(rel.split("/")).anyMatch(part -> part.startsWith("."))) {
        continue;
      }
      BasicFileAttributes a;
      try {
        a =
            Files.readAttributes(
                root.resolve(rel), BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
      } catch (NoSuchFileException e) {
        a = null;
      } catch (IOException e) {
        return null;
      }
      boolean was = last.byDisk().containsKey(rel);
      if (a == null) {
        String folder = rel + "/";
        if (was || last.byDisk().keySet().stream().anyMatch(k -> k.startsWith(folder))) {
          return null;
        }
        continue;
      }
      if (!was || !a.isRegularFile()) {
        return null;
      }
      updated.add(new Found(rel, a.lastModifiedTime().toMillis(), a.size()));
    }
    // Decided: the last findings are brought up to date in place (the cache let go of them).
    for (Found f : updated) {
      last.byDisk().put(f.onDisk(), f);
      String nfc = last.nfcOf().get(f.onDisk());
      if (nfc == null) {
        continue; // the second of two names alike: still reported, still not read
      }
      if (last.markdown().containsKey(nfc)) {
        last.markdown().put(nfc, f);
        last.parsed().set(last.index().get(nfc), read(root, nfc, f, prefix, parser, cache));
      } else {
        last.statics().put(nfc, f);
        last.active().remove(nfc);
        activeFile(root, prefix, nfc, f).ifPresent(d -> last.active().put(nfc, d));
      }
    }
    return last;
  }

  /**
   * Markdown file {@code rel}, through {@code cache}: read again only when its time or size
   * changed.
   */
  private static ArticleParser.Parsed read(
      Path root, String rel, Found f, String prefix, ArticleParser parser, Cache cache) {
    if (cache == null) {
      return read(root, rel, f, prefix, parser);
    }
    Cache.Entry e = cache.entries.get(rel);
    if (e != null
        && e.onDisk().equals(f.onDisk())
        && e.modified() == f.modified()
        && e.size() == f.size()) {
      return e.parsed();
    }
    ArticleParser.Parsed p = read(root, rel, f, prefix, parser);
    cache.entries.put(rel, new Cache.Entry(f.onDisk(), f.modified(), f.size(), p));
    return p;
  }

  /**
   * The problem with static file {@code nfc}, when it is a document that carries script ({@link
   * ActiveFiles}), too large to be checked, or cannot be read.
   */
  private static Optional<Diagnostic> activeFile(Path root, String prefix, String nfc, Found f) {
    if (!ActiveFiles.isActive(nfc)) {
      return Optional.empty();
    }
    if (f.size() > MAX_ARTICLE_BYTES) {
      return Optional.of(
          Diagnostic.error(prefix + f.onDisk(), 0, 0, tooLargeToCheck(f.size()), ""));
    }
    try {
      return ActiveFiles.check(
          prefix + f.onDisk(), nfc, Files.readAllBytes(root.resolve(f.onDisk())));
    } catch (IOException e) {
      return Optional.of(
          Diagnostic.error(
              prefix + f.onDisk(), 0, 0, Messages.get("folder.unreadable", reason(e)), ""));
    }
  }

  /**
   * Why an image or page too large to be checked for script ({@link ActiveFiles}) is refused, and
   * what to do.
   */
  public static String tooLargeToCheck(long size) {
    return Messages.get("folder.too-large-to-check", size / 1e6, MAX_ARTICLE_BYTES >> 20);
  }

  /**
   * What a load gives, from what it found: the walk's problems, the SVG files', then each
   * article's, in path order.
   */
  private static Content assemble(Found.Walked w) {
    List<Article> articles = new ArrayList<>();
    Set<String> unreadable = new HashSet<>();
    List<Diagnostic> diags = new ArrayList<>(w.walkProblems());
    for (String s : w.statics().keySet()) {
      Diagnostic d = w.active().get(s);
      if (d != null) {
        diags.add(d);
      }
    }
    for (int i = 0; i < w.names().size(); i++) {
      ArticleParser.Parsed p = w.parsed().get(i);
      if (p.article().isPresent()) {
        articles.add(p.article().get());
      } else {
        unreadable.add(w.names().get(i));
      }
      diags.addAll(p.diagnostics());
    }
    return new Content(articles, new ArrayList<>(w.statics().keySet()), diags, unreadable);
  }

  private static ArticleParser.Parsed read(
      Path root, String rel, Found f, String prefix, ArticleParser parser) {
    String shown = prefix + f.onDisk();
    if (f.size() > MAX_ARTICLE_BYTES) {
      return failed(
          Diagnostic.error(
              shown,
              0,
              0,
              Messages.get("folder.too-large", f.size() / 1e6, MAX_ARTICLE_BYTES >> 20),
              ""));
    }
    byte[] bytes;
    try {
      bytes = Files.readAllBytes(root.resolve(f.onDisk()));
    } catch (IOException e) {
      return failed(
          Diagnostic.error(shown, 0, 0, Messages.get("folder.unreadable", reason(e)), ""));
    }
    try {
      return parser.parse(rel, shown, bytes);
    } catch (RuntimeException | StackOverflowError e) {
      // One file must not stop the others: reported, with what to send to the developers.
      return failed(Diagnostic.error(shown, 0, 0, Messages.get("folder.internal-error", e), ""));
    }
  }

  private static ArticleParser.Parsed failed(Diagnostic d) {
    return new ArticleParser.Parsed(Optional.empty(), List.of(d));
  }

  /**
   * A symbolic link that cannot be followed: a warning when it leads nowhere, an error for a loop.
   */
  private static Diagnostic brokenLink(Path link, String shown) {
    String target;
    try {
      target = Files.readSymbolicLink(link).toString();
    } catch (IOException e) {
      target = "?";
    }
    try {
      link.toRealPath();
    } catch (NoSuchFileException e) {
      return Diagnostic.warning(shown, 0, 0, Messages.get("folder.link-missing", target), "");
    } catch (IOException e) {
      return Diagnostic.error(
          shown, 0, 0, Messages.get("folder.link-broken", target, reason(e)), "");
    }
    return Diagnostic.warning(shown, 0, 0, Messages.get("folder.link-unfollowed", target), "");
  }

  private static String reason(IOException e) {
    if (e instanceof java.nio.file.FileSystemException f && f.getReason() != null) {
      return f.getReason();
    }
    if (e instanceof java.nio.file.AccessDeniedException) {
      return Messages.get("folder.permission-denied");
    }
    return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
  }

  /**
   * The file {@code rel} (a path as {@link Content} gives it, in NFC) of the folder {@code root}:
   * where the file system keeps it, which may be under a name in another Unicode form.
   */
  public static Path locate(Path root, String rel) throws IOException {
    Path direct = root.resolve(rel);
    if (Files.exists(direct, LinkOption.NOFOLLOW_LINKS)) {
      return direct;
    }
    Path dir = root;
    for (String part : rel.split("/")) {
      Path next = dir.resolve(part);
      if (!Files.exists(next, LinkOption.NOFOLLOW_LINKS) && Files.isDirectory(dir)) {
        try (DirectoryStream<Path> s = Files.newDirectoryStream(dir)) {
          for (Path p : s) {
            if (Normalizer.normalize(p.getFileName().toString(), Normalizer.Form.NFC)
                .equals(part)) {
              next = p;
              break;
            }
          }
        }
      }
      dir = next;
    }
    return dir;
  }

  private static boolean hidden(Path p) {
    Path name = p.getFileName();
    return name != null && name.toString().startsWith(".");
  }

  private static String relative(Path root, Path file) {
    return root.relativize(file).toString().replace(java.io.File.separatorChar, '/');
  }
}
