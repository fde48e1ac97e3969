package vn.luutru.testing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Assumptions;

/**
 * OpenSSH's own {@code ssh-agent}, started for a test on a socket of its own; {@link #add} gives it
 * a key as {@code ssh-add} does, and {@link #close} stops it. Missing OpenSSH: the test fails under
 * {@code CI=true} and is skipped elsewhere.
 */
public final class SshAgent implements AutoCloseable {
  private static final String AGENT = "/usr/bin/ssh-agent";
  private static final String ADD = "/usr/bin/ssh-add";

  public final Path socket;
  private final String pid;

  private SshAgent(Path socket, String pid) {
    this.socket = socket;
    this.pid = pid;
  }

  /** Starts an agent listening at {@code dir/agent.sock}. */
  public static SshAgent start(Path dir) throws IOException, InterruptedException {
    if (!Files.isExecutable(Path.of(AGENT)) || !Files.isExecutable(Path.of(ADD))) {
      if ("true".equals(System.getenv("CI"))) {
        throw new IllegalStateException(
            "ssh-agent is not installed (apt-get install openssh-client)");
      }
      Assumptions.abort("ssh-agent not installed (outside CI this test is skipped)");
    }
    Files.createDirectories(dir);
    Path socket = dir.resolve("agent.sock");
    // ssh-agent binds its socket before it goes to the background, and only then prints its pid.
    String out = run(List.of(AGENT, "-s", "-a", socket.toString()), socket);
    Matcher m = Pattern.compile("SSH_AGENT_PID=(\\d+)").matcher(out);
    if (!m.find()) {
      throw new IllegalStateException("ssh-agent said: " + out);
    }
    return new SshAgent(socket, m.group(1));
  }

  /** Adds the private key in {@code keyFile} (OpenSSH's format, no passphrase). */
  public void add(Path keyFile) throws IOException, InterruptedException {
    Files.setPosixFilePermissions(keyFile, PosixFilePermissions.fromString("rw-------"));
    run(List.of(ADD, keyFile.toString()), socket);
  }

  private static String run(List<String> command, Path socket)
      throws IOException, InterruptedException {
    ProcessBuilder b = new ProcessBuilder(command).redirectErrorStream(true);
    b.environment().put("SSH_AUTH_SOCK", socket.toString());
    Process p = b.start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (p.waitFor() != 0) {
      throw new IllegalStateException(String.join(" ", command) + " failed: " + out);
    }
    return out;
  }

  @Override
  public void close() throws IOException, InterruptedException {
    new ProcessBuilder("kill", pid).inheritIO().start().waitFor();
  }
}
