package vn.luutru.cli;

import java.io.File;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import vn.luutru.output.SwapGate;

/**
 * {@code java -jar luutru.jar build} starts the work in a second JVM tuned for a short batch run:
 * C1 only ({@code -XX:TieredStopAtLevel=1}: on two cores C2's compiling costs more than it wins
 * in a build of seconds), and where the JVM may take 1 GB or more the parallel collector with the
 * fixed heap of {@link #HEAP}; elsewhere the serial collector (a third of G1's memory). C1 and the
 * serial collector, measured on 10,000 articles at {@code ccd26ff}: 0.69 of the time and 579 MB
 * instead of 1.5 GB (README, Benchmark). From {@value
 * #LARGE} articles on, C2 pays for its compiling, and the second JVM keeps it and runs the
 * parallel collector instead: at 100,000 articles with {@code -Xmx2g}, two alternating runs
 * each, 40.5 s against 43.5–44 s with G1, the default. A jar cannot carry JVM options, hence
 * the second process; it costs about a tenth of a second.
 *
 * <p>Only {@code build}, {@code check} and {@code import} are relaunched ({@code serve} runs for
 * hours, where C2 pays), and only from the jar. Options the JVM was given ({@code java -Xmx2g
 * -jar …}) go to the second JVM too, and win: a collector or a compiler setting of the user's
 * replaces ours. {@code -Dluutru.relaunch=false}, a debugger or agent, or {@code
 * -XX:ArchiveClassesAtExit} keeps the work in this JVM.
 *
 * <p>The second JVM dies with the first: it reads its standard input, a pipe the first holds,
 * and halts at its end, before any swap of the site ({@link #dieWithParent}).
 */
final class Relaunch {
  static final String MARK = "luutru.relaunched";
  static final String C1_ONLY = "-XX:TieredStopAtLevel=1";
  static final String SERIAL_GC = "-XX:+UseSerialGC";
  static final String PARALLEL_GC = "-XX:+UseParallelGC";
  private static final Set<String> BATCH = Set.of("build", "check", "import");
  /**
   * From this many articles on, C2 is kept and the parallel collector used: at 100,000 articles
   * C2 pays for its compiling (43 s, against 60 s with C1 and the serial collector); at 10,000
   * it does not (10.6 s against 7.2 s). Between the two nothing was measured.
   */
  static final int LARGE = 30_000;
  /**
   * The heap, where the machine allows it: a young generation of 120 MB (what the JVM picks by
   * default on the 24 GB development machine), room in the old one for the site model and the
   * search index from the start, and
   * what survives a young collection moved there at once. The JVM grows the old generation only
   * after a full collection, and a build's live data only grows: at 10,000 articles that full
   * collection took 0.15 s of the search index's time (5.67 s for a whole build with the first
   * two options, 5.90 s without; the build without the index 4.56 and 4.54 s). What outlives one
   * young collection in a build lives to its end (the model, the index's tables), and was copied
   * between survivor spaces before it got there: 5.73 s with the third option against 6.04 s
   * without, and 4.67 against 4.70 s without the index (medians of 5 alternating runs, bench.py).
   *
   * <p>With these sizes fixed ({@code -XX:-UseAdaptiveSizePolicy}), the parallel collector does
   * what the serial one did on both cores, which a build's other threads leave idle while it
   * collects: at {@code d596126}, 5 alternating runs, 10,000 articles 4.92 s against 5.05 s with
   * the serial collector, 25,000 (3 runs) 11.07 against 11.45 s and 623 against 712 MB, 1,000
   * 1.49 against 1.52 s. Without the fixed sizes (a small machine, or the user's), the serial
   * collector stays; so it does on a JVM that no longer knows {@code UseAdaptiveSizePolicy}
   * (JDK 17 and 25 do), which would otherwise refuse to start.
   */
  static final List<String> HEAP = List.of(PARALLEL_GC, "-XX:-UseAdaptiveSizePolicy", "-Xms512m", "-Xmn120m",
      "-XX:MaxTenuringThreshold=0");
  /** {@link #HEAP}'s sizes alone, for the serial collector. */
  private static final List<String> SIZES = HEAP.subList(2, HEAP.size());

  /** Whether this JVM, the second one's too, has the option {@link #HEAP} turns off. */
  private static final boolean FIXED_SIZES_KNOWN = hasOption("UseAdaptiveSizePolicy");

  private Relaunch() {}

  static boolean hasOption(String name) {
    try {
      ManagementFactory.getPlatformMXBean(com.sun.management.HotSpotDiagnosticMXBean.class).getVMOption(name);
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
    Path java = Path.of(System.getProperty("java.home"), "bin", File.separatorChar == '\\' ? "java.exe" : "java");
    return command(args, jar, java, ManagementFactory.getRuntimeMXBean().getInputArguments());
  }

  /** As {@link #command(String[])}, for a JVM started from {@code jar} by {@code java} with {@code given}. */
  static Optional<List<String>> command(String[] args, Path jar, Path java, List<String> given) {
    return command(args, jar, java, given, LARGE);
  }

  /** As {@link #command(String[], Path, Path, List)}, with {@code large} articles making a large archive. */
  static Optional<List<String>> command(String[] args, Path jar, Path java, List<String> given, int large) {
    return command(args, jar, java, given, large, Runtime.getRuntime().maxMemory());
  }

  /**
   * As {@link #command(String[], Path, Path, List, int)}, on a machine where a JVM's heap may
   * grow to {@code maxHeap} bytes.
   */
  static Optional<List<String>> command(String[] args, Path jar, Path java, List<String> given, int large,
      long maxHeap) {
    if (args.length == 0 || !BATCH.contains(args[0]) || !jar.toString().endsWith(".jar") || !Files.isRegularFile(jar)
        || given.stream().anyMatch(a -> a.startsWith("-agentlib") || a.startsWith("-agentpath")
            || a.startsWith("-javaagent") || a.startsWith("-Xdebug") || a.startsWith("-Xrunjdwp")
            // Making a class data archive: both JVMs would write it, the first one last, with
            // only its own few classes; in this JVM it gets every class a build loads.
            || a.startsWith("-XX:ArchiveClassesAtExit"))) {
      return Optional.empty();
    }
    boolean isLarge = !args[0].equals("import") && articlesAtLeast(contentFolder(args), large);
    List<String> command = new ArrayList<>();
    command.add(java.toString());
    if (!isLarge && given.stream().noneMatch(a -> a.contains("Tiered"))) {
      command.add(C1_ONLY);
    }
    // -XX:+AggressiveHeap chooses the collector and sizes the heap itself.
    boolean ownCollector = given.stream()
        .anyMatch(a -> a.matches("-XX:[+-]Use\\w*GC") || a.equals("-XX:+AggressiveHeap"));
    boolean sized = !isLarge && !ownCollector && maxHeap >= 1L << 30
        && given.stream().noneMatch(Relaunch::sizesTheHeap);
    if (sized && FIXED_SIZES_KNOWN) {
      command.addAll(HEAP);
    } else if (sized) {
      command.add(SERIAL_GC);
      command.addAll(SIZES);
    } else if (!ownCollector) {
      command.add(isLarge ? PARALLEL_GC : SERIAL_GC);
    }
    command.addAll(given);
    command.add("-D" + MARK + "=true");
    command.add("-cp");
    command.add(jar.toString());
    command.add(Main.class.getName());
    command.addAll(List.of(args));
    return Optional.of(command);
  }

  /** Whether a JVM option sets the heap's size or a generation's, or the share of memory it takes. */
  static boolean sizesTheHeap(String option) {
    return option.startsWith("-Xms") || option.startsWith("-Xmx") || option.startsWith("-Xmn")
        || option.equals("-XX:+AggressiveHeap")
        || option.matches("-XX:\\+?\\w*(HeapSize|NewSize|OldSize|NewRatio|RAMPercentage|RAMFraction|MaxRAM)\\w*(=.*)?");
  }

  /**
   * Runs {@code command} with this process's standard streams and returns its exit code, or
   * empty when it could not be started (the caller then does the work itself).
   */
  static Optional<Integer> run(List<String> command) {
    Process child;
    try {
      // Its standard input is a pipe this JVM holds and never writes to: when this JVM ends,
      // however it ends (kill -9 included), the system closes it and the child sees the end of
      // its input (see dieWithParent).
      child = new ProcessBuilder(command).redirectOutput(ProcessBuilder.Redirect.INHERIT)
          .redirectError(ProcessBuilder.Redirect.INHERIT).start();
    } catch (IOException e) {
      return Optional.empty();
    }
    // Stopped from outside (not by Ctrl-C, which reaches both), the child stops too; its
    // output folder is swapped in only at the end, so nothing is left half written.
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

  /**
   * In the second JVM: ends it when the first is gone, which it learns when {@code parent} (its
   * standard input, a pipe only the first JVM holds) reaches its end. The gate is shut first,
   * so a build swaps its site in before that or never; then {@code halt} runs (the real one
   * halts the JVM: what the build wrote so far is left for the next build to delete).
   */
  static Thread dieWithParent(java.io.InputStream parent, SwapGate gate, Runnable halt) {
    Thread watch = new Thread(() -> {
      try {
        byte[] ignored = new byte[64];
        while (parent.read(ignored) >= 0) {
          // the first JVM writes nothing; its end is what counts
        }
      } catch (IOException e) {
        // the pipe broke: the first JVM is gone just as well
      }
      gate.close("the command that started this build (java -jar luutru.jar) was stopped");
      halt.run();
    }, "luutru-parent-watch");
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
   * Whether {@code folder} holds at least {@code n} Markdown files; stops counting there. It reads
   * names only ({@link File#list}): a name ending in {@code .md} or {@code .markdown} counts
   * without a look at its file, and only other names are asked whether they are folders (links
   * are not followed). A {@code Files.walk}, which makes a path and looks up every file, took
   * 99–169 ms of the first JVM at 10,000 articles, before the second could start; this takes
   * 32–37 ms (three runs each), and a build's time outside its stages went from 0.55 to 0.50 s
   * (medians of 6 alternating builds; at 1,000 articles 0.45 to 0.41 s).
   */
  static boolean articlesAtLeast(Path folder, int n) {
    if (!Files.isDirectory(folder)) {
      return false;
    }
    java.util.ArrayDeque<File> folders = new java.util.ArrayDeque<>();
    folders.push(folder.toFile());
    int found = 0;
    try {
      while (!folders.isEmpty()) {
        File dir = folders.pop();
        String[] names = dir.list();
        if (names == null) {
          return false; // unreadable: the build itself will say so
        }
        for (String name : names) {
          if (name.endsWith(".md") || name.endsWith(".markdown")) {
            if (++found >= n) {
              return true;
            }
          } else {
            File f = new File(dir, name);
            if (Files.isDirectory(f.toPath(), java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
              folders.push(f);
            }
          }
        }
      }
      return false;
    } catch (java.nio.file.InvalidPathException | SecurityException e) {
      return false; // the build itself will say what is wrong with the folder
    }
  }
}
