package vn.luutru.testing;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/** Serves a built site on a free loopback port under a path prefix, for browser tests. */
public final class StaticServer implements AutoCloseable {
  private static final Map<String, String> TYPES =
      Map.of(
          "html",
          "text/html; charset=utf-8",
          "css",
          "text/css; charset=utf-8",
          "js",
          "text/javascript; charset=utf-8",
          "json",
          "application/json",
          "xml",
          "application/xml; charset=utf-8",
          "svg",
          "image/svg+xml",
          "txt",
          "text/plain; charset=utf-8",
          "jpg",
          "image/jpeg",
          "png",
          "image/png");
  private final HttpServer server;
  private final String prefix;

  public StaticServer(Path root, String prefix) throws IOException {
    this.prefix = prefix;
    // Without this the JDK server's small writes wait on delayed ACKs (about 40 ms each).
    System.setProperty("sun.net.httpserver.nodelay", "true");
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext(
        prefix,
        exchange -> {
          String rel =
              URLDecoder.decode(
                  exchange.getRequestURI().getRawPath().substring(prefix.length()),
                  StandardCharsets.UTF_8);
          Path file = root.resolve(rel).normalize();
          if (Files.isDirectory(file)) {
            file = file.resolve("index.html");
          }
          int status = 200;
          if (!file.startsWith(root) || !Files.isRegularFile(file)) {
            file = root.resolve("404.html");
            status = 404;
          }
          byte[] body = Files.readAllBytes(file);
          String name = file.getFileName().toString();
          exchange
              .getResponseHeaders()
              .set(
                  "Content-Type",
                  TYPES.getOrDefault(
                      name.substring(name.lastIndexOf('.') + 1), "application/octet-stream"));
          exchange.sendResponseHeaders(status, body.length);
          try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
          }
        });
    server.setExecutor(java.util.concurrent.Executors.newFixedThreadPool(8));
    server.start();
  }

  /** {@code http://127.0.0.1:PORT/prefix/} */
  public String url() {
    return "http://127.0.0.1:" + server.getAddress().getPort() + prefix;
  }

  public int port() {
    return server.getAddress().getPort();
  }

  @Override
  public void close() {
    server.stop(0);
    ((java.util.concurrent.ExecutorService) server.getExecutor()).shutdownNow();
  }
}
