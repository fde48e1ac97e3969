package vn.luutru.content;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class DiagnosticTest {
  @Test
  void formatsLikeACompilerWithTheSourceLineAndACaret() {
    Diagnostic d = Diagnostic.error("content/2020/a.md", 3, 7, "date: impossible date 2020-02-30", "date: 2020-02-30");
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
    assertThat(Diagnostic.error("a.md", 0, 0, "cannot be read", "").format()).isEqualTo("a.md: error: cannot be read");
  }
}
