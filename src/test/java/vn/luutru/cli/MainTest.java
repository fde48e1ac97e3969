package vn.luutru.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.luutru.testing.Trees;

/** The command line, run in-process with its own writers and a fixed clock. */
class MainTest {
  static final Clock CLOCK = Clock.fixed(Instant.parse("2024-01-01T00:00:00Z"), ZoneOffset.UTC);

  @TempDir Path dir;

  record Run(int code, String out, String err) {}

  static Run run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = Main.run(args, new PrintWriter(out), new PrintWriter(err), CLOCK);
    return new Run(code, out.toString(), err.toString());
  }

  private Path write(String rel, String text) throws IOException {
    Path p = dir.resolve(rel);
    Files.createDirectories(p.getParent());
    Files.writeString(p, text, StandardCharsets.UTF_8);
    return p;
  }

  private Run build(String... extra) {
    List<String> args = new ArrayList<>(List.of("build", "--content", dir.resolve("content").toString(),
        "--output", dir.resolve("site").toString(), "--templates", Path.of("templates").toString()));
    args.addAll(List.of(extra));
    return run(args.toArray(String[]::new));
  }

  @Test
  void printsVersionAndHelp() {
    Run v = run("--version");
    assertThat(v.code()).isZero();
    assertThat(v.out()).startsWith("luutru ");
    Run h = run("build", "--help");
    assertThat(h.code()).isZero();
    assertThat(h.out()).contains("--content", "--base-url", "--drafts", "--future", "--output", "--templates");
  }

  @Test
  void usageErrorsExitWithTwo() throws IOException {
    assertThat(run("build", "--no-such-option").code()).isEqualTo(2);
    assertThat(run("no-such-command").code()).isEqualTo(2);
    assertThat(run().code()).isEqualTo(2);
    assertThat(run("build", "--content", dir.resolve("missing").toString()).code()).isEqualTo(2);
    write("content/a.md", "---\ntitle: \"A\"\ndate: 2020-01-01\n---\n");
    Run r = build("--base-url", "example.org");
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err()).contains("--base-url");
  }

  @Test
  void contentErrorsExitWithOneAndLeaveThePreviousSiteExactlyAsItWas() throws IOException {
    write("content/2020/a.md", "---\ntitle: \"Đại hội\"\ndate: 2020-01-17\n---\nNội dung.\n");
    assertThat(build().code()).isZero();
    var before = Trees.read(dir.resolve("site"));
    assertThat(before).containsKey("2020/01/dai-hoi/index.html");

    write("content/2020/b.md", "---\ntitle: \"Hỏng\"\ndate: 2020-02-30\n---\n");
    write("content/2020/c.md", "---\ntitle: [\"x\"]\ndate: 2020-01-01\n");
    Run r = build();
    assertThat(r.code()).isEqualTo(1);
    String b = dir.resolve("content").toString() + "/2020/b.md";
    String c = dir.resolve("content").toString() + "/2020/c.md";
    assertThat(r.err())
        .contains(b + ":3:7: error: date: impossible date 2020-02-30\n  date: 2020-02-30\n        ^")
        .contains(c + ":1:1: error: front matter opened here is never closed")
        .contains("2 error(s)");
    assertThat(Trees.read(dir.resolve("site"))).containsExactlyEntriesOf(before);
    try (var s = Files.list(dir)) {
      assertThat(s.map(p -> p.getFileName().toString())).containsExactlyInAnyOrder("content", "site");
    }
  }

  @Test
  void anAliasCannotTakeTheAddressOfAGeneratedPage() throws IOException {
    write("content/a.md", "---\ntitle: \"A\"\ndate: 2020-01-01\ncategories: [\"Đại hội Đảng\"]\n"
        + "aliases: [\"/chuyen-muc/dai-hoi-dang/\"]\n---\n");
    Run r = build();
    assertThat(r.code()).isEqualTo(1);
    String a = dir.resolve("content").toString() + "/a.md";
    assertThat(r.err()).contains(a + ":5:11: error: alias /chuyen-muc/dai-hoi-dang/ is already the address of the page"
        + " /chuyen-muc/dai-hoi-dang/; choose another alias");
    assertThat(dir.resolve("site")).doesNotExist();

    write("content/a.md", "---\ntitle: \"A\"\ndate: 2020-01-01\naliases: [\"/2020/01/./a/\"]\n---\n");
    assertThat(build().err()).contains(a + ":4:11: error: aliases: '/2020/01/./a/' is not a page address inside the site");
  }

  @Test
  void deeplyNestedMarkdownIsADiagnosticOrRendersButNeverCrashes() throws IOException {
    write("content/a.md", "---\ntitle: \"A\"\ndate: 2020-01-01\n---\n" + "> ".repeat(20000) + "sâu\n\n"
        + "- a\n".repeat(1) + "  - b\n".repeat(1));
    Run r = build();
    assertThat(r.err()).doesNotContain("Exception", "StackOverflowError");
    assertThat(r.code()).isIn(0, 1);
  }

  @Test
  void refusesToReplaceAFolderItDidNotWrite() throws IOException {
    write("content/a.md", "---\ntitle: \"A\"\ndate: 2020-01-01\n---\n");
    write("site/important.txt", "keep me");
    Run r = build();
    assertThat(r.code()).isEqualTo(1);
    assertThat(r.err()).contains("was not written by luutru");
    assertThat(Files.readString(dir.resolve("site/important.txt"))).isEqualTo("keep me");
  }

  @Test
  void theSameInputGivesByteIdenticalOutput() throws IOException {
    write("content/a.md", "---\ntitle: \"Một\"\ndate: 2020-01-01\ntags: [\"x\"]\n---\nA\n");
    write("content/b.md", "---\ntitle: \"Hai\"\ndate: 2020-01-02\ncategories: [\"Tin\"]\n---\nB\n");
    assertThat(build().code()).isZero();
    var first = Trees.digest(dir.resolve("site"));
    assertThat(build().code()).isZero();
    assertThat(Trees.digest(dir.resolve("site"))).isEqualTo(first);
  }

  @Test
  void templateTyposAreErrorsNotEmptyStrings() throws IOException {
    write("content/a.md", "---\ntitle: \"A\"\ndate: 2020-01-01\n---\n");
    write("tpl/article.peb", "{% extends \"layout\" %}{% block content %}{{ artcle.title }}{% endblock %}");
    List<String> args = List.of("build", "--content", dir.resolve("content").toString(),
        "--output", dir.resolve("site").toString(), "--templates", dir.resolve("tpl").toString());
    Run r = run(args.toArray(String[]::new));
    assertThat(r.code()).isEqualTo(1);
    assertThat(r.err()).contains("article.peb:1:").contains("artcle");
    assertThat(dir.resolve("site")).doesNotExist();
  }

  /** A page that was imported but lost a photo (refused: it leads outside the saved site) fails the command. */
  @Test
  void importExitsWithOneWhenAPageLostSomethingAndSaysWhatAndInWhichEncoding() throws IOException {
    write("secret.txt", "s3cr3t");
    write("cu/tin/bai.html", "<html><body><h1>Tin</h1><p>17/01/2020</p><p>Ảnh <img src='../../secret.txt' alt='x'>"
        + " và chữ.</p></body></html>");

    Run r = run("import", dir.resolve("cu").toString(), "--content", dir.resolve("content").toString());

    assertThat(r.code()).isEqualTo(1);
    assertThat(r.err()).contains("bai.html: error: image '../../secret.txt' leads outside the saved site");
    assertThat(r.out()).contains("bai.html → ", "(UTF-8)", "1 page(s) imported (1 of them with errors");
    assertThat(dir.resolve("content/2020/01/anh")).doesNotExist();
  }
}
