package vn.luutru.cli;

import com.sun.management.HotSpotDiagnosticMXBean;
import java.io.File;
import java.io.FileDescriptor;
import java.io.FileInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.nio.channels.Channels;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import vn.luutru.output.SwapGate;

/**
 * Runs {@code build}, {@code check} and {@code import} from the jar in a second JVM with options
 * for a short batch run, which a jar cannot set for itself: C1 only, and the parallel collector
 * with a fixed heap ({@link #HEAP}) where the machine has room, else the serial collector; from
 * {@link #LARGE} articles on, C2 and the parallel collector. Why these options, and what they are
 * worth, is in {@code docs/benchmarks.md} ("Why the second JVM's options").
 *
 * <p>Options given to the first JVM ({@code java -Xmx2g -jar …}) go to the second too, and a
 * collector, compiler or heap setting of the user's replaces ours. {@code -Dluutru.relaunch=false},
 * a debugger or agent, or {@code -XX:ArchiveClassesAtExit} keeps the work in this JVM. The second
 * JVM dies with the first ({@link #dieWithParent}).
 */
final class Relaunch {
  static final String MARK = "luutru.relaunched";
  static final String C1_ONLY = "-XX:TieredStopAtLevel=1";
  static final String SERIAL_GC = "-XX:+UseSerialGC";
  static final String PARALLEL_GC = "-XX:+UseParallelGC";
  private static final Set<String> BATCH = Set.of("build", "check", "import");

  /** From this many articles on, the second JVM keeps C2 and uses the parallel collector. */
  static final int LARGE = 30_000;

  /**
   * The heap where the machine allows it: a young generation of fixed size, room in the old one
   * from the start, and what survives a young collection moved there at once.
   */
  static final List<String> HEAP =
      List.of(
          PARALLEL_GC,
          "-XX:-UseAdaptiveSizePolicy",
          "-Xms512m",
          "-Xmn120m",
          "-XX:MaxTenuringThreshold=0");

  /** {@link #HEAP}'s sizes alone, for the serial collector. */
  private static final List<String> SIZES = HEAP.subList(2, HEAP.size());

  /** Options with which the second JVM must not start: debuggers, agents, a class archive. */
  private static final List<String> STAY =
      List.of(
          "-agentlib",
          "-agentpath",
          "-javaagent",
          "-Xdebug",
          "-Xrunjdwp",
          "-XX:ArchiveClassesAtExit");

  private Relaunch() {}

  /** Whether this JVM knows the option {@code name}. */
  static boolean hasOption(String name) {
    try {
      ManagementFactory.getPlatformMXBean(HotSpotDiagnosticMXBean.class).getVMOption(name);
      return true;
    } catch (RuntimeException | LinkageError e) {
      return false;
    }
  }

  /** The command line of the second JVM, or empty when this one should do the work. */
  static Optional<List<String>> command(String[] args) {
    if (System.getProperty(MARK) != null || "false".equals(System.getProperty("luutru.relaunch"))) {
      return Optional.empty();
    }
    Path jar;
    try {
      jar = Path.of(Relaunch.class.getProtectionDomain().getCodeSource().getLocation().toURI());
    } catch (Exception e) {
      return Optional.empty();
    }
    String exe = File.separatorChar == '\\' ? "java.exe" : "java";
    Path java = Path.of(System.getProperty("java.home"), "bin", exe);
    List<String> given = ManagementFactory.getRuntimeMXBean().getInputArguments();
    return command(args, jar, java, given, LARGE, Runtime.getRuntime().maxMemory());
  }

  /**
   * The command line of the second JVM for a first one started from {@code jar} by {@code java}
   * with options {@code given}, whose heap may grow to {@code maxHeap} bytes, {@code large}
   * articles making a large archive; empty when the first should do the work.
   */
  static Optional<List<String>> command(
      String[] args, Path jar, Path java, List<String> given, int large, long maxHeap) {
    if (args.length == 0
        || !BATCH.contains(args[0])
        || !jar.toString().endsWith(".jar")
        || !Files.isRegularFile(jar)
        || given.stream().anyMatch(a -> STAY.stream().anyMatch(a::startsWith))) {
      return Optional.empty();
    }
    boolean isLarge = !args[0].equals("import") && articlesAtLeast(contentFolder(args), large);
    List<String> command = new ArrayList<>();
    command.add(java.toString());
    command.addAll(options(isLarge, given, maxHeap));
    command.addAll(given);
    command.add("-D" + MARK + "=true");
    command.addAll(List.of("-cp", jar.toString(), Main.class.getName()));
    command.addAll(List.of(args));
    return Optional.of(command);
  }

  /** Our options for the second JVM, before the user's {@code given} ones. */
  private static List<String> options(boolean isLarge, List<String> given, long maxHeap) {
    List<String> options = new ArrayList<>();
    if (!isLarge && given.stream().noneMatch(a -> a.contains("Tiered"))) {
      options.add(C1_ONLY);
    }
    // -XX:+AggressiveHeap chooses the collector and sizes the heap itself.
    boolean ownCollector =
        given.stream()
            .anyMatch(a -> a.matches("-XX:[+-]Use\\w*GC") || a.equals("-XX:+AggressiveHeap"));
    boolean sized =
        !isLarge
            && !ownCollector
            && maxHeap >= 1L << 30
            && given.stream().noneMatch(Relaunch::sizesTheHeap);
    if (sized && hasOption("UseAdaptiveSizePolicy")) {
      options.addAll(HEAP);
    } else if (sized) {
      // A JVM without the option HEAP turns off would refuse to start with it.
      options.add(SERIAL_GC);
      options.addAll(SIZES);
    } else if (!ownCollector) {
      options.add(isLarge ? PARALLEL_GC : SERIAL_GC);
    }
    return options;
  }

  /** Whether a JVM option sets the heap's size or a generation's, or the memory it takes. */
  static boolean sizesTheHeap(String option) {
    return option.startsWith("-Xms")
        || option.startsWith("-Xmx")
        || option.startsWith("-Xmn")
        || option.equals("-XX:+AggressiveHeap")
        || option.matches(
            "-XX:\\+?\\w*(HeapSize|NewSize|OldSize|NewRatio|RAMPercentage"
                + "|RAMFraction|MaxRAM)\\w*(=.*)?");
  }

  /**
   * Runs {@code command} with this process's standard output and error, and returns its exit code,
   * or empty when it could not be started (the caller then does the work itself). Its standard
   * input is a pipe this JVM holds and never writes to, closed by the system when this JVM ends
   * however it ends; a shutdown of this JVM also stops it.
   */
  static Optional<Integer> run(List<String> command) {
    Process child;
    try {
      child =
          new ProcessBuilder(command)
              .redirectOutput(ProcessBuilder.Redirect.INHERIT)
              .redirectError(ProcessBuilder.Redirect.INHERIT)
              .start();
    } catch (IOException e) {
      return Optional.empty();
    }
    Thread stop = new Thread(child::destroy, "luutru-relaunch-stop");
    Runtime.getRuntime().addShutdownHook(stop);
    while (true) {
      try {
        int code = child.waitFor();
        Runtime.getRuntime().removeShutdownHook(stop);
        return Optional.of(code);
      } catch (InterruptedException e) {
        // keep waiting: the child decides when the work is done
      } catch (IllegalStateException e) {
        return Optional.of(child.exitValue()); // shutting down already
      }
    }
  }

  /** Standard input, read through a channel that an interrupt closes (a plain read cannot be). */
  static InputStream standardInput() {
    return Channels.newInputStream(new FileInputStream(FileDescriptor.in).getChannel());
  }

  /**
   * In the second JVM: when {@code parent} (its standard input, a pipe only the first JVM holds)
   * reaches its end, shuts {@code gate}, so that a build swaps its site in before that or never,
   * then runs {@code halt}. Returns the daemon thread that waits; interrupting it ends the watch
   * without a halt, so that the JVM can exit at once instead of waiting for a read blocked in
   * native code (use an interruptible {@code parent}, such as {@link #standardInput()}).
   */
  static Thread dieWithParent(InputStream parent, SwapGate gate, Runnable halt) {
    Thread watch =
        new Thread(
            () -> {
              try {
                parent.transferTo(OutputStream.nullOutputStream());
              } catch (IOException e) {
                if (Thread.currentThread().isInterrupted()) {
                  return; // the build is over and this JVM exits
                }
                // otherwise the pipe broke: the first JVM is gone just as well
              }
              gate.close(Messages.get("failure.parent-stopped"));
              halt.run();
            },
            "luutru-parent-watch");
    watch.setDaemon(true);
    watch.start();
    return watch;
  }

  /** The folder {@code --content} names, as picocli would read it, or {@code ./content}. */
  static Path contentFolder(String[] args) {
    for (int i = 1; i < args.length; i++) {
      if (args[i].equals("--content") && i + 1 < args.length) {
        return Path.of(args[i + 1]);
      }
      if (args[i].startsWith("--content=")) {
        return Path.of(args[i].substring("--content=".length()));
      }
    }
    return Path.of("content");
  }

  /**
   * Whether {@code folder} holds at least {@code n} files named {@code *.md} or {@code *.markdown},
   * links not followed; false when it cannot be read (the build will say why). It reads names only:
   * a Markdown name counts without a look at its file, and only other names are asked whether they
   * are folders. Kept for what it is worth in the first JVM, before the second can start
   * (docs/benchmarks.md, "Why the second JVM's options").
   */
  static boolean articlesAtLeast(Path folder, int n) {
    if (!Files.isDirectory(folder)) {
      return false;
    }
    ArrayDeque<File> folders = new ArrayDeque<>();
    folders.push(folder.toFile());
    int found = 0;
    try {
      while (!folders.isEmpty()) {
        File dir = folders.pop();
        String[] names = dir.list();
        if (names == null) {
          return false;
        }
        for (String name : names) {
          if (isArticleName(name)) {
            if (++found >= n) {
              return true;
            }
          } else {
            File f = new File(dir, name);
            if (Files.isDirectory(f.toPath(), LinkOption.NOFOLLOW_LINKS)) {
              folders.push(f);
            }
          }
        }
      }
      return false;
    } catch (InvalidPathException | SecurityException e) {
      return false;
    }
  }

  private static boolean isArticleName(String name) {
    return name.endsWith(".md") || name.endsWith(".markdown");
  }
}
