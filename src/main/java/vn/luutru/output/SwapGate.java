package vn.luutru.output;

import java.io.IOException;

/**
 * Whether a build may still swap its site in. A build started by another process (the first JVM of
 * {@code java -jar}, see {@code Relaunch}) must not, once that process is gone: {@link #close}
 * shuts the gate, and returns only when no swap is under way, so that no swap starts after it.
 *
 * <pre>{@code
 * SwapGate gate = SwapGate.open();
 * // a thread that learns the parent is gone:
 * gate.close("the command that started this build was stopped");
 * Runtime.getRuntime().halt(1);
 * }</pre>
 */
public final class SwapGate {
  /** Something run before the swap that may throw. */
  @FunctionalInterface
  public interface Step {
    void run() throws IOException;
  }

  private final Step beforeSwap;
  private boolean closed;
  private String why = "";

  private SwapGate(Step beforeSwap) {
    this.beforeSwap = beforeSwap;
  }

  /** A gate that is open until closed. */
  public static SwapGate open() {
    return new SwapGate(() -> {});
  }

  /**
   * An open gate that runs {@code beforeSwap} first, outside the gate's lock: a test's way to hold
   * a build just before it swaps.
   */
  public static SwapGate open(Step beforeSwap) {
    return new SwapGate(beforeSwap);
  }

  /** Shuts the gate: no swap starts after this returns, and any swap under way has ended. */
  public synchronized void close(String why) {
    closed = true;
    this.why = why;
  }

  /** Runs {@code swap} unless the gate is shut, which it cannot be while {@code swap} runs. */
  void swap(Step swap) throws IOException {
    beforeSwap.run();
    synchronized (this) {
      if (closed) {
        throw new IOException(Messages.get("output.not-swapped", why));
      }
      swap.run();
    }
  }
}
