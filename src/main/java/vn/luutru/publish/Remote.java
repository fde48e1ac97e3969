package vn.luutru.publish;

import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStream;
import java.util.Optional;

/**
 * A connection to a target's root: the few operations a deploy needs, on paths relative to the root
 * ({@link SitePaths}). A failure throws a {@link DeployException} whose message says what failed
 * and what to do.
 */
interface Remote extends Closeable {
  /** The bytes of a small file (the manifest, the journal), or empty when there is none. */
  Optional<byte[]> read(String path) throws IOException;

  boolean exists(String path) throws IOException;

  /** Creates or empties {@code path} (and its folders) and opens it for writing. */
  OutputStream create(String path) throws IOException;

  /** Renames {@code from} to {@code to}, replacing {@code to} if it is there. */
  void rename(String from, String to) throws IOException;

  /** Deletes {@code path}; a file that is already gone is no error. */
  void delete(String path) throws IOException;

  /**
   * A connection of its own to the same target, for sending files side by side (this same object
   * when its operations may run at once); closing it leaves this one open.
   */
  Remote lane() throws IOException;

  /** How many lanes to open when {@code wanted} are asked for. */
  default int lanes(int wanted) {
    return wanted;
  }

  /** Removes {@code folder} if it is empty; returns whether it did. */
  boolean removeEmptyFolder(String folder);
}
