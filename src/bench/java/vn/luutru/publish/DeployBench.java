package vn.luutru.publish;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.stream.Stream;
import vn.luutru.bench.DocSections;
import vn.luutru.build.BuildResult;
import vn.luutru.build.SiteBuilder;
import vn.luutru.config.SiteConfig;
import vn.luutru.testing.SftpTestServer;
import vn.luutru.testing.Trees;

/**
 * What publishing a change costs on a slow link: a site of N articles (scale.py) is deployed once
 * over SFTP with no delay, then, through a proxy that holds every byte {@code delay} ms each way (a
 * round trip of twice that), each change is built and deployed and timed: one article added, three
 * more one at a time (every fourth addition merges the index's newest segments), a deploy with
 * nothing to send, and, with {@code --delete}, one article deleted. The server is Apache MINA
 * SSHD's (the tests' {@link SftpTestServer}) on this machine.
 *
 * <pre>
 * mvn -q -Pbench test-compile exec:java -Dexec.classpathScope=test \
 *     -Dexec.mainClass=vn.luutru.publish.DeployBench \
 *     -Dexec.args="/tmp/luutru-bench/1000 50 --write docs/benchmarks.md"
 * </pre>
 *
 * <p>After the delay: {@code --lanes N} sends N files at once (default {@link
 * DeployOptions#LANES}); {@code --delete} adds the deletion; {@code --write FILE} puts the table
 * between {@code <!-- deploy.bench:begin -->} and {@code <!-- deploy.bench:end -->} of FILE.
 */
public final class DeployBench {
  private DeployBench() {}

  record Step(String change, long files, long bytes, long deleted, double seconds) {}

  public static void main(String[] args) throws Exception {
    Path source = Path.of(args[0]);
    int delay = args.length > 1 ? Integer.parseInt(args[1]) : 50;
    List<String> flags = Arrays.asList(args).subList(Math.min(2, args.length), args.length);
    int lanes =
        flags.contains("--lanes")
            ? Integer.parseInt(flags.get(flags.indexOf("--lanes") + 1))
            : DeployOptions.LANES;
    boolean delete = flags.contains("--delete");
    Path write =
        flags.contains("--write") ? Path.of(flags.get(flags.indexOf("--write") + 1)) : null;
    PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);

    Path work = Path.of("target/deploy-bench").toAbsolutePath();
    Trees.delete(work);
    Path content = work.resolve("content");
    Trees.copyTree(source, content);
    Path site = work.resolve("site");
    SiteConfig config =
        SiteConfig.builder()
            .title("Lưu trữ")
            .contentDir(content)
            .outputDir(site)
            .today(LocalDate.of(2100, 1, 1))
            .build();
    build(config);
    Files.createDirectories(work.resolve("server/www"));
    List<Step> steps = new ArrayList<>();
    try (SftpTestServer server =
            new SftpTestServer(work.resolve("server"), work.resolve("host-key"));
        DelayProxy proxy = new DelayProxy(server.port())) {
      DeployTarget target =
          DeployTarget.parse(
              "sftp://" + SftpTestServer.USER + "@127.0.0.1:" + proxy.port() + "/www");
      DeployOptions options =
          new DeployOptions(
              false,
              Optional.of(SftpTestServer.PASSWORD),
              List.of(),
              Optional.empty(),
              work.resolve("known_hosts"),
              DeployOptions.TIMEOUT,
              lanes);
      long t0 = System.nanoTime();
      DeployReport first = Deployer.deploy(site, target, options);
      out.printf(
          Locale.ROOT,
          "first deploy, no delay: %d files, %.1f MB in %.1f s%n",
          first.sentFiles(),
          first.sentBytes() / 1e6,
          (System.nanoTime() - t0) / 1e9);
      server.clearLog();
      proxy.delay = delay;

      Path template = newest(content);
      for (int i = 1; i <= 4; i++) {
        Files.writeString(
            template.resolveSibling("bai-moi-" + i + ".md"),
            article(template, i),
            StandardCharsets.UTF_8);
        build(config);
        steps.add(
            deploy(
                i == 1 ? "add one article" : "add one more (" + (i) + " of 4)",
                site,
                target,
                options,
                out));
        server.clearLog();
      }
      steps.add(deploy("nothing changed", site, target, options, out));
      if (delete) {
        Files.delete(template.resolveSibling("bai-moi-1.md"));
        build(config);
        steps.add(deploy("delete the first added", site, target, options, out));
      }
    }
    String table = table(source, delay, lanes, steps);
    out.println();
    out.print(table);
    if (write != null) {
      DocSections.replace(write, "deploy.bench", table);
    }
  }

  static void build(SiteConfig config) throws IOException {
    BuildResult r = SiteBuilder.build(config);
    if (!r.written()) {
      throw new IllegalStateException("build failed: " + r.diagnostics());
    }
  }

  static Step deploy(
      String change, Path site, DeployTarget target, DeployOptions options, PrintStream out)
      throws IOException {
    long t0 = System.nanoTime();
    List<String> timeline = new ArrayList<>();
    DeployReport r =
        Deployer.deploy(
            site,
            target,
            options,
            (action, done, total) ->
                timeline.add(
                    String.format(
                        Locale.ROOT,
                        "%.2f %s %s",
                        (System.nanoTime() - t0) / 1e9,
                        action.kind(),
                        action.path())));
    double s = (System.nanoTime() - t0) / 1e9;
    if (System.getProperty("deploy.timeline") != null) {
      timeline.forEach(line -> out.println("  " + line));
    }
    Step step = new Step(change, r.sentFiles(), r.sentBytes(), r.deletedFiles(), s);
    out.printf(
        Locale.ROOT,
        "%s: %d files sent, %d deleted, %.1f s%n",
        change,
        r.sentFiles(),
        r.deletedFiles(),
        s);
    return step;
  }

  /** The article of {@code content} whose file sorts last: a new one is a copy of it. */
  static Path newest(Path content) throws IOException {
    try (Stream<Path> s = Files.walk(content)) {
      return s.filter(p -> p.toString().endsWith(".md")).sorted().reduce((a, b) -> b).orElseThrow();
    }
  }

  /** A copy of {@code template}, retitled and dated after every article of scale.py. */
  static String article(Path template, int n) throws IOException {
    return Files.readString(template, StandardCharsets.UTF_8)
        .replaceFirst("(?m)^title: .*$", "title: \"Bài mới số " + n + "\"")
        .replaceFirst("(?m)^date: .*$", "date: 2030-01-0" + n);
  }

  static String table(Path source, int delay, int lanes, List<Step> steps) {
    StringBuilder t = new StringBuilder();
    t.append(
        String.format(
            Locale.ROOT,
            "%s, %s: articles of %s, SFTP (Apache MINA SSHD on this machine) through a proxy that"
                + " holds every byte %d ms each way (a round trip of %d ms), %d files at once;"
                + " load average %.1f at the end.%n%n",
            LocalDate.now(),
            gitCommit(),
            source,
            delay,
            2 * delay,
            lanes,
            java.lang.management.ManagementFactory.getOperatingSystemMXBean()
                .getSystemLoadAverage()));
    t.append(
        "| change | files sent | KB sent | files deleted | deploy s |\n|---|---|---|---|---|\n");
    for (Step s : steps) {
      t.append(
          String.format(
              Locale.ROOT,
              "| %s | %,d | %,.0f | %,d | %.1f |%n",
              s.change(),
              s.files(),
              s.bytes() / 1024.0,
              s.deleted(),
              s.seconds()));
    }
    return t.toString();
  }

  static String gitCommit() {
    try {
      Process p = new ProcessBuilder("git", "rev-parse", "--short", "HEAD").start();
      String c = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
      return p.waitFor() == 0 ? c : "?";
    } catch (IOException | InterruptedException e) {
      return "?";
    }
  }

  /**
   * A TCP proxy on a loopback port to {@code upstream}, holding every chunk {@link #delay} ms in
   * each direction before passing it on, in order and at full speed otherwise.
   */
  static final class DelayProxy implements AutoCloseable {
    volatile int delay;
    private final ServerSocket listener;
    private final int upstream;

    DelayProxy(int upstream) throws IOException {
      this.upstream = upstream;
      listener = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
      Thread accept = new Thread(this::accept, "delay-proxy");
      accept.setDaemon(true);
      accept.start();
    }

    int port() {
      return listener.getLocalPort();
    }

    private void accept() {
      while (!listener.isClosed()) {
        try {
          Socket client = listener.accept();
          Socket server = new Socket();
          server.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), upstream));
          client.setTcpNoDelay(true);
          server.setTcpNoDelay(true);
          pipe(client, server);
          pipe(server, client);
        } catch (IOException e) {
          // closed, or a connection that failed: the deploy reports it
        }
      }
    }

    private record Chunk(long due, byte[] bytes) {}

    /** Two threads: one reads and stamps each chunk, one writes it once it is due. */
    private void pipe(Socket from, Socket to) {
      LinkedBlockingQueue<Chunk> queue = new LinkedBlockingQueue<>();
      Thread reader =
          new Thread(
              () -> {
                try (InputStream in = from.getInputStream()) {
                  byte[] buf = new byte[65536];
                  int n;
                  while ((n = in.read(buf)) > 0) {
                    queue.put(
                        new Chunk(System.nanoTime() + delay * 1_000_000L, Arrays.copyOf(buf, n)));
                  }
                } catch (IOException | InterruptedException e) {
                  // the connection ended
                }
                queue.add(new Chunk(0, null));
              });
      Thread writer =
          new Thread(
              () -> {
                try (OutputStream o = to.getOutputStream()) {
                  while (true) {
                    Chunk c = queue.take();
                    if (c.bytes() == null) {
                      break;
                    }
                    long wait = c.due() - System.nanoTime();
                    if (wait > 0) {
                      Thread.sleep(wait / 1_000_000L, (int) (wait % 1_000_000L));
                    }
                    o.write(c.bytes());
                    o.flush();
                  }
                } catch (IOException | InterruptedException e) {
                  // the connection ended
                } finally {
                  try {
                    to.shutdownOutput();
                  } catch (IOException e) {
                    // already closed
                  }
                }
              });
      reader.setDaemon(true);
      writer.setDaemon(true);
      reader.start();
      writer.start();
    }

    @Override
    public void close() throws IOException {
      listener.close();
    }
  }
}
