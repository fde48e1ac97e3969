package vn.luutru.serve;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpContext;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpPrincipal;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A reload stream whose client does not read: whoever sends never waits, and the stream is dropped.
 */
class EventStreamTest {
  static final Duration HANG = Duration.ofSeconds(60);
  final ExecutorService writers = Executors.newCachedThreadPool();
  final CountDownLatch writing = new CountDownLatch(1);
  final CountDownLatch ended = new CountDownLatch(1);
  final AtomicInteger closes = new AtomicInteger();
  final ByteArrayOutputStream written = new ByteArrayOutputStream();
  final CountDownLatch hundredWrites = new CountDownLatch(100);

  /** Set: every write waits until interrupted, as a write to a client that reads nothing. */
  volatile boolean frozen = true;

  final EventStream stream = new EventStream(new FakeExchange(), writers, closes::incrementAndGet);

  @AfterEach
  void stop() {
    writers.shutdownNow();
  }

  @Test
  void aClientThatFallsMoreThanAMegabyteBehindIsDroppedWithoutWaiting() throws Exception {
    assertTimeoutPreemptively(
        HANG,
        () -> {
          byte[] message = new byte[64 << 10];
          assertThat(stream.offer(message)).isTrue();
          writing.await();
          int offered = 0;
          while (stream.offer(message)) {
            offered++;
          }
          assertThat((long) offered * message.length).isLessThanOrEqualTo(EventStream.MAX_QUEUED);
          assertThat(closes.get()).isEqualTo(1);
          ended.await(); // its writer was interrupted, and the exchange closed
          assertThat(stream.offer(message)).isFalse();
        });
  }

  @Test
  void aWriteThatWaitsTooLongDropsTheStream() throws Exception {
    assertTimeoutPreemptively(
        HANG,
        () -> {
          assertThat(stream.offer(new byte[] {1})).isTrue();
          writing.await();
          stream.dropIfStuck(System.nanoTime(), TimeUnit.HOURS.toNanos(1));
          assertThat(closes.get()).as("not stuck for an hour yet").isZero();
          stream.dropIfStuck(
              System.nanoTime() + TimeUnit.HOURS.toNanos(2), TimeUnit.HOURS.toNanos(1));
          assertThat(closes.get()).isEqualTo(1);
          ended.await();
        });
  }

  @Test
  void aClientThatReadsGetsEveryMessageInOrder() throws Exception {
    frozen = false;
    assertTimeoutPreemptively(
        HANG,
        () -> {
          for (int i = 0; i < 100; i++) {
            assertThat(
                    stream.offer(
                        ("event " + i + "\n").getBytes(java.nio.charset.StandardCharsets.UTF_8)))
                .isTrue();
          }
          hundredWrites.await();
          stream.close();
          ended.await();
        });
    StringBuilder expected = new StringBuilder();
    for (int i = 0; i < 100; i++) {
      expected.append("event ").append(i).append('\n');
    }
    assertThat(written.toString(java.nio.charset.StandardCharsets.UTF_8))
        .isEqualTo(expected.toString());
    assertThat(closes.get()).isEqualTo(1);
  }

  /**
   * An exchange whose response body is {@link #written}, or waits for ever when {@link #frozen}.
   */
  final class FakeExchange extends HttpExchange {
    final OutputStream body =
        new OutputStream() {
          @Override
          public void write(int b) throws java.io.IOException {
            write(new byte[] {(byte) b}, 0, 1);
          }

          @Override
          public void write(byte[] b, int off, int len) throws java.io.IOException {
            if (frozen) {
              writing.countDown();
              try {
                new CountDownLatch(1).await();
              } catch (InterruptedException e) {
                throw new InterruptedIOException("interrupted");
              }
            }
            synchronized (written) {
              written.write(b, off, len);
            }
            hundredWrites.countDown();
          }
        };

    @Override
    public Headers getRequestHeaders() {
      return new Headers();
    }

    @Override
    public Headers getResponseHeaders() {
      return new Headers();
    }

    @Override
    public URI getRequestURI() {
      return URI.create(PreviewServer.EVENTS);
    }

    @Override
    public String getRequestMethod() {
      return "GET";
    }

    @Override
    public HttpContext getHttpContext() {
      throw new UnsupportedOperationException();
    }

    @Override
    public void close() {
      ended.countDown();
    }

    @Override
    public InputStream getRequestBody() {
      return InputStream.nullInputStream();
    }

    @Override
    public OutputStream getResponseBody() {
      return body;
    }

    @Override
    public void sendResponseHeaders(int rCode, long responseLength) {}

    @Override
    public InetSocketAddress getRemoteAddress() {
      return new InetSocketAddress(0);
    }

    @Override
    public int getResponseCode() {
      return 200;
    }

    @Override
    public InetSocketAddress getLocalAddress() {
      return new InetSocketAddress(0);
    }

    @Override
    public String getProtocol() {
      return "HTTP/1.1";
    }

    @Override
    public Object getAttribute(String name) {
      return null;
    }

    @Override
    public void setAttribute(String name, Object value) {}

    @Override
    public void setStreams(InputStream i, OutputStream o) {}

    @Override
    public HttpPrincipal getPrincipal() {
      return null;
    }
  }
}
