package vn.luutru.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.luutru.content.ArticleParser;
import vn.luutru.content.Congress;
import vn.luutru.content.CongressTitle;
import vn.luutru.content.Term;

/** luutru new and luutru check, in-process with the fixed clock of {@link MainTest}. */
class AuthoringCommandsTest {
  @TempDir Path dir;

  private Path write(String rel, String text) throws IOException {
    Path p = dir.resolve(rel);
    Files.createDirectories(p.getParent());
    Files.writeString(p, text, StandardCharsets.UTF_8);
    return p;
  }

  @Test
  void newScaffoldsADraftThatParsesAndRefusesToOverwrite() throws IOException {
    String content = dir.resolve("content").toString();
    MainTest.Run r =
        MainTest.run(
            "new",
            "Đại hội Chi bộ Phòng Kế hoạch lần thứ hai nhiệm kỳ 2025 - 2030",
            "--congress",
            "--content",
            content);
    assertThat(r.code()).isZero();
    Path file =
        dir.resolve(
            "content/2024/01/dai-hoi-chi-bo-phong-ke-hoach-lan-thu-hai-nhiem-ky-2025-2030.md");
    assertThat(r.out().strip()).isEqualTo(file.toString());
    ArticleParser.Parsed p = new ArticleParser().parse("a.md", "a.md", Files.readAllBytes(file));
    assertThat(p.diagnostics()).isEmpty();
    var a = p.article().orElseThrow();
    assertThat(a.draft()).isTrue();
    assertThat(a.date().toLocalDate()).hasToString("2024-01-01");
    Congress c = a.congress().orElseThrow();
    assertThat(c.organization()).isEqualTo("Chi bộ Phòng Kế hoạch");
    assertThat(c.ordinal()).isEqualTo(2);
    assertThat(c.term()).isEqualTo(new Term(2025, 2030));

    byte[] before = Files.readAllBytes(file);
    MainTest.Run again =
        MainTest.run(
            "new",
            "Đại hội Chi bộ Phòng Kế hoạch lần thứ hai nhiệm kỳ 2025 - 2030",
            "--content",
            content);
    assertThat(again.code()).isEqualTo(1);
    assertThat(again.err()).contains("already exists");
    assertThat(Files.readAllBytes(file)).isEqualTo(before);
  }

  @Test
  void newWithoutCongressWritesAPlainDraft() throws IOException {
    MainTest.Run r =
        MainTest.run(
            "new", "Hội nghị học tập Nghị quyết", "--content", dir.resolve("c").toString());
    assertThat(r.code()).isZero();
    String text = Files.readString(Path.of(r.out().strip()));
    assertThat(text)
        .contains("title: \"Hội nghị học tập Nghị quyết\"", "draft: true")
        .doesNotContain("congress:");
  }

  @Test
  void readsCongressTitles() {
    CongressTitle t =
        CongressTitle.parse("Đại hội Đảng bộ Sở Công Thương lần thứ V nhiệm kỳ 2020 - 2025");
    assertThat(t.organization()).contains("Đảng bộ Sở Công Thương");
    assertThat(t.ordinal()).hasValue(5);
    assertThat(t.term()).contains(new Term(2020, 2025));
    assertThat(CongressTitle.parse("Đại hội đại biểu Đảng bộ tỉnh lần thứ XX").ordinal())
        .hasValue(20);
    assertThat(CongressTitle.parse("Hội nghị tổng kết năm 2021").isCongress()).isFalse();
  }

  @Test
  void checkReportsEveryProblemToFixBeforeDeployingAndWritesNothing() throws IOException {
    write(
        "content/a.md",
        """
        ---
        title: "Đại hội Chi bộ A lần thứ nhất nhiệm kỳ 2020 - 2022"
        date: 2020-01-17
        image: anh/a.jpg
        congress:
          organization: "Chi bộ A"
          ordinal: 2
          term: "2020-2025"
        ---

        Xem [bài B](b.md#khong-co), [mục](#ket-qua) và [C](c.md).

        ![](anh/a.jpg)

        ## Kết quả
        """);
    Files.createDirectories(dir.resolve("content/anh"));
    Files.write(dir.resolve("content/anh/a.jpg"), vn.luutru.testing.CameraPhotos.jpeg(64, 48, 1));
    write(
        "content/b.md",
        "---\ntitle: \"B\"\ndate: 2020-01-18\nsummary: \"Có tóm tắt.\"\n---\n\n## Mở đầu\n");
    String c = dir.resolve("content").toString();
    MainTest.Run r = MainTest.run("check", "--content", c, "--templates", "templates");
    assertThat(r.code()).isEqualTo(1);
    assertThat(r.err())
        .contains(
            c + "/a.md:7:12: error: congress.ordinal is 2 but the title says lần thứ nhất (1)")
        .contains(
            c
                + "/a.md:8:9: error: congress.term is 2020-2025 but the title says nhiệm kỳ 2020 - 2022")
        .contains(c + "/a.md:11:5: error: anchor #khong-co does not exist in " + c + "/b.md")
        .contains(c + "/a.md:11:48: error: link to c.md: no such article")
        .contains(c + "/a.md:13:1: warning: image without alternative text")
        .contains(c + "/a.md:2:8: warning: no summary")
        .contains(c + "/a.md:4:8: warning: image without alternative text: add 'image_alt")
        .doesNotContain("anchor #ket-qua")
        .contains("4 error(s), 3 warning(s)");
    assertThat(dir.resolve("site")).doesNotExist();
  }

  @Test
  void checkPassesACleanArchiveAndStrictCountsWarnings() throws IOException {
    write("content/b.md", "---\ntitle: \"B\"\ndate: 2020-01-18\n---\n\nNội dung.\n");
    String c = dir.resolve("content").toString();
    assertThat(MainTest.run("check", "--content", c).code()).isZero();
    MainTest.Run strict = MainTest.run("check", "--content", c, "--strict");
    assertThat(strict.code()).isEqualTo(1);
    assertThat(strict.err()).contains("warning: no summary", "--strict");
    assertThat(MainTest.run("check", "--content", "content").code())
        .as("the sample archive")
        .isZero();
  }
}
