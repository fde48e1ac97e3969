package vn.luutru.cli;

import java.io.IOException;
import java.net.InetAddress;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import vn.luutru.config.SiteConfig;
import vn.luutru.content.Diagnostic;
import vn.luutru.content.PrintableText;
import vn.luutru.serve.PreviewServer;
import vn.luutru.serve.SettingsReader;

/** {@code luutru serve}: the preview with live reload. */
@Command(name = "serve", mixinStandardHelpOptions = true)
final class ServeCommand implements Callable<Integer> {
  private final Clock clock;
  private final Switches switches;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Mixin SiteOptions site;

  @Option(names = "--port", paramLabel = "PORT")
  int port = 8080;

  @Option(names = "--bind", paramLabel = "ADDRESS")
  String bind = "127.0.0.1";

  @Option(names = "--hide-drafts")
  boolean hideDrafts;

  ServeCommand(Clock clock, Switches switches) {
    this.clock = clock;
    this.switches = switches;
  }

  @Override
  public Integer call() throws Exception {
    var out = spec.commandLine().getOut();
    var err = spec.commandLine().getErr();
    SiteOptions.Resolved resolved = site.resolve(spec.commandLine(), clock);
    Reports.Counts counts = Reports.print(resolved.diagnostics(), err);
    if (resolved.config().isEmpty()) {
      err.println(
          Messages.get(
              "serve.settings-failed",
              counts.errors(),
              PrintableText.escape(resolved.settingsPath())));
      return 1;
    }
    SiteConfig c = resolved.config().get();
    SiteConfig config = c.toBuilder().drafts(!hideDrafts || c.drafts()).build();
    if (!InetAddress.getByName(bind).isLoopbackAddress()) {
      err.println(Messages.get("serve.open-to-network", PrintableText.escape(bind)));
    }
    // The JDK reads this once, when its first HTTP server starts, for every server of the JVM:
    // without it, small responses wait for the client's delayed acknowledgement.
    System.setProperty("sun.net.httpserver.nodelay", "true");
    PreviewServer server;
    try {
      server =
          PreviewServer.start(
              config, bind, port, err, switches.warmUps(), settingsReader(resolved.settingsPath()));
    } catch (java.net.BindException e) {
      throw new CommandLine.ParameterException(
          spec.commandLine(), Messages.get("serve.port-taken", port, bind, port, e.getMessage()));
    }
    Runtime.getRuntime().addShutdownHook(new Thread(server::close, "luutru-stop"));
    out.println(Messages.get("serve.started", server.url()));
    out.flush();
    server.awaitStop();
    return 0;
  }

  /** The settings file read again with this command's options over it, as {@link #call} did. */
  private SettingsReader settingsReader(String settingsPath) {
    return new SettingsReader() {
      @Override
      public Path file() {
        return Path.of(settingsPath);
      }

      @Override
      public Reread read() throws IOException {
        try {
          SiteOptions.Resolved r = site.resolve(spec.commandLine(), clock);
          return new Reread(
              r.config().map(c -> c.toBuilder().drafts(!hideDrafts || c.drafts()).build()),
              r.diagnostics());
        } catch (CommandLine.ParameterException e) {
          return new Reread(
              Optional.empty(), List.of(Diagnostic.error(settingsPath, 0, 0, e.getMessage(), "")));
        }
      }
    };
  }
}
