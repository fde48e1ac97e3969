package vn.luutru.serve;

import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayDeque;
import java.util.concurrent.Executor;

/**
 * One open reload stream ({@code /__luutru/events}): messages wait in a queue of their own and are
 * written by a thread of {@code writers}, so that whoever sends them (the rebuild) never waits for
 * a client. A client that does not keep up is dropped (its browser reconnects when it wakes): when
 * more than {@value #MAX_QUEUED} bytes wait for it, or when one write has waited longer than the
 * limit given to {@link #dropIfStuck}. Dropping it interrupts its writer, which closes the
 * connection.
 */
final class EventStream {
  /** Bytes that may wait for one client; one message larger than this is still sent alone. */
  static final long MAX_QUEUED = 1L << 20;

  private final HttpExchange exchange;
  private final OutputStream out;
  private final Executor writers;
  private final Runnable onClose;
  private final ArrayDeque<byte[]> queue = new ArrayDeque<>();
  private long queued;
  private boolean draining;
  private boolean closed;

  /** The thread writing now, and since when: null between writes. */
  private Thread writer;

  private long writingSince;

  /** {@code onClose} runs once, when the stream is dropped or closed. */
  EventStream(HttpExchange exchange, Executor writers, Runnable onClose) {
    this.exchange = exchange;
    this.out = exchange.getResponseBody();
    this.writers = writers;
    this.onClose = onClose;
  }

  /**
   * Queues {@code message} without waiting; false when the stream is closed, or is dropped now for
   * falling behind.
   */
  synchronized boolean offer(byte[] message) {
    if (closed) {
      return false;
    }
    if (!queue.isEmpty() && queued + message.length > MAX_QUEUED) {
      close();
      return false;
    }
    queue.add(message);
    queued += message.length;
    if (!draining) {
      draining = true;
      writers.execute(this::drain);
    }
    return true;
  }

  /**
   * Drops the stream when one write has waited more than {@code nanos} at {@code now} ({@link
   * System#nanoTime}).
   */
  synchronized void dropIfStuck(long now, long nanos) {
    if (writer != null && now - writingSince > nanos) {
      writer.interrupt(); // also when already closed: the last write, ending the stream, may be the
      // stuck one
      close();
    }
  }

  /**
   * Closes the stream without waiting: a write under way is interrupted, which closes the
   * connection.
   */
  synchronized void close() {
    if (closed) {
      return;
    }
    closed = true;
    queue.clear();
    queued = 0;
    onClose.run();
    if (writer != null) {
      writer.interrupt();
    } else if (!draining) {
      draining = true;
      writers.execute(this::drain);
    }
  }

  /** Writes what is queued, then returns; once the stream is closed, ends the exchange. */
  private void drain() {
    while (true) {
      byte[] message;
      synchronized (this) {
        if (closed) {
          break;
        }
        message = queue.poll();
        if (message == null) {
          draining = false;
          return;
        }
        queued -= message.length;
        writing();
      }
      try {
        out.write(message);
        out.flush();
      } catch (IOException e) {
        written();
        close(); // the client went away, or was dropped
        break;
      }
      written();
    }
    synchronized (this) {
      writing();
    }
    try {
      exchange.close(); // at once when a write was interrupted: that closed the connection
    } finally {
      written();
    }
  }

  private void writing() {
    writer = Thread.currentThread();
    writingSince = System.nanoTime();
  }

  /**
   * Under the lock, so that an interrupt meant for this write does not reach the thread's next
   * task.
   */
  private synchronized void written() {
    writer = null;
    Thread.interrupted();
  }
}
