package vn.luutru.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import vn.luutru.output.SwapGate;
import vn.luutru.serve.PreviewServer;

/**
 * What benchmarks and process tests change through system properties, read once by {@link
 * Main#main} and handed to the commands; no other code reads these properties.
 *
 * <ul>
 *   <li>{@code -Dluutru.searchIndex=false}: {@code build} writes no search index (default: it
 *       does), to measure what the index costs;
 *   <li>{@code -Dluutru.serve.warmUps=N}: {@code serve} runs at most N warm-up rebuilds after the
 *       first (default: {@link PreviewServer#WARM_UPS});
 *   <li>{@code -Dluutru.test.beforeSwap=FILE}: a build waits before its swap until FILE (a named
 *       pipe) has been read to its end (default: it does not wait).
 * </ul>
 *
 * @param gate what a build's swap goes through
 * @param searchIndex whether {@code build} writes the search index
 * @param warmUps the most warm-up rebuilds {@code serve} runs
 */
record Switches(SwapGate gate, boolean searchIndex, int warmUps) {
  /** Every switch at its default. */
  static final Switches DEFAULT = new Switches(SwapGate.open(), true, PreviewServer.WARM_UPS);

  static Switches fromSystemProperties() {
    String hold = System.getProperty("luutru.test.beforeSwap");
    SwapGate gate =
        hold == null ? SwapGate.open() : SwapGate.open(() -> Files.readAllBytes(Path.of(hold)));
    return new Switches(
        gate,
        !"false".equals(System.getProperty("luutru.searchIndex")),
        Integer.getInteger("luutru.serve.warmUps", PreviewServer.WARM_UPS));
  }

  /** The same, a build's swap going through {@code gate}. */
  Switches through(SwapGate gate) {
    return new Switches(gate, searchIndex, warmUps);
  }
}
