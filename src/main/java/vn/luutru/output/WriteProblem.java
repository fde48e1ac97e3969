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
    // A file of the site or the temporary folder beside it names the output's folder better.
    Path where = file.isEmpty() ? parent : Path.of(file);
    Path shown = where.startsWith(parent) && !where.equals(parent) ? parent : where;
    if (lower.contains("no space left") || lower.contains("quota")) {
      return file.isEmpty()
          ? Messages.get("output.disk-full", output, reason, parent)
          : Messages.get("output.disk-full-writing", output, reason, file, parent);
    }
    if (lower.contains("read-only file system")
        || e.getCause() instanceof java.nio.file.ReadOnlyFileSystemException) {
      return Messages.get("output.read-only", output, parent);
    }
    if (e instanceof AccessDeniedException
        || lower.contains("permission denied")
        || lower.contains("operation not permitted")) {
      return Messages.get("output.denied", output, shown, shown);
    }
    Path fileAbove = fileAbove(out);
    if (fileAbove != null) {
      return Messages.get("output.file-above", output, fileAbove);
    }
    if (e instanceof NotDirectoryException || lower.contains("not a directory")) {
      return Messages.get("output.file-where-folder", output, where);
    }
    if (e instanceof NoSuchFileException) {
      return Messages.get("output.disappeared", output, where);
    }
    if (e instanceof DirectoryNotEmptyException || e instanceof FileAlreadyExistsException) {
      return Messages.get("output.in-the-way", output, where);
    }
    String why =
        !reason.isEmpty()
            ? reason
            : e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName();
    return file.isEmpty() || why.contains(file)
        ? Messages.get("output.other", output, why)
        : Messages.get("output.other-file", output, why, file);
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
