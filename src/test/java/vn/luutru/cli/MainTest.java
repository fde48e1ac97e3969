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
    List<String> args =
        new ArrayList<>(
            List.of(
                "build",
                "--content",
                dir.resolve("content").toString(),
                "--output",
                dir.resolve("site").toString(),
                "--templates",
                Path.of("templates").toString()));
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
    assertThat(h.out())
        .contains("--content", "--base-url", "--drafts", "--future", "--output", "--templates");
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
        .contains(
            b + ":3:7: error: date: impossible date 2020-02-30\n  date: 2020-02-30\n        ^")
        .contains(c + ":1:1: error: front matter opened here is never closed")
        .contains("2 error(s)");
    assertThat(Trees.read(dir.resolve("site"))).containsExactlyEntriesOf(before);
    try (var s = Files.list(dir)) {
      assertThat(
              s.map(p -> p.getFileName().toString())
                  // the builds' lock and cache folder
                  .filter(f -> !f.equals(".luutru")))
          .containsExactlyInAnyOrder("content", "site");
    }
  }

  /**
   * Killed between the two moves of its swap, a build leaves no site/, the last site in
   * site.old-<n> and (killed, so not deleted) its lock file; or, where the file system gives no
   * locks, no lock file. The next build puts it back first, even one that fails.
   */
  @org.junit.jupiter.params.ParameterizedTest(name = "lock file left: {0}")
  @org.junit.jupiter.params.provider.ValueSource(booleans = {true, false})
  void aFailedBuildFirstPutsBackTheSiteAStoppedSwapMovedAside(boolean lockFileLeft)
      throws IOException {
    write("content/2020/a.md", "---\ntitle: \"Đại hội\"\ndate: 2020-01-17\n---\nNội dung.\n");
    assertThat(build().code()).isZero();
    var before = Trees.read(dir.resolve("site"));
    Files.move(dir.resolve("site"), dir.resolve("site.old-77"));
    if (lockFileLeft) {
      Files.createFile(dir.resolve("site.build-77.lock"));
    }
    write("content/2020/b.md", "---\ntitle: \"Hỏng\"\ndate: 2020-02-30\n---\n");

    Run r = build();

    assertThat(r.code()).as(r.err()).isEqualTo(1);
    assertThat(r.err())
        .contains(
            "date: impossible date 2020-02-30",
            "site was left as it was",
            "warning: put back the site of the last build, which a build stopped during its swap had left as "
                + dir.resolve("site.old-77"));
    assertThat(Trees.read(dir.resolve("site")))
        .as("the last site, byte for byte")
        .containsExactlyEntriesOf(before);
    try (var s = Files.list(dir)) {
      assertThat(
              s.map(p -> p.getFileName().toString())
                  // the builds' lock and cache folder
                  .filter(f -> !f.equals(".luutru")))
          .containsExactlyInAnyOrder("content", "site");
    }
  }

  /**
   * A file name can hold a line break or a right-to-left override: printed as they are, it could
   * forge a line.
   */
  @Test
  void namesWithControlOrBidiCharactersArePrintedEscaped() throws IOException {
    String forged = "x\nluutru check: 1 articles, 0 error(s), 0 warning(s)\n\u202Egpj.md";
    write("content/" + forged, "---\ntitle: \"A\"\ndate: 2020-02-30\n---\n");

    Run r =
        run("check", "--content", dir.resolve("content").toString(), "--templates", "templates");

    assertThat(r.code()).isEqualTo(1);
    assertThat(r.err().lines())
        .noneMatch(l -> l.startsWith("luutru check: 1 articles, 0 error(s)"));
    assertThat(r.err())
        .doesNotContain("\u202E")
        .contains(
            "/x\\nluutru check: 1 articles, 0 error(s), 0 warning(s)\\n\\u202Egpj.md:3:7: error: date: impossible date")
        .contains("luutru check: 0 articles, 1 error(s)");
  }

  @Test
  void anOutputInsideAFileSaysWhatFailedWhyAndWhatToDo() throws IOException {
    write("content/a.md", "---\ntitle: \"A\"\ndate: 2020-01-01\n---\n");
    Path file = write("tep.txt", "một tệp");
    Path output = file.resolve("site");

    Run r =
        run(
            "build",
            "--content",
            dir.resolve("content").toString(),
            "--output",
            output.toString(),
            "--templates",
            "templates");

    assertThat(r.code()).as(r.err()).isEqualTo(1);
    assertThat(r.err())
        .contains(
            output
                + ": error: cannot write the site into "
                + output
                + ": "
                + file
                + " is a file, not a folder: choose another --output",
            output + " was left as it was")
        .doesNotContain("luutru: error:");
    assertThat(Files.readString(file)).isEqualTo("một tệp");
  }

  /** A bug is not the user's content: its own exit code, and a request to report it. */
  @Test
  void aBugExitsWithThreeAndAsksForAReport() throws IOException {
    write("content/a.md", "---\ntitle: \"A\"\ndate: 2020-01-01\n---\n");
    Clock broken =
        new Clock() {
          @Override
          public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
          }

          @Override
          public Clock withZone(java.time.ZoneId zone) {
            return this;
          }

          @Override
          public Instant instant() {
            throw new IllegalStateException("a clock that fails");
          }
        };
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();

    int code =
        Main.run(
            new String[] {
              "build",
              "--content",
              dir.resolve("content").toString(),
              "--output",
              dir.resolve("site").toString(),
              "--templates",
              "templates"
            },
            new PrintWriter(out),
            new PrintWriter(err),
            broken);

    assertThat(code).isEqualTo(3);
    assertThat(err.toString())
        .startsWith(
            "luutru: internal error: this is a bug in luutru, not a problem with your"
                + " files: please report it")
        .contains("java.lang.IllegalStateException: a clock that fails", "at vn.luutru.");
  }

  @Test
  void anAliasCannotTakeTheAddressOfAGeneratedPage() throws IOException {
    write(
        "content/a.md",
        "---\ntitle: \"A\"\ndate: 2020-01-01\ncategories: [\"Đại hội Đảng\"]\n"
            + "aliases: [\"/chuyen-muc/dai-hoi-dang/\"]\n---\n");
    Run r = build();
    assertThat(r.code()).isEqualTo(1);
    String a = dir.resolve("content").toString() + "/a.md";
    assertThat(r.err())
        .contains(
            a
                + ":5:11: error: alias /chuyen-muc/dai-hoi-dang/ is already the address of the page"
                + " /chuyen-muc/dai-hoi-dang/; choose another alias");
    assertThat(dir.resolve("site")).doesNotExist();

    write(
        "content/a.md", "---\ntitle: \"A\"\ndate: 2020-01-01\naliases: [\"/2020/01/./a/\"]\n---\n");
    assertThat(build().err())
        .contains(
            a + ":4:11: error: aliases: '/2020/01/./a/' is not a page address inside the site");
  }

  @Test
  void deeplyNestedMarkdownIsADiagnosticOrRendersButNeverCrashes() throws IOException {
    write(
        "content/a.md",
        "---\ntitle: \"A\"\ndate: 2020-01-01\n---\n"
            + "> ".repeat(20000)
            + "sâu\n\n"
            + "- a\n".repeat(1)
            + "  - b\n".repeat(1));
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
    write(
        "tpl/article.peb",
        "{% extends \"layout\" %}{% set title = \"A\" %}{% set description = \"\" %}"
            + "{% block content %}{{ artcle.title }}{% endblock %}");
    List<String> args =
        List.of(
            "build",
            "--content",
            dir.resolve("content").toString(),
            "--output",
            dir.resolve("site").toString(),
            "--templates",
            dir.resolve("tpl").toString());
    Run r = run(args.toArray(String[]::new));
    assertThat(r.code()).isEqualTo(1);
    assertThat(r.err()).contains("article.peb:1:").contains("artcle");
    assertThat(dir.resolve("site")).doesNotExist();
  }

  /**
   * A page that was imported but lost a photo (refused: it leads outside the saved site) fails the
   * command.
   */
  @Test
  void importExitsWithOneWhenAPageLostSomethingAndSaysWhatAndInWhichEncoding() throws IOException {
    write("secret.txt", "s3cr3t");
    write(
        "cu/tin/bai.html",
        "<html><body><h1>Tin</h1><p>17/01/2020</p><p>Ảnh <img src='../../secret.txt' alt='x'>"
            + " và chữ.</p></body></html>");

    Run r =
        run("import", dir.resolve("cu").toString(), "--content", dir.resolve("content").toString());

    assertThat(r.code()).isEqualTo(1);
    assertThat(r.err())
        .contains("bai.html: error: image '../../secret.txt' leads outside the saved site");
    assertThat(r.out())
        .contains("bai.html → ", "(UTF-8)", "1 page(s) imported (1 of them with errors");
    assertThat(dir.resolve("content/2020/01/anh")).doesNotExist();
  }
}
