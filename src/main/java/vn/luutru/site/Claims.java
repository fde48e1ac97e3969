package vn.luutru.site;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.function.BiFunction;

/**
 * Files of the site and what each is, keyed as a server whose file names ignore case sees them
 * (Windows, macOS), and the folders they make: an address is a file or a folder, never both. The
 * model checks aliases against its pages with one, the renderer against every file it writes.
 */
public final class Claims {
  private final Map<String, String> files = new HashMap<>();
  private final Map<String, String> folders = new HashMap<>();

  /** Claims {@code file} for {@code what}, unless it is claimed already. */
  public void file(String file, String what) {
    files.putIfAbsent(Addresses.fold(file), what);
  }

  /**
   * Records the folders of every file claimed so far, in the order of their addresses, each as
   * holding what {@code held} says of the first file in it (given the file's folded address and
   * what it is).
   */
  public void foldersOfAll(BiFunction<String, String, String> held) {
    for (String f : new TreeSet<>(files.keySet())) {
      folders(f, held.apply(f, files.get(f)));
    }
  }

  /** Records that each folder of {@code file} holds {@code what}, unless it holds something. */
  public void folders(String file, String what) {
    for (String folder : Addresses.folders(file)) {
      this.folders.putIfAbsent(Addresses.fold(folder), what);
    }
  }

  /** What {@code file} is, when it is claimed. */
  public Optional<String> owner(String file) {
    return Optional.ofNullable(files.get(Addresses.fold(file)));
  }

  /** The outermost folder of {@code file} that is a file of the site, if one is. */
  public Optional<String> outer(String file) {
    return Addresses.folders(file).stream()
        .filter(f -> files.containsKey(Addresses.fold(f)))
        .findFirst();
  }

  /** What the folder {@code file} holds, when it is a folder of the site. */
  public Optional<String> holds(String file) {
    return Optional.ofNullable(folders.get(Addresses.fold(file)));
  }
}
