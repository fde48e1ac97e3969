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
  private final String scheme;

  private Nginx(Process process, Path dir, int port, String prefix, String scheme) {
    this.process = process;
    this.dir = dir;
    this.port = port;
    this.prefix = prefix;
    this.scheme = scheme;
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

  /**
   * Fails under CI, skips elsewhere, when openssl (which makes the HTTPS certificate) is missing.
   */
  static void requireOpenssl() {
    boolean found =
        java.util.stream.Stream.of(
                System.getenv().getOrDefault("PATH", "").split(File.pathSeparator))
            .anyMatch(d -> new File(d, "openssl").canExecute());
    if (!found) {
      if ("true".equals(System.getenv("CI"))) {
        throw new AssertionError("openssl is not installed; .ci/run must install it");
      }
      Assumptions.abort("openssl not installed (outside CI this test is skipped)");
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
    return start(site, prefix, port, dir, false);
  }

  /**
   * As {@link #start(Path, String, int, Path)}, over HTTPS and HTTP/2 at {@code
   * https://127.0.0.1:port/prefix/}, with a certificate made for the run by openssl (a browser must
   * be told to accept it): how a web server usually serves a site today.
   */
  public static Nginx startHttp2(Path site, String prefix, int port, Path dir)
      throws IOException, InterruptedException {
    return start(site, prefix, port, dir, true);
  }

  private static Nginx start(Path site, String prefix, int port, Path given, boolean http2)
      throws IOException, InterruptedException {
    require();
    Path dir = given.toAbsolutePath();
    Files.createDirectories(dir);
    String listen = "listen 127.0.0.1:" + port + ";";
    if (http2) {
      requireOpenssl();
      Process cert =
          new ProcessBuilder(
                  "openssl",
                  "req",
                  "-x509",
                  "-newkey",
                  "rsa:2048",
                  "-nodes",
                  "-days",
                  "2",
                  "-subj",
                  "/CN=127.0.0.1",
                  "-keyout",
                  dir.resolve("key.pem").toString(),
                  "-out",
                  dir.resolve("cert.pem").toString())
              .redirectErrorStream(true)
              .redirectOutput(dir.resolve("openssl.out").toFile())
              .start();
      if (!cert.waitFor(60, TimeUnit.SECONDS)) {
        cert.destroyForcibly();
        throw new IllegalStateException("openssl did not make a certificate in a minute");
      }
      if (cert.exitValue() != 0) {
        throw new IllegalStateException(
            "openssl could not make a certificate:\n"
                + Files.readString(dir.resolve("openssl.out")));
      }
      listen =
          "listen 127.0.0.1:%d ssl http2; ssl_certificate %s/cert.pem; ssl_certificate_key %s/key.pem;"
              .formatted(port, dir, dir);
    }
    Path conf = dir.resolve("nginx.conf");
    String d = dir.toString();
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
            %2$s
            server_name localhost;
            location %3$s {
              alias %4$s/;
              index index.html;
              error_page 404 %3$s404.html;
            }
          }
        }
        """
            .formatted(d, listen, prefix, site.toAbsolutePath()),
        StandardCharsets.UTF_8);
    Process p =
        new ProcessBuilder(NGINX, "-p", d, "-c", conf.toString(), "-e", d + "/error.log")
            .redirectErrorStream(true)
            .redirectOutput(dir.resolve("nginx.out").toFile())
            .start();
    Nginx nginx = new Nginx(p, dir, port, prefix, http2 ? "https" : "http");
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

  /** {@code http://127.0.0.1:PORT/prefix/} ({@code https} for {@link #startHttp2}) */
  public String url() {
    return scheme + "://127.0.0.1:" + port + prefix;
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
