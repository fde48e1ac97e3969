package vn.luutru.content;

import java.io.IOException;
import java.nio.file.FileSystemLoopException;
import java.nio.file.FileVisitOption;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Walks a content folder: Markdown files ({@code .md}, {@code .markdown}) become articles,
 * every other file is a static file copied into the site as it is (images). Names starting
 * with a dot are skipped. Files are read and parsed in parallel; the result is in path order.
 */
public final class ContentSource {
  private ContentSource() {}

  /**
   * Everything read from a content folder. Paths are relative, with {@code /} separators.
   * {@code unreadable} holds the Markdown files that gave no article (their errors are in the
   * diagnostics).
   */
  public record Content(
      List<Article> articles, List<String> staticFiles, List<Diagnostic> diagnostics, Set<String> unreadable) {
    public Content {
      articles = List.copyOf(articles);
      staticFiles = List.copyOf(staticFiles);
      diagnostics = List.copyOf(diagnostics);
      unreadable = Set.copyOf(unreadable);
    }
  }

  /**
   * Reads {@code root}. {@code shownRoot} is how the user named it, so that diagnostics say
   * {@code content/2020/a.md} rather than an absolute path.
   */
  public static Content load(Path root, String shownRoot, ArticleParser parser) throws IOException {
    return load(root, shownRoot, parser, null);
  }

  /**
   * Remembers parsed files between loads of one folder (the preview server): a file whose
   * modification time and size have not changed is not read again.
   */
  public static final class Cache {
    record Entry(long modified, long size, ArticleParser.Parsed parsed) {}

    final java.util.concurrent.ConcurrentHashMap<String, Entry> entries = new java.util.concurrent.ConcurrentHashMap<>();
  }

  /** As {@link #load(Path, String, ArticleParser)}, reusing and updating {@code cache}. */
  public static Content load(Path root, String shownRoot, ArticleParser parser, Cache cache) throws IOException {
    if (!Files.isDirectory(root)) {
      throw new IOException("content folder not found: " + shownRoot);
    }
    List<String> markdown = new ArrayList<>();
    java.util.Map<String, long[]> stamps = new java.util.HashMap<>();
    List<String> statics = new ArrayList<>();
    List<Diagnostic> walkProblems = Collections.synchronizedList(new ArrayList<>());
    String prefix = shownRoot.isEmpty() || shownRoot.endsWith("/") ? shownRoot : shownRoot + "/";
    Files.walkFileTree(
        root,
        EnumSet.of(FileVisitOption.FOLLOW_LINKS),
        Integer.MAX_VALUE,
        new SimpleFileVisitor<>() {
          @Override
          public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
            return !dir.equals(root) && hidden(dir) ? FileVisitResult.SKIP_SUBTREE : FileVisitResult.CONTINUE;
          }

          @Override
          public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
            if (hidden(file) || !attrs.isRegularFile()) {
              return FileVisitResult.CONTINUE;
            }
            String rel = relative(root, file);
            String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
            if (name.endsWith(".md") || name.endsWith(".markdown")) {
              markdown.add(rel);
              stamps.put(rel, new long[] {attrs.lastModifiedTime().toMillis(), attrs.size()});
            } else {
              statics.add(rel);
            }
            return FileVisitResult.CONTINUE;
          }

          @Override
          public FileVisitResult visitFileFailed(Path file, IOException e) {
            String why =
                e instanceof FileSystemLoopException
                    ? "symbolic link loop: this folder links back to one of its parents"
                    : "cannot be read: " + e.getMessage();
            walkProblems.add(Diagnostic.error(prefix + relative(root, file), 0, 0, why, ""));
            return FileVisitResult.CONTINUE;
          }
        });
    Collections.sort(markdown);
    Collections.sort(statics);
    List<ArticleParser.Parsed> parsed =
        markdown.parallelStream().map(rel -> {
          if (cache == null) {
            return read(root, rel, prefix + rel, parser);
          }
          long[] stamp = stamps.get(rel);
          Cache.Entry e = cache.entries.get(rel);
          if (e != null && e.modified() == stamp[0] && e.size() == stamp[1]) {
            return e.parsed();
          }
          ArticleParser.Parsed p = read(root, rel, prefix + rel, parser);
          cache.entries.put(rel, new Cache.Entry(stamp[0], stamp[1], p));
          return p;
        }).toList();
    if (cache != null) {
      cache.entries.keySet().retainAll(new java.util.HashSet<>(markdown));
    }
    List<Article> articles = new ArrayList<>();
    Set<String> unreadable = new java.util.HashSet<>();
    List<Diagnostic> diags = new ArrayList<>(walkProblems);
    for (int i = 0; i < markdown.size(); i++) {
      ArticleParser.Parsed p = parsed.get(i);
      if (p.article().isPresent()) {
        articles.add(p.article().get());
      } else {
        unreadable.add(markdown.get(i));
      }
      diags.addAll(p.diagnostics());
    }
    return new Content(articles, statics, diags, unreadable);
  }

  private static ArticleParser.Parsed read(Path root, String rel, String shown, ArticleParser parser) {
    byte[] bytes;
    try {
      bytes = Files.readAllBytes(root.resolve(rel));
    } catch (IOException | OutOfMemoryError e) {
      return new ArticleParser.Parsed(
          Optional.empty(), List.of(Diagnostic.error(shown, 0, 0, "cannot be read: " + e, "")));
    }
    return parser.parse(rel, shown, bytes);
  }

  private static boolean hidden(Path p) {
    Path name = p.getFileName();
    return name != null && name.toString().startsWith(".");
  }

  private static String relative(Path root, Path file) {
    return root.relativize(file).toString().replace(java.io.File.separatorChar, '/');
  }
}
