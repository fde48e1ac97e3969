package vn.luutru.publish;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.TreeMap;

/**
 * What a deploy has done so far, kept on the target as {@value #FILE} while it runs: a line for
 * each file renamed into place ({@code +}) or deleted ({@code -}), written right after the step.
 * The next deploy applies an interrupted deploy's journal to the manifest, so a resumed deploy
 * sends again nothing that had reached its place.
 */
final class Journal {
  /** The journal's name in the target's root. */
  static final String FILE = ".luutru-journal";

  private Journal() {}

  static byte[] placed(String path, Manifest.Entry entry) {
    return ("+\t" + entry.sha256() + "\t" + entry.size() + "\t" + path + "\n")
        .getBytes(StandardCharsets.UTF_8);
  }

  static byte[] deleted(String path) {
    return ("-\t" + path + "\n").getBytes(StandardCharsets.UTF_8);
  }

  /**
   * {@code manifest} with the steps of {@code journal} applied; an unfinished last line (the deploy
   * stopped while writing it) is ignored. Throws {@link IllegalArgumentException} naming the first
   * line that is not a step.
   */
  static Manifest apply(Manifest manifest, byte[] journal) {
    Map<String, Manifest.Entry> files = new TreeMap<>(manifest.files());
    String[] lines = new String(journal, StandardCharsets.UTF_8).split("\n", -1);
    for (int i = 0; i < lines.length - 1; i++) {
      String[] f = lines[i].split("\t", -1);
      String bad = Messages.get("deploy.journal-line", i + 1);
      if (f.length == 4 && f[0].equals("+")) {
        files.put(
            f[3],
            Manifest.entry(f[1], f[2], f[3]).orElseThrow(() -> new IllegalArgumentException(bad)));
      } else if (f.length == 2 && f[0].equals("-") && SitePaths.isSafe(f[1])) {
        files.remove(f[1]);
      } else {
        throw new IllegalArgumentException(bad);
      }
    }
    return new Manifest(files);
  }
}
