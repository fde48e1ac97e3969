package vn.luutru.importer;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.luutru.testing.InLanguage.vietnamese;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import vn.luutru.content.Diagnostic;

/**
 * What {@code luutru import} reports, in Vietnamese: a table of pages → a note or an error as
 * printed. The language is chosen for each test and given back after it.
 */
class VietnameseImportTest {
  private static final LocalDate TODAY = LocalDate.of(2024, 3, 1);
  @TempDir Path dir;

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
      <html><body><h1>Tin</h1><p>Nội dung.</p></body></html> | không tìm thấy ngày: bài viết được ghi thành bản nháp mang ngày hôm nay; hãy ghi ngày của bài
      <html><head><title>Tin cũ - Sở</title></head><body><p>17/01/2020</p><p>Nội dung.</p></body></html> | bài viết không có đề mục: tiêu đề 'Tin cũ - Sở' được lấy từ thẻ <title> của trang; hãy kiểm tra lại
      <html><body><h1>Tin</h1><p>17/01/2020</p><p><img src='anh/khong-co.jpg'></p></body></html> | ảnh 'anh/khong-co.jpg' không có trong trang web đã lưu
      """)
  void aPageReportedInVietnamese(String html, String expected) throws IOException {
    Path page = dir.resolve("bai.html");
    Files.writeString(page, html, StandardCharsets.UTF_8);
    Importer.Result r =
        vietnamese(() -> Importer.importAll(List.of(page), dir.resolve("content"), TODAY).get(0));
    List<String> said =
        vietnamese(
            () ->
                java.util.stream.Stream.concat(
                        r.notes().stream(), r.errors().stream().map(Diagnostic::format))
                    .toList());
    assertThat(said).anyMatch(s -> s.contains(expected));
  }

  @Test
  void aPageInALegacyFontIsAnErrorAtItsLineAndColumn() throws IOException {
    Path page = dir.resolve("cu.html");
    Files.writeString(
        page,
        "<html><body>\n<h1><font face='.VnTime'>\u00a7\u00b9i h\u00e9i</font></h1></body></html>",
        StandardCharsets.ISO_8859_1);
    String shown =
        vietnamese(
            () ->
                Importer.importAll(List.of(page), dir.resolve("content"), TODAY)
                    .get(0)
                    .errors()
                    .get(0)
                    .format());
    assertThat(shown)
        .isEqualTo(
            page
                + ":2:17: lỗi: trang dùng phông chữ .VnTime, nên chữ tiếng Việt của trang ở bảng mã"
                + " cũ TCVN3 (ABC), mà luutru không đọc được: nếu nhập vào, chữ sẽ bị sai. Hãy"
                + " chuyển trang sang Unicode (trong UniKey: Công cụ chuyển mã, từ TCVN3 (ABC) sang"
                + " Unicode), rồi nhập lại");
  }

  /** A text with a percent sign and no placeholder is shown as written, in either language. */
  @Test
  void theSourceOfAServerPageIsSkippedAndSaidSo() throws IOException {
    Path page = dir.resolve("Login.aspx");
    Files.writeString(page, "<%@ Page Language=\"C#\" %>\n<html><body></body></html>");
    Importer.Result r =
        vietnamese(() -> Importer.importAll(List.of(page), dir.resolve("content"), TODAY).get(0));
    assertThat(r.skipped())
        .isEqualTo(
            "đây là mã nguồn chương trình của trang web cũ (<% … %> hoặc <?php), không phải một"
                + " trang mà nó hiển thị: hãy lưu trang web bằng wget --mirror để nhập các trang"
                + " của nó");
    assertThat(Importer.importAll(List.of(page), dir.resolve("content"), TODAY).get(0).skipped())
        .startsWith("it is the source of the former site's program (<% … %> or <?php)");
  }

  /**
   * An old address two pages of the run give is kept by one of them; the other is told in
   * Vietnamese. The import finds which of build's errors is about an old address by where it
   * stands, not by its words, so it does so in either language.
   */
  @Test
  void aClashingOldAddressIsDroppedWithAVietnameseNote() throws IOException {
    Path m = Files.createDirectories(dir.resolve("m"));
    Files.writeString(
        m.resolve("p1.html"), ImporterTest.oldPage("http://old.example/tin-tuc/1.html", "Bài một"));
    Files.writeString(
        m.resolve("p2.html"), ImporterTest.oldPage("http://old.example/tin-tuc/1.html", "Bài hai"));
    List<Importer.Result> results =
        vietnamese(() -> Importer.importAll(List.of(m), dir.resolve("content"), TODAY));
    assertThat(results).allSatisfy(r -> assertThat(r.written()).isPresent());
    assertThat(results.stream().flatMap(r -> r.notes().stream()))
        .anyMatch(
            n ->
                n.startsWith("địa chỉ cũ /tin-tuc/1.html không được giữ trong aliases: ")
                    && n.contains(" đã có địa chỉ này"));
  }
}
