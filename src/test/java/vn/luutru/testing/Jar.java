package vn.luutru.testing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * {@code java [options] -jar target/luutru.jar …} as a user runs it, in a process of its own: its
 * exit code, standard output and standard error.
 */
public final class Jar {
  private Jar() {}

  /** What the command did. */
  public record Result(int code, String out, String err) {}

  /**
   * Runs the jar in {@code folder} (its output is kept in {@code out.txt} and {@code err.txt}
   * there) with {@code jvmOptions} before {@code -jar}; {@code environment} sets variables, a null
   * value removing one. Fails the test if the command has not ended after two minutes.
   */
  public static Result run(
      Path folder, List<String> jvmOptions, Map<String, String> environment, String... args)
      throws IOException, InterruptedException {
    List<String> command = new ArrayList<>();
    command.add(ChildJvm.java());
    command.addAll(jvmOptions);
    command.add("-jar");
    command.add(Path.of("target/luutru.jar").toAbsolutePath().toString());
    command.addAll(List.of(args));
    ProcessBuilder b =
        new ProcessBuilder(command)
            .directory(folder.toFile())
            .redirectOutput(folder.resolve("out.txt").toFile())
            .redirectError(folder.resolve("err.txt").toFile());
    environment.forEach(
        (name, value) -> {
          if (value == null) {
            b.environment().remove(name);
          } else {
            b.environment().put(name, value);
          }
        });
    Process p = b.start();
    if (!p.waitFor(120, TimeUnit.SECONDS)) {
      p.descendants().forEach(ProcessHandle::destroyForcibly);
      p.destroyForcibly();
      throw new AssertionError("the command did not end in two minutes: " + command);
    }
    return new Result(
        p.exitValue(),
        Files.readString(folder.resolve("out.txt"), StandardCharsets.UTF_8),
        Files.readString(folder.resolve("err.txt"), StandardCharsets.UTF_8));
  }
}
