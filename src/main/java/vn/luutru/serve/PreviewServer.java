package vn.luutru.serve;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.ClosedWatchServiceException;
import java.nio.file.FileSystems;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchEvent;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import vn.luutru.config.SiteConfig;
import vn.luutru.content.ContentSource;
import vn.luutru.content.Diagnostic;
import vn.luutru.content.SitePath;

/**
 * {@code luutru serve}: the preview on {@code http://127.0.0.1:8080/} under the site's path prefix.
 * Pages are rendered from the in-memory {@link Preview}; each HTML page gets a small script that
 * listens to {@code /__luutru/events} and reloads on a rebuild or shows the problems of a broken
 * save over the page. Only files of the site are served: paths are decoded and normalised first,
 * and anything climbing out of the site is refused. Only requests naming this machine in {@code
 * Host} are answered (a page of another site cannot read the preview through DNS rebinding); a
 * request head that does not come whole in time is cut off, and so is a client that stops reading
 * its answer ({@link Limits}); static files are streamed, by ranges when asked, and an SVG image
 * only as the last good build checked it; a reload client that does not read is dropped, never
 * waited for. The JDK's server delays small responses unless the JVM-wide {@code
 * sun.net.httpserver.nodelay} is set before its first server starts: setting it is the
 * application's choice, not this class's.
 *
 * <pre>{@code
 * try (PreviewServer s = PreviewServer.start(config, "127.0.0.1", 8080, err)) {
 *   s.awaitStop();
 * }
 * }</pre>
 */
public final class PreviewServer implements AutoCloseable {
  static final String EVENTS = "/__luutru/events";
  private static final Map<String, String> TYPES =
      Map.ofEntries(
          Map.entry("html", "text/html; charset=utf-8"),
          Map.entry("css", "text/css; charset=utf-8"),
          Map.entry("js", "text/javascript; charset=utf-8"),
          Map.entry("mjs", "text/javascript; charset=utf-8"),
          Map.entry("json", "application/json; charset=utf-8"),
          Map.entry("xml", "application/xml; charset=utf-8"),
          Map.entry("txt", "text/plain; charset=utf-8"),
          Map.entry("svg", "image/svg+xml; charset=utf-8"),
          Map.entry("png", "image/png"),
          Map.entry("jpg", "image/jpeg"),
          Map.entry("jpeg", "image/jpeg"),
          Map.entry("gif", "image/gif"),
          Map.entry("webp", "image/webp"),
          Map.entry("pdf", "application/pdf"),
          Map.entry("bin", "application/octet-stream"),
          Map.entry("ico", "image/x-icon"));

  /** The preview's script, its words ({@code WORDS}) in the user's language. */
  private static final String LIVE_RELOAD =
      """
      <script>/* luutru serve: live reload; never in built sites */
      (() => {
        const words = WORDS;
        const es = new EventSource("/__luutru/events");
        let box;
        es.addEventListener("reload", () => location.reload());
        es.addEventListener("problems", (e) => {
          const text = JSON.parse(e.data);
          if (!text) { if (box) box.remove(); box = null; return; }
          if (!box) {
            box = document.createElement("div");
            box.setAttribute("role", "alert");
            box.id = "luutru-problems";
            box.setAttribute("aria-label", words.label);
            box.style.cssText = "position:fixed;inset:auto 0 0 0;max-height:60vh;overflow:auto;z-index:99999;"
              + "background:#1d1d1f;color:#fff;font:14px/1.45 ui-monospace,monospace;padding:1rem;"
              + "border-top:4px solid #e11d48;white-space:pre-wrap";
            document.body.append(box);
          }
          box.textContent = words.heading + "\\n\\n" + text;
        });
      })();
      </script>
      """;

  /** {@link #LIVE_RELOAD} with the words of the language the preview started in. */
  private final String liveReload;

  private final Preview preview;
  private final HttpServer server;
  private final RequestThreads executor;
  private final List<EventStream> listeners = new CopyOnWriteArrayList<>();

  /** Write to the event streams, each stream's messages in turn: threads live while they write. */
  private final java.util.concurrent.ExecutorService writers =
      java.util.concurrent.Executors.newCachedThreadPool(
          r -> {
            Thread t = new Thread(r, "luutru-events");
            t.setDaemon(true);
            return t;
          });

  /** An event stream one write of which has waited this long is dropped ({@link Limits#send}). */
  private final long stuckNanos;

  /**
   * Pings the event streams, and cuts off requests whose head is late or whose client stopped
   * reading.
   */
  private final java.util.concurrent.ScheduledThreadPoolExecutor pinger =
      new java.util.concurrent.ScheduledThreadPoolExecutor(
          1,
          r -> {
            Thread t = new Thread(r, "luutru-timer");
            t.setDaemon(true);
            return t;
          });

  /** The site's path prefix, which the settings file may change while the preview runs. */
  private volatile String prefix;

  private final WatchService watcher;
  private final Thread watching;

  /**
   * The content and templates folders as watched: a folder given as a link, as its target (walking
   * does not enter a link).
   */
  private final Path content;

  private final Path templates;

  /** The settings file read again when it changes, and the folder it is in; null for none. */
  private final SettingsReader settings;

  private final Path settingsFile;
  private final Path settingsDir;

  /** Whether the watcher has seen a change yet. */
  private volatile boolean sawChange;

  /** The watched folders, by absolute path. */
  private final Map<Path, WatchKey> keys = new java.util.concurrent.ConcurrentHashMap<>();

  private final PrintWriter log;
  private final java.util.concurrent.CountDownLatch stopped =
      new java.util.concurrent.CountDownLatch(1);
  private final Consumer<Preview.Rebuild> onRebuild;

  /**
   * The host names and addresses, lower case, IPv6 in brackets, that requests may name in {@code
   * Host}.
   */
  private final java.util.Set<String> hosts;

  private PreviewServer(
      Preview preview,
      String bind,
      int port,
      PrintWriter log,
      Consumer<Preview.Rebuild> onRebuild,
      Limits limits,
      SettingsReader settings)
      throws IOException {
    this.preview = preview;
    this.settings = settings;
    Map<String, String> words = new java.util.LinkedHashMap<>();
    words.put("label", Messages.get("serve.box.label"));
    words.put("heading", Messages.get("serve.box.heading"));
    this.liveReload = LIVE_RELOAD.replace("WORDS", vn.luutru.internal.Json.write(words));
    pinger.setRemoveOnCancelPolicy(true);
    executor = new RequestThreads(limits.threads(), limits.requestHead(), limits.send(), pinger);
    stuckNanos = limits.send().toNanos();
    this.log = log;
    this.onRebuild = onRebuild;
    this.prefix = preview.config().basePath();
    server = HttpServer.create(new InetSocketAddress(InetAddress.getByName(bind), port), 64);
    try {
      server.setExecutor(executor);
      server.createContext("/", this::handle);
      watcher = FileSystems.getDefault().newWatchService();
      hosts = hosts(bind, server.getAddress().getAddress());
    } catch (IOException | RuntimeException e) {
      server.stop(0);
      throw e;
    }
    content = watchedPath(preview.config().contentDir());
    templates = preview.config().templatesDir().map(PreviewServer::watchedPath).orElse(null);
    boolean whole = register(content);
    if (templates != null) {
      register(templates);
    }
    settingsFile = settings == null ? null : settings.file().toAbsolutePath().normalize();
    settingsDir = settingsFile == null ? null : settingsFile.getParent();
    if (settingsDir != null && !keys.containsKey(settingsDir)) {
      // The folder alone, not the folders in it: only the settings file is wanted there.
      try {
        keys.put(
            settingsDir,
            settingsDir.register(
                watcher,
                StandardWatchEventKinds.ENTRY_CREATE,
                StandardWatchEventKinds.ENTRY_DELETE,
                StandardWatchEventKinds.ENTRY_MODIFY));
      } catch (IOException e) {
        log.println(Messages.get("serve.cannot-watch-settings", settingsFile, e.getMessage()));
      }
    }
    // From here on every change is seen, and rebuilds need not walk the folder to find them:
    // unless a folder could not be watched, or the folder is a link (the cache's paths are
    // the link's, the watcher's its target's).
    if (whole && !Files.isSymbolicLink(preview.config().contentDir())) {
      preview.contentCache().watched();
    }
    watching = new Thread(this::watch, "luutru-watch");
    watching.setDaemon(true);
    pinger.scheduleAtFixedRate(
        () -> {
          send(": ping\n\n");
          long now = System.nanoTime();
          for (EventStream l : listeners) {
            l.dropIfStuck(now, stuckNanos);
          }
        },
        15,
        15,
        TimeUnit.SECONDS);
  }

  /**
   * Builds the site in memory, then serves it. Problems of the first build are printed; the server
   * starts even when it has errors, and shows them until they are fixed.
   */
  public static PreviewServer start(SiteConfig config, String bind, int port, PrintWriter log)
      throws IOException {
    return start(config, bind, port, log, WARM_UPS);
  }

  /**
   * As {@link #start(SiteConfig, String, int, PrintWriter)}, running at most {@code warmUps}
   * rebuilds after the first ({@link #WARM_UPS} by default; a benchmark gives 0 to measure what
   * they change).
   */
  public static PreviewServer start(
      SiteConfig config, String bind, int port, PrintWriter log, int warmUps) throws IOException {
    return start(config, bind, port, log, r -> {}, Limits.DEFAULT, warmUps, null);
  }

  /**
   * As {@link #start(SiteConfig, String, int, PrintWriter, int)}, reading the settings file again
   * through {@code settings} whenever it changes, as content and templates are: new settings are
   * used from that rebuild on, and a settings file with errors is shown as the preview's problems,
   * the last good site still served, until it is fixed.
   */
  public static PreviewServer start(
      SiteConfig config,
      String bind,
      int port,
      PrintWriter log,
      int warmUps,
      SettingsReader settings)
      throws IOException {
    return start(config, bind, port, log, r -> {}, Limits.DEFAULT, warmUps, settings);
  }

  /**
   * Rebuilds, without keeping them, run after the first build ({@link Preview#warmUp}), at most:
   * the loops of a rebuild reach C2 only after several.
   */
  public static final int WARM_UPS = 8;

  /** No warm-up starts after this long: on a large archive one takes a second or more. */
  static final long WARM_UP_NANOS = 3_000_000_000L;

  static PreviewServer start(
      SiteConfig config,
      String bind,
      int port,
      PrintWriter log,
      Consumer<Preview.Rebuild> onRebuild)
      throws IOException {
    return start(config, bind, port, log, onRebuild, Limits.DEFAULT);
  }

  /**
   * How long a request's head (request line and headers) may take to arrive once its first bytes
   * have; how long one write to a client may wait for it to read (nginx's {@code send_timeout})
   * before the client is given up on; and how many requests are served at once, more waiting their
   * turn.
   */
  record Limits(java.time.Duration requestHead, java.time.Duration send, int threads) {
    static final Limits DEFAULT =
        new Limits(java.time.Duration.ofSeconds(20), java.time.Duration.ofSeconds(30), 200);
  }

  static PreviewServer start(
      SiteConfig config,
      String bind,
      int port,
      PrintWriter log,
      Consumer<Preview.Rebuild> onRebuild,
      Limits limits)
      throws IOException {
    return start(config, bind, port, log, onRebuild, limits, WARM_UPS, null);
  }

  static PreviewServer start(
      SiteConfig config,
      String bind,
      int port,
      PrintWriter log,
      Consumer<Preview.Rebuild> onRebuild,
      SettingsReader settings)
      throws IOException {
    return start(config, bind, port, log, onRebuild, Limits.DEFAULT, WARM_UPS, settings);
  }

  private static PreviewServer start(
      SiteConfig config,
      String bind,
      int port,
      PrintWriter log,
      Consumer<Preview.Rebuild> onRebuild,
      Limits limits,
      int warmUps,
      SettingsReader settings)
      throws IOException {
    Preview preview = new Preview(config);
    // Watching before the first build: a change made during it is seen, and the first save
    // re-reads only what changed instead of walking the folder again.
    PreviewServer s = new PreviewServer(preview, bind, port, log, onRebuild, limits, settings);
    Preview.Rebuild first;
    try {
      first = preview.rebuild();
    } catch (IOException | RuntimeException | Error e) {
      s.close();
      throw e;
    }
    s.report(first);
    s.server.start();
    s.watching.start();
    Thread warming =
        new Thread(
            () ->
                warmUp(
                    preview,
                    warmUps,
                    WARM_UP_NANOS,
                    () -> s.sawChange || s.stopped.getCount() == 0),
            "luutru-warm-up");
    warming.setDaemon(true);
    warming.start();
    return s;
  }

  /**
   * Runs {@link Preview#warmUp} up to {@code most} times, none starting after {@code nanos} or once
   * {@code stop} says so (the first save: from then on the saves themselves do it; or the server
   * stopped); returns how many ran. Problems end it quietly: a save reports its own.
   */
  static int warmUp(
      Preview preview, int most, long nanos, java.util.function.BooleanSupplier stop) {
    long start = System.nanoTime();
    int ran = 0;
    try {
      while (ran < most && System.nanoTime() - start < nanos && !stop.getAsBoolean()) {
        preview.warmUp();
        ran++;
      }
    } catch (IOException | RuntimeException | StackOverflowError e) {
      // only a head start
    }
    return ran;
  }

  /** {@code http://127.0.0.1:8080/luu-tru/} */
  public String url() {
    InetSocketAddress a = server.getAddress();
    String host =
        a.getAddress().isAnyLocalAddress() ? "127.0.0.1" : a.getAddress().getHostAddress();
    if (host.contains(":")) {
      host = "[" + host + "]";
    }
    return "http://" + host + ":" + a.getPort() + prefix;
  }

  public void awaitStop() throws InterruptedException {
    stopped.await();
  }

  @Override
  public void close() {
    try {
      watcher.close();
    } catch (IOException e) {
      // closing anyway
    }
    for (EventStream l : listeners) {
      l.close();
    }
    server.stop(0);
    executor.close();
    writers.shutdownNow();
    pinger.shutdownNow();
    stopped.countDown();
  }

  private void report(Preview.Rebuild r) {
    for (Diagnostic d : Diagnostic.firstOfEachFile(r.diagnostics())) {
      log.println(d.format());
    }
    if (r.hasErrors()) {
      log.println(Messages.get("serve.problems", r.diagnostics().size()));
    } else {
      log.println(Messages.get("serve.rebuilt", r.millis()));
    }
    log.flush();
  }

  // ---------------------------------------------------------------------------- watching

  /** Watches {@code root} and every folder in it; false when some could not be watched. */
  private boolean register(Path root) {
    try {
      Files.walkFileTree(
          root,
          new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs)
                throws IOException {
              WatchKey k =
                  dir.register(
                      watcher,
                      StandardWatchEventKinds.ENTRY_CREATE,
                      StandardWatchEventKinds.ENTRY_DELETE,
                      StandardWatchEventKinds.ENTRY_MODIFY);
              keys.put(dir.toAbsolutePath().normalize(), k);
              return FileVisitResult.CONTINUE;
            }
          });
      return true;
    } catch (IOException e) {
      log.println(Messages.get("serve.cannot-watch", root, e.getMessage()));
      return false;
    }
  }

  /**
   * Stops watching {@code gone} and the folders in it. A folder renamed keeps its watch (Linux
   * watches the folder, not its name), reporting its changes under the old name: cancelled, it is
   * watched afresh under the new one.
   */
  private void forget(Path gone) {
    keys.entrySet()
        .removeIf(
            e -> {
              if (e.getKey().startsWith(gone)) {
                e.getValue().cancel();
                return true;
              }
              return false;
            });
  }

  /**
   * {@code dir} absolute, or the folder it links to: the watches are made by walking it, which does
   * not enter a link.
   */
  private static Path watchedPath(Path dir) {
    Path absolute = dir.toAbsolutePath().normalize();
    if (Files.isSymbolicLink(absolute)) {
      try {
        return absolute.toRealPath();
      } catch (IOException e) {
        return absolute; // a broken link: the build reports the folder
      }
    }
    return absolute;
  }

  Preview preview() {
    return preview;
  }

  private void watch() {
    ContentSource.Cache cache = preview.contentCache();
    try {
      while (true) {
        WatchKey key = watcher.take();
        sawChange = true;
        boolean templateChanged = false;
        boolean settingsChanged = false;
        boolean relevant = false;
        // Take every event of this burst (an editor's save is often several).
        for (WatchKey k = key; k != null; k = watcher.poll(25, TimeUnit.MILLISECONDS)) {
          Path dir = ((Path) k.watchable()).toAbsolutePath().normalize();
          // The settings file's folder, watched for that file alone.
          boolean besideSettings =
              dir.equals(settingsDir)
                  && !dir.startsWith(content)
                  && (templates == null || !dir.startsWith(templates));
          for (WatchEvent<?> e : k.pollEvents()) {
            if (besideSettings) {
              if (e.kind() == StandardWatchEventKinds.OVERFLOW
                  || (e.context() instanceof Path p && dir.resolve(p).equals(settingsFile))) {
                settingsChanged = true;
                relevant = true;
              }
              continue;
            }
            relevant = true;
            if (e.kind() == StandardWatchEventKinds.OVERFLOW || !Files.isDirectory(dir)) {
              // Events missed, or reported under a name that is gone: the next rebuild walks.
              cache.unknown();
            }
            if (e.context() instanceof Path p) {
              Path changed = dir.resolve(p);
              if (changed.equals(settingsFile)) {
                settingsChanged = true;
              }
              if (changed.startsWith(content)) {
                cache.changed(
                    content
                        .relativize(changed)
                        .toString()
                        .replace(java.io.File.separatorChar, '/'));
              }
              if (e.kind() == StandardWatchEventKinds.ENTRY_DELETE) {
                forget(changed);
              }
              if (e.kind() == StandardWatchEventKinds.ENTRY_CREATE
                  && Files.isDirectory(changed)
                  && !register(changed)
                  && changed.startsWith(content)) {
                cache.unwatched();
              }
              if (templates != null && changed.startsWith(templates)) {
                templateChanged = true;
              }
            }
          }
          k.reset();
        }
        if (!relevant) {
          continue;
        }
        if (templateChanged) {
          preview.templatesChanged();
        }
        if (settingsChanged) {
          readSettings();
        }
        Preview.Rebuild r;
        try {
          r = preview.rebuild();
        } catch (IOException | RuntimeException | StackOverflowError e) {
          log.println(Messages.get("serve.error", e));
          log.flush();
          continue;
        }
        report(r);
        broadcast("problems", json(problemText(r.diagnostics())));
        if (r.replaced()) {
          broadcast("reload", "1");
        }
        onRebuild.accept(r);
      }
    } catch (InterruptedException | ClosedWatchServiceException e) {
      // stopped
    }
  }

  /**
   * Reads the settings file again and hands it to the preview; its warnings are printed here, its
   * errors are the next rebuild's problems.
   */
  private void readSettings() {
    SettingsReader.Reread r;
    try {
      r = settings.read();
    } catch (IOException e) {
      r =
          new SettingsReader.Reread(
              Optional.empty(),
              List.of(
                  Diagnostic.error(
                      settingsFile.toString(),
                      0,
                      0,
                      Messages.get("serve.settings-unreadable", e.getMessage()),
                      "")));
    }
    preview.settingsRead(r.config(), r.diagnostics());
    if (r.config().isPresent()) {
      for (Diagnostic d : r.diagnostics()) {
        log.println(d.format());
      }
      String now = preview.config().basePath();
      if (!now.equals(prefix)) {
        prefix = now;
        log.println(Messages.get("serve.address-changed", url()));
      }
    }
    log.flush();
  }

  private static String problemText(List<Diagnostic> diags) {
    StringBuilder s = new StringBuilder();
    for (Diagnostic d : Diagnostic.firstOfEachFile(diags)) {
      if (d.isError()) {
        s.append(d.format()).append("\n\n");
      }
    }
    return s.toString().strip();
  }

  private static String json(String s) {
    return vn.luutru.internal.Json.write(s);
  }

  private void broadcast(String event, String data) {
    send("event: " + event + "\ndata: " + data + "\n\n");
  }

  /**
   * Queues {@code message} for every open event stream: never waits for a client (see {@link
   * EventStream}).
   */
  private void send(String message) {
    byte[] bytes = message.getBytes(StandardCharsets.UTF_8);
    for (EventStream l : listeners) {
      try {
        l.offer(bytes);
      } catch (java.util.concurrent.RejectedExecutionException e) {
        return; // stopping
      }
    }
  }

  // ---------------------------------------------------------------------------- serving

  /**
   * The names a request may give in {@code Host}: {@code localhost}, {@code 127.0.0.1}, {@code
   * [::1]}, the address asked for with {@code --bind} as given and as bound, and, bound to every
   * address ({@code 0.0.0.0}), each address of this machine. A name that is not one of them is
   * another site's (DNS rebinding: a page of evil.example whose name now points here).
   */
  private static java.util.Set<String> hosts(String bind, InetAddress bound) throws IOException {
    java.util.Set<String> hosts =
        new java.util.HashSet<>(List.of("localhost", "127.0.0.1", "[::1]"));
    hosts.add(hostName(bind));
    hosts.add(hostName(bound.getHostAddress()));
    if (bound.isAnyLocalAddress()) {
      for (var i : java.util.Collections.list(java.net.NetworkInterface.getNetworkInterfaces())) {
        for (var a : java.util.Collections.list(i.getInetAddresses())) {
          hosts.add(hostName(a.getHostAddress()));
        }
      }
    }
    return java.util.Set.copyOf(hosts);
  }

  /**
   * {@code name} as a {@code Host} header gives it: lower case, an IPv6 address in brackets,
   * without its zone.
   */
  private static String hostName(String name) {
    String n = name.toLowerCase(Locale.ROOT);
    int zone = n.indexOf('%');
    if (zone >= 0) {
      n = n.substring(0, zone);
    }
    return n.contains(":") && !n.startsWith("[") ? "[" + n + "]" : n;
  }

  /**
   * Whether {@code host}, a request's {@code Host} header, names this server: one of {@link
   * #hosts}, with its port.
   */
  private boolean ownHost(String host) {
    if (host == null) {
      return false;
    }
    String h = host.strip().toLowerCase(Locale.ROOT);
    int port = server.getAddress().getPort();
    int colon = h.lastIndexOf(':');
    String name = h;
    if (colon > h.lastIndexOf(']')) {
      if (!h.substring(colon + 1).equals(String.valueOf(port))) {
        return false;
      }
      name = h.substring(0, colon);
    } else if (port != 80) {
      return false;
    }
    return hosts.contains(name);
  }

  /** Refuses a request that names another site in {@code Host}, and says why. */
  private void refuseHost(HttpExchange ex, String host) throws IOException {
    String own = "http://127.0.0.1:" + server.getAddress().getPort() + prefix;
    send(
        ex,
        403,
        "text/plain; charset=utf-8",
        (Messages.get("serve.other-host", own, host == null ? "" : host, own) + "\n")
            .getBytes(StandardCharsets.UTF_8));
  }

  private void handle(HttpExchange ex) throws IOException {
    // A request with a body stays timed: the server reads that body to its end after the answer.
    if (!(hasBody(ex) ? executor.inTime() : executor.headRead())) {
      ex.close(); // too late: the connection is being closed
      return;
    }
    // Every write of the answer is timed: a client that stops reading is given up on.
    ex.setStreams(null, executor.timed(ex.getResponseBody()));
    String host = ex.getRequestHeaders().getFirst("Host");
    if (!ownHost(host)) {
      try (ex) {
        refuseHost(ex, host);
      }
      return;
    }
    if (ex.getRequestURI().getRawPath().equals(EVENTS) && ex.getRequestMethod().equals("GET")) {
      events(ex); // stays open: the exchange is closed when the client goes away
      return;
    }
    try (ex) {
      String method = ex.getRequestMethod();
      if (!method.equals("GET") && !method.equals("HEAD")) {
        ex.getResponseHeaders().set("Allow", "GET, HEAD");
        send(
            ex,
            405,
            "text/plain; charset=utf-8",
            (Messages.get("serve.method-not-allowed") + "\n").getBytes(StandardCharsets.UTF_8));
        return;
      }
      String raw = ex.getRequestURI().getRawPath();
      Optional<String> file = sitePath(raw);
      if (file.isEmpty()) {
        if (raw.equals("/") && !prefix.equals("/")) {
          ex.getResponseHeaders().set("Location", prefix);
          send(ex, 302, "text/plain; charset=utf-8", new byte[0]);
          return;
        }
        notFound(ex);
        return;
      }
      String f = file.get();
      Optional<Preview.Served> body;
      try {
        body = preview.file(f);
      } catch (IOException e) {
        send(
            ex,
            500,
            "text/plain; charset=utf-8",
            ("500 " + e.getMessage() + "\n").getBytes(StandardCharsets.UTF_8));
        return;
      }
      if (body.isEmpty() && !f.isEmpty() && !f.endsWith("/index.html") && preview.isFolder(f)) {
        ex.getResponseHeaders().set("Location", prefix + f + "/");
        send(ex, 301, "text/plain; charset=utf-8", new byte[0]);
        return;
      }
      if (body.isEmpty()) {
        notFound(ex);
        return;
      }
      String type = type(f);
      Preview.Served served = body.get();
      if (served instanceof Preview.Bytes b) {
        byte[] bytes = type.startsWith("text/html") ? inject(b.bytes()) : b.bytes();
        respond(
            ex,
            type,
            etag(bytes),
            bytes.length,
            (out, from, count) -> out.write(bytes, (int) from, (int) count));
      } else if (served instanceof Preview.OnDisk d) {
        // Not through a link put in its place since it was checked (nginx's disable_symlinks).
        try (FileChannel channel =
            FileChannel.open(
                d.path(),
                java.nio.file.StandardOpenOption.READ,
                java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
          long size = channel.size();
          String etag =
              String.format(
                  Locale.ROOT, "\"%x-%x\"", Files.getLastModifiedTime(d.path()).toMillis(), size);
          respond(ex, type, etag, size, (out, from, count) -> copy(channel, from, count, out));
        }
      } else if (served instanceof Preview.Refused r) {
        send(
            ex,
            403,
            "text/plain; charset=utf-8",
            ("403 forbidden: " + r.why() + ".\n").getBytes(StandardCharsets.UTF_8));
      }
    }
  }

  /** Whether the request has a body: none of the answers here reads it. */
  private static boolean hasBody(HttpExchange ex) {
    String length = ex.getRequestHeaders().getFirst("Content-Length");
    return ex.getRequestHeaders().containsKey("Transfer-Encoding")
        || length != null && !length.strip().equals("0");
  }

  /** Writes {@code count} bytes of a body from byte {@code from}. */
  private interface Span {
    void write(OutputStream out, long from, long count) throws IOException;
  }

  /**
   * Answers a GET or HEAD with a body of {@code length} bytes: 304 when the client has it ({@code
   * If-None-Match}), 206 with the part a {@code Range} header asks for, 416 when that part is not
   * in the file, else 200 with all of it.
   */
  private void respond(HttpExchange ex, String type, String etag, long length, Span body)
      throws IOException {
    ex.getResponseHeaders().set("ETag", etag);
    ex.getResponseHeaders().set("Cache-Control", "no-cache");
    ex.getResponseHeaders().set("Accept-Ranges", "bytes");
    String match = ex.getRequestHeaders().getFirst("If-None-Match");
    if (match != null && (match.equals(etag) || match.equals("*"))) {
      sendHeaders(ex, 304, -1);
      return;
    }
    String ifRange = ex.getRequestHeaders().getFirst("If-Range");
    Optional<Range> range =
        ifRange == null || ifRange.equals(etag)
            ? Range.parse(ex.getRequestHeaders().getFirst("Range"), length)
            : Optional.empty();
    ex.getResponseHeaders().set("Content-Type", type);
    ex.getResponseHeaders().set("X-Content-Type-Options", "nosniff");
    if (range.isPresent() && range.get().count() == 0) {
      ex.getResponseHeaders().set("Content-Range", "bytes */" + length);
      ex.getResponseHeaders().set("Content-Type", "text/plain; charset=utf-8");
      byte[] text =
          (Messages.get("serve.range-not-satisfiable", length) + "\n")
              .getBytes(StandardCharsets.UTF_8);
      head(ex, 416, text.length);
      if (!ex.getRequestMethod().equals("HEAD")) {
        ex.getResponseBody().write(text);
      }
      return;
    }
    long from = range.map(Range::from).orElse(0L);
    long count = range.map(Range::count).orElse(length);
    int status = 200;
    if (range.isPresent()) {
      status = 206;
      ex.getResponseHeaders()
          .set("Content-Range", "bytes " + from + "-" + (from + count - 1) + "/" + length);
    }
    head(ex, status, count);
    if (!ex.getRequestMethod().equals("HEAD") && count > 0) {
      body.write(ex.getResponseBody(), from, count);
    }
  }

  /** Sends the status line and headers for a body of {@code count} bytes (none for HEAD). */
  private void head(HttpExchange ex, int status, long count) throws IOException {
    if (ex.getRequestMethod().equals("HEAD")) {
      ex.getResponseHeaders().set("Content-Length", String.valueOf(count));
      sendHeaders(ex, status, -1);
    } else {
      sendHeaders(ex, status, count == 0 ? -1 : count);
    }
  }

  /**
   * Copies {@code count} bytes of {@code channel} from {@code from} to {@code out}, 64 kB at a
   * time.
   */
  private static void copy(FileChannel channel, long from, long count, OutputStream out)
      throws IOException {
    ByteBuffer buffer = ByteBuffer.allocate(64 << 10);
    long at = from;
    long end = from + count;
    while (at < end) {
      buffer.clear().limit((int) Math.min(buffer.capacity(), end - at));
      int n = channel.read(buffer, at);
      if (n < 0) {
        throw new IOException(Messages.get("serve.file-shrank"));
      }
      out.write(buffer.array(), 0, n);
      at += n;
    }
  }

  /**
   * One range of a {@code Range: bytes=…} header ({@code a-b}, {@code a-}, {@code -n}), within a
   * body of known length; {@code count} 0 when it is not satisfiable (416).
   */
  record Range(long from, long count) {
    /**
     * The range {@code header} asks for, or empty when there is none to honour: no header, another
     * unit, several ranges, or a range that is not well formed (all served whole, as RFC 9110
     * allows).
     */
    static Optional<Range> parse(String header, long length) {
      if (header == null || !header.regionMatches(true, 0, "bytes=", 0, 6)) {
        return Optional.empty();
      }
      java.util.regex.Matcher m =
          java.util.regex.Pattern.compile("(\\d{0,18})-(\\d{0,18})")
              .matcher(header.substring(6).strip());
      if (!m.matches() || m.group(1).isEmpty() && m.group(2).isEmpty()) {
        return Optional.empty();
      }
      if (m.group(1).isEmpty()) {
        long suffix = Long.parseLong(m.group(2));
        return Optional.of(
            suffix == 0 || length == 0
                ? new Range(0, 0)
                : new Range(length - Math.min(suffix, length), Math.min(suffix, length)));
      }
      long first = Long.parseLong(m.group(1));
      long last = m.group(2).isEmpty() ? Long.MAX_VALUE : Long.parseLong(m.group(2));
      if (last < first) {
        return Optional.empty();
      }
      if (first >= length) {
        return Optional.of(new Range(0, 0));
      }
      return Optional.of(new Range(first, Math.min(last, length - 1) - first + 1));
    }
  }

  /**
   * The site file a request path names, decoded and normalised ({@code index.html} for folders), or
   * empty when it is outside the site: not under the prefix, or with {@code ..}, a backslash, a NUL
   * or an absolute path in it, however encoded.
   */
  Optional<String> sitePath(String rawPath) {
    if (!rawPath.startsWith(prefix)) {
      return Optional.empty();
    }
    String rest = rawPath.substring(prefix.length());
    if (rest.startsWith("/")) {
      return Optional.empty();
    }
    // Under a leading slash, a first segment with a colon is not read as a scheme.
    return SitePath.decode("/" + rest)
        .map(p -> p.substring(1))
        .filter(p -> p.indexOf('\0') < 0 && SitePath.of(p).isPresent())
        .map(p -> p.isEmpty() || p.endsWith("/") ? p + "index.html" : p);
  }

  private void notFound(HttpExchange ex) throws IOException {
    byte[] page;
    try {
      page =
          preview
              .file("404.html")
              .filter(p -> p instanceof Preview.Bytes)
              .map(p -> inject(((Preview.Bytes) p).bytes()))
              .orElse((Messages.get("serve.not-found") + "\n").getBytes(StandardCharsets.UTF_8));
    } catch (IOException e) {
      page = (Messages.get("serve.not-found") + "\n").getBytes(StandardCharsets.UTF_8);
    }
    send(ex, 404, "text/html; charset=utf-8", page);
  }

  /**
   * Opens an event stream; the handler thread returns at once, writes come from the stream's
   * writer.
   */
  private void events(HttpExchange ex) throws IOException {
    ex.getResponseHeaders().set("Content-Type", "text/event-stream; charset=utf-8");
    ex.getResponseHeaders().set("Cache-Control", "no-cache");
    sendHeaders(ex, 200, 0);
    EventStream[] stream = new EventStream[1];
    stream[0] = new EventStream(ex, writers, () -> listeners.remove(stream[0]));
    listeners.add(stream[0]);
    stream[0].offer(
        ("retry: 1000\nevent: problems\ndata: " + json(problemText(preview.problems())) + "\n\n")
            .getBytes(StandardCharsets.UTF_8));
  }

  private byte[] inject(byte[] html) {
    String s = new String(html, StandardCharsets.UTF_8);
    int at = s.lastIndexOf("</body>");
    if (at < 0) {
      return html;
    }
    return (s.substring(0, at) + liveReload + s.substring(at)).getBytes(StandardCharsets.UTF_8);
  }

  private static String type(String file) {
    String name = file.substring(file.lastIndexOf('/') + 1);
    int dot = name.lastIndexOf('.');
    return dot < 0
        ? "application/octet-stream"
        : TYPES.getOrDefault(
            name.substring(dot + 1).toLowerCase(Locale.ROOT), "application/octet-stream");
  }

  private static String etag(byte[] bytes) {
    try {
      byte[] d = MessageDigest.getInstance("SHA-256").digest(bytes);
      return "\"" + HexFormat.of().formatHex(d, 0, 12) + "\"";
    } catch (NoSuchAlgorithmException e) {
      throw new AssertionError(e);
    }
  }

  /**
   * Sends the status line and headers, timed as every write to the client is ({@link
   * RequestThreads#send}).
   */
  private void sendHeaders(HttpExchange ex, int status, long length) throws IOException {
    executor.send(() -> ex.sendResponseHeaders(status, length));
  }

  private void send(HttpExchange ex, int status, String type, byte[] body) throws IOException {
    ex.getResponseHeaders().set("Content-Type", type);
    ex.getResponseHeaders().set("X-Content-Type-Options", "nosniff");
    if (ex.getRequestMethod().equals("HEAD")) {
      ex.getResponseHeaders().set("Content-Length", String.valueOf(body.length));
      sendHeaders(ex, status, -1);
      return;
    }
    sendHeaders(ex, status, body.length == 0 ? -1 : body.length);
    if (body.length > 0) {
      ex.getResponseBody().write(body);
    }
  }
}
