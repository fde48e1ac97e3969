package vn.luutru.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Optional;
import java.util.Properties;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import vn.luutru.content.PrintableText;
import vn.luutru.internal.Texts;
import vn.luutru.output.SwapGate;

/**
 * {@code luutru}: the entry point. {@link #run} takes its writers and clock, so the whole command
 * line is tested without starting a process.
 */
@Command(
    name = "luutru",
    mixinStandardHelpOptions = true,
    versionProvider = Main.Version.class,
    subcommands = {
      InitCommand.class,
      BuildCommand.class,
      ServeCommand.class,
      CheckCommand.class,
      NewCommand.class,
      ImportCommand.class,
      DeployCommand.class,
      CommandLine.HelpCommand.class
    })
public final class Main implements Runnable {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  /**
   * Read before parsing by {@link LanguageOption#given}; declared here for --help and the parser.
   */
  @Option(names = "--lang", paramLabel = "vi|en", scope = CommandLine.ScopeType.INHERIT)
  String lang;

  public static void main(String[] args) {
    Optional<Integer> relaunched = Relaunch.command(args).flatMap(Relaunch::run);
    if (relaunched.isPresent()) {
      System.exit(relaunched.get());
    }
    PrintWriter out =
        new PrintWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8), true);
    PrintWriter err =
        new PrintWriter(new OutputStreamWriter(System.err, StandardCharsets.UTF_8), true);
    Switches switches = Switches.fromSystemProperties();
    Optional<Thread> watch = Optional.empty();
    if (System.getProperty(Relaunch.MARK) != null) {
      watch =
          Optional.of(
              Relaunch.dieWithParent(
                  Relaunch.standardInput(), switches.gate(), () -> Runtime.getRuntime().halt(1)));
    }
    int code = run(args, out, err, Clock.systemDefaultZone(), switches);
    // A thread blocked reading would hold the JVM's exit back (it waits for threads in native
    // code).
    watch.ifPresent(Thread::interrupt);
    System.exit(code);
  }

  /** Runs the command line; returns the exit code. */
  public static int run(String[] args, PrintWriter out, PrintWriter err, Clock clock) {
    return run(args, out, err, clock, Switches.DEFAULT);
  }

  /**
   * As {@link #run(String[], PrintWriter, PrintWriter, Clock)}; a build swaps its site in through
   * {@code gate}.
   */
  static int run(String[] args, PrintWriter out, PrintWriter err, Clock clock, SwapGate gate) {
    return run(args, out, err, clock, Switches.DEFAULT.through(gate));
  }

  private static int run(
      String[] args, PrintWriter out, PrintWriter err, Clock clock, Switches switches) {
    Texts.Language before = Texts.language();
    try {
      Optional<String> lang = LanguageOption.given(args);
      if (lang.isPresent()) {
        Optional<Texts.Language> chosen = Texts.Language.parse(lang.get());
        if (chosen.isEmpty()) {
          err.println(LanguageOption.unknown(lang.get()));
          err.flush();
          return 2;
        }
        Texts.use(chosen.get());
      }
      return execute(args, out, err, clock, switches);
    } finally {
      Texts.use(before);
    }
  }

  private static int execute(
      String[] args, PrintWriter out, PrintWriter err, Clock clock, Switches switches) {
    CommandLine cli = new CommandLine(new Main(), new Factory(clock, switches));
    cli.setOut(out);
    cli.setErr(err);
    cli.setResourceBundle(Texts.bundle(Texts.language(), Main.class));
    cli.setParameterExceptionHandler(new UsageErrors());
    cli.setExecutionExceptionHandler(
        (e, cmd, parsed) -> {
          cmd.getErr().println(failure(e));
          cmd.getErr().flush();
          return e instanceof IOException ? 1 : INTERNAL_ERROR;
        });
    int code = cli.execute(args);
    out.flush();
    err.flush();
    return code;
  }

  /** The exit code of a failure that is luutru's, not the input's: a bug, or no memory left. */
  static final int INTERNAL_ERROR = 3;

  /**
   * What to print for an exception that ended a command, its names escaped (see {@link
   * PrintableText}).
   */
  static String failure(Throwable e) {
    if (e instanceof IOException io) {
      // The JDK names only the file for these two: the reason and the next step are added.
      String m = io.getMessage() == null ? io.toString() : io.getMessage();
      if (io instanceof java.nio.file.AccessDeniedException a && a.getReason() == null) {
        m = Messages.get("failure.denied", m);
      } else if (io instanceof java.nio.file.NoSuchFileException n && n.getReason() == null) {
        m = Messages.get("failure.missing", m);
      }
      return Messages.get("failure.error", PrintableText.escape(m));
    }
    if (e instanceof OutOfMemoryError) {
      return Messages.get("failure.memory", PrintableText.escape(String.valueOf(e.getMessage())));
    }
    StringBuilder s =
        new StringBuilder(Messages.get("failure.internal"))
            .append("\n  ")
            .append(PrintableText.escape(e.toString()));
    StackTraceElement[] trace = e.getStackTrace();
    for (int i = 0; i < Math.min(trace.length, 8); i++) {
      s.append("\n    at ").append(trace[i]);
    }
    return s.toString();
  }

  @Override
  public void run() {
    throw new CommandLine.ParameterException(spec.commandLine(), Messages.get("usage.no-command"));
  }

  /** Creates commands, handing the clock to those that need one. */
  private record Factory(Clock clock, Switches switches) implements CommandLine.IFactory {
    @Override
    public <K> K create(Class<K> cls) throws Exception {
      if (cls == BuildCommand.class) {
        return cls.cast(new BuildCommand(clock, switches));
      }
      if (cls == ImportCommand.class) {
        return cls.cast(new ImportCommand(clock));
      }
      if (cls == ServeCommand.class) {
        return cls.cast(new ServeCommand(clock, switches));
      }
      if (cls == CheckCommand.class) {
        return cls.cast(new CheckCommand(clock));
      }
      if (cls == NewCommand.class) {
        return cls.cast(new NewCommand(clock));
      }
      if (cls == DeployCommand.class) {
        return cls.cast(new DeployCommand(DeployCommand.Environment.system()));
      }
      return CommandLine.defaultFactory().create(cls);
    }
  }

  static final class Version implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() throws IOException {
      Properties p = new Properties();
      try (InputStream in = Main.class.getResourceAsStream("/vn/luutru/version.properties")) {
        if (in != null) {
          p.load(in);
        }
      }
      return new String[] {"luutru " + p.getProperty("version", "unknown")};
    }
  }
}
