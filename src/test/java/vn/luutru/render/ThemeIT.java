package vn.luutru.render;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/**
 * The packed theme's assets read from the jar (as the integration tests run, on the jar) by several
 * threads at once: a preview's warm-up beside another build in one JVM.
 */
class ThemeIT {
  @Test
  void threadsReadThePackedAssetsAtOnce() throws Exception {
    assertThat(Theme.class.getResource("Theme.class").getProtocol()).isEqualTo("jar");
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      List<Future<Map<String, byte[]>>> reads = new ArrayList<>();
      for (int i = 0; i < 200; i++) {
        reads.add(pool.submit(() -> new Theme(Optional.empty()).assets()));
      }
      for (Future<Map<String, byte[]>> r : reads) {
        assertThat(r.get()).containsKey("assets/style.css");
      }
    } finally {
      pool.shutdownNow();
    }
  }
}
