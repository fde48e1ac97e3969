package vn.luutru.build;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.luutru.config.SiteConfig;
import vn.luutru.content.Diagnostic;

/**
 * What {@code check} reports that a migration leaves behind: links from the site's root that no
 * article, file or alias answers, and addresses in raw HTML that lead nowhere, in drafts too.
 */
class CheckLeftoversTest {
  @TempDir Path dir;

  @Test
  void rootLinksAndRawHtmlThatLeadNowhereAreErrorsAtTheirPlaceInDraftsToo() throws IOException {
    Path content = dir.resolve("content");
    Files.createDirectories(content.resolve("2020/01/anh"));
    Files.write(content.resolve("2020/01/anh/co.jpg"), new byte[] {1});
    Files.writeString(
        content.resolve("2020/01/bai.md"),
        """
        ---
        title: "Bài đã đăng"
        date: 2020-01-17
        aliases: ["/tin-tuc/1.html"]
        ---

        Xem [bài cũ](/tin-tuc/190.html), [bài này](/tin-tuc/1.html), [chuyên mục](/chuyen-muc/x/).
        [Trang hai](/page/2/), [năm 2020, trang 3](/2020/page/3/), [sơ đồ](/sitemap-2.xml).

        <p>Ảnh <img src="anh/co.jpg" alt="có"> và <img src="anh/khong-co.jpg" alt="không"></p>

        <a href="/tin-tuc/2.html">trang cũ</a> <a href="https://example.net/">ngoài</a>
        """);
    Files.writeString(
        content.resolve("2020/01/nhap.md"),
        """
        ---
        title: "Bản nháp"
        date: 2020-01-18
        draft: true
        ---

        [Bài gốc](/Portals/0/tin-3.aspx)
        """);
    SiteConfig config =
        SiteConfig.builder()
            .title("Lưu trữ")
            .baseUrl("https://example.org/luu-tru/")
            .contentDir(content)
            .shownContentDir("content")
            .outputDir(dir.resolve("site"))
            .today(LocalDate.of(2026, 1, 1))
            .build();

    List<String> errors =
        SiteBuilder.check(config).diagnostics().stream()
            .filter(Diagnostic::isError)
            .map(d -> d.path() + ":" + d.line() + ":" + d.column() + ": " + d.message())
            .toList();

    assertThat(errors)
        .containsExactly(
            "content/2020/01/bai.md:7:5: link to /tin-tuc/190.html: no article, file or old address"
                + " (alias) of the site has this address; if it is a page of the former site, import"
                + " it (luutru import) or link to its article's .md file",
            // Raw HTML is published as written: read from the article's page, not its folder.
            "content/2020/01/bai.md:10:17: image anh/co.jpg in raw HTML leads nowhere: the built"
                + " page reads it as /2020/01/bai-da-dang/anh/co.jpg, which the site does not have;"
                + " write it in Markdown (![…](…)), whose addresses are read from the article's"
                + " folder",
            "content/2020/01/bai.md:10:52: image anh/khong-co.jpg in raw HTML leads nowhere: the"
                + " built page reads it as /2020/01/bai-da-dang/anh/khong-co.jpg, which the site"
                + " does not have; write it in Markdown (![…](…)), whose addresses are read from the"
                + " article's folder",
            "content/2020/01/bai.md:12:9: link to /tin-tuc/2.html in raw HTML leads nowhere: the"
                + " built page reads it as /tin-tuc/2.html, which the site does not have; write it"
                + " in Markdown ([…](…)), whose addresses are read from the article's folder",
            "content/2020/01/nhap.md:7:1: link to /Portals/0/tin-3.aspx: no article, file or old"
                + " address (alias) of the site has this address; if it is a page of the former"
                + " site, import it (luutru import) or link to its article's .md file");
  }
}
