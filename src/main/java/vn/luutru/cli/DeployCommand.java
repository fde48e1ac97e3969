package vn.luutru.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import vn.luutru.config.Settings;
import vn.luutru.config.SettingsFile;
import vn.luutru.content.PrintableText;
import vn.luutru.publish.Action;
import vn.luutru.publish.DeployException;
import vn.luutru.publish.DeployOptions;
import vn.luutru.publish.DeployReport;
import vn.luutru.publish.DeployTarget;
import vn.luutru.publish.Deployer;
import vn.luutru.publish.Progress;

/** {@code luutru deploy --to TARGET}: publishes the built site, sending only what changed. */
@Command(name = "deploy", mixinStandardHelpOptions = true)
final class DeployCommand implements Callable<Integer> {
  /** Where credentials come from: the environment and the user's home. */
  record Environment(Map<String, String> variables, Path home) {
    Environment {
      variables = Map.copyOf(variables);
    }

    static Environment system() {
      return new Environment(System.getenv(), Path.of(System.getProperty("user.home")));
    }

    Optional<String> get(String name) {
      return Optional.ofNullable(variables.get(name)).filter(v -> !v.isEmpty());
    }
  }

  private static final int LISTED = 10;
  private static final int PROGRESS_FROM = 200;

  private final Environment environment;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Option(names = "--to", paramLabel = "TARGET")
  String to;

  @Option(names = "--config", paramLabel = "FILE")
  Path configFile;

  @Option(names = "--site", paramLabel = "DIR")
  Path site = Path.of("site");

  @Option(names = "--dry-run")
  boolean dryRun;

  @Option(names = "--identity", paramLabel = "FILE")
  Path identity;

  DeployCommand(Environment environment) {
    this.environment = environment;
  }

  @Override
  public Integer call() throws java.io.IOException {
    PrintWriter err = spec.commandLine().getErr();
    if (to == null) {
      SettingsFile.Loaded loaded = settings(err);
      if (loaded.settings().isEmpty()) {
        return 1;
      }
      to = loaded.settings().get().deployTo();
      if (to.isEmpty()) {
        throw new CommandLine.ParameterException(
            spec.commandLine(), Messages.get("deploy.no-target"));
      }
    }
    DeployTarget target;
    try {
      target = DeployTarget.parse(to);
    } catch (IllegalArgumentException e) {
      throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
    }
    Path ssh = environment.home().resolve(".ssh");
    DeployOptions options =
        new DeployOptions(
            dryRun,
            environment.get("LUUTRU_DEPLOY_PASSWORD"),
            identity == null ? DeployOptions.defaultIdentities(ssh) : List.of(identity),
            environment.get("LUUTRU_DEPLOY_KEY_PASSPHRASE"),
            ssh.resolve("known_hosts"),
            DeployOptions.TIMEOUT,
            DeployOptions.LANES,
            environment.get("SSH_AUTH_SOCK").filter(s -> !s.isBlank()).map(Path::of),
            environment.get("LUUTRU_DEPLOY_CERTIFICATE").filter(s -> !s.isBlank()).map(Path::of));
    PrintWriter out = spec.commandLine().getOut();
    if (identity != null && !identity.toFile().isFile()) {
      throw new CommandLine.ParameterException(
          spec.commandLine(), Messages.get("usage.no-identity", identity));
    }
    DeployReport report;
    try {
      report = Deployer.deploy(site, target, options, progress(out));
    } catch (DeployException e) {
      err.println(Messages.get("deploy.error", e.getMessage()));
      err.flush();
      return 1;
    } catch (java.io.IOException e) {
      err.println(Main.failure(e));
      err.flush();
      return 1;
    }
    print(report, out);
    return 0;
  }

  /**
   * The settings file (or {@link Settings#DEFAULT} when there is none), its problems printed; empty
   * settings when it has errors.
   */
  private SettingsFile.Loaded settings(PrintWriter err) throws java.io.IOException {
    Path file = configFile == null ? Path.of(SettingsFile.NAME) : configFile;
    if (configFile != null && !java.nio.file.Files.isRegularFile(configFile)) {
      throw new CommandLine.ParameterException(
          spec.commandLine(), Messages.get("usage.no-config", configFile));
    }
    if (!java.nio.file.Files.isRegularFile(file)) {
      return new SettingsFile.Loaded(Optional.of(Settings.DEFAULT), List.of(), Map.of());
    }
    SettingsFile.Loaded loaded =
        SettingsFile.read(file.toString(), java.nio.file.Files.readAllBytes(file), p -> true);
    Reports.print(loaded.diagnostics(), err);
    err.flush();
    return loaded;
  }

  /** Prints a line at each tenth of a deploy of many files, so that a long one shows it moves. */
  static Progress progress(PrintWriter out) {
    return (action, done, total) -> {
      if (total >= PROGRESS_FROM && done < total && done * 10L / total > (done - 1) * 10L / total) {
        out.println(Messages.get("deploy.progress", done, total));
        out.flush();
      }
    };
  }

  static void print(DeployReport r, PrintWriter out) {
    if (r.dryRun()) {
      for (Action a : r.actions()) {
        out.println(
            Messages.get(
                a.kind() == Action.Kind.SEND ? "deploy.would-send" : "deploy.would-delete",
                PrintableText.escape(a.path()),
                a.size()));
      }
    }
    if (!r.replaced().isEmpty()) {
      out.println(Messages.get("deploy.replaced", r.replaced().size()));
      r.replaced().stream().limit(LISTED).forEach(p -> out.println("  " + PrintableText.escape(p)));
      if (r.replaced().size() > LISTED) {
        out.println(Messages.get("deploy.more", r.replaced().size() - LISTED));
      }
    }
    out.println(
        Messages.get(
            r.dryRun()
                ? "deploy.done-dry-run"
                : r.resumed() ? "deploy.done-resumed" : "deploy.done",
            PrintableText.escape(r.target()),
            r.sentFiles(),
            r.sentBytes(),
            r.deletedFiles(),
            r.deletedBytes(),
            r.unchangedFiles(),
            r.unchangedBytes()));
    out.flush();
  }
}
