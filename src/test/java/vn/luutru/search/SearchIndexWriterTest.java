package vn.luutru.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
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

  @Test
  void documentsAreNumberedOldestFirst() throws IOException {
    List<ArticlePage> pages = pages();
    Map<String, byte[]> files = index(pages, Segments.DEFAULT);
    String oldest = pages.get(pages.size() - 1).path();
    String newest = pages.get(0).path();
    assertThat(text(files, "search/d/0/0.json")).contains("\"url\":\"" + oldest + "\"");
    assertThat(text(files, "search/d/0/" + (pages.size() - 1) + ".json"))
        .contains("\"url\":\"" + newest + "\"");
  }

  /**
   * One more article, newer than the others, rewrites the files of the tail segment, or of the
   * segment it merges into, and beside them only its own document, {@code index.json}, and some
   * vocabulary and facet files: every other segment's shards and long lists, and every other
   * document's file, stay byte for byte as they were.
   */
  @Test
  void oneMoreArticleRewritesOnlyItsSegment() throws IOException {
    List<ArticlePage> pages = pages();
    Segments tiers = new Segments(2, 3);
    int n = pages.size();
    assertThat(tiers.of(n)).as("several segments").hasSizeGreaterThan(2);
    Map<String, byte[]> before = index(pages.subList(n - 1, n), tiers);
    for (int m = 1; m < n; m++) {
      Map<String, byte[]> after = index(pages.subList(n - m - 1, n), tiers);
      List<Segments.Segment> kept = new ArrayList<>(tiers.of(m));
      kept.retainAll(tiers.of(m + 1));
      assertThat(tiers.of(m + 1)).hasSize(kept.size() + 1);
      Segments.Segment rewritten = tiers.of(m + 1).get(kept.size());
      for (Map.Entry<String, byte[]> e : after.entrySet()) {
        String file = e.getKey();
        if (file.startsWith("search/s/") || file.startsWith("search/b/")) {
          int start = Integer.parseInt(file.split("/")[2]);
          if (start != rewritten.start()) {
            assertThat(kept).extracting(Segments.Segment::start).contains(start);
            assertThat(e.getValue()).as("%s, %d to %d", file, m, m + 1).isEqualTo(before.get(file));
          }
        } else if (file.startsWith("search/d/") && !file.endsWith("/" + m + ".json")) {
          assertThat(e.getValue()).as(file).isEqualTo(before.get(file));
        }
      }
      // Gone: the shards of segments merged, or of a tail with fewer shards than before.
      for (String file : before.keySet()) {
        if (!after.containsKey(file)) {
          assertThat(file).matches("search/[sb]/\\d+/.*");
          assertThat(kept)
              .extracting(Segments.Segment::start)
              .doesNotContain(Integer.parseInt(file.split("/")[2]));
        }
      }
      before = after;
    }
  }

  @Test
  void theSameArticlesGiveTheSameFiles() throws IOException {
    List<ArticlePage> pages = pages();
    Map<String, byte[]> once = index(pages, Segments.DEFAULT);
    Map<String, byte[]> again = index(pages, Segments.DEFAULT);
    assertThat(again.keySet()).isEqualTo(once.keySet());
    once.forEach((file, bytes) -> assertThat(again.get(file)).as(file).isEqualTo(bytes));
  }

  private static Map<String, byte[]> index(List<ArticlePage> pages, Segments tiers)
      throws IOException {
    DocumentWords words = new DocumentWords(pages.size());
    for (int doc = 0; doc < pages.size(); doc++) {
      ArticlePage p = pages.get(doc);
      words.add(doc, p.title(), p.article().summary(), p.text());
    }
    Map<String, byte[]> files = new ConcurrentHashMap<>();
    SearchIndexWriter.write(pages, words, files::put, new LinkedHashMap<>(), tiers);
    return files;
  }

  private static String text(Map<String, byte[]> files, String file) {
    return new String(files.get(file), StandardCharsets.UTF_8);
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
