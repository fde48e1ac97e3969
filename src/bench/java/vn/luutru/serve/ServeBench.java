package vn.luutru.serve;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import vn.luutru.config.SiteConfig;

/**
 * Time from saving one article to the reload event, on a folder of any size. It edits one article
 * (and puts it back), so point it at a copy made for benchmarks:
 *
 * <pre>
 * python3 ../shared/corpus/scale.py 10000 /tmp/bench10k/content
 * mvn -q -Pbench test-compile exec:java -Dexec.classpathScope=test \
 *     -Dexec.mainClass=vn.luutru.serve.ServeBench -Dexec.args="/tmp/bench10k/content 15"
 * </pre>
 *
 * <p>The first save comes 0.7 s after the first build; {@code -DserveBench.idle=5000} waits 5 s
 * more, as an editor does before saving. {@code -Dluutru.serve.warmUps=0} leaves out the rebuilds
 * the server runs after its first build ({@link PreviewServer#WARM_UPS}).
 */
public final class ServeBench {
  public static void main(String[] args) throws Exception {
    Path content = Path.of(args[0]);
    int saves = args.length > 1 ? Integer.parseInt(args[1]) : 15;
    Path article;
    try (Stream<Path> s = Files.walk(content)) {
      article = s.filter(p -> p.toString().endsWith(".md")).sorted().findFirst().orElseThrow();
    }
    String original = Files.readString(article);
    SiteConfig config =
        SiteConfig.builder()
            .title("Lưu trữ")
            .baseUrl("http://localhost:8080/")
            .contentDir(content)
            .outputDir(Path.of("target/serve-bench-unused"))
            .drafts(true)
            .today(LocalDate.of(2100, 1, 1))
            .build();
    // As luutru serve does: the JDK's server answers small requests late without it.
    System.setProperty("sun.net.httpserver.nodelay", "true");
    int warmUps = Integer.getInteger("luutru.serve.warmUps", PreviewServer.WARM_UPS);
    long t0 = System.nanoTime();
    try (PreviewServer server =
        PreviewServer.start(config, "127.0.0.1", 0, new PrintWriter(new StringWriter()), warmUps)) {
      System.out.printf(
          Locale.ROOT, "first build in memory: %d ms%n", (System.nanoTime() - t0) / 1_000_000);
      HttpClient http = HttpClient.newHttpClient();
      BlockingQueue<String> events = new LinkedBlockingQueue<>();
      HttpResponse<Stream<String>> r =
          http.send(
              HttpRequest.newBuilder(
                      URI.create(server.url().replaceFirst("/$", "") + PreviewServer.EVENTS))
                  .build(),
              HttpResponse.BodyHandlers.ofLines());
      Thread reader =
          new Thread(() -> r.body().filter(l -> l.startsWith("event:")).forEach(events::add));
      reader.setDaemon(true);
      reader.start();
      events.poll(10, TimeUnit.SECONDS);
      Thread.sleep(Long.getLong("serveBench.idle", 0));
      List<Long> times = new ArrayList<>();
      try {
        for (int i = 0; i < saves; i++) {
          Thread.sleep(700);
          events.clear();
          long start = System.nanoTime();
          Files.writeString(article, original + "\nSửa lần " + i + ".\n");
          String e;
          do {
            e = events.poll(60, TimeUnit.SECONDS);
          } while (e != null && !e.equals("event: reload"));
          times.add((System.nanoTime() - start) / 1_000_000);
        }
      } finally {
        Files.writeString(article, original);
      }
      List<Long> sorted = times.stream().sorted().toList();
      System.out.printf(
          Locale.ROOT,
          "save → reload event over %d saves: median %d ms, min %d ms, max %d ms (%s)%n",
          sorted.size(),
          sorted.get(sorted.size() / 2),
          sorted.get(0),
          sorted.get(sorted.size() - 1),
          times);
    }
  }
}
