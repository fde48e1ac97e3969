package vn.luutru.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The second JVM's class data archive (AppCDS): the classes a build loads, parsed and verified
 * once and mapped in afterwards. The first build with a given jar, JVM and options makes it
 * ({@code -XX:ArchiveClassesAtExit}, 0.2 s more, once); the builds after it use it ({@code
 * -XX:SharedArchiveFile}): 1,000 articles 1.24 s against 1.35 s, 10,000 articles 4.46 against
 * 4.52 s (bench.py, 5 rounds, at {@code e423d3d}). Archives live in {@code
 * $XDG_CACHE_HOME/luutru} (else {@code ~/.cache/luutru}; {@code -Dluutru.cache=DIR}), named by
 * the jar's path, size and time, the JVM and the options, so that an archive is never offered to
 * a JVM that cannot use it; the newest {@value #KEEP} stay. {@code -Dluutru.classArchive=false},
 * or any class-sharing option of the user's, leaves it out; a cache that cannot be written costs
 * nothing but the gain.
 */
final class ClassArchive {
  static final int KEEP = 4;
  private static final String PREFIX = "luutru-";
  private static final String SUFFIX = ".jsa";

  /** The command to run, and the archive it makes when it ends well (empty: it makes none). */
  record Launch(List<String> command, Optional<Path> making, Optional<Path> archive) {}

  private ClassArchive() {}

  /** Whether this JVM, the second one's too, can make and use an archive of its own. */
  private static final boolean SUPPORTED =
      Relaunch.hasOption("SharedArchiveFile") && Relaunch.hasOption("ArchiveClassesAtExit");

  /** Where archives are kept on this machine, or empty when switched off or not supported. */
  static Optional<Path> cacheFolder() {
    if (!SUPPORTED || "false".equals(System.getProperty("luutru.classArchive"))) {
      return Optional.empty();
    }
    String own = System.getProperty("luutru.cache");
    if (own != null && !own.isEmpty()) {
      return Optional.of(Path.of(own));
    }
    String xdg = System.getenv("XDG_CACHE_HOME");
    if (xdg != null && !xdg.isEmpty()) {
      return Optional.of(Path.of(xdg, "luutru"));
    }
    String local = System.getenv("LOCALAPPDATA");
    if (local != null && !local.isEmpty()) {
      return Optional.of(Path.of(local, "luutru"));
    }
    String home = System.getProperty("user.home");
    return home == null || home.isEmpty() ? Optional.empty() : Optional.of(Path.of(home, ".cache", "luutru"));
  }

  /**
   * {@code command} (a JVM's: {@code java}, options, {@code -cp JAR}, class, arguments) with the
   * archive of {@code folder}: used when there is one, else made.
   */
  static Launch around(List<String> command, Optional<Path> folder) {
    int cp = command.indexOf("-cp");
    if (folder.isEmpty() || cp < 1 || cp + 1 >= command.size()) {
      return new Launch(command, Optional.empty(), Optional.empty());
    }
    List<String> options = command.subList(1, cp);
    if (options.stream().anyMatch(o -> o.startsWith("-XX:SharedArchiveFile") || o.startsWith("-Xshare")
        || o.startsWith("-XX:ArchiveClassesAtExit") || o.startsWith("-XX:+AutoCreateSharedArchive"))) {
      return new Launch(command, Optional.empty(), Optional.empty());
    }
    Path jar = Path.of(command.get(cp + 1));
    String key;
    try {
      key = key(command.get(0), options, jar);
    } catch (IOException e) {
      return new Launch(command, Optional.empty(), Optional.empty());
    }
    Path archive = folder.get().resolve(PREFIX + key + SUFFIX);
    List<String> out = new ArrayList<>(command);
    if (Files.isRegularFile(archive)) {
      // An archive the JVM would not take is only a warning: never offered by its name, but quiet anyway.
      out.addAll(1, List.of("-XX:SharedArchiveFile=" + archive, "-Xlog:cds=off", "-Xlog:cds+dynamic=off"));
      return new Launch(out, Optional.empty(), Optional.of(archive));
    }
    // Only a build makes one: check and import load fewer classes, and would leave it short.
    if (cp + 3 >= command.size() || !command.get(cp + 3).equals("build")) {
      return new Launch(command, Optional.empty(), Optional.empty());
    }
    Path making = folder.get().resolve(PREFIX + key + SUFFIX + ".tmp-" + ProcessHandle.current().pid());
    try {
      Files.createDirectories(folder.get());
    } catch (IOException e) {
      return new Launch(command, Optional.empty(), Optional.empty());
    }
    out.addAll(1, List.of("-XX:ArchiveClassesAtExit=" + making, "-Xlog:cds=off", "-Xlog:cds+dynamic=off"));
    return new Launch(out, Optional.of(making), Optional.of(archive));
  }

  /** After the JVM of {@code launch} ended with {@code code}: the archive it made put in place, or dropped. */
  static void ended(Launch launch, int code) {
    if (launch.making().isEmpty()) {
      return;
    }
    Path making = launch.making().get();
    try {
      if (code == 0 && Files.isRegularFile(making)) {
        try {
          Files.move(making, launch.archive().get(), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (java.nio.file.AtomicMoveNotSupportedException e) {
          Files.move(making, launch.archive().get(), StandardCopyOption.REPLACE_EXISTING);
        }
        prune(launch.archive().get().getParent());
      } else {
        // A failed build loaded fewer classes than a whole one: the next makes the archive.
        Files.deleteIfExists(making);
      }
    } catch (IOException e) {
      // only the gain is lost
    }
  }

  /** Keeps the newest {@value #KEEP} archives (other jars, JVMs, options) and drops the rest. */
  static void prune(Path folder) throws IOException {
    List<Path> archives;
    try (Stream<Path> s = Files.list(folder)) {
      archives = new ArrayList<>(s.filter(p -> {
        String n = p.getFileName().toString();
        return n.startsWith(PREFIX) && n.endsWith(SUFFIX);
      }).toList());
    }
    archives.sort(Comparator.comparing((Path p) -> {
      try {
        return Files.getLastModifiedTime(p).toMillis();
      } catch (IOException e) {
        return 0L;
      }
    }).reversed().thenComparing(Path::toString));
    for (Path old : archives.subList(Math.min(KEEP, archives.size()), archives.size())) {
      Files.deleteIfExists(old);
    }
  }

  /** What an archive depends on: the JVM, its options, and the jar's path, size and time. */
  private static String key(String javaCommand, List<String> options, Path jar) throws IOException {
    StringBuilder s = new StringBuilder(javaCommand).append('\n').append(System.getProperty("java.vm.version")).append('\n');
    for (String o : options) {
      s.append(o).append('\n');
    }
    s.append(jar.toAbsolutePath()).append('\n').append(Files.size(jar)).append('\n')
        .append(Files.getLastModifiedTime(jar).toMillis());
    try {
      byte[] digest = java.security.MessageDigest.getInstance("SHA-256").digest(s.toString().getBytes(StandardCharsets.UTF_8));
      return java.util.HexFormat.of().formatHex(digest, 0, 12);
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
