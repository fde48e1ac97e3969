package vn.luutru.output;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Says, for a person, why the site could not be written and what to do: what failed, why, and the
 * next step, from the exception the file system gave.
 *
 * <pre>{@code
 * WriteProblem.describe(e, Path.of("/x/site"))
 * // "cannot write the site into /x/site: permission denied on /x: choose another --output or
 * //  make /x writable"
 * }</pre>
 */
public final class WriteProblem {
  private WriteProblem() {}

  /** Why writing {@code output} failed with {@code e}, and what to do. */
  public static String describe(IOException e, Path output) {
    Path out = output.toAbsolutePath().normalize();
    Path parent = out.getParent() == null ? out : out.getParent();
    String file = e instanceof FileSystemException f && f.getFile() != null ? f.getFile() : "";
    // Writes through a channel fail with a plain IOException whose message is the system's reason.
    String reason =
        e instanceof FileSystemException f
            ? (f.getReason() != null ? f.getReason() : "")
            : e.getMessage() != null ? e.getMessage() : "";
    String lower = reason.toLowerCase(Locale.ROOT);
    String head = "cannot write the site into " + output + ": ";
    // A file of the site or the temporary folder beside it names the output's folder better.
    Path where = file.isEmpty() ? parent : Path.of(file);
    Path shown = where.startsWith(parent) && !where.equals(parent) ? parent : where;
    if (lower.contains("no space left") || lower.contains("quota")) {
      return head
          + "the disk is full ("
          + reason
          + ")"
          + (file.isEmpty() ? "" : " while writing " + file)
          + ": free some space on the disk of "
          + parent
          + ", or choose another --output";
    }
    if (lower.contains("read-only file system")
        || e.getCause() instanceof java.nio.file.ReadOnlyFileSystemException) {
      return head
          + "the disk of "
          + parent
          + " is read-only: choose another --output on a disk you can write to";
    }
    if (e instanceof AccessDeniedException
        || lower.contains("permission denied")
        || lower.contains("operation not permitted")) {
      return head
          + "permission denied on "
          + shown
          + ": choose another --output or make "
          + shown
          + " writable";
    }
    Path fileAbove = fileAbove(out);
    if (fileAbove != null) {
      return head + fileAbove + " is a file, not a folder: choose another --output";
    }
    if (e instanceof NotDirectoryException || lower.contains("not a directory")) {
      return head + where + " is a file where a folder is needed: choose another --output";
    }
    if (e instanceof NoSuchFileException) {
      return head
          + where
          + " disappeared while the site was being written (did another program delete it?):"
          + " build again";
    }
    if (e instanceof DirectoryNotEmptyException || e instanceof FileAlreadyExistsException) {
      return head
          + "another program put "
          + where
          + " in the way while the site was being written: move it away"
          + " and build again";
    }
    String why =
        !reason.isEmpty()
            ? reason
            : e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName();
    return head
        + why
        + (file.isEmpty() || why.contains(file) ? "" : " (" + file + ")")
        + ": check the disk and build again, or choose another --output";
  }

  /** The first folder on the way to {@code out} that is a file, if any. */
  private static Path fileAbove(Path out) {
    for (Path p = out.getParent(); p != null; p = p.getParent()) {
      if (Files.exists(p, LinkOption.NOFOLLOW_LINKS)) {
        return Files.isDirectory(p) ? null : p;
      }
    }
    return null;
  }
}
