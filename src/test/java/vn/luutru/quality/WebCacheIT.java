package vn.luutru.quality;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.luutru.build.BuildResult;
import vn.luutru.testing.Nginx;
import vn.luutru.testing.SampleSite;
import vn.luutru.testing.Trees;

/**
 * A real nginx serving the sample archive while an article is added and the site built again: a
 * reader's cached copy of a page that did not change is still valid ({@code 304 Not Modified} for
 * its {@code ETag}), and the pages that show the new article are sent anew.
 */
class WebCacheIT {
  static final String PREFIX = "/luu-tru/";
  final HttpClient http = HttpClient.newHttpClient();

  @Test
  void aPageThatDidNotChangeKeepsItsETag(@TempDir Path tmp) throws Exception {
    Nginx.require();
    Path content = tmp.resolve("content");
    Trees.copyTree(Path.of("content"), content);
    Path site = tmp.resolve("site");
    int port = Nginx.freePort();
    String base = "http://127.0.0.1:" + port + PREFIX;
    SampleSite.build(content, site, base);
    try (Nginx nginx = Nginx.start(site, PREFIX, port, tmp.resolve("nginx"))) {
      String article = base + SampleSite.SEED_PATH;
      String seedTag = etag(article);
      String homeTag = etag(base);

      Files.writeString(
          content.resolve("bai-moi.md"),
          "---\ntitle: \"Hội nghị sơ kết công tác xây dựng Đảng\"\ndate: 2025-12-20\n"
              + "categories: [\"Xây dựng Đảng\"]\n---\nNội dung bài mới.\n",
          java.nio.charset.StandardCharsets.UTF_8,
          java.nio.file.StandardOpenOption.CREATE_NEW);
      BuildResult again = SampleSite.build(content, site, base);
      assertThat(again.changes().whole()).isFalse();
      assertThat(again.changes().changed())
          .as("only what shows the new article")
          .isLessThan(again.files() / 4);

      assertThat(revalidate(article, seedTag))
          .as("an article the new one does not touch: the reader's copy is still good")
          .isEqualTo(304);
      assertThat(revalidate(base, homeTag))
          .as("the home page shows the new article")
          .isEqualTo(200);
      assertThat(etag(base)).isNotEqualTo(homeTag);
    }
  }

  private String etag(String url) throws Exception {
    HttpResponse<String> r =
        http.send(
            HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString());
    assertThat(r.statusCode()).as(url).isEqualTo(200);
    return r.headers().firstValue("ETag").orElseThrow();
  }

  private int revalidate(String url, String etag) throws Exception {
    return http.send(
            HttpRequest.newBuilder(URI.create(url)).header("If-None-Match", etag).build(),
            HttpResponse.BodyHandlers.discarding())
        .statusCode();
  }
}
