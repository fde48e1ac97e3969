package vn.luutru.serve;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.luutru.config.SiteConfig;
import vn.luutru.testing.SampleSite;
import vn.luutru.testing.Trees;

/** luutru serve on a free loopback port: pages, live reload, broken saves, and what it refuses. */
class PreviewServerIT {
  static final String SEED = "2020/01/dai-hoi-chi-bo-van-phong-2-lan-thu-nhat-nhiem-ky-2020-2022/";

  @TempDir Path dir;
  Path content;
  PreviewServer server;
  final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  final StringWriter log = new StringWriter();

  @BeforeEach
  void start() throws IOException {
    content = dir.resolve("content");
    Trees.copyTree(Path.of("content"), content);
    SiteConfig config = SampleSite.previewConfig(content, "content", dir.resolve("site"));
    server = PreviewServer.start(config, "127.0.0.1", 0, new PrintWriter(log, true));
  }

  @AfterEach
  void stop() {
    server.close();
  }

  HttpResponse<String> get(String path, String... headers) throws Exception {
    HttpRequest.Builder b =
        HttpRequest.newBuilder(URI.create(server.url() + path)).timeout(Duration.ofSeconds(10));
    if (headers.length > 0) {
      b.headers(headers);
    }
    return http.send(b.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
  }

  /** The raw status line for a request path sent exactly as written. */
  String raw(String path) throws IOException {
    return raw(path, "127.0.0.1:" + URI.create(server.url()).getPort());
  }

  /** The raw status line for a request path and {@code Host} header sent exactly as written. */
  String raw(String path, String host) throws IOException {
    return rawResponse(path, host).lines().findFirst().orElse("");
  }

  /** The whole raw response (headers and body) to a request sent exactly as written. */
  String rawResponse(String path, String host) throws IOException {
    URI u = URI.create(server.url());
    try (Socket s = new Socket(u.getHost(), u.getPort())) {
      OutputStream out = s.getOutputStream();
      out.write(
          ("GET " + path + " HTTP/1.1\r\nHost: " + host + "\r\nConnection: close\r\n\r\n")
              .getBytes(StandardCharsets.ISO_8859_1));
      out.flush();
      return new String(s.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  /** A connection that sent half a request line and stops there. */
  Socket halfRequest(PreviewServer server) throws IOException {
    URI u = URI.create(server.url());
    Socket s = new Socket(u.getHost(), u.getPort());
    s.getOutputStream().write("GET /luu-tru/ HT".getBytes(StandardCharsets.ISO_8859_1));
    s.getOutputStream().flush();
    return s;
  }

  static final Duration HANG = Duration.ofSeconds(60);

  /**
   * The request-head limit of the tests of it: short enough for a quick test, and far longer than a
   * whole request head takes to be read even on a busy machine, so that only the clients that never
   * finish theirs ever come near it.
   */
  static final Duration HEAD_LIMIT = Duration.ofSeconds(3);

  /**
   * Reads what the server sends on {@code s} until it closes the connection, and returns it. A
   * reset counts as closing: the server closes with a reset when part of the request was still
   * unread, which depends on how far its thread had got.
   */
  static byte[] untilClosed(Socket s) throws IOException {
    java.io.ByteArrayOutputStream read = new java.io.ByteArrayOutputStream();
    try {
      s.getInputStream().transferTo(read);
    } catch (java.net.SocketException e) {
      if (!String.valueOf(e.getMessage()).contains("reset")) {
        throw e;
      }
    }
    return read.toByteArray();
  }

  /**
   * Slowloris: connections that send half a request line and stop take no thread the others need.
   */
  @Test
  void halfRequestsDoNotStarveTheOthers() throws Exception {
    List<Socket> slow = new ArrayList<>();
    try {
      for (int i = 0; i < 48; i++) {
        slow.add(halfRequest(server));
      }
      // Still open, still waiting for the rest of their request line: a whole request is answered.
      HttpResponse<String> page =
          org.junit.jupiter.api.Assertions.assertTimeoutPreemptively(HANG, () -> get(SEED));
      assertThat(page.statusCode()).isEqualTo(200);
    } finally {
      for (Socket s : slow) {
        s.close();
      }
    }
  }

  /**
   * A request head that does not come whole within the limit: the connection is closed, its thread
   * freed.
   */
  @Test
  void aRequestHeadThatDoesNotComeInTimeIsCutOff() throws Exception {
    SiteConfig config = SampleSite.previewConfig(content, "content", dir.resolve("site2"));
    PreviewServer.Limits limits = new PreviewServer.Limits(HEAD_LIMIT, HANG, 2);
    try (PreviewServer small =
        PreviewServer.start(
            config, "127.0.0.1", 0, new PrintWriter(new StringWriter(), true), r -> {}, limits)) {
      List<Socket> slow = new ArrayList<>();
      try {
        for (int i = 0; i < 4; i++) {
          slow.add(halfRequest(small));
        }
        org.junit.jupiter.api.Assertions.assertTimeoutPreemptively(
            HANG,
            () -> {
              for (Socket s : slow) {
                assertThat(untilClosed(s)).as("closed by the server, unanswered").isEmpty();
              }
            });
        // Sent once every thread is free again: its head comes whole at once, far within the limit.
        HttpResponse<String> page =
            org.junit.jupiter.api.Assertions.assertTimeoutPreemptively(
                HANG,
                () ->
                    http.send(
                        HttpRequest.newBuilder(URI.create(small.url() + SEED)).build(),
                        HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8)));
        assertThat(page.statusCode()).isEqualTo(200);
      } finally {
        for (Socket s : slow) {
          s.close();
        }
      }
    }
  }

  /**
   * The same with a body that does not come: the answer is sent, but the body still has to arrive
   * in time.
   */
  @Test
  void aRequestBodyThatDoesNotComeInTimeIsCutOff() throws Exception {
    SiteConfig config = SampleSite.previewConfig(content, "content", dir.resolve("site2"));
    PreviewServer.Limits limits = new PreviewServer.Limits(HEAD_LIMIT, HANG, 2);
    try (PreviewServer small =
        PreviewServer.start(
            config, "127.0.0.1", 0, new PrintWriter(new StringWriter(), true), r -> {}, limits)) {
      URI u = URI.create(small.url());
      List<Socket> slow = new ArrayList<>();
      try {
        for (String method : new String[] {"POST", "PUT", "GET", "GET"}) {
          Socket s = new Socket(u.getHost(), u.getPort());
          s.getOutputStream()
              .write(
                  (method
                          + " /luu-tru/ HTTP/1.1\r\nHost: 127.0.0.1:"
                          + u.getPort()
                          + "\r\nContent-Length: 100000\r\n\r\nabc")
                      .getBytes(StandardCharsets.ISO_8859_1));
          slow.add(s);
        }
        org.junit.jupiter.api.Assertions.assertTimeoutPreemptively(
            HANG,
            () -> {
              for (Socket s : slow) {
                untilClosed(s); // the answer, if any, then the end: closed by the server
              }
            });
        // Sent once every thread is free again: its head comes whole at once, far within the limit.
        HttpResponse<String> page =
            org.junit.jupiter.api.Assertions.assertTimeoutPreemptively(
                HANG,
                () ->
                    http.send(
                        HttpRequest.newBuilder(URI.create(small.url() + SEED)).build(),
                        HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8)));
        assertThat(page.statusCode()).isEqualTo(200);
      } finally {
        for (Socket s : slow) {
          s.close();
        }
      }
    }
  }

  /**
   * Clients that ask for a large file and never read it: every thread writing to them waits in a
   * write the client never makes room for. Each is given up on after the send limit, so that a
   * photo asked for by a client that reads is still answered. Today's code waited for ever: with
   * every thread stuck, nothing more was answered while those clients stayed connected.
   */
  @Test
  void clientsThatNeverReadALargeFileDoNotFreezeThePreview() throws Exception {
    Files.createDirectories(content.resolve("2021/03"));
    try (java.io.RandomAccessFile f =
        new java.io.RandomAccessFile(content.resolve("2021/03/big.pdf").toFile(), "rw")) {
      f.setLength(64L << 20); // sparse: no disk used
    }
    SiteConfig config = SampleSite.previewConfig(content, "content", dir.resolve("site2"));
    // Only the clients that never read come near the send limit: the photo fits in the socket's
    // buffers.
    PreviewServer.Limits limits = new PreviewServer.Limits(HANG, Duration.ofSeconds(3), 2);
    try (PreviewServer small =
        PreviewServer.start(
            config, "127.0.0.1", 0, new PrintWriter(new StringWriter(), true), r -> {}, limits)) {
      URI u = URI.create(small.url());
      List<Socket> frozen = new ArrayList<>();
      try {
        for (int i = 0; i < limits.threads(); i++) {
          Socket s = new Socket();
          s.setReceiveBufferSize(4096);
          s.connect(new java.net.InetSocketAddress(u.getHost(), u.getPort()));
          s.getOutputStream()
              .write(
                  ("GET "
                          + u.getPath()
                          + "2021/03/big.pdf HTTP/1.1\r\nHost: 127.0.0.1:"
                          + u.getPort()
                          + "\r\n\r\n")
                      .getBytes(StandardCharsets.ISO_8859_1));
          s.getOutputStream().flush();
          frozen.add(s);
        }
        String svg = "2020/01/anh/dai-hoi-van-phong-2.svg";
        HttpResponse<byte[]> photo =
            org.junit.jupiter.api.Assertions.assertTimeoutPreemptively(
                HANG,
                () -> {
                  for (Socket s : frozen) {
                    // Its answer has begun: every thread is now writing to a client that reads no
                    // further.
                    assertThat(s.getInputStream().read())
                        .as("first byte of the answer")
                        .isEqualTo('H');
                  }
                  return http.send(
                      HttpRequest.newBuilder(URI.create(small.url() + svg)).build(),
                      HttpResponse.BodyHandlers.ofByteArray());
                });
        assertThat(photo.statusCode()).isEqualTo(200);
        assertThat(photo.body()).isEqualTo(Files.readAllBytes(content.resolve(svg)));
      } finally {
        for (Socket s : frozen) {
          s.close();
        }
      }
    }
  }

  /** DNS rebinding: a page of another site whose name now points here must not read the preview. */
  @Test
  void answersOnlyToItsOwnHostNames() throws Exception {
    int port = URI.create(server.url()).getPort();
    String refused = rawResponse("/luu-tru/", "evil.example:" + port);
    assertThat(refused)
        .startsWith("HTTP/1.1 403")
        .contains("evil.example:" + port, "http://127.0.0.1:" + port + "/luu-tru/");
    for (String host :
        new String[] {
          "evil.example",
          "127.0.0.1.evil.example:" + port,
          "localhost:" + (port + 1),
          "",
          "localhost:" + port + "@evil.example"
        }) {
      assertThat(raw("/luu-tru/", host)).as(host).startsWith("HTTP/1.1 4");
    }
    assertThat(raw(PreviewServer.EVENTS, "evil.example:" + port)).startsWith("HTTP/1.1 403");
    for (String host :
        new String[] {
          "localhost:" + port, "127.0.0.1:" + port, "[::1]:" + port, "LocalHost:" + port
        }) {
      assertThat(raw("/luu-tru/", host)).as(host).startsWith("HTTP/1.1 200");
    }
  }

  @Test
  void servesPagesUnderThePrefixWithTypesEtagsHeadAnd404() throws Exception {
    HttpResponse<String> page = get(SEED);
    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.headers().firstValue("Content-Type")).contains("text/html; charset=utf-8");
    assertThat(page.body())
        .contains("<h1>Đại hội Chi bộ Văn phòng 2 lần thứ nhất", "/__luutru/events");
    String etag = page.headers().firstValue("ETag").orElseThrow();
    assertThat(get(SEED, "If-None-Match", etag).statusCode()).isEqualTo(304);
    HttpResponse<String> head =
        http.send(
            HttpRequest.newBuilder(URI.create(server.url() + "assets/style.css"))
                .method("HEAD", HttpRequest.BodyPublishers.noBody())
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(head.statusCode()).isEqualTo(200);
    assertThat(head.body()).isEmpty();
    assertThat(head.headers().firstValue("Content-Type")).contains("text/css; charset=utf-8");
    HttpResponse<String> missing = get("khong-co-trang-nay/");
    assertThat(missing.statusCode()).isEqualTo(404);
    assertThat(missing.body()).contains("Không tìm thấy trang");
    assertThat(get("search/index.json").statusCode()).isEqualTo(200);
    assertThat(get("2020/01/anh/dai-hoi-van-phong-2.svg").statusCode()).isEqualTo(200);
  }

  @Test
  void manyOpenEventStreamsDoNotStopTheServer() throws Exception {
    List<java.util.concurrent.CompletableFuture<HttpResponse<java.io.InputStream>>> streams =
        new ArrayList<>();
    for (int i = 0; i < 40; i++) {
      streams.add(
          http.sendAsync(
              HttpRequest.newBuilder(
                      URI.create(
                          server.url().replaceFirst("/luu-tru/$", "") + PreviewServer.EVENTS))
                  .build(),
              HttpResponse.BodyHandlers.ofInputStream()));
    }
    for (var s : streams) {
      assertThat(s.get(10, TimeUnit.SECONDS).statusCode()).isEqualTo(200);
    }
    assertThat(get(SEED).statusCode()).isEqualTo(200);
    for (var s : streams) {
      s.get().body().close();
    }
  }

  @Test
  void refusesEverythingOutsideTheSite() throws Exception {
    Files.writeString(dir.resolve("secret.txt"), "secret");
    Files.createSymbolicLink(content.resolve("2020/secret.txt"), dir.resolve("secret.txt"));
    for (String path :
        new String[] {
          "/luu-tru/../secret.txt",
          "/luu-tru/%2e%2e/secret.txt",
          "/luu-tru/%2E%2E%2Fsecret.txt",
          "/luu-tru/..%5csecret.txt",
          "/luu-tru//etc/passwd",
          "/luu-tru/%2fetc/passwd",
          "/luu-tru/a%00.html",
          "/etc/passwd",
          "/luu-tru/2020/secret.txt",
          "/luu-tru/./index.html"
        }) {
      assertThat(raw(path)).as(path).matches("HTTP/1.1 40[04] .*");
    }
    assertThat(raw("/luu-tru/")).startsWith("HTTP/1.1 200");
  }

  /** The event stream's {@code event:} and {@code data:} lines, as they come. */
  BlockingQueue<String> events() throws Exception {
    return events(server);
  }

  BlockingQueue<String> events(PreviewServer server) throws Exception {
    BlockingQueue<String> events = new LinkedBlockingQueue<>();
    var stream =
        http.sendAsync(
            HttpRequest.newBuilder(
                    URI.create(server.url().replaceFirst("/luu-tru/$", "") + PreviewServer.EVENTS))
                .build(),
            HttpResponse.BodyHandlers.ofLines());
    HttpResponse<Stream<String>> response = stream.get(10, TimeUnit.SECONDS);
    Thread reader =
        new Thread(
            () ->
                response
                    .body()
                    .filter(l -> l.startsWith("event:") || l.startsWith("data:"))
                    .forEach(events::add));
    reader.setDaemon(true);
    reader.start();
    return events;
  }

  @Test
  void reloadsOnSaveShowsBrokenSavesAndRecovers() throws Exception {
    BlockingQueue<String> events = events();
    assertThat(events.poll(10, TimeUnit.SECONDS)).isEqualTo("event: problems");
    events.poll(10, TimeUnit.SECONDS);

    Path seed = content.resolve("2020/01/dai-hoi-chi-bo-van-phong-2.md");
    String original = Files.readString(seed);
    long t0 = System.nanoTime();
    Files.writeString(
        seed, original.replace("Thực hiện Kế hoạch số 205", "Đã sửa: thực hiện Kế hoạch số 205"));
    String event;
    do {
      event = events.poll(20, TimeUnit.SECONDS);
    } while (event != null && !event.equals("event: reload"));
    assertThat(event).isEqualTo("event: reload");
    System.out.printf(
        "save → reload event: %d ms (sample archive)%n", (System.nanoTime() - t0) / 1_000_000);
    assertThat(get(SEED).body()).contains("Đã sửa: thực hiện Kế hoạch số 205");
    // Watched from before the first build: that build walked the folder, the save re-read one file.
    assertThat(server.preview().contentCache().walks()).isEqualTo(1);
    assertThat(server.preview().contentCache().patches()).isPositive();

    Files.writeString(seed, original.replace("date: 2020-01-17", "date: 2020-02-30"));
    do {
      event = events.poll(20, TimeUnit.SECONDS);
    } while (event != null && !event.startsWith("data: \""));
    assertThat(event)
        .contains("dai-hoi-chi-bo-van-phong-2.md:3:7: error: date: impossible date 2020-02-30");
    assertThat(log.toString())
        .contains("dai-hoi-chi-bo-van-phong-2.md:3:7: error: date: impossible date");
    assertThat(get(SEED).body()).as("the last good page stays").contains("Đã sửa: thực hiện");

    Files.writeString(seed, original);
    do {
      event = events.poll(20, TimeUnit.SECONDS);
    } while (event != null && !event.equals("event: reload"));
    assertThat(event).isEqualTo("event: reload");
    assertThat(get(SEED).body()).doesNotContain("Đã sửa");
  }

  /** The first of {@code rebuilds} that {@code wanted} accepts, within 20 s of each. */
  static Preview.Rebuild until(
      BlockingQueue<Preview.Rebuild> rebuilds, java.util.function.Predicate<Preview.Rebuild> wanted)
      throws InterruptedException {
    Preview.Rebuild r;
    do {
      r = rebuilds.poll(20, TimeUnit.SECONDS);
    } while (r != null && !wanted.test(r));
    assertThat(r).as("a rebuild").isNotNull();
    return r;
  }

  @Test
  void aChangedSettingsFileIsReadAgainAndABrokenOneShownUntilFixed() throws Exception {
    server.close();
    Path file = dir.resolve("luutru.yaml");
    String base = "base_url: \"https://example.org/luu-tru/\"\n";
    Files.writeString(file, "title: \"Lưu trữ Sở\"\n" + base);
    SettingsReader reader =
        new SettingsReader() {
          @Override
          public Path file() {
            return file;
          }

          @Override
          public Reread read() throws IOException {
            vn.luutru.config.SettingsFile.Loaded l =
                vn.luutru.config.SettingsFile.read(
                    "luutru.yaml", Files.readAllBytes(file), p -> true);
            return new Reread(
                l.settings()
                    .map(
                        s ->
                            SampleSite.previewConfig(content, "content", dir.resolve("site"))
                                .toBuilder()
                                .settings(s)
                                .build()),
                l.diagnostics());
          }
        };
    BlockingQueue<Preview.Rebuild> rebuilds = new java.util.concurrent.LinkedBlockingQueue<>();
    server =
        PreviewServer.start(
            reader.read().config().orElseThrow(),
            "127.0.0.1",
            0,
            new PrintWriter(log, true),
            rebuilds::add,
            reader);
    assertThat(get("").body()).contains("<title>Lưu trữ Sở</title>");

    Files.writeString(file, "title: \"Lưu trữ Sở Công Thương\"\n" + base);
    until(rebuilds, Preview.Rebuild::replaced);
    assertThat(get("").body()).contains("<title>Lưu trữ Sở Công Thương</title>");

    Files.writeString(file, "title: \"Lưu trữ\"\n" + base + "page_size: -3\n");
    Preview.Rebuild broken = until(rebuilds, Preview.Rebuild::hasErrors);
    assertThat(broken.diagnostics())
        .first()
        .extracting(vn.luutru.content.Diagnostic::format)
        .asString()
        .startsWith("luutru.yaml:3:");
    assertThat(get("").body())
        .as("the last good site stays")
        .contains("<title>Lưu trữ Sở Công Thương</title>");
    // A save of an article while the settings file is broken shows its error still.
    Path seed = content.resolve("2020/01/dai-hoi-chi-bo-van-phong-2.md");
    Files.writeString(seed, Files.readString(seed) + "\nMột câu nữa.\n");
    assertThat(until(rebuilds, r -> true).diagnostics())
        .extracting(vn.luutru.content.Diagnostic::path)
        .contains("luutru.yaml");

    Files.writeString(file, "title: \"Lưu trữ Sở Nội vụ\"\n" + base);
    until(rebuilds, Preview.Rebuild::replaced);
    assertThat(get("").body()).contains("<title>Lưu trữ Sở Nội vụ</title>");
    assertThat(get(SEED).body()).contains("Một câu nữa.");
  }

  /**
   * A page that never reads its event stream (a frozen tab) must not hold back rebuilds: the other
   * pages get every event. The frozen one's buffers fill up with the big problem reports of broken
   * saves; today's code then waited in its write, rebuilding nothing more.
   */
  @Test
  void aReloadClientThatNeverReadsHoldsBackNoRebuild() throws Exception {
    BlockingQueue<String> events = events();
    assertThat(events.poll(10, TimeUnit.SECONDS)).isEqualTo("event: problems");
    URI u = URI.create(server.url());
    try (Socket frozen = new Socket()) {
      frozen.setReceiveBufferSize(1024);
      frozen.connect(new java.net.InetSocketAddress(u.getHost(), u.getPort()));
      frozen
          .getOutputStream()
          .write(
              ("GET "
                      + PreviewServer.EVENTS
                      + " HTTP/1.1\r\nHost: 127.0.0.1:"
                      + u.getPort()
                      + "\r\n\r\n")
                  .getBytes(StandardCharsets.ISO_8859_1));
      frozen.getOutputStream().flush();
      Path seed = content.resolve("2020/01/dai-hoi-chi-bo-van-phong-2.md");
      String original = Files.readString(seed);
      // The error's source line is in the report: 300 kB a broken save.
      String broken =
          original.replace("date: 2020-01-17", "date: 2020-02-30 # " + "x".repeat(300_000));
      for (int i = 0; i < 20; i++) {
        Files.writeString(seed, broken);
        String event;
        do {
          event = events.poll(60, TimeUnit.SECONDS);
        } while (event != null && !event.contains("impossible date"));
        assertThat(event)
            .as("problems of broken save %d", i)
            .contains("impossible date 2020-02-30");
        Files.writeString(
            seed, original.replace("Thực hiện Kế hoạch số 205", "Lần lưu " + i + ": 205"));
        do {
          event = events.poll(60, TimeUnit.SECONDS);
        } while (event != null && !event.equals("event: reload"));
        assertThat(event).as("reload after save %d", i).isEqualTo("event: reload");
      }
      assertThat(get(SEED).body()).contains("Lần lưu 19: 205");
    }
  }

  /**
   * A static file larger than any array (2.2 GB, sparse: no disk used) is streamed, never read
   * whole into memory, and served by ranges: its tail alone, or whole to a reader that keeps
   * nothing. Today's code read it whole: an {@code OutOfMemoryError}.
   */
  @Test
  void aLargeFileIsStreamedAndServedByRanges() throws Exception {
    long size = 2_200_000_000L;
    byte[] tail = "CUỐI TỆP LỚN".getBytes(StandardCharsets.UTF_8);
    Files.createDirectories(content.resolve("2020/tai-lieu"));
    try (java.io.RandomAccessFile f =
        new java.io.RandomAccessFile(content.resolve("2020/tai-lieu/lon.bin").toFile(), "rw")) {
      f.setLength(size);
      f.seek(size - tail.length);
      f.write(tail);
    }
    SiteConfig config = SampleSite.previewConfig(content, "content", dir.resolve("site2"));
    try (PreviewServer large =
        PreviewServer.start(config, "127.0.0.1", 0, new PrintWriter(new StringWriter(), true))) {
      URI file = URI.create(large.url() + "2020/tai-lieu/lon.bin");
      org.junit.jupiter.api.Assertions.assertTimeoutPreemptively(
          HANG,
          () -> {
            HttpResponse<byte[]> end =
                http.send(
                    HttpRequest.newBuilder(file).header("Range", "bytes=-" + tail.length).build(),
                    HttpResponse.BodyHandlers.ofByteArray());
            assertThat(end.statusCode()).isEqualTo(206);
            assertThat(end.headers().firstValue("Content-Range"))
                .contains("bytes " + (size - tail.length) + "-" + (size - 1) + "/" + size);
            assertThat(end.body()).isEqualTo(tail);

            HttpResponse<byte[]> from =
                http.send(
                    HttpRequest.newBuilder(file)
                        .header("Range", "bytes=" + (size - tail.length) + "-")
                        .build(),
                    HttpResponse.BodyHandlers.ofByteArray());
            assertThat(from.statusCode()).isEqualTo(206);
            assertThat(from.body()).isEqualTo(tail);

            HttpResponse<byte[]> middle =
                http.send(
                    HttpRequest.newBuilder(file)
                        .header(
                            "Range",
                            "bytes=" + (size - tail.length) + "-" + (size - tail.length + 5))
                        .build(),
                    HttpResponse.BodyHandlers.ofByteArray());
            assertThat(middle.statusCode()).isEqualTo(206);
            assertThat(middle.headers().firstValue("Content-Length")).contains("6");
            assertThat(middle.body()).isEqualTo(java.util.Arrays.copyOf(tail, 6));

            HttpResponse<String> beyond =
                http.send(
                    HttpRequest.newBuilder(file).header("Range", "bytes=" + size + "-").build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(beyond.statusCode()).isEqualTo(416);
            assertThat(beyond.headers().firstValue("Content-Range")).contains("bytes */" + size);

            HttpResponse<java.io.InputStream> whole =
                http.send(
                    HttpRequest.newBuilder(file).build(),
                    HttpResponse.BodyHandlers.ofInputStream());
            assertThat(whole.statusCode()).isEqualTo(200);
            assertThat(whole.headers().firstValue("Accept-Ranges")).contains("bytes");
            assertThat(whole.headers().firstValue("Content-Length")).contains(String.valueOf(size));
            long read;
            try (java.io.InputStream in = whole.body()) {
              read = in.transferTo(OutputStream.nullOutputStream());
            }
            assertThat(read).isEqualTo(size);
          });
    }
  }

  /**
   * Ranges of a small file and of a page: what the browsers send, and what is not satisfiable or
   * not understood.
   */
  @Test
  void rangesOfSmallFilesAndPages() throws Exception {
    String svg = "2020/01/anh/dai-hoi-van-phong-2.svg";
    byte[] whole = Files.readAllBytes(content.resolve(svg));
    HttpResponse<byte[]> full =
        http.send(
            HttpRequest.newBuilder(URI.create(server.url() + svg)).build(),
            HttpResponse.BodyHandlers.ofByteArray());
    assertThat(full.body()).isEqualTo(whole);
    assertThat(full.headers().firstValue("Accept-Ranges")).contains("bytes");
    String[][] cases = {
      {"bytes=0-9", "206", "bytes 0-9/" + whole.length},
      {"bytes=10-", "206", "bytes 10-" + (whole.length - 1) + "/" + whole.length},
      {
        "bytes=-10",
        "206",
        "bytes " + (whole.length - 10) + "-" + (whole.length - 1) + "/" + whole.length
      },
      {
        "bytes=0-" + (whole.length + 100),
        "206",
        "bytes 0-" + (whole.length - 1) + "/" + whole.length
      },
      {"bytes=-0", "416", "bytes */" + whole.length},
      {"bytes=" + whole.length + "-", "416", "bytes */" + whole.length},
      {"bytes=9-0", "200", ""},
      {"bytes=0-1,5-6", "200", ""},
      {"lines=0-1", "200", ""},
      {"bytes=x-", "200", ""},
      {"bytes=99999999999999999999-", "200", ""},
    };
    for (String[] c : cases) {
      HttpResponse<byte[]> r =
          http.send(
              HttpRequest.newBuilder(URI.create(server.url() + svg)).header("Range", c[0]).build(),
              HttpResponse.BodyHandlers.ofByteArray());
      assertThat(r.statusCode()).as(c[0]).isEqualTo(Integer.parseInt(c[1]));
      assertThat(r.headers().firstValue("Content-Range").orElse("")).as(c[0]).isEqualTo(c[2]);
      if (c[1].equals("206")) {
        String[] span = c[2].substring(6, c[2].indexOf('/')).split("-");
        assertThat(r.body())
            .as(c[0])
            .isEqualTo(
                java.util.Arrays.copyOfRange(
                    whole, Integer.parseInt(span[0]), Integer.parseInt(span[1]) + 1));
      } else if (c[1].equals("200")) {
        assertThat(r.body()).as(c[0]).isEqualTo(whole);
      }
    }
    String etag = full.headers().firstValue("ETag").orElseThrow();
    assertThat(
            http.send(
                    HttpRequest.newBuilder(URI.create(server.url() + svg))
                        .header("Range", "bytes=0-9")
                        .header("If-Range", etag)
                        .build(),
                    HttpResponse.BodyHandlers.ofByteArray())
                .statusCode())
        .isEqualTo(206);
    assertThat(
            http.send(
                    HttpRequest.newBuilder(URI.create(server.url() + svg))
                        .header("Range", "bytes=0-9")
                        .header("If-Range", "\"autre\"")
                        .build(),
                    HttpResponse.BodyHandlers.ofByteArray())
                .statusCode())
        .isEqualTo(200);
    HttpResponse<String> page =
        http.send(
            HttpRequest.newBuilder(URI.create(server.url() + SEED))
                .header("Range", "bytes=0-14")
                .build(),
            HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    assertThat(page.statusCode()).isEqualTo(206);
    assertThat(page.body()).isEqualTo("<!DOCTYPE html>");
  }

  /**
   * The same SVG edited to carry script: the rebuild says so, and the file is not served until it
   * is fixed.
   */
  @Test
  void anSvgEditedToCarryScriptIsNotServed() throws Exception {
    BlockingQueue<String> events = events();
    assertThat(events.poll(10, TimeUnit.SECONDS)).isEqualTo("event: problems");
    String svg = "2020/01/anh/dai-hoi-van-phong-2.svg";
    byte[] good = Files.readAllBytes(content.resolve(svg));
    Files.writeString(content.resolve(svg), PreviewTest.SCRIPTED_SVG);
    String event;
    do {
      event = events.poll(60, TimeUnit.SECONDS);
    } while (event != null && !event.contains("carries script"));
    assertThat(event).contains("dai-hoi-van-phong-2.svg:1:");
    HttpResponse<String> refused = get(svg);
    assertThat(refused.body()).doesNotContain("<script");
    assertThat(refused.statusCode()).isEqualTo(403);
    Files.write(content.resolve(svg), good);
    do {
      event = events.poll(60, TimeUnit.SECONDS);
    } while (event != null && !event.equals("data: \"\""));
    assertThat(event).as("problems cleared").isNotNull();
    HttpResponse<byte[]> again =
        http.send(
            HttpRequest.newBuilder(URI.create(server.url() + svg)).build(),
            HttpResponse.BodyHandlers.ofByteArray());
    assertThat(again.statusCode()).isEqualTo(200);
    assertThat(again.body()).isEqualTo(good);
  }

  /**
   * A content folder given as a link is watched through it: walking the link alone enters nothing.
   */
  @Test
  void aSaveInAContentFolderGivenAsALinkReachesThePage() throws Exception {
    Path link = dir.resolve("linked-content");
    Files.createSymbolicLink(link, content);
    SiteConfig config = SampleSite.previewConfig(link, "linked-content", dir.resolve("site2"));
    try (PreviewServer linked =
        PreviewServer.start(config, "127.0.0.1", 0, new PrintWriter(new StringWriter(), true))) {
      BlockingQueue<String> events = events(linked);
      assertThat(events.poll(10, TimeUnit.SECONDS)).isEqualTo("event: problems");
      events.poll(10, TimeUnit.SECONDS);
      Path seed = link.resolve("2020/01/dai-hoi-chi-bo-van-phong-2.md");
      Files.writeString(
          seed, Files.readString(seed).replace("Thực hiện Kế hoạch số 205", "Qua liên kết: 205"));
      String event;
      do {
        event = events.poll(20, TimeUnit.SECONDS);
      } while (event != null && !event.equals("event: reload"));
      assertThat(event).isEqualTo("event: reload");
      HttpResponse<String> page =
          http.send(
              HttpRequest.newBuilder(URI.create(linked.url() + SEED)).build(),
              HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
      assertThat(page.body()).contains("Qua liên kết: 205");
    }
  }

  /**
   * A folder renamed keeps its watch on Linux, which then reports changes under the old name: a
   * save inside it after the rename must still reach the page.
   */
  @Test
  void aSaveInARenamedFolderReachesThePage() throws Exception {
    BlockingQueue<String> events = events();
    assertThat(events.poll(10, TimeUnit.SECONDS)).isEqualTo("event: problems");

    Files.move(content.resolve("2020"), content.resolve("nam-2020"));
    String event;
    do {
      event = events.poll(20, TimeUnit.SECONDS);
    } while (event != null && !event.equals("event: reload"));
    assertThat(event).isEqualTo("event: reload");

    Path seed = content.resolve("nam-2020/01/dai-hoi-chi-bo-van-phong-2.md");
    Files.writeString(
        seed,
        Files.readString(seed)
            .replace("Thực hiện Kế hoạch số 205", "Sau khi đổi tên thư mục: 205"));
    // A late reload of the rename may come before the save's: wait for reloads until the page
    // has the save, a few at most.
    boolean saved = false;
    for (int reloads = 0; reloads < 5 && !saved; reloads++) {
      do {
        event = events.poll(20, TimeUnit.SECONDS);
      } while (event != null && !event.equals("event: reload"));
      assertThat(event).isEqualTo("event: reload");
      saved = get(SEED).body().contains("Sau khi đổi tên thư mục: 205");
    }
    assertThat(saved).as("the saved text is served").isTrue();
  }
}
