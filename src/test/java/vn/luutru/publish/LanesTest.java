package vn.luutru.publish;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.OutputStream;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class LanesTest {
  /**
   * A target that accepts {@code accepted} lanes and refuses the others, as a server that allows
   * only so many channels or connections at once; each lane notes the thread that opened it.
   */
  static class Target implements Remote {
    final Set<String> openedOn = ConcurrentHashMap.newKeySet();
    final AtomicInteger asked = new AtomicInteger();
    final AtomicInteger open = new AtomicInteger();
    final Set<String> usedOn = ConcurrentHashMap.newKeySet();
    final int accepted;

    Target(int accepted) {
      this.accepted = accepted;
    }

    @Override
    public Remote lane() throws IOException {
      openedOn.add(Thread.currentThread().getName());
      if (asked.incrementAndGet() > accepted) {
        throw new DeployException("the server refuses one more channel");
      }
      open.incrementAndGet();
      return this;
    }

    @Override
    public void close() {
      open.decrementAndGet();
    }

    @Override
    public Optional<byte[]> read(String path) {
      return Optional.empty();
    }

    @Override
    public boolean exists(String path) {
      return false;
    }

    @Override
    public OutputStream create(String path) {
      return OutputStream.nullOutputStream();
    }

    @Override
    public void rename(String from, String to) {}

    @Override
    public void delete(String path) {}

    @Override
    public boolean removeEmptyFolder(String folder) {
      return false;
    }
  }

  private static List<Action> sends(String... paths) {
    return java.util.Arrays.stream(paths).map(p -> new Action(Action.Kind.SEND, p, 1)).toList();
  }

  @Test
  void lanesAreOpenedSideBySideOnTheirOwnThreadsAndClosedAfter() throws IOException {
    Target target = new Target(8);
    try (Lanes lanes = Lanes.open(target, 4)) {
      assertThat(target.open).hasValue(4);
      assertThat(target.openedOn).isNotEmpty().allMatch(name -> name.startsWith("luutru-deploy-"));
    }
    assertThat(target.open).hasValue(0);
  }

  @Test
  void aServerThatAllowsFewerLanesGetsAsManyAsItAcceptsAndEveryFileIsSent() throws IOException {
    Target target = new Target(2);
    Set<String> sent = ConcurrentHashMap.newKeySet();
    try (Lanes lanes = Lanes.open(target, 8)) {
      assertThat(target.asked).hasValue(8);
      assertThat(target.open).hasValue(2);
      lanes.run(sends("a", "b", "c", "d", "e"), (lane, a) -> sent.add(a.path()));
    }
    assertThat(sent).containsExactlyInAnyOrder("a", "b", "c", "d", "e");
    assertThat(target.open).hasValue(0);
  }

  @Test
  void aFailureThatIsNoRefusalIsThrownAndTheLanesThatOpenedAreClosed() {
    AtomicInteger calls = new AtomicInteger();
    Target target =
        new Target(8) {
          @Override
          public Remote lane() throws IOException {
            if (calls.incrementAndGet() == 3) {
              throw new IllegalStateException("a bug");
            }
            return super.lane();
          }
        };
    assertThatThrownBy(() -> Lanes.open(target, 4))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("a bug");
    assertThat(target.open).hasValue(0);
  }

  @Test
  void aServerThatAcceptsNoLaneIsReportedWithItsRefusal() {
    Target target = new Target(0);
    assertThatThrownBy(() -> Lanes.open(target, 4))
        .isInstanceOf(DeployException.class)
        .hasMessage("the server refuses one more channel");
    assertThat(target.open).hasValue(0);
  }
}
