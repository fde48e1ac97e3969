package vn.luutru.serve;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.luutru.config.SiteConfig;
import vn.luutru.testing.SampleSite;
import vn.luutru.testing.Trees;

/**
 * The preview server under load: 50 keep-alive connections for 10 seconds ({@code -Dload.seconds}
 * changes it, and the load goes on until the save has been answered) over the sample archive's
 * pages, with a save in the middle. Every request must answer 200 with a body, and the save must
 * still rebuild and send its reload event. The requests per second are printed, never asserted:
 * these machines are shared.
 */
class PreviewServerLoadIT {
  static final int CONNECTIONS = 50;

  @TempDir Path dir;

  @Test
  void fiftyConnectionsForTenSecondsWithASaveInTheMiddle() throws Exception {
    Path content = dir.resolve("content");
    Trees.copyTree(Path.of("content"), content);
    SiteConfig config = SampleSite.previewConfig(content, "content", dir.resolve("site"));
    StringWriter log = new StringWriter();
    try (PreviewServer server =
        PreviewServer.start(config, "127.0.0.1", 0, new PrintWriter(log, true))) {
      HttpClient http =
          HttpClient.newBuilder()
              .version(HttpClient.Version.HTTP_1_1)
              .connectTimeout(Duration.ofSeconds(5))
              .build();
      List<String> paths = pathsFrom(http, server.url());
      assertThat(paths).as("pages linked from the home page").hasSizeGreaterThan(20);

      BlockingQueue<String> events = new LinkedBlockingQueue<>();
      HttpResponse<Stream<String>> stream =
          http.sendAsync(
                  HttpRequest.newBuilder(
                          URI.create(
                              server.url().replaceFirst("/luu-tru/$", "") + PreviewServer.EVENTS))
                      .build(),
                  HttpResponse.BodyHandlers.ofLines())
              .get(10, TimeUnit.SECONDS);
      Thread reader =
          new Thread(() -> stream.body().filter(l -> l.startsWith("event:")).forEach(events::add));
      reader.setDaemon(true);
      reader.start();
      assertThat(events.poll(10, TimeUnit.SECONDS)).isEqualTo("event: problems");

      long seconds = Long.getLong("load.seconds", 10);
      long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
      // The load goes on until its time is up and the save has been answered, so the reload is
      // always made under load, however slow the machine.
      java.util.concurrent.atomic.AtomicBoolean stop =
          new java.util.concurrent.atomic.AtomicBoolean();
      AtomicLong ok = new AtomicLong();
      AtomicLong bytes = new AtomicLong();
      ConcurrentLinkedQueue<String> errors = new ConcurrentLinkedQueue<>();
      List<Thread> clients = new ArrayList<>();
      // The save waits until every connection has been answered once: then it is made under load.
      java.util.concurrent.CountDownLatch loaded =
          new java.util.concurrent.CountDownLatch(CONNECTIONS);
      long t0 = System.nanoTime();
      for (int c = 0; c < CONNECTIONS; c++) {
        int first = c;
        // One client per thread: each keeps its own keep-alive connection, as wrk's do.
        HttpClient own =
            HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5))
                .build();
        Thread t =
            new Thread(
                () -> {
                  int i = first;
                  boolean answered = false;
                  while (!stop.get()) {
                    String path = paths.get(i++ % paths.size());
                    try {
                      HttpResponse<byte[]> r =
                          own.send(
                              HttpRequest.newBuilder(URI.create(server.url() + path))
                                  .timeout(Duration.ofSeconds(10))
                                  .build(),
                              HttpResponse.BodyHandlers.ofByteArray());
                      if (r.statusCode() != 200 || r.body().length == 0) {
                        errors.add(path + ": " + r.statusCode());
                      } else {
                        ok.incrementAndGet();
                        bytes.addAndGet(r.body().length);
                        if (!answered) {
                          answered = true;
                          loaded.countDown();
                        }
                      }
                    } catch (IOException e) {
                      errors.add(path + ": " + e);
                    } catch (InterruptedException e) {
                      Thread.currentThread().interrupt();
                      return;
                    }
                  }
                },
                "load-" + c);
        clients.add(t);
        t.start();
      }

      assertThat(loaded.await(60, TimeUnit.SECONDS)).as("every connection answered once").isTrue();
      Path seed = content.resolve("2020/01/dai-hoi-chi-bo-van-phong-2.md");
      long saved = System.nanoTime();
      Files.writeString(
          seed,
          Files.readString(seed)
              .replace(
                  "Thực hiện Kế hoạch số 205", "Sửa trong lúc tải: thực hiện Kế hoạch số 205"));
      String event;
      do {
        event = events.poll(20, TimeUnit.SECONDS);
      } while (event != null && !event.equals("event: reload"));
      long reloadMillis = (System.nanoTime() - saved) / 1_000_000;
      long left = end - System.nanoTime();
      if (left > 0) {
        TimeUnit.NANOSECONDS.sleep(left);
      }
      stop.set(true);

      for (Thread t : clients) {
        t.join(TimeUnit.SECONDS.toMillis(30));
      }
      double elapsed = (System.nanoTime() - t0) / 1e9;
      System.out.printf(
          Locale.ROOT,
          "serve under load: %d connections, %.1f s, %d requests, %.0f requests/s, %.1f MB/s, %d errors;"
              + " save → reload event %d ms%n",
          CONNECTIONS,
          elapsed,
          ok.get(),
          ok.get() / elapsed,
          bytes.get() / elapsed / 1e6,
          errors.size(),
          reloadMillis);

      assertThat(errors).as("failed requests").isEmpty();
      assertThat(ok.get()).isPositive();
      assertThat(event)
          .as("the save rebuilds and reloads while the load runs")
          .isEqualTo("event: reload");
      assertThat(
              new String(
                  http.send(
                          HttpRequest.newBuilder(URI.create(server.url() + SampleSite.SEED_PATH))
                              .build(),
                          HttpResponse.BodyHandlers.ofByteArray())
                      .body(),
                  StandardCharsets.UTF_8))
          .contains("Sửa trong lúc tải");
      assertThat(log.toString()).doesNotContain("Exception");
      stream.body().close();
    }
  }

  /** Every page, stylesheet, script and image the home page and its first links point at. */
  static List<String> pathsFrom(HttpClient http, String base) throws Exception {
    Pattern ref = Pattern.compile("(?:href|src)=\"/luu-tru/([^\"#?]*)\"");
    Set<String> found = new LinkedHashSet<>();
    found.add("");
    List<String> pages = new ArrayList<>(List.of(""));
    for (int i = 0; i < pages.size() && i < 12; i++) {
      String body =
          http.send(
                  HttpRequest.newBuilder(URI.create(base + pages.get(i))).build(),
                  HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8))
              .body();
      Matcher m = ref.matcher(body);
      while (m.find()) {
        if (found.add(m.group(1)) && m.group(1).endsWith("/")) {
          pages.add(m.group(1));
        }
      }
    }
    found.add("search/index.json");
    return new ArrayList<>(found);
  }
}
