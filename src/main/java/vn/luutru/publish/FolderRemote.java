package vn.luutru.publish;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.AccessDeniedException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;
import vn.luutru.content.PrintableText;

/** A target that is a folder of this computer, such as a mounted web root. */
final class FolderRemote implements Remote {
  private final Path root;

  private FolderRemote(Path root) {
    this.root = root;
  }

  /** The folder {@code root}, which must exist: a missing folder is often a drive not mounted. */
  static FolderRemote open(Path root) throws DeployException {
    if (!Files.isDirectory(root)) {
      throw new DeployException(
          Messages.get("deploy.no-folder", PrintableText.escape(root.toString())));
    }
    return new FolderRemote(root);
  }

  private Path resolve(String path) {
    return path.isEmpty() ? root : root.resolve(path);
  }

  @Override
  public Optional<byte[]> read(String path) throws IOException {
    Path file = resolve(path);
    try {
      return Optional.of(Files.readAllBytes(file));
    } catch (NoSuchFileException e) {
      return Optional.empty();
    } catch (IOException e) {
      throw failure(file, e);
    }
  }

  @Override
  public boolean exists(String path) {
    return Files.exists(resolve(path));
  }

  @Override
  public OutputStream create(String path) throws IOException {
    Path file = resolve(path);
    try {
      Files.createDirectories(file.getParent());
      return Files.newOutputStream(file);
    } catch (IOException e) {
      throw failure(file, e);
    }
  }

  @Override
  public void rename(String from, String to) throws IOException {
    Path target = resolve(to);
    try {
      try {
        Files.move(
            resolve(from),
            target,
            StandardCopyOption.ATOMIC_MOVE,
            StandardCopyOption.REPLACE_EXISTING);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(resolve(from), target, StandardCopyOption.REPLACE_EXISTING);
      }
    } catch (IOException e) {
      throw failure(target, e);
    }
  }

  @Override
  public void delete(String path) throws IOException {
    Path file = resolve(path);
    try {
      Files.deleteIfExists(file);
    } catch (IOException e) {
      throw failure(file, e);
    }
  }

  @Override
  public boolean removeEmptyFolder(String folder) {
    try {
      Files.delete(resolve(folder));
      return true;
    } catch (IOException e) {
      // Not empty (or gone): it stays.
      return false;
    }
  }

  /** This folder: its operations may run at once. */
  @Override
  public Remote lane() {
    return new FolderRemote(root);
  }

  @Override
  public void close() {}

  private static DeployException failure(Path file, IOException e) {
    String name = PrintableText.escape(file.toString());
    if (e instanceof AccessDeniedException) {
      return new DeployException(Messages.get("deploy.folder-denied", name), e);
    }
    String reason =
        e instanceof FileSystemException f && f.getReason() != null
            ? f.getReason()
            : e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
    return new DeployException(
        Messages.get("deploy.folder-failed", name, PrintableText.escape(reason)), e);
  }
}
