package vn.luutru.content;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class DiagnosticTest {
  @Test
  void sortsByPathThenLineAsANumberThenColumnThenMessage() {
    Diagnostic b10 = Diagnostic.error("content/b.md", 10, 1, "x", "");
    Diagnostic b9 = Diagnostic.warning("content/b.md", 9, 4, "y", "");
    Diagnostic b9early = Diagnostic.error("content/b.md", 9, 2, "z", "");
    Diagnostic b9earlyA = Diagnostic.error("content/b.md", 9, 2, "a", "");
    Diagnostic a = Diagnostic.error("content/a.md", 50, 1, "w", "");
    assertThat(Diagnostic.sorted(List.of(b10, b9, b9early, a, b9earlyA)))
        .containsExactly(a, b9earlyA, b9early, b9, b10);
  }

  @Test
  void formatsLikeACompilerWithTheSourceLineAndACaret() {
    Diagnostic d =
        Diagnostic.error(
            "content/2020/a.md", 3, 7, "date: impossible date 2020-02-30", "date: 2020-02-30");
    assertThat(d.format())
        .isEqualTo(
            "content/2020/a.md:3:7: error: date: impossible date 2020-02-30\n"
                + "  date: 2020-02-30\n"
                + "        ^");
  }

  @Test
  void countsColumnsInCharactersNotBytes() {
    Diagnostic d = Diagnostic.warning("a.md", 2, 8, "m", "title: \"Đại\"");
    assertThat(d.format()).endsWith("\n  title: \"Đại\"\n         ^");
  }

  @Test
  void fileLevelProblemsHaveNoLine() {
    assertThat(Diagnostic.error("a.md", 0, 0, "cannot be read", "").format())
        .isEqualTo("a.md: error: cannot be read");
  }

  // regression: a diagnostic quoted its whole line: 16,666 on one 200 KB line printed 5 GB

  @Test
  void quotesAWindowAroundTheColumnOfALongLineWithEllipsesWhereItIsCut() {
    String line = "x".repeat(100_000) + "LỖI" + "y".repeat(100_000);
    Diagnostic d = Diagnostic.warning("a.md", 5, 100_001, "m", line);
    assertThat(d.format())
        .isEqualTo(
            "a.md:5:100001: warning: m\n  …"
                + "x".repeat(60)
                + "LỖI"
                + "y".repeat(97)
                + "…\n"
                + "   "
                + " ".repeat(60)
                + "^");
  }

  @Test
  void aColumnNearEitherEndOfALongLineShowsThatEnd() {
    String line = "a".repeat(10) + "b".repeat(990);
    assertThat(Diagnostic.warning("a.md", 1, 5, "m", line).format())
        .isEqualTo("a.md:1:5: warning: m\n  " + "a".repeat(10) + "b".repeat(150) + "…\n      ^");
    assertThat(Diagnostic.warning("a.md", 1, 1000, "m", line).format())
        .isEqualTo(
            "a.md:1:1000: warning: m\n  …" + "b".repeat(160) + "\n   " + " ".repeat(159) + "^");
    assertThat(Diagnostic.warning("a.md", 1, 1001, "m", line).format())
        .as("just past the end, where a closing mark is missing")
        .isEqualTo(
            "a.md:1:1001: warning: m\n  …" + "b".repeat(160) + "\n   " + " ".repeat(160) + "^");
  }

  @Test
  void theWindowCountsCharactersNotUtf16UnitsAndKeepsTabs() {
    String line = "\t" + "😀".repeat(1000);
    assertThat(Diagnostic.warning("a.md", 1, 501, "m", line).format())
        .isEqualTo(
            "a.md:1:501: warning: m\n  …" + "😀".repeat(160) + "…\n   " + " ".repeat(60) + "^");
    assertThat(Diagnostic.warning("a.md", 1, 3, "m", line).format())
        .isEqualTo("a.md:1:3: warning: m\n  \t" + "😀".repeat(159) + "…\n  \t ^");
  }

  @Test
  void aLineOfAtMostTheWindowIsQuotedWhole() {
    String line = "ạ".repeat(160);
    assertThat(Diagnostic.warning("a.md", 1, 160, "m", line).format())
        .isEqualTo("a.md:1:160: warning: m\n  " + line + "\n  " + " ".repeat(159) + "^");
  }

  @Test
  void showsTheFirstTwentyErrorsAndWarningsOfEachFileAndCountsTheRest() {
    List<Diagnostic> all = new ArrayList<>();
    for (int i = 1; i <= 25; i++) {
      all.add(Diagnostic.warning("a.md", i, 1, "w" + i, ""));
      if (i <= 3) {
        all.add(Diagnostic.error("a.md", i, 2, "e" + i, ""));
      }
    }
    all.add(Diagnostic.warning("b.md", 1, 1, "w", ""));
    for (int i = 1; i <= 22; i++) {
      all.add(Diagnostic.error("c.md", i, 1, "e" + i, ""));
    }
    List<String> shown =
        Diagnostic.firstOfEachFile(all).stream().map(Diagnostic::headline).toList();

    List<String> expected = new ArrayList<>();
    for (int i = 1; i <= 20; i++) {
      expected.add("a.md:" + i + ":1: warning: w" + i);
      if (i <= 3) {
        expected.add("a.md:" + i + ":2: error: e" + i);
      }
    }
    expected.add(
        "a.md: warning: 5 more warnings in this file are not shown (only the first 20 are); fix those above"
            + " and build again to see the rest");
    expected.add("b.md:1:1: warning: w");
    for (int i = 1; i <= 20; i++) {
      expected.add("c.md:" + i + ":1: error: e" + i);
    }
    expected.add(
        "c.md: error: 2 more errors in this file are not shown (only the first 20 are); fix those above"
            + " and build again to see the rest");
    assertThat(shown).containsExactlyElementsOf(expected);
  }

  @Test
  void twentyOfAKindAreAllShown() {
    List<Diagnostic> all = new ArrayList<>();
    for (int i = 1; i <= 20; i++) {
      all.add(Diagnostic.warning("a.md", i, 1, "w" + i, ""));
    }
    assertThat(Diagnostic.firstOfEachFile(all)).isEqualTo(all);
  }
}
