package vn.luutru.importer;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.luutru.build.BuildResult;
import vn.luutru.build.SiteBuilder;
import vn.luutru.config.SiteConfig;
import vn.luutru.content.Diagnostic;
import vn.luutru.testing.CameraPhotos;

/**
 * luutru import on pages written in the style of a provincial department's former website
 * (src/test/resources/import/trang-cu), one of them rebuilt from the seed article.
 */
class ImporterTest {
  static final Path PAGES = Path.of("src/test/resources/import/trang-cu");
  static final LocalDate TODAY = LocalDate.of(2026, 11, 26);

  @TempDir Path dir;

  Map<String, Importer.Result> importAll() throws IOException {
    return Importer.importAll(List.of(PAGES), dir.resolve("content"), TODAY).stream()
        .collect(Collectors.toMap(r -> r.input().getFileName().toString(), r -> r));
  }

  @Test
  void importsTheSeedPageWithoutItsChrome() throws IOException {
    Importer.Result r = importAll().get("205.html");
    assertThat(r.notes())
        .singleElement()
        .asString()
        .startsWith("congress block filled in: organization, ordinal and term from the title");
    Path md =
        dir.resolve(
            "content/2020/01/dai-hoi-chi-bo-van-phong-2-lan-thu-nhat-nhiem-ky-2020-2022.md");
    assertThat(r.written()).contains(md);
    String text = Files.readString(md);
    assertThat(text)
        .startsWith(
            """
        ---
        title: "Đại hội Chi bộ Văn phòng 2 lần thứ nhất nhiệm kỳ 2020 - 2022"
        date: 2020-01-17
        summary: "Thực hiện Kế hoạch số 205-KH⁄ĐU ngày 01⁄8⁄2019""");
    assertThat(text)
        .contains(
            "source: \"Trần Thu\"\n",
            "categories: [\"Xây dựng Đảng\"]\n",
            "image: \"anh/dai-hoi.png\"\n",
            "image_caption: \"Các đ/c đại biểu tặng hoa chúc mừng Đại hội Chi bộ Văn phòng Sở 2 nhiệm kỳ 2020 - 2022\"\n",
            "aliases: [\"/tin-tuc/205.html\"]\n",
            """
            congress:
              organization: "Chi bộ Văn phòng 2"
              ordinal: 1
              term: "2020-2022"
              held: 2020-01-16
              directed_by: [{ name: "Nguyễn Sỹ Chín", role: "Bí thư Đảng ủy Sở - Giám đốc Sở" }]
              elected:
                - { name: "Nguyễn Trọng Thức", role: "Bí thư Chi bộ" }
                - { name: "Trần Quang Kháng", role: "Phó Bí thư Chi bộ" }
              committee_size: 3
            ---
            """,
            "---\n\nThực hiện Kế hoạch số 205-KH⁄ĐU",
            "\n\nTại Đại hội, các đại biểu đã biểu quyết thông qua Nghị quyết Đại hội;");
    assertThat(text)
        .doesNotContain(
            "2020-01-17 - ",
            "Ảnh:",
            "Nguồn",
            "Chia sẻ",
            "In bài",
            "Trang chủ",
            "Các tin khác",
            "Liên kết",
            "Quảng cáo",
            "Bản quyền",
            "document.write",
            "_gaq",
            "SỞ CÔNG THƯƠNG TỈNH");
    assertThat(text.strip().split("\n\n")).as("front matter and the six paragraphs").hasSize(7);
    assertThat(dir.resolve("content/2020/01/anh/dai-hoi.png")).exists();
  }

  @Test
  void theImportedMirrorIsBuiltWithItsPhotos() throws IOException {
    importAll();
    BuildResult built = SiteBuilder.build(siteOf(dir.resolve("content")));
    assertThat(built.diagnostics()).filteredOn(Diagnostic::isError).isEmpty();
    Path site = dir.resolve("site");
    String page =
        Files.readString(
            site.resolve(
                "2020/01/dai-hoi-chi-bo-van-phong-2-lan-thu-nhat-nhiem-ky-2020-2022/index.html"));
    assertThat(page)
        .contains(
            "<img src=\"/2020/01/anh/dai-hoi-1.jpg\" srcset=\"/2020/01/anh/dai-hoi-1.jpg 1w\"");
    assertThat(site.resolve("2020/01/anh/dai-hoi-1.jpg")).exists();
    assertThat(site.resolve("2020/01/anh/dai-hoi.png")).as("no original").doesNotExist();
  }

  @Test
  void readsVietnameseDateFormsFiguresListsAndTheCanonicalAddress() throws IOException {
    Importer.Result r = importAll().get("hoi-nghi-hoc-tap.html");
    assertThat(r.notes())
        .singleElement()
        .asString()
        .startsWith(
            "the photo http://socongthuong.example.gov.vn/uploads/2016/12/hoi-nghi.jpg is on another"
                + " website: it is linked, not copied");
    String text = Files.readString(r.written().orElseThrow());
    assertThat(r.written().get().toString())
        .endsWith(
            "content/2016/12/hoi-nghi-hoc-tap-quan-triet-nghi-quyet-trung-uong-4-khoa-xii.md");
    assertThat(text)
        .contains(
            "date: 2016-12-09T08:30:00+07:00\n",
            "summary: \"Sáng ngày 08/12/2016, Đảng ủy Sở Công Thương",
            "source: \"Văn phòng Đảng ủy\"\n",
            "image: \"http://socongthuong.example.gov.vn/uploads/2016/12/hoi-nghi.jpg\"\n",
            "image_caption: \"Quang cảnh Hội nghị học tập Nghị quyết\"\n",
            "image_alt: \"Quang cảnh hội nghị\"\n",
            "aliases: [\"/tin-tuc/hoi-nghi-hoc-tap-nghi-quyet.html\"]\n",
            "## Nội dung chính\n",
            "**những nội dung cơ bản**",
            "- Tăng cường xây dựng, chỉnh đốn Đảng;\n- Ngăn chặn",
            "[toàn văn Nghị quyết](http://socongthuong.example.gov.vn/van-ban/nq-04.pdf)");
    assertThat(text).doesNotContain("Tweet", "Tin xem nhiều", "Thứ Sáu, ngày 09");
  }

  @Test
  void saysWhatItWasNotSureOfAndStillWritesTheRest() throws IOException {
    Importer.Result r = importAll().get("khong-ngay.htm");
    assertThat(r.notes())
        .as("the banner's heading is the site's name, not a candidate title")
        .anyMatch(n -> n.startsWith("no date found"))
        .noneMatch(n -> n.startsWith("several candidate titles"));
    String text = Files.readString(r.written().orElseThrow());
    assertThat(text)
        .contains(
            "title: \"Lễ kết nạp đảng viên mới tại Chi bộ Phòng Quản lý Thương mại\"",
            "date: 2026-11-26",
            "draft: true",
            "aliases: [\"/khong-ngay.htm\"]",
            "Nguyễn Thị Hoa");
  }

  @Test
  void survivesLongWordsQueryAddressesAndWordPressClasses() throws IOException {
    Path page = dir.resolve("wp.html");
    Files.writeString(
        page,
        "<html><head><link rel=canonical href='http://cu.example.vn/index.php?option=com_content&id=201'>"
            + "</head><body><div class='menu'>Trang chủ</div>"
            + "<div class='post-205 post type-post status-publish tag-dai-hoi category-tin'><h1>Tin cũ</h1>"
            + "<p class='entry-date'>17/01/2020</p><p>"
            + "x".repeat(320)
            + "</p><p>Đoạn hai.</p></div></body></html>");
    List<Importer.Result> results =
        Importer.importAll(List.of(page), dir.resolve("content"), TODAY);
    Importer.Result r = results.get(0);
    assertThat(r.failed()).isFalse();
    assertThat(r.notes()).anyMatch(n -> n.contains("has a query"));
    String text = Files.readString(r.written().orElseThrow());
    assertThat(text)
        .contains("date: 2020-01-17", "Đoạn hai.", "summary: \"xxxx")
        .doesNotContain("aliases", "Trang chủ");
  }

  @Test
  void importedArticlesBuildAndASecondImportOverwritesNothing() throws IOException {
    importAll();
    SiteConfig config =
        SiteConfig.builder()
            .title("Lưu trữ")
            .baseUrl("https://example.org/")
            .contentDir(dir.resolve("content"))
            .shownContentDir("content")
            .outputDir(dir.resolve("site"))
            .drafts(true)
            .today(TODAY)
            .build();
    BuildResult result = SiteBuilder.check(config);
    assertThat(result.diagnostics()).filteredOn(Diagnostic::isError).isEmpty();
    assertThat(result.articles()).isEqualTo(3);

    Path md =
        dir.resolve(
            "content/2020/01/dai-hoi-chi-bo-van-phong-2-lan-thu-nhat-nhiem-ky-2020-2022.md");
    Files.writeString(md, "edited by hand");
    Importer.Result again = importAll().get("205.html");
    assertThat(again.written()).isEmpty();
    assertThat(again.notes()).anyMatch(n -> n.contains("already exists; not overwritten"));
    assertThat(Files.readString(md)).isEqualTo("edited by hand");
  }

  /**
   * Links and images dropped from a paragraph as the two patterns did, on strings made of their
   * characters.
   */
  @Test
  void linksAreReadAsThePatternsReadThem() {
    java.util.Random random = new java.util.Random(20261127);
    String alphabet = "[]()!a \\";
    for (int k = 0; k < 20_000; k++) {
      StringBuilder b = new StringBuilder();
      int length = random.nextInt(40);
      for (int i = 0; i < length; i++) {
        b.append(alphabet.charAt(random.nextInt(alphabet.length())));
      }
      String s = b.toString();
      assertThat(PageReader.links(s, false))
          .as("links of %s", s)
          .isEqualTo(s.replaceAll("\\[([^]]*)]\\([^)]*\\)", "$1"));
      assertThat(PageReader.links(s, true))
          .as("images of %s", s)
          .isEqualTo(s.replaceAll("!\\[[^]]*]\\([^)]*\\)", ""));
    }
    assertThat(PageReader.links("Xem [bài](/a) và ![ảnh](b.jpg) nhé", false))
        .isEqualTo("Xem bài và !ảnh nhé");
    assertThat(PageReader.links("Xem [bài](/a) và ![ảnh](b.jpg) nhé", true))
        .isEqualTo("Xem [bài](/a) và  nhé");
  }

  /**
   * A first paragraph of 100,000 brackets and no closing one took 4 minutes to import (a pattern
   * looked for a ] from each [); it takes well under a second now. The limit is only there to stop
   * a hang.
   */
  @Test
  void aParagraphOfBracketsDoesNotStallTheImport() throws IOException {
    Path page = dir.resolve("brackets.html");
    Files.writeString(
        page,
        "<html><head><meta property='article:published_time' content='2020-03-12'></head><body>"
            + "<article><h1>Tin</h1><p>"
            + "[a".repeat(100_000)
            + "</p></article></body></html>");
    List<Importer.Result> results =
        org.junit.jupiter.api.Assertions.assertTimeoutPreemptively(
            java.time.Duration.ofSeconds(60),
            () -> Importer.importAll(List.of(page), dir.resolve("content"), TODAY));
    assertThat(results.get(0).failed()).isFalse();
    assertThat(Files.readString(results.get(0).written().orElseThrow())).contains("\\[a\\[a");
  }

  // ---- Hole 1: nothing outside the mirror is read, copied or linked ----------------------------

  static final String SECRET = "MẬT KHẨU: s3cr3t-do-not-publish";

  /**
   * Addresses a hostile or broken page may point at; {@code SECRET} stands for the secret's
   * absolute path.
   */
  static List<String> outsideAddresses() {
    return List.of(
        "../../secret.txt",
        "../../../../../../../../../../secret.txt",
        "..%2F..%2Fsecret.txt",
        "%2e%2e/%2e%2e/secret.txt",
        "%2E%2E%2F%2E%2E%2Fsecret.txt",
        "..%5C..%5Csecret.txt",
        "..\\..\\secret.txt",
        "anh/../../../secret.txt",
        "/SECRET",
        "file:///SECRET",
        "file:/SECRET",
        "FILE://localhost/SECRET",
        "C:\\secret.txt",
        "c:/secret.txt",
        "C|/secret.txt",
        "anh.png%00.jpg",
        "lien-ket.png",
        "thu-muc-ngoai/secret.txt",
        "javascript:alert(1)");
  }

  /** A mirror folder beside a secret file, with links in it that lead out. */
  Path mirrorBesideASecret() throws IOException {
    Files.writeString(dir.resolve("secret.txt"), SECRET);
    Path tin = Files.createDirectories(dir.resolve("mirror/tin"));
    // Real photos: a build refuses bytes that are not one.
    Files.write(tin.resolve("anh.png"), CameraPhotos.png(CameraPhotos.pixels(8, 8, 1)));
    Files.createSymbolicLink(tin.resolve("lien-ket.png"), dir.resolve("secret.txt"));
    Files.createSymbolicLink(tin.resolve("thu-muc-ngoai"), dir);
    return dir.resolve("mirror");
  }

  static String pageWith(String address) {
    String a = address.replace("\"", "&quot;");
    return "<html><body><article><h1>Tin có ảnh</h1><p class=date>17/01/2020</p>"
        + "<p><img src=\""
        + a
        + "\" alt=\"Ảnh\"></p><p>Ảnh: Chú thích</p>"
        + "<p>Đoạn một <img src=\""
        + a
        + "\" alt=\"Ảnh hai\"> và <a href=\""
        + a
        + "\">tệp đính kèm</a>.</p>"
        + "</article></body></html>";
  }

  @org.junit.jupiter.params.ParameterizedTest(name = "{0}")
  @org.junit.jupiter.params.provider.MethodSource("outsideAddresses")
  void anAddressThatLeadsOutOfTheMirrorIsRefusedNamedAndNeverCopied(String address)
      throws IOException {
    Path mirror = mirrorBesideASecret();
    String resolved =
        address.replace(
            "SECRET", dir.resolve("secret.txt").toAbsolutePath().toString().substring(1));
    Files.writeString(mirror.resolve("tin/bai.html"), pageWith(resolved));
    Path content = dir.resolve("content");

    Importer.Result r = Importer.importAll(List.of(mirror), content, TODAY).get(0);

    byte[] secret = SECRET.getBytes(java.nio.charset.StandardCharsets.UTF_8);
    try (var files = Files.walk(dir.resolve("content"))) {
      for (Path f : files.filter(Files::isRegularFile).toList()) {
        assertThat(Files.readAllBytes(f)).as("%s", f).isNotEqualTo(secret);
        assertThat(Files.readString(f))
            .as("%s", f)
            .doesNotContain("s3cr3t", "secret.txt", "lien-ket", "javascript");
      }
    }
    assertThat(r.failed()).as("a refused address is a problem").isTrue();
    assertThat(r.errors())
        .as("the report names the address")
        .anyMatch(e -> e.message().contains(resolved));
    assertThat(r.notes()).noneMatch(n -> n.contains("copied"));
    String md = Files.readString(r.written().orElseThrow());
    assertThat(md).contains("Đoạn một", "tệp đính kèm").doesNotContain("image: ");
  }

  @Test
  void filesInsideTheMirrorAreCopiedAndAddressesFromItsRootAreReadInIt() throws IOException {
    Path mirror = mirrorBesideASecret();
    Files.createDirectories(mirror.resolve("uploads"));
    byte[] hai = CameraPhotos.jpeg(64, 48, 1);
    Files.write(mirror.resolve("uploads/hai.jpg"), hai);
    Files.write(mirror.resolve("uploads/nq 04.pdf"), new byte[] {4, 5, 6});
    Files.writeString(
        mirror.resolve("tin/bai.html"),
        "<html><body><article><h1>Tin có ảnh</h1>"
            + "<p class=date>17/01/2020</p><p><img src=\"anh.png\" alt=\"Ảnh\"></p>"
            + "<p>Đoạn một <img src=\"/uploads/hai.jpg\" alt=\"Ảnh hai\"> và <a href=\"../uploads/nq%2004.pdf\">toàn văn</a>.</p>"
            + "<p>Xem <a href=\"206.html#phan-2\">bài sau</a>, <a href=\"Default.aspx?tabid=5\">trang cũ</a>.</p>"
            + "</article></body></html>");
    Path content = dir.resolve("content");

    Importer.Result r = Importer.importAll(List.of(mirror), content, TODAY).get(0);

    assertThat(r.errors()).isEmpty();
    String md = Files.readString(r.written().orElseThrow());
    assertThat(md)
        .contains(
            "image: \"anh/anh.png\"",
            "![Ảnh hai](anh/hai.jpg)",
            "[toàn văn](tep/nq%2004.pdf)",
            "[bài sau](/tin/206.html#phan-2)",
            " trang cũ.");
    assertThat(r.notes())
        .anyMatch(n -> n.contains("Default.aspx?tabid=5") && n.contains("text is kept"));
    assertThat(content.resolve("2020/01/anh/hai.jpg")).hasBinaryContent(hai);
    assertThat(content.resolve("2020/01/tep/nq 04.pdf")).hasBinaryContent(new byte[] {4, 5, 6});
    SiteConfig config =
        SiteConfig.builder()
            .title("Lưu trữ")
            .baseUrl("https://example.org/")
            .contentDir(content)
            .shownContentDir("content")
            .outputDir(dir.resolve("site"))
            .drafts(true)
            .today(TODAY)
            .build();
    // The page 206.html was not saved: the import said so, and check reports the link it left.
    assertThat(r.notes())
        .anyMatch(n -> n.contains("not imported") && n.contains("/tin/206.html (not in the saved"));
    assertThat(SiteBuilder.check(config).diagnostics())
        .filteredOn(Diagnostic::isError)
        .singleElement()
        .extracting(Diagnostic::message)
        .asString()
        .startsWith("link to /tin/206.html: no article, file or old address (alias) of the site");
  }

  @Test
  void aSinglePageIsTheWholeMirror() throws IOException {
    Path mirror = mirrorBesideASecret();
    Files.write(mirror.resolve("o-goc.png"), new byte[] {7});
    Files.writeString(mirror.resolve("tin/bai.html"), pageWith("../o-goc.png"));

    Importer.Result r =
        Importer.importAll(List.of(mirror.resolve("tin/bai.html")), dir.resolve("content"), TODAY)
            .get(0);

    assertThat(r.errors())
        .anyMatch(e -> e.message().contains("../o-goc.png") && e.message().contains("outside"));
    assertThat(dir.resolve("content/2020/01/anh/o-goc.png")).doesNotExist();
  }

  @Test
  void aPageThatIsALinkOutOfTheMirrorIsNotRead() throws IOException {
    Path mirror = mirrorBesideASecret();
    Files.writeString(
        dir.resolve("ngoai.html"),
        "<html><body><h1>Ngoài</h1><p>17/01/2020</p><p>" + SECRET + "</p></body></html>");
    Files.createSymbolicLink(mirror.resolve("tin/ngoai.html"), dir.resolve("ngoai.html"));

    List<Importer.Result> results =
        Importer.importAll(List.of(mirror), dir.resolve("content"), TODAY);

    assertThat(results)
        .singleElement()
        .satisfies(
            r -> {
              assertThat(r.written()).isEmpty();
              assertThat(r.errors())
                  .anyMatch(e -> e.message().contains("leads outside the saved site"));
            });
    assertThat(dir.resolve("content")).doesNotExist();
  }

  // ---- Hole 2: text of a page stays text -----------------------------------------------------

  /** Paragraphs and headings that look like Markdown or HTML, as an old page may have them. */
  static final List<String> MARKDOWN_LOOKALIKES =
      List.of(
          "<style> là thẻ định dạng, không phải nội dung",
          "<script>alert(1)</script> được viết ra như chữ",
          "<!-- không phải chú thích -->",
          "# không phải tiêu đề",
          "## cũng không phải tiêu đề ##",
          "> không phải trích dẫn",
          "---",
          "***",
          "___",
          "1. không phải danh sách",
          "2) cũng không phải danh sách",
          "- không phải gạch đầu dòng",
          "+ không phải gạch đầu dòng",
          "* không phải gạch đầu dòng",
          "===",
          "| Cột 1 | Cột 2 |",
          "```",
          "~~~",
          "[^1]: không phải chú thích cuối trang",
          "[liên kết]: http://example.org",
          "&copy; và &amp; viết như chữ",
          "Ngôn ngữ C#",
          "a\\b \\* sao *nghiêng* _gạch_ `mã` ~~gạch~~",
          "Xem <http://example.org> và www.example.org",
          "![ảnh](x.png) chỉ là chữ");

  @Test
  void textThatLooksLikeMarkdownOrHtmlStaysTheSameText() throws IOException {
    StringBuilder html =
        new StringBuilder("<html><body><article><h1>Tin</h1><p class=date>17/01/2020</p>");
    for (String t : MARKDOWN_LOOKALIKES) {
      String e = org.jsoup.nodes.Entities.escape(t);
      html.append("<p>")
          .append(e)
          .append("</p>\n<h2>")
          .append(e)
          .append("</h2>\n<p>Dòng đầu<br>")
          .append(e)
          .append("</p>\n<ul><li>")
          .append(e)
          .append("</li></ul>\n<blockquote>")
          .append(e)
          .append("</blockquote>\n")
          .append("<table><tr><td>")
          .append(e)
          .append("</td></tr></table>\n");
    }
    html.append("<p>Đoạn cuối.</p>\n<div>\t")
        .append(org.jsoup.nodes.Entities.escape("---"))
        .append("</div>")
        .append("</article></body></html>");
    Path page = dir.resolve("bai.html");
    Files.writeString(page, html);

    Importer.Result r = Importer.importAll(List.of(page), dir.resolve("content"), TODAY).get(0);
    String md = Files.readString(r.written().orElseThrow());
    String body = md.substring(md.indexOf("\n---\n") + 5);
    assertThat(md).contains("summary: \"<style> là thẻ định dạng, không phải nội dung\"\n");
    String rendered =
        new vn.luutru.markdown.MarkdownRenderer()
            .render(body, vn.luutru.markdown.LinkResolver.IDENTITY)
            .html();

    List<String> expected = new java.util.ArrayList<>();
    for (String t : MARKDOWN_LOOKALIKES) {
      expected.addAll(List.of(t, t, "Dòng đầu\n" + t, t, t, t));
    }
    expected.addAll(List.of("Đoạn cuối.", "---"));
    org.jsoup.nodes.Document out = org.jsoup.Jsoup.parseBodyFragment(rendered);
    List<String> blocks =
        out.select("p, h2, li, blockquote:not(:has(p))").stream()
            .map(e -> e.wholeText().strip().replaceAll("\\s*\n\\s*", "\n"))
            .toList();
    assertThat(blocks).as("rendered from%n%s", body).containsExactlyElementsOf(expected);
    // Addresses in the text become links (the site's autolink extension), with the same words.
    assertThat(out.select("a").eachText()).containsOnly("http://example.org", "www.example.org");
    assertThat(out.select("hr, table, pre, code, ol, h1, h3, img, del, script, style, sup"))
        .as("%s", rendered)
        .isEmpty();
  }

  // ---- Hole 4: every article written is one build accepts ------------------------------------

  /** The article as build reads it: no errors. */
  static void buildAccepts(Path article) throws IOException {
    vn.luutru.content.ArticleParser.Parsed parsed =
        new vn.luutru.content.ArticleParser()
            .parse(
                article.getFileName().toString(), article.toString(), Files.readAllBytes(article));
    assertThat(parsed.diagnostics()).filteredOn(Diagnostic::isError).isEmpty();
    assertThat(parsed.article()).isPresent();
    assertThat(Files.size(article))
        .isLessThanOrEqualTo(vn.luutru.content.ContentSource.MAX_ARTICLE_BYTES);
  }

  @Test
  void aPageWithoutAnyTitleIsTitledFromItsFileName() throws IOException {
    Path page = dir.resolve("bao-cao_tong-ket.html");
    Files.writeString(
        page,
        "<html><head><title> </title></head><body><h1></h1><p>17/01/2020</p><p>Nội dung.</p></body></html>");

    Importer.Result r = Importer.importAll(List.of(page), dir.resolve("content"), TODAY).get(0);

    buildAccepts(r.written().orElseThrow());
    assertThat(Files.readString(r.written().get())).contains("title: \"bao cao tong ket\"");
    assertThat(r.notes()).anyMatch(n -> n.contains("file name") && n.contains("bao cao tong ket"));
  }

  @org.junit.jupiter.params.ParameterizedTest
  @org.junit.jupiter.params.provider.ValueSource(
      strings = {
        "http://cu.example.vn/a/../../b.html", "http://cu.example.vn/./a.html",
            "http://cu.example.vn//a.html",
        "http://cu.example.vn/a%00b.html", "http://cu.example.vn/a%0Ab.html",
            "http://cu.example.vn/a%5C..%5Cb.html",
        "http://cu.example.vn/%2e%2e/b.html"
      })
  void anOldAddressOutsideTheSiteIsLeftOutOfTheAliasesAndSaidSo(String canonical)
      throws IOException {
    Path page = dir.resolve("bai.html");
    Files.writeString(
        page,
        "<html><head><link rel=canonical href='"
            + canonical
            + "'></head><body><h1>Tin</h1>"
            + "<p>17/01/2020</p><p>Nội dung.</p></body></html>");

    Importer.Result r = Importer.importAll(List.of(page), dir.resolve("content"), TODAY).get(0);

    buildAccepts(r.written().orElseThrow());
    assertThat(Files.readString(r.written().get())).doesNotContain("aliases");
    assertThat(r.notes()).anyMatch(n -> n.contains("not kept in aliases"));
  }

  /**
   * A page of 17 MB would make an article build refuses to read (16 MB): it is a failure, not an
   * article.
   */
  @Test
  void aPageTooLargeForAnArticleFailsAndWritesNothing() throws IOException {
    Path page = dir.resolve("lon.html");
    String paragraph = "<p>" + "Đại hội Chi bộ ".repeat(400) + "</p>\n";
    StringBuilder html =
        new StringBuilder("<html><body><article><h1>Tin rất dài</h1><p>17/01/2020</p>");
    while (html.length() < 12_000_000) {
      html.append(paragraph);
    }
    Files.writeString(page, html.append("</article></body></html>"));
    assertThat(Files.size(page)).isGreaterThan(vn.luutru.content.ContentSource.MAX_ARTICLE_BYTES);

    Importer.Result r = Importer.importAll(List.of(page), dir.resolve("content"), TODAY).get(0);

    assertThat(r.written()).isEmpty();
    assertThat(r.errors())
        .singleElement()
        .satisfies(e -> assertThat(e.message()).contains("16 MB", "Split the page"));
    assertThat(dir.resolve("content")).doesNotExist();
  }

  // ---- Hole 3: encodings ---------------------------------------------------------------------

  static final java.nio.charset.Charset CP1258 = java.nio.charset.Charset.forName("windows-1258");

  /**
   * A page as bytes: {@code head} in the head, then a title and paragraph in windows-1258's
   * decomposed form.
   */
  static byte[] page1258(String head) {
    String html =
        "<html><head>"
            + head
            + "</head><body><article><h1>\u0110a\u0323i h\u00f4\u0323i Chi b\u00f4\u0323</h1>"
            + "<p>17/01/2020</p><p>Chi b\u00f4\u0323 V\u0103n pho\u0300ng 2 b\u00e2\u0300u Bi\u0301 th\u01b0.</p>"
            + "</article></body></html>";
    return html.getBytes(CP1258);
  }

  Importer.Result importBytes(String name, byte[] bytes) throws IOException {
    Path page = dir.resolve(name);
    Files.write(page, bytes);
    return Importer.importAll(List.of(page), dir.resolve("content"), TODAY).get(0);
  }

  @org.junit.jupiter.params.ParameterizedTest
  @org.junit.jupiter.params.provider.ValueSource(
      strings = {
        "",
        "<meta charset=utf-8>",
        "<meta http-equiv='Content-Type' content='text/html; charset=UTF-8'>"
      })
  void aWindows1258PageUndeclaredOrDeclaredWronglyIsReadAsWindows1258AndSaidSo(String head)
      throws IOException {
    Importer.Result r = importBytes("bai.html", page1258(head));

    assertThat(r.encoding()).isEqualTo("windows-1258");
    assertThat(r.errors()).isEmpty();
    assertThat(r.notes()).anyMatch(n -> n.contains("windows-1258"));
    assertThat(Files.readString(r.written().orElseThrow()))
        .contains("title: \"Đại hội Chi bộ\"", "Chi bộ Văn phòng 2 bầu Bí thư.")
        .doesNotContain("\uFFFD");
  }

  @Test
  void aPageDeclaredAsWindows1258IsReadSoWithoutANote() throws IOException {
    Importer.Result r = importBytes("bai.html", page1258("<meta charset=\"windows-1258\">"));

    assertThat(r.encoding()).isEqualTo("windows-1258");
    assertThat(r.notes()).isEmpty();
    assertThat(Files.readString(r.written().orElseThrow()))
        .contains("Chi bộ Văn phòng 2 bầu Bí thư.");
    assertThat(importAll().get("205.html").encoding()).isEqualTo("UTF-8");
  }

  @Test
  void bytesThatNoEncodingReadsFailThePageAtTheirPlace() throws IOException {
    byte[] good =
        "<html><head><meta charset=utf-8></head><body><h1>Tin</h1>\n<p>17/01/2020</p>\n<p>Đại hội "
            .getBytes(java.nio.charset.StandardCharsets.UTF_8);
    byte[] bytes = java.util.Arrays.copyOf(good, good.length + 3);
    bytes[good.length] = (byte) 0x81; // not UTF-8, nor a letter of windows-1258
    bytes[good.length + 1] = (byte) 0xC3;
    bytes[good.length + 2] = '.';

    Importer.Result r = importBytes("bai.html", bytes);

    assertThat(r.written()).isEmpty();
    assertThat(r.errors())
        .singleElement()
        .satisfies(
            e -> {
              assertThat(e.line()).isEqualTo(3);
              assertThat(e.column()).isEqualTo(12);
              assertThat(e.message()).contains("UTF-8", "windows-1258", "save it again");
            });
  }

  @Test
  void replacementCharactersInAPageAreTextLostBeforeAndSaidSo() throws IOException {
    Importer.Result r =
        importBytes(
            "bai.html",
            ("<html><head><meta charset=utf-8></head><body><h1>Tin</h1>\n"
                    + "<p>17/01/2020</p>\n<p>Đại h\uFFFDi Chi bộ</p></body></html>")
                .getBytes(java.nio.charset.StandardCharsets.UTF_8));

    assertThat(r.failed()).isTrue();
    assertThat(r.errors())
        .singleElement()
        .satisfies(
            e -> {
              assertThat(e.line()).isEqualTo(3);
              assertThat(e.column()).isEqualTo(9);
              assertThat(e.message()).contains("\uFFFD");
            });
  }

  @Test
  void aPageInTcvn3OrVniFontsIsNotReadAsMojibake() throws IOException {
    Importer.Result r =
        importBytes(
            "bai.html",
            ("<html><body><h1><font face='.VnTime'>\u00a7\u00b9i h\u00e9i</font></h1>"
                    + "<p>17/01/2020</p><p><font face='.VnTime'>Chi b\u00e9 V\u00a8n ph\u00dfng</font></p></body></html>")
                .getBytes(CP1258));

    assertThat(r.written()).isEmpty();
    assertThat(r.errors())
        .singleElement()
        .satisfies(e -> assertThat(e.message()).contains("TCVN3", "Unicode"));
  }

  @Test
  void aUtf16PageWithItsByteOrderMarkIsRead() throws IOException {
    byte[] text =
        "<html><body><h1>Đại hội</h1><p>17/01/2020</p><p>Chi bộ.</p></body></html>"
            .getBytes(java.nio.charset.StandardCharsets.UTF_16LE);
    byte[] bytes = new byte[text.length + 2];
    bytes[0] = (byte) 0xFF;
    bytes[1] = (byte) 0xFE;
    System.arraycopy(text, 0, bytes, 2, text.length);

    Importer.Result r = importBytes("bai.html", bytes);

    assertThat(r.encoding()).isEqualTo("UTF-16LE");
    assertThat(Files.readString(r.written().orElseThrow()))
        .contains("title: \"Đại hội\"", "Chi bộ.");
  }

  @Test
  void aLinkedFolderLeadingOutIsRefusedBeforeAnythingInItIsLookedAtAndEmbeddedImagesAreNamed()
      throws IOException {
    Path mirror = mirrorBesideASecret();
    String data = "data:image/png;base64," + "iVBORw0KGgo".repeat(50);
    Files.writeString(
        mirror.resolve("tin/bai.html"),
        "<html><body><h1>Tin</h1><p>17/01/2020</p>"
            + "<p>Ảnh <img src='thu-muc-ngoai/khong-co.png' alt='a'> và <img src='"
            + data
            + "' alt='b'>.</p></body></html>");

    Importer.Result r = Importer.importAll(List.of(mirror), dir.resolve("content"), TODAY).get(0);

    assertThat(r.errors())
        .extracting(Diagnostic::message)
        .anyMatch(
            m ->
                m.contains("'thu-muc-ngoai/khong-co.png' is a symbolic link")
                    && m.contains("outside"))
        .anyMatch(
            m ->
                m.contains("data:image/png;base64,iVBOR")
                    && m.contains("(data:)")
                    && m.length() < 500);
  }

  /**
   * Two pages of one month with one title are two articles; only the same page again is skipped.
   */
  @Test
  void twoPagesWithOneTitleAreBothImportedAndTheSamePageTwiceIsNot() throws IOException {
    Path mirror = Files.createDirectories(dir.resolve("cu"));
    for (String name : List.of("a.html", "b.html")) {
      Files.writeString(
          mirror.resolve(name),
          "<html><body><h1>Thông báo</h1><p>17/01/2020</p><p>Trang "
              + name
              + ".</p></body></html>");
    }
    Path content = dir.resolve("content");

    List<Importer.Result> first = Importer.importAll(List.of(mirror), content, TODAY);
    List<Importer.Result> again = Importer.importAll(List.of(mirror), content, TODAY);

    assertThat(first)
        .extracting(r -> r.written().orElseThrow().getFileName().toString())
        .containsExactly("thong-bao.md", "thong-bao-2.md");
    assertThat(Files.readString(content.resolve("2020/01/thong-bao-2.md")))
        .contains("Trang b.html.");
    // thong-bao-2.md sorts before thong-bao.md: without a slug of its own it would take the first
    // one's address
    BuildResult built = SiteBuilder.build(siteOf(content));
    assertThat(built.diagnostics()).isEmpty();
    Path site = dir.resolve("site");
    assertThat(Files.readString(site.resolve("2020/01/thong-bao/index.html")))
        .contains("Trang a.html.");
    assertThat(Files.readString(site.resolve("2020/01/thong-bao-2/index.html")))
        .contains("Trang b.html.");
    assertThat(again)
        .allSatisfy(
            r -> {
              assertThat(r.written()).isEmpty();
              assertThat(r.notes()).anyMatch(n -> n.contains("already exists; not overwritten"));
            });
    assertThat(content.resolve("2020/01/thong-bao-3.md")).doesNotExist();
  }

  // ---- r21: the run is checked as a whole, against the content already there -----------------

  SiteConfig siteOf(Path content) {
    return SiteConfig.builder()
        .title("Lưu trữ")
        .baseUrl("https://example.org/")
        .contentDir(content)
        .shownContentDir(content.toString())
        .outputDir(dir.resolve("site"))
        .drafts(true)
        .future(true)
        .today(TODAY)
        .build();
  }

  /**
   * What {@code luutru build} says of the content folder: its errors, and whether it wrote the
   * site.
   */
  List<Diagnostic> buildErrors(Path content) throws IOException {
    BuildResult built = SiteBuilder.build(siteOf(content));
    List<Diagnostic> errors = built.diagnostics().stream().filter(Diagnostic::isError).toList();
    assertThat(built.written() || !errors.isEmpty()).isTrue();
    return errors;
  }

  static String oldPage(String canonical, String title) {
    return "<html><head><link rel=\"canonical\" href=\""
        + canonical
        + "\"></head><body><article><h1>"
        + title
        + "</h1><p class=date>17/01/2020</p><p>Nội dung của bài "
        + title
        + ".</p></article></body></html>";
  }

  /**
   * Two pages of the former site gave one canonical address, and a third gave the address an
   * imported article gets: each alias passed alone, the run said "0 failed", and build refused the
   * content folder.
   */
  @Test
  void aliasesThatClashWithinTheRunAreDroppedWithANoteAndBuildAcceptsTheRun() throws IOException {
    Path m = Files.createDirectories(dir.resolve("m"));
    Files.writeString(
        m.resolve("p1.html"), oldPage("http://old.example/tin-tuc/1.html", "Bài số 1"));
    Files.writeString(
        m.resolve("p2.html"), oldPage("http://old.example/tin-tuc/1.html", "Bài số 1 khác"));
    Files.writeString(m.resolve("p3.html"), oldPage("/2020/01/bai-so-1-khac/", "Bài số 3"));
    Path content = dir.resolve("s/content");

    List<Importer.Result> results = Importer.importAll(List.of(m), content, TODAY);

    assertThat(buildErrors(content)).isEmpty();
    assertThat(results).allSatisfy(r -> assertThat(r.written()).isPresent());
    String p1 = Files.readString(results.get(0).written().orElseThrow());
    String p2 = Files.readString(results.get(1).written().orElseThrow());
    String p3 = Files.readString(results.get(2).written().orElseThrow());
    assertThat(List.of(p1, p2))
        .as("the old address answers one of the two pages")
        .filteredOn(t -> t.contains("aliases: [\"/tin-tuc/1.html\"]"))
        .hasSize(1);
    assertThat(p3).doesNotContain("aliases").contains("Nội dung của bài Bài số 3.");
    Importer.Result dropped = p1.contains("aliases") ? results.get(1) : results.get(0);
    Path keeper =
        (p1.contains("aliases") ? results.get(0) : results.get(1)).written().orElseThrow();
    assertThat(dropped.notes())
        .anyMatch(n -> n.contains("/tin-tuc/1.html") && n.contains(keeper.toString()));
    assertThat(results.get(2).notes())
        .anyMatch(
            n ->
                n.contains("/2020/01/bai-so-1-khac/")
                    && n.contains(results.get(1).written().orElseThrow().toString()));

    // The next import of the folder knows the pages whose old address went elsewhere: nothing is
    // imported twice.
    List<Importer.Result> again = Importer.importAll(List.of(m), content, TODAY);
    assertThat(again).allSatisfy(r -> assertThat(r.written()).isEmpty());
    assertThat(buildErrors(content)).isEmpty();
  }

  /**
   * The articles already in the content folder keep their old addresses and their own addresses.
   */
  @Test
  void theContentAlreadyThereWinsAndIsNeverChanged() throws IOException {
    Path content = dir.resolve("content");
    Files.createDirectories(content.resolve("2019/05"));
    String mine =
        "---\ntitle: \"Bài của tôi\"\ndate: 2019-05-02\naliases: [\"/tin-tuc/9.html\", \"/2020/01/bai-moi/\"]\n---\n\n"
            + "Viết tay.\n";
    Path existing = content.resolve("2019/05/bai-cua-toi.md");
    Files.writeString(existing, mine);
    assertThat(buildErrors(content)).isEmpty();
    Path m = Files.createDirectories(dir.resolve("m"));
    Files.writeString(m.resolve("a.html"), oldPage("http://old.example/tin-tuc/9.html", "Bài cũ"));
    Files.writeString(m.resolve("b.html"), oldPage("/2019/05/bai-cua-toi/", "Bài cũ hai"));
    Files.writeString(m.resolve("c.html"), oldPage("/tin-tuc/10.html", "Bài mới"));

    List<Importer.Result> results = Importer.importAll(List.of(m), content, TODAY);

    assertThat(buildErrors(content)).isEmpty();
    assertThat(existing).hasContent(mine);
    assertThat(results.get(0).notes())
        .anyMatch(n -> n.contains("/tin-tuc/9.html") && n.contains(existing.toString()));
    assertThat(Files.readString(results.get(0).written().orElseThrow())).doesNotContain("aliases");
    assertThat(results.get(1).notes())
        .anyMatch(n -> n.contains("/2019/05/bai-cua-toi/") && n.contains(existing.toString()));
    // Its address, /2020/01/bai-moi/, is an old address of the article already there: the page is
    // not imported.
    assertThat(results.get(2).written()).isEmpty();
    assertThat(results.get(2).errors())
        .singleElement()
        .satisfies(
            e ->
                assertThat(e.message())
                    .contains("/2020/01/bai-moi/", existing.toString(), "not written"));
    assertThat(content.resolve("2020/01/bai-moi.md")).doesNotExist();
  }
}
