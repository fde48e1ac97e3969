package vn.luutru.serve;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.io.OutputStream;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The send limit of the request threads: a write the client never makes room for is given up on.
 */
class RequestThreadsTest {
  static final Duration HANG = Duration.ofSeconds(60);
  final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor();
  final RequestThreads threads = new RequestThreads(1, HANG, Duration.ofMillis(100), timer);

  @AfterEach
  void stop() {
    threads.close();
    timer.shutdownNow();
  }

  /** A write that waits until interrupted, as one to a client that reads nothing does. */
  static void frozenWrite() throws IOException {
    try {
      new CountDownLatch(1).await();
    } catch (InterruptedException e) {
      throw new InterruptedIOException("interrupted");
    }
  }

  @Test
  void aWriteThatWaitsTooLongIsCutOffAndTheNextOneRefusedAtOnce() {
    assertTimeoutPreemptively(
        HANG,
        () -> {
          CompletableFuture<String> result = new CompletableFuture<>();
          threads.execute(
              () -> {
                assertThat(threads.headRead()).isTrue();
                try {
                  threads.send(RequestThreadsTest::frozenWrite);
                  result.complete("the frozen write returned");
                } catch (IOException first) {
                  AtomicBoolean ran = new AtomicBoolean();
                  try {
                    threads.send(() -> ran.set(true));
                    result.complete("a write after the cut-off was let through");
                  } catch (IOException second) {
                    result.complete(ran.get() ? "ran" : "cut off");
                  }
                }
              });
          assertThat(result.get()).isEqualTo("cut off");
          // The same thread, its next request: not interrupted, its writes go through.
          CompletableFuture<Boolean> next = new CompletableFuture<>();
          threads.execute(
              () -> {
                threads.headRead();
                ByteArrayOutputStream bytes = new ByteArrayOutputStream();
                try (OutputStream out = threads.timed(bytes)) {
                  out.write(new byte[3 * RequestThreads.CHUNK + 5]);
                  next.complete(
                      !Thread.currentThread().isInterrupted()
                          && bytes.size() == 3 * RequestThreads.CHUNK + 5);
                } catch (IOException e) {
                  next.complete(false);
                }
              });
          assertThat(next.get()).isTrue();
        });
  }
}
