package vn.luutru.testing;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A main class of the tests run in a JVM of its own, on the tests' class path: for what one process
 * cannot show of itself (a lock another process holds, a process stopped midway).
 */
public final class ChildJvm {
  private ChildJvm() {}

  /** The {@code java} command of the JVM running the tests. */
  public static String java() {
    return Path.of(System.getProperty("java.home"), "bin", "java").toString();
  }

  /** Starts {@code main} with {@code args}; what it writes to standard error joins its output. */
  public static Process start(Class<?> main, String... args) throws IOException {
    List<String> command = new ArrayList<>();
    command.add(java());
    command.add("-cp");
    command.add(System.getProperty("java.class.path"));
    command.add(main.getName());
    command.addAll(List.of(args));
    return new ProcessBuilder(command).redirectErrorStream(true).start();
  }
}
