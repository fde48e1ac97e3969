package vn.luutru.publish;

import java.io.Closeable;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Several connections to one target, each served by a thread of its own, so that on a slow link
 * files are sent side by side instead of waiting for each other's round trips. {@link #run} returns
 * when every step it was given is done; after the first failure no new step starts, and the first
 * failure is thrown.
 */
final class Lanes implements Closeable {
  /** One step, run on one lane. */
  interface Step {
    void run(Remote lane, Action action) throws IOException;
  }

  private final List<Remote> lanes;
  private final ExecutorService pool;

  private Lanes(List<Remote> lanes, ExecutorService pool) {
    this.lanes = List.copyOf(lanes);
    this.pool = pool;
  }

  /**
   * Opens up to {@code count} lanes to the target of {@code remote}, side by side, since on a slow
   * link each costs round trips of its own. A server that allows fewer connections or channels at
   * once gets as many as it accepts; only when it accepts none is its first refusal thrown. A
   * failure that is not the server's refusal (a bug) is thrown, the lanes opened being closed.
   */
  static Lanes open(Remote remote, int count) throws IOException {
    AtomicInteger n = new AtomicInteger();
    ExecutorService pool =
        Executors.newFixedThreadPool(
            count,
            r -> {
              Thread t = new Thread(r, "luutru-deploy-" + n.incrementAndGet());
              t.setDaemon(true);
              return t;
            });
    List<Future<Remote>> opening = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      opening.add(pool.submit(remote::lane));
    }
    Remote[] opened = new Remote[count];
    IOException refused = null;
    // Not a refusal: a bug, or a machine out of threads. Never set aside.
    Throwable broken = null;
    boolean interrupted = false;
    for (int i = 0; i < count; i++) {
      try {
        opened[i] = opening.get(i).get();
      } catch (ExecutionException e) {
        if (e.getCause() instanceof IOException io) {
          refused = refused == null ? io : refused;
        } else {
          broken = broken == null ? e.getCause() : broken;
        }
      } catch (InterruptedException e) {
        interrupted = true;
        break;
      }
    }
    List<Remote> lanes = new ArrayList<>();
    for (Remote lane : opened) {
      if (lane != null) {
        lanes.add(lane);
      }
    }
    if (!interrupted && broken == null && !lanes.isEmpty()) {
      return new Lanes(lanes, pool);
    }
    pool.shutdownNow();
    // Lanes that opened after the wait stopped are closed too; one still opening goes with the
    // connection it belongs to.
    for (int i = 0; i < count; i++) {
      Future<Remote> f = opening.get(i);
      if (opened[i] == null && f.isDone() && !f.isCancelled()) {
        try {
          lanes.add(f.get());
        } catch (ExecutionException | InterruptedException e) {
          // It never opened.
        }
      }
    }
    for (Remote lane : lanes) {
      closeQuietly(lane);
    }
    if (interrupted) {
      Thread.currentThread().interrupt();
      throw new InterruptedIOException(Messages.get("deploy.interrupted"));
    }
    if (broken instanceof RuntimeException r) {
      throw r;
    }
    if (broken instanceof Error e) {
      throw e;
    }
    throw refused;
  }

  void run(List<Action> actions, Step step) throws IOException {
    Queue<Action> queue = new ConcurrentLinkedQueue<>(actions);
    AtomicBoolean failed = new AtomicBoolean();
    List<Future<?>> running = new ArrayList<>();
    for (Remote lane : lanes) {
      running.add(
          pool.submit(
              () -> {
                for (Action a; !failed.get() && (a = queue.poll()) != null; ) {
                  try {
                    step.run(lane, a);
                  } catch (IOException | RuntimeException e) {
                    failed.set(true);
                    throw e;
                  }
                }
                return null;
              }));
    }
    Throwable first = null;
    for (Future<?> f : running) {
      try {
        f.get();
      } catch (ExecutionException e) {
        if (first == null || !(first instanceof DeployException)) {
          first = e.getCause();
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        failed.set(true);
        throw new InterruptedIOException(Messages.get("deploy.interrupted"));
      }
    }
    if (first instanceof IOException io) {
      throw io;
    }
    if (first instanceof RuntimeException r) {
      throw r;
    }
    if (first instanceof Error e) {
      throw e;
    }
  }

  @Override
  public void close() {
    pool.shutdownNow();
    for (Remote lane : lanes) {
      closeQuietly(lane);
    }
  }

  private static void closeQuietly(Remote lane) {
    try {
      lane.close();
    } catch (IOException e) {
      // A lane that cannot be closed cleanly is dropped with the connection it belongs to.
    }
  }
}
