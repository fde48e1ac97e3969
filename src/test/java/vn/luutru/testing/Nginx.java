package vn.luutru.testing;

import java.io.File;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/**
 * Debian's nginx serving a built site under a path prefix on a loopback port, as an unprivileged,
 * self-contained process: its configuration, pid, logs and temporary folders all live in one
 * folder, it runs in the foreground as one process (no daemon, no workers changing user), and
 * {@link #close} stops it. Missing nginx: the test fails under {@code CI=true} and is skipped
 * elsewhere, like {@link Browser}.
 */
public final class Nginx implements AutoCloseable {
  static final String NGINX = "/usr/sbin/nginx";

  private final Process process;
  private final Path dir;
  private final int port;
  private final String prefix;

  private Nginx(Process process, Path dir, int port, String prefix) {
    this.process = process;
    this.dir = dir;
    this.port = port;
    this.prefix = prefix;
  }

  /** Fails under CI, skips elsewhere, when nginx is not installed. */
  public static void require() {
    if (!new File(NGINX).canExecute()) {
      if ("true".equals(System.getenv("CI"))) {
        throw new AssertionError("nginx is not installed; .ci/run must install it");
      }
      Assumptions.abort("nginx not installed (outside CI this test is skipped)");
    }
  }

  /** A loopback port that was free a moment ago. */
  public static int freePort() throws IOException {
    try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return s.getLocalPort();
    }
  }

  /**
   * Serves {@code site} at {@code http://127.0.0.1:port/prefix/} (prefix like {@code /luu-tru/}),
   * with the site's {@code 404.html} for addresses it lacks; {@code dir} receives the
   * configuration, logs and temporary files.
   */
  public static Nginx start(Path site, String prefix, int port, Path dir)
      throws IOException, InterruptedException {
    require();
    Files.createDirectories(dir);
    Path conf = dir.resolve("nginx.conf");
    String d = dir.toAbsolutePath().toString();
    Files.writeString(
        conf,
        """
        daemon off;
        master_process off;
        worker_processes 1;
        pid %1$s/nginx.pid;
        error_log %1$s/error.log warn;
        events { worker_connections 128; }
        http {
          types {
            text/html html;
            text/css css;
            text/javascript js mjs;
            application/json json;
            application/xml xml;
            text/plain txt;
            image/svg+xml svg;
            image/png png;
            image/jpeg jpg jpeg;
            image/webp webp;
            image/gif gif;
          }
          default_type application/octet-stream;
          charset utf-8;
          charset_types text/css text/javascript application/json application/xml text/plain image/svg+xml;
          access_log %1$s/access.log;
          client_body_temp_path %1$s/client_body;
          proxy_temp_path %1$s/proxy;
          fastcgi_temp_path %1$s/fastcgi;
          uwsgi_temp_path %1$s/uwsgi;
          scgi_temp_path %1$s/scgi;
          sendfile on;
          server_tokens off;
          absolute_redirect off;
          server {
            listen 127.0.0.1:%2$d;
            server_name localhost;
            location %3$s {
              alias %4$s/;
              index index.html;
              error_page 404 %3$s404.html;
            }
          }
        }
        """
            .formatted(d, port, prefix, site.toAbsolutePath()),
        StandardCharsets.UTF_8);
    Process p =
        new ProcessBuilder(NGINX, "-p", d, "-c", conf.toString(), "-e", d + "/error.log")
            .redirectErrorStream(true)
            .redirectOutput(dir.resolve("nginx.out").toFile())
            .start();
    Nginx nginx = new Nginx(p, dir, port, prefix);
    // Polls the port, at most 300 times 50 ms apart.
    for (int attempt = 1; ; attempt++) {
      if (!p.isAlive()) {
        throw new IllegalStateException("nginx exited with " + p.exitValue() + ":\n" + nginx.log());
      }
      try (Socket s = new Socket()) {
        s.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 200);
        return nginx;
      } catch (IOException notYet) {
        if (attempt == 300) {
          nginx.close();
          throw new IllegalStateException(
              "nginx did not listen on port "
                  + port
                  + " after "
                  + attempt
                  + " tries:\n"
                  + nginx.log());
        }
        Thread.sleep(50);
      }
    }
  }

  /** {@code http://127.0.0.1:PORT/prefix/} */
  public String url() {
    return "http://127.0.0.1:" + port + prefix;
  }

  /** What nginx printed and logged as errors, for failure messages. */
  public String log() {
    StringBuilder s = new StringBuilder();
    for (String name : new String[] {"nginx.out", "error.log"}) {
      try {
        Path f = dir.resolve(name);
        if (Files.exists(f)) {
          s.append("--- ").append(name).append('\n').append(Files.readString(f));
        }
      } catch (IOException e) {
        s.append(e).append('\n');
      }
    }
    return s.toString();
  }

  @Override
  public void close() throws InterruptedException {
    process.destroy();
    if (!process.waitFor(10, TimeUnit.SECONDS)) {
      process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
    }
  }
}
