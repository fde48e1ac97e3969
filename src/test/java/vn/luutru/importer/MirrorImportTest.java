package vn.luutru.importer;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.Normalizer;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import vn.luutru.build.BuildResult;
import vn.luutru.build.SiteBuilder;
import vn.luutru.cli.Main;
import vn.luutru.config.SiteConfig;
import vn.luutru.content.Diagnostic;

/**
 * Whole saved sites in the shapes departments publish on (src/test/resources/import/portal-*: an
 * ASP.NET portal wrapped in its form, a Joomla site, a WordPress blog), imported and built: every
 * word, photo, caption and attached file of each article is in the built site, no address of it
 * leads nowhere, and none of the page chrome came along.
 */
class MirrorImportTest {
  static final Path IMPORT = Path.of("src/test/resources/import");
  static final LocalDate TODAY = LocalDate.of(2026, 11, 26);

  /**
   * One saved article: where its article sits in the saved page ({@code container}), what inside
   * that is not the article ({@code notArticle}: metadata lines, tools, other news), the labels the
   * import turns into structure instead of text, and the chrome that must not come along.
   */
  record Page(String file, String container, String notArticle, List<String> chrome) {}

  record Portal(String folder, String oldBaseUrl, List<Page> pages, List<String> skipped) {
    @Override
    public String toString() {
      return folder;
    }
  }

  static final List<String> COMMON_CHROME =
      List.of("Trang chủ", "Bản quyền", "©", "Chia sẻ", "Lượt xem", "Lượt truy cập", "wEPDw");

  static Stream<Portal> portals() {
    return Stream.of(
        new Portal(
            "portal-aspnet",
            "http://sct.hatinh.gov.vn",
            List.of(
                new Page(
                    "tin-tuc/190.html",
                    ".tintuc_chitiet",
                    ".ngaydang, .toolbar, .tinkhac",
                    List.of("Các tin khác", "In bài", "Gửi email", "Liên kết website", "Tìm kiếm")),
                new Page(
                    "tin-tuc/191.html",
                    ".news-detail",
                    ".date",
                    List.of("Tin cùng chuyên mục", "Facebook"))),
            List.of("chuyen-muc/xay-dung-dang.html")),
        new Portal(
            "portal-joomla",
            "http://bacha.example.vn",
            List.of(
                new Page(
                    "tin-tuc/45-dai-hoi-dang-bo-phuong-bac-ha.html",
                    ".item-page",
                    ".icons, .article-info, .pager",
                    List.of("Quản trị", "Tin mới", "Thống kê", "Về đầu trang")),
                new Page(
                    "tin-tuc/44-hoi-nghi-ban-chap-hanh-dang-bo.html",
                    ".item-page",
                    ".article-info",
                    List.of())),
            List.of()),
        new Portal(
            "portal-wordpress",
            "https://thachha.example.vn",
            List.of(
                new Page(
                    "2022/08/05/dai-hoi-chi-bo-thon-3/index.html",
                    "article",
                    ".entry-meta, .sharedaddy, .jp-relatedposts, .entry-footer",
                    List.of("admin", "Có liên quan", "Bài viết mới", "Trả lời", "Bình luận")),
                new Page(
                    "2022/08/01/hoi-nghi-tong-ket/index.html",
                    "article",
                    ".entry-meta",
                    List.of())),
            List.of()));
  }

  @TempDir Path dir;

  private List<Importer.Result> importPortal(Portal portal) throws IOException {
    return Importer.importAll(
        List.of(IMPORT.resolve(portal.folder())),
        dir.resolve("content"),
        TODAY,
        new Importer.Options(Optional.empty(), List.of(portal.oldBaseUrl())));
  }

  /**
   * Builds the imported site; {@code check} may only report the links the import said it left to
   * pages that were not imported.
   */
  private Path build(Set<String> leftLinks) throws IOException {
    SiteConfig config =
        SiteConfig.builder()
            .title("Lưu trữ")
            .baseUrl("https://example.org/luu-tru/")
            .contentDir(dir.resolve("content"))
            .shownContentDir("content")
            .outputDir(dir.resolve("site"))
            .today(TODAY)
            .build();
    BuildResult result = SiteBuilder.build(config);
    assertThat(result.diagnostics()).as("build").noneMatch(Diagnostic::isError);
    BuildResult checked = SiteBuilder.check(config);
    assertThat(checked.diagnostics().stream().filter(Diagnostic::isError).map(Diagnostic::message))
        .as("check")
        .allMatch(
            m -> leftLinks.stream().anyMatch(l -> m.startsWith("link to " + l + ": no article")))
        .hasSize(leftLinks.size());
    return dir.resolve("site");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("portals")
  void everyWordPhotoCaptionAndFileOfEachArticleIsInTheBuiltSiteAndNoChrome(Portal portal)
      throws IOException {
    List<Importer.Result> results = importPortal(portal);
    Map<String, Importer.Result> byFile =
        results.stream()
            .collect(
                Collectors.toMap(
                    r ->
                        IMPORT
                            .resolve(portal.folder())
                            .relativize(r.input())
                            .toString()
                            .replace('\\', '/'),
                    r -> r));
    assertThat(results).as("%s", results).noneMatch(Importer.Result::failed);
    for (String listing : portal.skipped()) {
      assertThat(byFile.get(listing).written()).isEmpty();
      assertThat(byFile.get(listing).skipped()).startsWith("a list of");
    }
    Set<String> leftLinks = new LinkedHashSet<>();
    for (Importer.Result r : results) {
      for (String note : r.notes()) {
        java.util.regex.Matcher m =
            java.util.regex.Pattern.compile("(/[^ ,]+) \\((not in the saved site|skipped)")
                .matcher(note);
        while (note.startsWith("links to pages that were not imported") && m.find()) {
          leftLinks.add(m.group(1));
        }
      }
    }
    Path site = build(leftLinks);
    for (Page page : portal.pages()) {
      Importer.Result r = byFile.get(page.file());
      assertThat(r.written()).as(page.file()).isPresent();
      Document saved = Jsoup.parse(IMPORT.resolve(portal.folder()).resolve(page.file()), "UTF-8");
      Element container = saved.selectFirst(page.container());
      container.select(page.notArticle()).remove();
      Document built = builtArticle(site, r.written().get());
      Element article = built.selectFirst("article.article");
      article.select("section.congress").remove();

      // Words: every word of the article's container is in the built article.
      Set<String> builtWords = new LinkedHashSet<>(words(article.text()));
      List<String> pageWords =
          words(
              container
                  .text()
                  .replaceAll("(?iu)(?<![\\p{L}])(ảnh|nguồn)\\s*:", " ")
                  .replaceAll("(?<![\\p{L}])Theo\\s+(?=\\p{Lu})", " "));
      List<String> missing = pageWords.stream().filter(w -> !builtWords.contains(w)).toList();
      double share = 100.0 * (pageWords.size() - missing.size()) / pageWords.size();
      System.out.printf(
          Locale.ROOT,
          "words kept %s/%s: %.1f %% (%d of %d)%n",
          portal.folder(),
          page.file(),
          share,
          pageWords.size() - missing.size(),
          pageWords.size());
      assertThat(missing).as("words of %s missing from the built article", page.file()).isEmpty();

      // Photos and files: each is in the built site, beside its article, and its page uses it.
      Path builtPage = builtPath(site, r.written().get());
      for (Element img : container.select("img")) {
        String name = fileName(PageReader.Converter.source(img));
        if (name.contains("icon") || name.isEmpty()) {
          continue;
        }
        // Published as its renditions: anh/x.jpg becomes anh/x-480.jpg (or its own width).
        int dot = name.lastIndexOf('.');
        java.util.regex.Pattern rendition =
            java.util.regex.Pattern.compile(
                ".*/"
                    + java.util.regex.Pattern.quote(name.substring(0, dot))
                    + "(-\\d+)?"
                    + java.util.regex.Pattern.quote(name.substring(dot)));
        assertThat(built.select("article.article img").eachAttr("src"))
            .as("photo %s of %s", name, page.file())
            .anyMatch(src -> rendition.matcher(src).matches() && resolves(site, builtPage, src));
      }
      for (Element a : container.select("a[href~=(?i)\\.(pdf|docx?|xlsx?|zip|rar|pptx?)$]")) {
        String name = fileName(a.attr("href"));
        assertThat(built.select("article.article a").eachAttr("href"))
            .as("attachment %s of %s", name, page.file())
            .anyMatch(href -> href.endsWith("/" + name) && resolves(site, builtPage, href));
      }
      // Chrome: none of it came along.
      for (String chrome : concat(COMMON_CHROME, page.chrome())) {
        assertThat(article.text()).as("chrome in %s", page.file()).doesNotContain(chrome);
      }
    }
    // Crawl: every address of every built page leads to a file of the site.
    List<String> broken = new ArrayList<>();
    try (Stream<Path> files = Files.walk(site)) {
      for (Path html : files.filter(p -> p.toString().endsWith(".html")).toList()) {
        Document d = Jsoup.parse(html, "UTF-8");
        for (Element e : d.select("a[href], img[src], link[href], script[src]")) {
          String address = e.hasAttr("href") ? e.attr("href") : e.attr("src");
          if (!resolves(site, html, address)
              && !leftLinks.contains(address.replaceFirst("^/luu-tru", ""))) {
            broken.add(site.relativize(html) + " → " + address);
          }
        }
      }
    }
    assertThat(broken).as("addresses that lead nowhere").isEmpty();
  }

  @Test
  void theAspNetPortalsArticleHasItsTitleDateSapoPhotosTableAuthorAndCongress() throws IOException {
    importPortal(portals().findFirst().orElseThrow());
    String text =
        Files.readString(
            dir.resolve(
                "content/2020/03/dai-hoi-chi-bo-phong-ke-hoach-tai-chinh-lan-thu-v-nhiem-ky-2020-2025.md"));
    assertThat(text)
        .startsWith(
            """
            ---
            title: "Đại hội Chi bộ Phòng Kế hoạch - Tài chính lần thứ V, nhiệm kỳ 2020 - 2025"
            date: 2020-03-12T08:30:00+07:00
            summary: "Ngày 10/3/2020, Chi bộ Phòng Kế hoạch - Tài chính trực thuộc Đảng bộ Sở Công Thương tổ chức Đại hội lần thứ V, nhiệm kỳ 2020 - 2025. Đây là chi bộ được chọn tổ chức Đại hội điểm của Đảng bộ Sở."
            source: "Minh Hà"
            categories: ["Xây dựng Đảng"]
            image: "anh/dai-hoi-kh-tc.jpg"
            image_caption: "Quang cảnh Đại hội Chi bộ Phòng Kế hoạch - Tài chính"
            image_alt: "Quang cảnh Đại hội"
            aliases: ["/tin-tuc/190.html"]
            congress:
              organization: "Chi bộ Phòng Kế hoạch - Tài chính"
              parent: "Đảng bộ Sở Công Thương"
              ordinal: 5
              term: "2020-2025"
              held: 2020-03-10
              directed_by: [{ name: "Nguyễn Sỹ Chín", role: "Bí thư Đảng ủy Sở - Giám đốc Sở" }]
              elected:
                - { name: "Trần Văn Hùng", role: "Bí thư Chi bộ" }
                - { name: "Lê Thị Mai", role: "Phó Bí thư Chi bộ" }
              committee_size: 3
            ---

            Dự Đại hội có đồng chí Nguyễn Sỹ Chín""")
        .contains(
            """
            | **Chỉ tiêu** | **Kế hoạch** | **Thực hiện** |
            | --- | --- | --- |
            | Giải ngân vốn đầu tư công | 95% | 98,6% |
            """,
            "![](anh/bau-cu.jpg)\n\n*Ban Chi ủy khóa mới ra mắt Đại hội*\n",
            "[Hội nghị sơ kết công tác Đảng quý I năm 2020](/2020/04/hoi-nghi-so-ket-",
            "[Đại hội Chi bộ Văn phòng Sở](/tin-tuc/150.html)",
            "File đính kèm: [Nghị quyết Đại hội](tep/nghi-quyet-dai-hoi.pdf)")
        .doesNotContain("\n\nNgày 10/3/2020", "**Minh Hà**", "SỞ CÔNG THƯƠNG TỈNH HÀ TĨNH");
  }

  @Test
  void theCommandReportsEachPageAndARunAgainLeavesEditedArticlesAlone() throws IOException {
    String mirror = IMPORT.resolve("portal-aspnet").toString();
    String content = dir.resolve("content").toString();
    String[] args = {
      "import", mirror, "--content", content, "--old-base-url", "http://sct.hatinh.gov.vn"
    };
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = run(args, out, err);
    assertThat(code).as("%s%s", out, err).isZero();
    assertThat(out.toString())
        .contains(
            "xay-dung-dang.html: skipped: a list of 3 articles",
            "190.html → ",
            "190.html: left out: 'In bài | Gửi email | Về đầu trang': page chrome",
            "190.html: left out: the icon /images/icon_pdf.gif beside a link",
            "190.html: check: congress block filled in",
            "/tin-tuc/150.html (not in the saved site)",
            "luutru import: 2 page(s) imported, 1 skipped, 0 failed");

    Path article =
        dir.resolve("content/2020/04")
            .resolve(
                "hoi-nghi-so-ket-cong-tac-xay-dung-dang-quy-i-nam-2020-va-trien-khai-nhiem-vu-quy.md");
    Files.writeString(article, "edited", StandardCharsets.UTF_8);
    StringWriter again = new StringWriter();
    assertThat(run(args, again, new StringWriter())).isZero();
    assertThat(again.toString())
        .contains("191.html: skipped: it was imported before, to ", "which is left as it is")
        .contains("luutru import: 0 page(s) imported, 3 skipped, 0 failed");
    assertThat(Files.readString(article)).isEqualTo("edited");
  }

  @Test
  void aPhotoMissingFromTheMirrorFailsThePageButItsCaptionIsKept() throws IOException {
    Path page = dir.resolve("cu/tin.html");
    Files.createDirectories(page.getParent());
    Files.writeString(
        page,
        "<html><body><h1>Hội nghị cán bộ</h1><p class=date>05/01/2021</p><div class=content>"
            + "<p>Đoạn một của bài.</p><p><img src='/Portals/0/khong-co.jpg'></p>"
            + "<p><em>Ảnh: Quang cảnh Hội nghị</em></p><p>Đoạn hai.</p></div></body></html>");
    Importer.Result r = Importer.importAll(List.of(page), dir.resolve("content"), TODAY).get(0);
    assertThat(r.failed()).isTrue();
    assertThat(r.errors()).anyMatch(d -> d.message().contains("/Portals/0/khong-co.jpg"));
    assertThat(Files.readString(r.written().orElseThrow()))
        .contains("*Ảnh: Quang cảnh Hội nghị*", "Đoạn hai.");
  }

  @Test
  void aSinglePageGivenWithItsSiteRootReadsAddressesFromThatRoot() throws IOException {
    Path root = IMPORT.resolve("portal-aspnet");
    Path page = root.resolve("tin-tuc/191.html");
    Importer.Result alone = Importer.importAll(List.of(page), dir.resolve("alone"), TODAY).get(0);
    assertThat(alone.errors())
        .as("without the root, ../Portals/… leads out of the page's folder")
        .anyMatch(d -> d.message().contains("../Portals/0/Images/2020/04/hoi-nghi-so-ket.jpg"));

    Importer.Result r =
        Importer.importAll(
                List.of(page),
                dir.resolve("content"),
                TODAY,
                new Importer.Options(Optional.of(root), List.of()))
            .get(0);
    assertThat(r.errors()).isEmpty();
    assertThat(Files.readString(r.written().orElseThrow()))
        .contains(
            "image: \"anh/hoi-nghi-so-ket.jpg\"",
            "aliases: [\"/tin-tuc/191.html\"]",
            "[Báo cáo sơ kết quý I](tep/bao-cao-so-ket.doc)");
    assertThat(dir.resolve("content/2020/04/tep/bao-cao-so-ket.doc")).exists();
  }

  @Test
  void pagesSavedWithAnAdjustedExtensionKeepTheirAddressesAndTheirLinksBetweenThem()
      throws IOException {
    Path mirror = dir.resolve("cu");
    Files.createDirectories(mirror.resolve("tin"));
    Files.writeString(
        mirror.resolve("tin/190.aspx.html"),
        "<html><body><h1>Đại hội Chi bộ A</h1><p class=date>12/03/2020</p><div class=content>"
            + "<p>Xem <a href='/tin/191.aspx'>bài sau</a>.</p></div></body></html>");
    Files.writeString(
        mirror.resolve("tin/191.aspx.html"),
        "<html><body><h1>Hội nghị B</h1><p class=date>14/04/2020</p><div class=content>"
            + "<p>Xem <a href='190.aspx#ket-qua'>bài trước</a>.</p></div></body></html>");
    List<Importer.Result> results =
        Importer.importAll(List.of(mirror), dir.resolve("content"), TODAY);
    assertThat(results).noneMatch(Importer.Result::failed);
    assertThat(Files.readString(dir.resolve("content/2020/03/dai-hoi-chi-bo-a.md")))
        .contains("aliases: [\"/tin/190.aspx\"]", "[bài sau](/2020/04/hoi-nghi-b.md)");
    assertThat(Files.readString(dir.resolve("content/2020/04/hoi-nghi-b.md")))
        .contains("aliases: [\"/tin/191.aspx\"]", "[bài trước](/2020/03/dai-hoi-chi-bo-a.md)");
  }

  @Test
  void portalPagesAddressedByAQuestionAreFoundInTheMirrorAndLinkedToTheirArticles()
      throws IOException {
    Path mirror = dir.resolve("cu");
    Files.createDirectories(mirror);
    // wget saves Default.aspx?tabid=53&ItemID=190 under that name (with @ for ? when told to
    // write names Windows takes, with .html when told to adjust extensions).
    Files.writeString(
        mirror.resolve("Default.aspx@tabid=53&ItemID=190"),
        "<html><body><h1>Đại hội Chi bộ A</h1><p class=date>12/03/2020</p><div class=content>"
            + "<p>Xem <a href='/Default.aspx?tabid=53&amp;ItemID=191'>bài sau</a>,"
            + " <a href='/Default.aspx?tabid=53&amp;ItemID=150'>bài cũ</a>,"
            + " <a href='/Default.aspx?tabid=53&amp;ItemID=/../../etc/passwd'>lạ</a>.</p>"
            + "</div></body></html>");
    Files.writeString(
        mirror.resolve("Default.aspx@tabid=53&ItemID=191.html"),
        "<html><body><h1>Hội nghị B</h1><p class=date>14/04/2020</p><div class=content>"
            + "<p>Xem <a href='Default.aspx?tabid=53&amp;ItemID=190'>bài trước</a>, trong"
            + " <a href='/Default.aspx?tabid=40'>chuyên mục</a>.</p>"
            + "</div></body></html>");
    String item = "<div><h3><a href='/a.html'>Tin</a></h3><p>Đoạn tóm tắt của một bài.</p></div>";
    Files.writeString(
        mirror.resolve("Default.aspx@tabid=40.html"),
        "<html><body><h2>Xây dựng Đảng</h2>" + item.repeat(3) + "</body></html>");
    Files.writeString(
        mirror.resolve("Login.aspx"), "<%@ Page Language=\"C#\" %>\n<html><body></body></html>");
    List<Importer.Result> results =
        Importer.importAll(List.of(mirror), dir.resolve("content"), TODAY);
    assertThat(results).noneMatch(Importer.Result::failed);
    Map<String, Importer.Result> byName =
        results.stream().collect(Collectors.toMap(r -> r.input().getFileName().toString(), r -> r));
    assertThat(Files.readString(dir.resolve("content/2020/03/dai-hoi-chi-bo-a.md")))
        .contains("[bài sau](/2020/04/hoi-nghi-b.md)", " bài cũ, lạ.")
        .doesNotContain("aliases");
    assertThat(Files.readString(dir.resolve("content/2020/04/hoi-nghi-b.md")))
        .contains("[bài trước](/2020/03/dai-hoi-chi-bo-a.md), trong chuyên mục.");
    assertThat(byName.get("Default.aspx@tabid=53&ItemID=191.html").notes())
        .anyMatch(
            n ->
                n.contains(
                    "/Default.aspx?tabid=40, whose text is kept without the link, (skipped: a list"));
    assertThat(byName.get("Default.aspx@tabid=53&ItemID=190").notes())
        .as("a page that was not saved: its text is kept, without the link")
        .anyMatch(n -> n.contains("ItemID=150 asks the former site a question"))
        .anyMatch(n -> n.contains("ItemID=/../../etc/passwd asks the former site a question"))
        .anyMatch(n -> n.contains("has a query (?…), which a static site cannot answer"));
    assertThat(byName.get("Login.aspx").skipped()).startsWith("it is the source of the former");
  }

  /** Pages that are one article, though they list others beside it, and pages that list. */
  @ParameterizedTest(name = "{0}")
  @org.junit.jupiter.params.provider.CsvSource(
      delimiter = '|',
      value = {
        "an article with other news as linked headings | <h1>Tin chính</h1><div><p>%s</p><p>%s</p></div>"
            + "<div><h3><a href='/a.html'>Tin A</a></h3><h3><a href='/b.html'>Tin B</a></h3>"
            + "<h3><a href='/c.html'>Tin C</a></h3></div> | false",
        "a post with three related posts as articles | <article><h1 class='entry-title'>Tin chính</h1>"
            + "<div class='entry-content'><p>%s</p><p>%s</p></div></article>"
            + "<article><h3>Tin A</h3></article><article><h3>Tin B</h3></article> | false",
        "a category page | <h2>Xây dựng Đảng</h2><div><h3><a href='/a.html'>Tin A</a></h3><p>%s</p></div>"
            + "<div><h3><a href='/b.html'>Tin B</a></h3><p>%s</p></div>"
            + "<div><h3><a href='/c.html'>Tin C</a></h3><p>%s</p></div> | true",
        "a blog's home page | <article><h2 class='entry-title'><a href='/a/'>Tin A</a></h2><p>%s</p></article>"
            + "<article><h2 class='entry-title'><a href='/b/'>Tin B</a></h2><p>%s</p></article>"
            + "<article><h2 class='entry-title'><a href='/c/'>Tin C</a></h2><p>%s</p></article> | true",
      })
  void aPageIsSkippedOnlyWhenItListsArticles(String what, String body, boolean skipped) {
    String text = "Đại hội đã thảo luận và thống nhất các mục tiêu, nhiệm vụ của nhiệm kỳ mới.";
    LegacyPage p =
        PageReader.read(
            Jsoup.parse("<html><body>" + body.replace("%s", text) + "</body></html>"), "/x.html");
    assertThat(p.skipped().isEmpty()).as(what).isNotEqualTo(skipped);
    if (!skipped) {
      assertThat(p.title()).isEqualTo("Tin chính");
      assertThat(p.markdown()).contains(text);
    }
  }

  /** Lines at the end of an article, and what becomes of them: the source, or text. */
  @ParameterizedTest(name = "{0}")
  @org.junit.jupiter.params.provider.CsvSource(
      delimiter = '|',
      value = {
        "<p>Theo Báo Hà Tĩnh</p>                         | Báo Hà Tĩnh       | ''",
        "<p>Theo Kế hoạch, Đại hội họp hai ngày.</p>     | ''                | Theo Kế hoạch",
        "<p>Tin, ảnh: Minh Hà</p>                        | Tin, ảnh: Minh Hà | ''",
        "<p><strong>Minh Hà</strong></p>                 | Minh Hà           | ''",
        "<p><strong>Minh Hà</strong></p><p>Đoạn cuối.</p> | ''                | **Minh Hà**",
        "<p>Ảnh: Quang cảnh Đại hội</p>                  | ''                | Ảnh: Quang cảnh Đại hội",
        "<p>Nguồn: Ban Tuyên giáo</p>                    | Ban Tuyên giáo    | ''",
      })
  void theLastLinesOfAnArticle(String html, String source, String stays) {
    LegacyPage p =
        PageReader.read(
            Jsoup.parse(
                "<html><body><article><h1>Tin</h1><p>Đoạn đầu của bài viết.</p>"
                    + html
                    + "</article></body></html>"),
            "/x.html");
    assertThat(p.source()).isEqualTo(source);
    assertThat(p.markdown()).contains("Đoạn đầu của bài viết.").contains(stays);
  }

  private static int run(String[] args, StringWriter out, StringWriter err) {
    return Main.run(
        args,
        new PrintWriter(out, true),
        new PrintWriter(err, true),
        Clock.fixed(TODAY.atStartOfDay().toInstant(ZoneOffset.UTC), ZoneOffset.UTC));
  }

  /** The article's built page, found by its title. */
  private Document builtArticle(Path site, Path markdown) throws IOException {
    return Jsoup.parse(builtPath(site, markdown), "UTF-8");
  }

  private Path builtPath(Path site, Path markdown) throws IOException {
    String title =
        Files.readAllLines(markdown).stream()
            .filter(l -> l.startsWith("title: "))
            .findFirst()
            .orElseThrow()
            .substring("title: ".length())
            .replace("\"", "");
    try (Stream<Path> files = Files.walk(site)) {
      for (Path html :
          files.filter(p -> p.getFileName().toString().equals("index.html")).toList()) {
        Element h1 = Jsoup.parse(html, "UTF-8").selectFirst("article.article h1");
        if (h1 != null && h1.text().equals(title)) {
          return html;
        }
      }
    }
    throw new AssertionError("no built page titled " + title);
  }

  /** Whether {@code address}, found in {@code page}, is a file of the site (or on the web). */
  static boolean resolves(Path site, Path page, String address) {
    String a = address.strip();
    if (a.isEmpty()
        || a.startsWith("#")
        || a.startsWith("mailto:")
        || a.startsWith("tel:")
        || a.startsWith("data:")) {
      return true;
    }
    URI u = URI.create(a.replace(" ", "%20"));
    if (u.getScheme() != null && !a.startsWith("https://example.org/luu-tru/")) {
      return true; // the web: other sites
    }
    String path = u.getPath();
    Path target;
    if (a.startsWith("https://example.org/luu-tru/")) {
      target = site.resolve(path.substring("/luu-tru/".length()));
    } else if (path.startsWith("/luu-tru/")) {
      target = site.resolve(path.substring("/luu-tru/".length()));
    } else if (path.startsWith("/")) {
      return false;
    } else {
      target = page.getParent().resolve(path);
    }
    target = target.normalize();
    return target.startsWith(site)
        && (Files.isRegularFile(target) || Files.isRegularFile(target.resolve("index.html")));
  }

  private static String fileName(String address) {
    String a = address.replaceFirst("[?#].*", "");
    return a.substring(a.lastIndexOf('/') + 1);
  }

  private static List<String> words(String text) {
    List<String> out = new ArrayList<>();
    String nfc = Normalizer.normalize(text, Normalizer.Form.NFC).toLowerCase(Locale.ROOT);
    for (String w : nfc.split("[^\\p{L}\\p{N}]+")) {
      if (!w.isEmpty()) {
        out.add(w);
      }
    }
    return out;
  }

  private static List<String> concat(List<String> a, List<String> b) {
    List<String> out = new ArrayList<>(a);
    out.addAll(b);
    return out;
  }
}
