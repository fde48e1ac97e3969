package vn.luutru.render;

import io.pebbletemplates.pebble.loader.ClasspathLoader;
import io.pebbletemplates.pebble.loader.DelegatingLoader;
import io.pebbletemplates.pebble.loader.FileLoader;
import io.pebbletemplates.pebble.loader.Loader;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.FileSystem;
import java.nio.file.FileSystemNotFoundException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * The templates and assets a build uses: the user's {@code templates/} folder where it has a file,
 * the theme packed into the jar (under {@code luutru-theme/}) otherwise.
 */
final class Theme {
  static final String PACKED = "luutru-theme";
  private final Optional<Path> userDir;

  Theme(Optional<Path> userDir) {
    this.userDir = userDir;
  }

  Loader<?> loader() {
    List<Loader<?>> loaders = new ArrayList<>();
    userDir.ifPresent(
        dir -> {
          FileLoader files = new FileLoader();
          files.setPrefix(dir.toAbsolutePath().toString());
          files.setSuffix(".peb");
          files.setCharset("UTF-8");
          loaders.add(files);
        });
    ClasspathLoader packed = new ClasspathLoader(Theme.class.getClassLoader());
    packed.setPrefix(PACKED);
    packed.setSuffix(".peb");
    packed.setCharset("UTF-8");
    loaders.add(packed);
    return new DelegatingLoader(loaders);
  }

  /** The files under {@code assets/}: packed ones, then the user's over them. Sorted by path. */
  Map<String, byte[]> assets() throws IOException {
    Map<String, byte[]> out = new TreeMap<>(packedAssets());
    if (userDir.isPresent() && Files.isDirectory(userDir.get().resolve("assets"))) {
      readTree(userDir.get().resolve("assets"), "assets/", out);
    }
    return out;
  }

  /** The packed theme's assets, read once: they cannot change while the JVM runs. */
  private static Map<String, byte[]> packed;

  /**
   * Read under a lock: threads that opened the jar's file system each closed it after reading,
   * under each other's feet (a preview's warm-up beside another build in one JVM, as tests run).
   */
  private static synchronized Map<String, byte[]> packedAssets() throws IOException {
    if (packed == null) {
      packed = java.util.Collections.unmodifiableMap(readPacked("assets"));
    }
    return packed;
  }

  /**
   * The packed theme's files: those under {@code folder} ({@code assets}), or every file when it is
   * empty; by path in the theme ({@code assets/style.css}, {@code layout.peb}).
   */
  static Map<String, byte[]> readPacked(String folder) throws IOException {
    Map<String, byte[]> out = new TreeMap<>();
    String prefix = folder.isEmpty() ? "" : folder + "/";
    URL root =
        Theme.class.getClassLoader().getResource(folder.isEmpty() ? PACKED : PACKED + "/" + folder);
    if (root != null) {
      URI uri;
      try {
        uri = root.toURI();
      } catch (URISyntaxException e) {
        throw new IOException(e);
      }
      if (uri.getScheme().equals("jar")) {
        FileSystem fs;
        boolean mine = false;
        try {
          fs = FileSystems.getFileSystem(uri);
        } catch (FileSystemNotFoundException e) {
          fs = FileSystems.newFileSystem(uri, Map.of());
          mine = true;
        }
        try {
          readTree(fs.provider().getPath(uri), prefix, out);
        } finally {
          if (mine) {
            fs.close();
          }
        }
      } else {
        readTree(Path.of(uri), prefix, out);
      }
    }
    return out;
  }

  private static void readTree(Path dir, String prefix, Map<String, byte[]> out)
      throws IOException {
    try (Stream<Path> files = Files.walk(dir)) {
      for (Path f : (Iterable<Path>) files.filter(Files::isRegularFile)::iterator) {
        String rel = dir.relativize(f).toString().replace('\\', '/');
        if (!rel.startsWith(".")) {
          out.put(prefix + rel, Files.readAllBytes(f));
        }
      }
    }
  }
}
