package vn.luutru.serve;

import java.time.Duration;
import java.util.concurrent.Executor;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * The threads that serve requests, with a limit on how long a request's head may take. The JDK's
 * server hands a connection to a thread as soon as its first bytes arrive, and that thread then
 * waits for the rest of the request line and headers: a client that sends half a request and
 * stops would keep it for ever. Here a request whose handler has not started {@code head} after
 * its thread took it is cut off: the thread is interrupted, which closes the connection (as
 * nginx's {@code client_header_timeout} does). Up to {@code threads} requests run at once; idle
 * threads end after a while; more requests wait their turn.
 *
 * <p>The handler calls {@link #headRead} first: from then on its request is not timed; or, for a
 * request with a body, {@link #inTime}: its body must come within the same limit.
 */
final class RequestThreads implements Executor, AutoCloseable {
  private final ThreadPoolExecutor pool;
  private final ScheduledExecutorService timer;
  private final long headNanos;
  private final ThreadLocal<Task> current = new ThreadLocal<>();

  RequestThreads(int threads, Duration head, ScheduledExecutorService timer) {
    this.pool = new ThreadPoolExecutor(threads, threads, 30, TimeUnit.SECONDS, new LinkedBlockingQueue<>(), r -> {
      Thread t = new Thread(r, "luutru-serve");
      t.setDaemon(true);
      return t;
    });
    pool.allowCoreThreadTimeOut(true);
    this.timer = timer;
    this.headNanos = head.toNanos();
  }

  @Override
  public void execute(Runnable exchange) {
    pool.execute(() -> run(exchange));
  }

  private void run(Runnable exchange) {
    Task task = new Task(Thread.currentThread());
    current.set(task);
    ScheduledFuture<?> cutOff = timer.schedule(task::expire, headNanos, TimeUnit.NANOSECONDS);
    try {
      exchange.run();
    } finally {
      cutOff.cancel(false);
      task.finish();
      current.remove();
    }
  }

  /**
   * Says that the request's head has come whole, so that it is no longer timed; false when it
   * came too late (the connection is being closed: answer nothing).
   */
  boolean headRead() {
    Task task = current.get();
    return task == null || task.started();
  }

  /**
   * Whether the request is still in time, leaving it timed: for a request with a body (which
   * the server reads to its end after the answer), the whole exchange must end within the limit.
   */
  boolean inTime() {
    Task task = current.get();
    return task == null || task.waiting();
  }

  @Override
  public void close() {
    pool.shutdownNow();
  }

  /** One exchange on its thread: waiting for its head, handled, cut off, or done. */
  private static final class Task {
    private final Thread thread;
    private int state; // 0 waiting for the head, 1 handled, 2 cut off, 3 done

    Task(Thread thread) {
      this.thread = thread;
    }

    synchronized boolean started() {
      if (state == 0) {
        state = 1;
      }
      return state == 1;
    }

    synchronized boolean waiting() {
      return state == 0;
    }

    synchronized void expire() {
      if (state == 0) {
        state = 2;
        thread.interrupt();
      }
    }

    /** Under the lock, so that no interrupt meant for this exchange reaches the thread's next one. */
    synchronized void finish() {
      state = 3;
      Thread.interrupted();
    }
  }
}
