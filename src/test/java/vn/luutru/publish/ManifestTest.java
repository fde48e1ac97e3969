package vn.luutru.publish;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class ManifestTest {
  private static final String A = "a".repeat(64);
  private static final String B = "b".repeat(64);

  @Test
  void roundTrips() {
    Manifest m =
        new Manifest(
            Map.of(
                "index.html", new Manifest.Entry(A, 10),
                "2020/01/đại-hội/index.html", new Manifest.Entry(B, 0)));
    assertThat(Manifest.parse(m.toBytes())).isEqualTo(m);
    assertThat(new String(m.toBytes(), StandardCharsets.UTF_8))
        .isEqualTo(
            "luutru-manifest 1\n"
                + B
                + "\t0\t2020/01/đại-hội/index.html\n"
                + A
                + "\t10\tindex.html\n");
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "'something else\n'                                  | line 1: not a luutru manifest",
        "'luutru-manifest 1\nAAA\t1\tindex.html\n'           | line 2: not a file of the site",
        "'luutru-manifest 1\n@A\t1\t../etc/passwd\n'         | line 2: not a file of the site",
        "'luutru-manifest 1\n@A\t1\t/etc/passwd\n'           | line 2: not a file of the site",
        "'luutru-manifest 1\n@A\t-1\tindex.html\n'           | line 2: not a file of the site",
        "'luutru-manifest 1\n@A\t1\ta//b.html\n'             | line 2: not a file of the site",
        "'luutru-manifest 1\n@A\t1\t.luutru-manifest\n'      | line 2: not a file of the site",
        "'luutru-manifest 1\n@A\t1\tindex.html'              | line 2: cut short",
      })
  void refusesWhatIsNotAManifest(String text, String message) {
    byte[] bytes = text.replace("@A", A).getBytes(StandardCharsets.UTF_8);
    assertThatThrownBy(() -> Manifest.parse(bytes))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(message);
  }

  @Test
  void journalStepsApplyInOrderAndAnUnfinishedLastLineIsIgnored() {
    Manifest m = new Manifest(Map.of("old.html", new Manifest.Entry(A, 1)));
    byte[] journal =
        concat(
            Journal.placed("new.html", new Manifest.Entry(B, 2)),
            Journal.deleted("old.html"),
            "+\tabc".getBytes(StandardCharsets.UTF_8));
    assertThat(Journal.apply(m, journal).files())
        .containsExactly(Map.entry("new.html", new Manifest.Entry(B, 2)));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "x\tindex.html\n",
        "-\t../x\n",
        "+\tzz\t1\ta.html\n",
        // A size the manifest refuses, which a resumed deploy would otherwise write into it.
        "+\t0000000000000000000000000000000000000000000000000000000000000000\t-1\ta.html\n"
      })
  void refusesWhatIsNotAJournal(String text) {
    assertThatThrownBy(() -> Journal.apply(Manifest.empty(), text.getBytes(StandardCharsets.UTF_8)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("line 1: not a step of a deploy");
  }

  @ParameterizedTest(name = "{0} → {1}")
  @CsvSource({
    "assets/site.css, 0",
    "2020/01/anh/hoa.svg, 0",
    "search/s/0.bin, 0",
    "2020/01/dai-hoi/index.html, 1",
    "2020/01/index.html, 2",
    "chuyen-muc/tin-hoat-dong/index.html, 2",
    "page/2/index.html, 2",
    "tin-tuc/7.html, 2",
    "index.html, 3",
    "404.html, 3",
    "sitemap.xml, 3",
    "robots.txt, 3",
    "rss.xml, 3",
    "chuyen-muc/dai-hoi-dang/atom.xml, 3",
    "search/index.json, 3",
  })
  void publishOrder(String path, int rank) {
    assertThat(PublishOrder.rank(path)).isEqualTo(rank);
  }

  private static byte[] concat(byte[]... parts) {
    java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
    for (byte[] p : parts) {
      out.writeBytes(p);
    }
    return out.toByteArray();
  }
}
