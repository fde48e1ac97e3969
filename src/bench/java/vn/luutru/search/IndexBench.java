package vn.luutru.search;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.IntStream;
import vn.luutru.build.SiteBuilder;
import vn.luutru.config.SiteConfig;
import vn.luutru.output.SiteWriter;
import vn.luutru.site.ArticlePage;

/**
 * The search index alone, built again and again in one JVM from one model, with the time of each
 * part: to compare changes to the index's code with less noise than whole builds (the model is made
 * once; each round numbers the words again, as the build does while it renders). Run it with the
 * build's JVM options (see {@code Relaunch}); the files go through the build's {@link SiteWriter}
 * to a scratch folder, {@code /dev/shm/index-bench} unless a third argument names another, deleted
 * after each round (not timed); nowhere when the JVM it runs in has {@code
 * -DindexBench.discard=true} (in {@code exec.args}, before {@code -cp}), to see what making the
 * files costs.
 *
 * <pre>
 * mvn -q -Pbench test-compile exec:exec -Dexec.executable=java -Dexec.classpathScope=test \
 *     -Dexec.args="-XX:TieredStopAtLevel=1 -XX:+UseParallelGC -XX:-UseAdaptiveSizePolicy -Xms512m -Xmn120m \
 *     -XX:MaxTenuringThreshold=0 -cp %classpath vn.luutru.search.IndexBench /tmp/bench10k/content 8"
 * </pre>
 */
public final class IndexBench {
  public static void main(String[] args) throws Exception {
    Path content = Path.of(args[0]);
    int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 8;
    Path scratch = Path.of(args.length > 2 ? args[2] : "/dev/shm/index-bench");
    SiteConfig config =
        SiteConfig.builder()
            .title("Lưu trữ")
            .baseUrl("http://localhost:8080/")
            .contentDir(content)
            .outputDir(scratch.resolve("unused"))
            .drafts(true)
            .today(LocalDate.of(2100, 1, 1))
            .build();
    SiteBuilder.Modelled modelled =
        SiteBuilder.model(config, SiteBuilder.Caches.none(), false, new LinkedHashMap<>());
    List<ArticlePage> pages = modelled.built().articles();
    Map<String, List<Long>> all = new LinkedHashMap<>();
    for (int r = 0; r < rounds; r++) {
      long t0 = System.nanoTime();
      DocumentWords words = new DocumentWords(pages.size());
      IntStream.range(0, pages.size())
          .parallel()
          .forEach(
              doc -> {
                ArticlePage p = pages.get(doc);
                words.add(doc, p.title(), p.article().summary(), p.text());
              });
      Map<String, Long> timings = new LinkedHashMap<>();
      timings.put("number", (System.nanoTime() - t0) / 1_000_000);
      // The build's own writer (a temporary folder, deleted at close since nothing is committed),
      // or none, to see what making the files costs.
      try (SiteWriter out = SiteWriter.open(scratch.resolve("round-" + r))) {
        SearchIndexWriter.Sink sink =
            Boolean.getBoolean("indexBench.discard") ? (file, bytes) -> {} : out::write;
        SearchIndexWriter.write(pages, words, sink, timings);
        timings.put("total", (System.nanoTime() - t0) / 1_000_000);
      }
      timings.forEach((k, v) -> all.computeIfAbsent(k, x -> new ArrayList<>()).add(v));
      System.out.println("round " + r + ": " + timings);
    }
    // The first two rounds compile the code; with fewer than three, the median is of them all.
    int skip = rounds > 2 ? 2 : 0;
    StringBuilder s =
        new StringBuilder(skip > 0 ? "median of rounds 2+:" : "median of all rounds:");
    all.forEach(
        (k, v) -> {
          List<Long> tail = new ArrayList<>(v.subList(skip, v.size()));
          tail.sort(null);
          s.append(String.format(Locale.ROOT, " %s %d", k, tail.get(tail.size() / 2)));
        });
    System.out.println(s);
  }
}
