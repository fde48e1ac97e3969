package vn.luutru.build;

import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.Channels;
import java.nio.channels.SeekableByteChannel;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SecureDirectoryStream;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributeView;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import vn.luutru.content.ActiveFiles;
import vn.luutru.content.ContentSource;
import vn.luutru.content.Diagnostic;
import vn.luutru.output.SiteWriter;

/**
 * Copies one file of the content folder into the site as it is now, checked again: the walk checked
 * it a while ago, and it may have been replaced since (by a symbolic link out of the folder, an SVG
 * that carries script). The file's real path must still be inside the content folder; each folder
 * on the way and the file itself are opened without following links, one from the other where the
 * system allows ({@link SecureDirectoryStream}), so that nothing swapped in after that look is
 * followed; an SVG's bytes are read once, checked, and those bytes written.
 */
final class StaticFile {
  private StaticFile() {}

  /**
   * Copies {@code rel} (as {@link ContentSource.Content#staticFiles()} names it) of {@code root}
   * into {@code out}. Returns the problem instead when the file is not what was checked; throws
   * only when the site cannot be written.
   */
  static Optional<Diagnostic> copy(Path root, String rel, String shown, SiteWriter out)
      throws IOException {
    return copy(root, rel, shown, out, null);
  }

  /** Largest file {@code copy} transforms: the bytes are read into memory. */
  static final int MAX_TRANSFORMED_BYTES = 200 << 20;

  /**
   * As {@link #copy(Path, String, String, SiteWriter)}, writing {@code transform} of the file's
   * bytes rather than the bytes themselves (a photo without its metadata), when it is not null.
   */
  static Optional<Diagnostic> copy(
      Path root,
      String rel,
      String shown,
      SiteWriter out,
      java.util.function.UnaryOperator<byte[]> transform)
      throws IOException {
    Path realRoot = root.toRealPath();
    Path real;
    try {
      real = ContentSource.locate(root, rel).toRealPath();
    } catch (NoSuchFileException e) {
      return Optional.of(deleted(shown));
    } catch (IOException e) {
      return Optional.of(changed(shown, Messages.get("build.changed.unreadable", reason(e))));
    }
    if (!real.startsWith(realRoot) || real.equals(realRoot)) {
      return Optional.of(changed(shown, Messages.get("build.changed.outside", real)));
    }
    List<String> parts = new ArrayList<>();
    realRoot.relativize(real).forEach(p -> parts.add(p.toString()));
    try (Opened file = open(realRoot, parts)) {
      if (file.channel().isEmpty()) {
        return Optional.of(changed(shown, Messages.get("build.changed.not-a-file")));
      }
      if (ActiveFiles.isActive(rel)) {
        byte[] bytes = readAll(file.channel().get(), ContentSource.MAX_ARTICLE_BYTES);
        if (bytes.length > ContentSource.MAX_ARTICLE_BYTES) {
          return Optional.of(
              changed(
                  shown,
                  Messages.get("build.changed.too-large", ContentSource.MAX_ARTICLE_BYTES >> 20)));
        }
        Optional<Diagnostic> script = ActiveFiles.check(shown, rel, bytes);
        if (script.isPresent()) {
          return script;
        }
        out.write(rel, bytes);
      } else if (transform != null) {
        byte[] bytes = readAll(file.channel().get(), MAX_TRANSFORMED_BYTES);
        if (bytes.length > MAX_TRANSFORMED_BYTES) {
          try (InputStream in = Channels.newInputStream(file.channel().get())) {
            out.copy(in, rel);
          }
          return Optional.of(changed(shown, Messages.get("build.changed.larger-than-photo")));
        }
        out.write(rel, transform.apply(bytes));
      } else {
        try (InputStream in = Channels.newInputStream(file.channel().get())) {
          out.copy(in, rel);
        }
      }
      return Optional.empty();
    } catch (NoSuchFileException e) {
      return Optional.of(deleted(shown));
    } catch (Unreadable e) {
      // Opened without following links: a folder or the file became a link (ELOOP), or went.
      return Optional.of(changed(shown, reason(e.cause)));
    }
  }

  /** The file open for reading, and its attributes as seen without following a link. */
  private record Opened(
      BasicFileAttributes attributes,
      Optional<SeekableByteChannel> channel,
      List<AutoCloseable> folders)
      implements AutoCloseable {
    @Override
    public void close() throws IOException {
      if (channel.isPresent()) {
        channel.get().close();
      }
      for (AutoCloseable f : folders) {
        try {
          f.close();
        } catch (Exception e) {
          // a folder's handle: nothing was written through it
        }
      }
    }
  }

  /** Reading the content folder failed: not a failure to write the site. */
  private static final class Unreadable extends Exception {
    private static final long serialVersionUID = 1L;
    final IOException cause;

    Unreadable(IOException cause) {
      super(cause);
      this.cause = cause;
    }
  }

  private static Opened open(Path realRoot, List<String> parts)
      throws Unreadable, NoSuchFileException {
    List<AutoCloseable> folders = new ArrayList<>();
    try {
      DirectoryStream<Path> top = Files.newDirectoryStream(realRoot);
      folders.add(top);
      if (top instanceof SecureDirectoryStream<Path> dir) {
        for (String folder : parts.subList(0, parts.size() - 1)) {
          dir = dir.newDirectoryStream(Path.of(folder), LinkOption.NOFOLLOW_LINKS);
          folders.add(dir);
        }
        Path name = Path.of(parts.get(parts.size() - 1));
        BasicFileAttributes a =
            dir.getFileAttributeView(name, BasicFileAttributeView.class, LinkOption.NOFOLLOW_LINKS)
                .readAttributes();
        if (!a.isRegularFile()) {
          return new Opened(a, Optional.empty(), folders); // not opened: a pipe would wait for ever
        }
        return new Opened(
            a,
            Optional.of(
                dir.newByteChannel(
                    name, Set.of(StandardOpenOption.READ, LinkOption.NOFOLLOW_LINKS))),
            folders);
      }
      // No descriptor-relative opening here: the file's own name, at least, is not followed.
      Path file = realRoot;
      for (String p : parts) {
        file = file.resolve(p);
      }
      BasicFileAttributes a =
          Files.readAttributes(file, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
      if (!a.isRegularFile()) {
        return new Opened(a, Optional.empty(), folders);
      }
      return new Opened(
          a,
          Optional.of(
              Files.newByteChannel(file, StandardOpenOption.READ, LinkOption.NOFOLLOW_LINKS)),
          folders);
    } catch (NoSuchFileException e) {
      closeAll(folders);
      throw e;
    } catch (IOException e) {
      closeAll(folders);
      throw new Unreadable(e);
    }
  }

  private static void closeAll(List<AutoCloseable> folders) {
    for (AutoCloseable f : folders) {
      try {
        f.close();
      } catch (Exception e) {
        // nothing to do
      }
    }
  }

  private static byte[] readAll(SeekableByteChannel channel, long max) throws IOException {
    try (InputStream in = Channels.newInputStream(channel)) {
      return in.readNBytes((int) Math.min(max + 1, Integer.MAX_VALUE - 8));
    }
  }

  private static Diagnostic deleted(String shown) {
    return Diagnostic.error(shown, 0, 0, Messages.get("build.deleted-during-build"), "");
  }

  private static Diagnostic changed(String shown, String how) {
    return Diagnostic.error(shown, 0, 0, Messages.get("build.changed-during-build", how), "");
  }

  private static String reason(IOException e) {
    if (e instanceof java.nio.file.FileSystemException f && f.getReason() != null) {
      String r = f.getReason();
      return r.equals("Too many levels of symbolic links") || r.contains("NOFOLLOW")
          ? Messages.get("build.changed.link")
          : r;
    }
    return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
  }
}
