package vn.luutru.serve;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.io.OutputStream;
import java.time.Duration;
import java.util.concurrent.Executor;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * The threads that serve requests, with a limit on how long a request's head may take and on how
 * long one write to a client may wait. The JDK's server hands a connection to a thread as soon as
 * its first bytes arrive, and that thread then waits for the rest of the request line and headers:
 * a client that sends half a request and stops would keep it for ever. Here a request whose handler
 * has not started {@code head} after its thread took it is cut off: the thread is interrupted,
 * which closes the connection (as nginx's {@code client_header_timeout} does). Likewise a client
 * that asks for a large file and stops reading would keep its thread waiting in a write for ever: a
 * write ({@link #send}, {@link #timed}) that has not returned after {@code send} is cut off the
 * same way (nginx's {@code send_timeout}). Up to {@code threads} requests run at once; idle threads
 * end after a while; more requests wait their turn.
 *
 * <p>The handler calls {@link #headRead} first: from then on its request's head is not timed; or,
 * for a request with a body, {@link #inTime}: its body must come within the same limit.
 */
final class RequestThreads implements Executor, AutoCloseable {
  /**
   * The most one timed write hands to the connection at once: the send limit is for this many
   * bytes.
   */
  static final int CHUNK = 64 << 10;

  private final ThreadPoolExecutor pool;
  private final ScheduledExecutorService timer;
  private final long headNanos;
  private final long sendNanos;
  private final ThreadLocal<Task> current = new ThreadLocal<>();

  RequestThreads(int threads, Duration head, Duration send, ScheduledExecutorService timer) {
    this.pool =
        new ThreadPoolExecutor(
            threads,
            threads,
            30,
            TimeUnit.SECONDS,
            new LinkedBlockingQueue<>(),
            r -> {
              Thread t = new Thread(r, "luutru-serve");
              t.setDaemon(true);
              return t;
            });
    pool.allowCoreThreadTimeOut(true);
    this.timer = timer;
    this.headNanos = head.toNanos();
    this.sendNanos = send.toNanos();
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
   * Says that the request's head has come whole, so that it is no longer timed; false when it came
   * too late (the connection is being closed: answer nothing).
   */
  boolean headRead() {
    Task task = current.get();
    return task == null || task.started();
  }

  /**
   * Whether the request is still in time, leaving it timed: for a request with a body (which the
   * server reads to its end after the answer), the whole exchange must end within the limit.
   */
  boolean inTime() {
    Task task = current.get();
    return task == null || task.waiting();
  }

  /** A write to the client, such as {@code HttpExchange.sendResponseHeaders}. */
  interface Write {
    void run() throws IOException;
  }

  /**
   * Runs {@code write}, timed: when it has not returned after the send limit, the client is given
   * up on (the thread is interrupted, which closes the connection) and it throws. Off the request
   * threads, it just runs.
   */
  void send(Write write) throws IOException {
    Task task = current.get();
    if (task == null) {
      write.run();
      return;
    }
    task.sending();
    try {
      write.run();
    } finally {
      task.sent();
    }
  }

  /**
   * {@code out} with every write, {@code flush} and {@code close} timed by {@link #send}, writes
   * handed on {@value #CHUNK} bytes at a time: the stream to give a request's handler for its
   * response body.
   */
  OutputStream timed(OutputStream out) {
    return new OutputStream() {
      @Override
      public void write(int b) throws IOException {
        send(() -> out.write(b));
      }

      @Override
      public void write(byte[] b, int off, int len) throws IOException {
        java.util.Objects.checkFromIndexSize(off, len, b.length);
        for (int at = off, end = off + len; at < end; at += CHUNK) {
          int from = at;
          int n = Math.min(CHUNK, end - at);
          send(() -> out.write(b, from, n));
        }
      }

      @Override
      public void flush() throws IOException {
        send(out::flush);
      }

      @Override
      public void close() throws IOException {
        send(out::close);
      }
    };
  }

  @Override
  public void close() {
    pool.shutdownNow();
  }

  /**
   * One exchange on its thread: waiting for its head, handled, cut off, or done; and whether it is
   * writing to its client now, and since when.
   */
  private final class Task {
    private final Thread thread;
    private int state; // 0 waiting for the head, 1 handled, 2 cut off, 3 done
    private boolean sending;
    private long sendingSince;

    /**
     * The check of the write under way, if one is scheduled: one at a time, rescheduled while
     * writes go on.
     */
    private ScheduledFuture<?> sendCheck;

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
        cutOff();
      }
    }

    /** A write begins; it throws when the client has been given up on already. */
    synchronized void sending() throws IOException {
      if (state == 2) {
        throw new InterruptedIOException(Messages.get("serve.client-too-slow"));
      }
      sending = true;
      sendingSince = System.nanoTime();
      if (sendCheck == null) {
        try {
          sendCheck = timer.schedule(this::checkSend, sendNanos, TimeUnit.NANOSECONDS);
        } catch (java.util.concurrent.RejectedExecutionException e) {
          // the server is stopping: its connections are being closed anyway
        }
      }
    }

    synchronized void sent() {
      sending = false;
    }

    /**
     * Cuts the client off when the write under way has waited the whole limit; else checks again
     * when it will have. Between writes nothing is scheduled: the next write schedules.
     */
    private synchronized void checkSend() {
      sendCheck = null;
      if (!sending || state >= 2) {
        return;
      }
      long waited = System.nanoTime() - sendingSince;
      if (waited >= sendNanos) {
        cutOff();
      } else {
        sendCheck = timer.schedule(this::checkSend, sendNanos - waited, TimeUnit.NANOSECONDS);
      }
    }

    private void cutOff() {
      state = 2;
      thread.interrupt();
    }

    /**
     * Under the lock, so that no interrupt meant for this exchange reaches the thread's next one.
     */
    synchronized void finish() {
      state = 3;
      if (sendCheck != null) {
        sendCheck.cancel(false);
        sendCheck = null;
      }
      Thread.interrupted();
    }
  }
}
