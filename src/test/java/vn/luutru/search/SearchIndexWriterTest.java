package vn.luutru.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import vn.luutru.build.SiteBuilder;
import vn.luutru.site.ArticlePage;
import vn.luutru.testing.SampleSite;

/**
 * The documents' files are written on a thread of their own beside the terms: whatever fails, the
 * failure reaches the caller, and nothing is written once {@link SearchIndexWriter#write} has
 * returned or thrown (a failed build deletes the folder it wrote to).
 */
@org.junit.jupiter.api.Timeout(60)
class SearchIndexWriterTest {
  private static List<ArticlePage> pages() throws IOException {
    return SiteBuilder.model(
            SampleSite.previewConfig(Path.of("content"), "content", Path.of("unused")),
            SiteBuilder.Caches.none(),
            false,
            new LinkedHashMap<>())
        .built()
        .articles();
  }

  @Test
  void writesEveryDocumentBesideTheTerms() throws IOException {
    List<ArticlePage> pages = pages();
    Map<String, byte[]> files = new ConcurrentHashMap<>();
    SearchIndexWriter.Stats stats = SearchIndexWriter.write(pages, files::put);
    assertThat(stats.files()).isEqualTo(files.size());
    for (int doc = 0; doc < pages.size(); doc++) {
      assertThat(files).containsKey("search/d/" + doc / 1000 + "/" + doc + ".json");
    }
    assertThat(files).containsKeys("search/index.json", "search/search.js");
  }

  @Test
  void aDocumentThatCannotBeWrittenFailsTheIndex() throws IOException {
    failsAndStops(
        (file, bytes) -> {
          if (file.equals("search/d/0/1.json")) {
            throw new IOException("disk full: " + file);
          }
        },
        "disk full: search/d/0/1.json");
  }

  @Test
  void aShardThatCannotBeWrittenWaitsForTheDocuments() throws IOException {
    CountDownLatch shardFailed = new CountDownLatch(1);
    failsAndStops(
        (file, bytes) -> {
          if (file.startsWith("search/d/")) {
            // The documents are still being written when the terms fail, and must be waited for;
            // the bound only keeps a broken writer from hanging the test.
            try {
              shardFailed.await(1, TimeUnit.MINUTES);
            } catch (InterruptedException e) {
              Thread.currentThread().interrupt();
            }
          } else if (file.startsWith("search/s/")) {
            shardFailed.countDown();
            throw new IOException("disk full: " + file);
          }
        },
        "disk full: search/s/");
  }

  /**
   * Writing the index through {@code sink} fails with {@code message}, and nothing writes any more.
   */
  private static void failsAndStops(SearchIndexWriter.Sink sink, String message)
      throws IOException {
    List<ArticlePage> pages = pages();
    assertThatThrownBy(() -> SearchIndexWriter.write(pages, sink))
        .isInstanceOf(IOException.class)
        .hasMessageStartingWith(message);
    assertThat(Thread.getAllStackTraces().keySet())
        .noneMatch(t -> t.getName().equals("luutru-search-documents"));
  }
}
