package vn.luutru.internal;

import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * Files written whole: a reader, or a process stopped midway, finds the old file or the new one.
 */
public final class WholeFiles {
  private WholeFiles() {}

  /**
   * Writes {@code bytes} under a temporary name beside {@code file}, then renames it to {@code
   * file}, replacing what was there; on failure the temporary file is deleted and {@code file} is
   * as it was. Its folder must exist.
   */
  public static void write(Path file, byte[] bytes) throws IOException {
    Path fresh = Files.createTempFile(file.getParent(), ".part-", ".tmp");
    try {
      Files.write(fresh, bytes);
      try {
        Files.move(
            fresh, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(fresh, file, StandardCopyOption.REPLACE_EXISTING);
      }
    } finally {
      Files.deleteIfExists(fresh);
    }
  }
}
