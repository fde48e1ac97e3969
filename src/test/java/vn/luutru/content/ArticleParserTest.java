package vn.luutru.content;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The front matter specification as a table: each input gives either the problems listed ({@code
 * line:column: severity: message}) or an article. Every row runs three times: with LF line endings,
 * with CRLF, and with a byte-order mark; the answers must not change.
 */
class ArticleParserTest {
  private final ArticleParser parser = new ArticleParser();

  enum Encoding {
    LF(s -> s),
    CRLF(s -> s.replace("\n", "\r\n")),
    BOM(s -> "\uFEFF" + s);

    final UnaryOperator<String> apply;

    Encoding(UnaryOperator<String> apply) {
      this.apply = apply;
    }
  }

  private ArticleParser.Parsed parse(String text, Encoding enc) {
    return parser.parse(
        "a.md", "content/a.md", enc.apply.apply(text).getBytes(StandardCharsets.UTF_8));
  }

  private static List<String> problems(ArticleParser.Parsed p) {
    return p.diagnostics().stream()
        .map(
            d ->
                d.line()
                    + ":"
                    + d.column()
                    + ": "
                    + d.severity().name().toLowerCase()
                    + ": "
                    + d.message())
        .toList();
  }

  static Stream<Arguments> errors() {
    String[][] table = {
      {
        "empty file",
        "",
        "1:1: error: empty file: an article needs front matter with a title and a date"
      },
      {
        "no front matter",
        "# Tiêu đề\n\nNội dung\n",
        "1:1: error: no front matter: an article starts with a '---' line, then YAML with title and date, then another '---' line"
      },
      {
        "unclosed front matter",
        "---\ntitle: \"Đại hội\"\ndate: 2020-01-17\n\nNội dung\n",
        "1:1: error: front matter opened here is never closed: add a '---' line after it"
      },
      {
        "TOML front matter",
        "+++\ntitle = \"A\"\n+++\n",
        "1:1: error: TOML front matter (+++) is not supported: use YAML between '---' lines"
      },
      {
        "empty front matter",
        "---\n---\nbody\n",
        "1:1: error: front matter is empty: title and date are required"
      },
      {
        "missing title",
        "---\ndate: 2020-01-17\n---\n",
        "1:1: error: missing title: add a line 'title: \"…\"' to the front matter"
      },
      {"empty title", "---\ntitle: \"\"\ndate: 2020-01-17\n---\n", "2:8: error: title is empty"},
      {
        "missing date",
        "---\ntitle: \"Đại hội\"\n---\n",
        "1:1: error: missing date: add a line 'date: 2020-01-17' to the front matter"
      },
      {
        "impossible date",
        "---\ntitle: \"Đại hội\"\ndate: 2020-02-30\n---\n",
        "3:7: error: date: impossible date 2020-02-30"
      },
      {
        "not a date",
        "---\ntitle: \"Đại hội\"\ndate: hôm qua\n---\n",
        "3:7: error: date: expected a date such as 2020-01-17, found 'hôm qua'"
      },
      {
        "title is a list",
        "---\ntitle: [\"a\", \"b\"]\ndate: 2020-01-17\n---\n",
        "2:8: error: title: expected text, found a list"
      },
      {
        "draft not a boolean",
        "---\ntitle: \"A\"\ndate: 2020-01-17\ndraft: có\n---\n",
        "4:8: error: draft: expected true or false, found 'có'"
      },
      {
        "duplicate key",
        "---\ntitle: \"A\"\ntitle: \"B\"\ndate: 2020-01-17\n---\n",
        "3:1: error: duplicate key 'title' (first at line 2)"
      },
      {
        "tags a mapping",
        "---\ntitle: \"A\"\ndate: 2020-01-17\ntags: {a: 1}\n---\n",
        "4:7: error: tags: expected a list of text such as [\"a\", \"b\"], found a mapping"
      },
      {
        "front matter a list",
        "---\n- a\n- b\n---\n",
        "2:1: error: front matter must be 'key: value' lines, found a list"
      },
      {
        "ordinal not a number",
        "---\ntitle: \"A\"\ndate: 2020-01-17\ncongress:\n  organization: \"Chi bộ\"\n  term: \"2020-2022\"\n  ordinal: \"một\"\n---\n",
        "7:12: error: congress.ordinal: expected a whole number, found 'một'"
      },
      {
        "term backwards",
        "---\ntitle: \"A\"\ndate: 2020-01-17\ncongress:\n  organization: \"Chi bộ\"\n  term: \"2022-2020\"\n---\n",
        "6:9: error: congress.term: expected two years such as \"2020-2025\", found '2022-2020'"
      },
      {
        "congress without organization",
        "---\ntitle: \"A\"\ndate: 2020-01-17\ncongress:\n  term: \"2020-2022\"\n---\n",
        "5:3: error: congress: missing organization (the cell or committee that held it)"
      },
      {
        "person without a name",
        "---\ntitle: \"A\"\ndate: 2020-01-17\ncongress:\n  organization: \"Chi bộ\"\n  term: \"2020-2022\"\n  elected: [{ role: \"Bí thư\" }]\n---\n",
        "7:13: error: congress.elected: each person needs a name"
      },
      {
        "alias climbing out",
        "---\ntitle: \"A\"\ndate: 2020-01-17\naliases: [\"/../x.html\"]\n---\n",
        "4:11: error: aliases: '/../x.html' is not a page address inside the site"
      },
      // Values out of range
      {
        "year 0",
        "---\ntitle: \"A\"\ndate: 0000-01-01\n---\n",
        "3:7: error: date: 0000-01-01 has a year out of range: write a year from 1900 to 9999"
      },
      {
        "year 1899 written the Vietnamese way",
        "---\ntitle: \"A\"\ndate: 31/12/1899\n---\n",
        "3:7: error: date: 31/12/1899 has a year out of range: write a year from 1900 to 9999"
      },
      {
        "modified in year 1",
        "---\ntitle: \"A\"\ndate: 2020-01-17\nlastmod: 0001-01-01 08:00\n---\n",
        "4:10: error: lastmod: 0001-01-01 08:00 has a year out of range: write a year from 1900 to 9999"
      },
      {
        "congress held in year 202",
        "---\ntitle: \"A\"\ndate: 2020-01-17\ncongress:\n  organization: \"Chi bộ\"\n"
            + "  term: \"2020-2022\"\n  held: 0202-01-16\n---\n",
        "7:9: error: congress.held: 0202-01-16 has a year out of range: write a year from 1900 to 9999"
      },
      {
        "image javascript:",
        "---\ntitle: \"A\"\ndate: 2020-01-17\nimage: javascript:alert(1)\n---\n",
        "4:8: error: image: 'javascript:alert(1)' is not an address of a photo: copy the photo beside the article"
            + " and write its file name, such as anh/dai-hoi.jpg"
      },
      {
        "image JavaScript: with spaces",
        "---\ntitle: \"A\"\ndate: 2020-01-17\nimage: \" JavaScript:alert(1)\"\n---\n",
        "4:8: error: image: 'JavaScript:alert(1)' is not an address of a photo: copy the photo beside the article"
            + " and write its file name, such as anh/dai-hoi.jpg"
      },
      {
        "image data:",
        "---\ntitle: \"A\"\ndate: 2020-01-17\nimage: \"data:image/png;base64,iVBORw0KGgo=\"\n---\n",
        "4:8: error: image: 'data:image/png;base64,iVBORw0KGgo=' is not an address of a photo: copy the photo beside"
            + " the article and write its file name, such as anh/dai-hoi.jpg"
      },
      {
        "image on a Windows disk",
        "---\ntitle: \"A\"\ndate: 2020-01-17\nimage: 'D:\\Ảnh\\dai-hoi.jpg'\n---\n",
        "4:8: error: image: 'D:\\Ảnh\\dai-hoi.jpg' is a file on one computer, not an address of a photo: copy the photo"
            + " beside the article and write its file name, such as anh/dai-hoi.jpg"
      },
      {
        "image on a network share",
        "---\ntitle: \"A\"\ndate: 2020-01-17\nimage: '\\\\may-chu\\anh\\a.jpg'\n---\n",
        "4:8: error: image: '\\\\may-chu\\anh\\a.jpg' is a file on one computer, not an address of a photo: copy the"
            + " photo beside the article and write its file name, such as anh/dai-hoi.jpg"
      },
      {
        "image file:",
        "---\ntitle: \"A\"\ndate: 2020-01-17\nimage: file:///home/lan/anh.jpg\n---\n",
        "4:8: error: image: 'file:///home/lan/anh.jpg' is a file on one computer, not an address of a photo: copy the"
            + " photo beside the article and write its file name, such as anh/dai-hoi.jpg"
      },
      {
        "every problem at once",
        "---\ntitle: [1]\ndate: 2020-13-01\ndraft: 3\n---\n",
        "2:8: error: title: expected text, found a list|3:7: error: date: impossible date 2020-13-01|4:8: error: draft: expected true or false, found '3'"
      },
    };
    return Stream.of(table)
        .flatMap(
            row -> Stream.of(Encoding.values()).map(e -> Arguments.of(row[0], e, row[1], row[2])));
  }

  @ParameterizedTest(name = "{0} ({1})")
  @MethodSource("errors")
  void reportsWhereTheProblemIs(String name, Encoding enc, String input, String expected) {
    ArticleParser.Parsed p = parse(input, enc);
    assertThat(p.article()).as("no article from a file with errors").isEmpty();
    assertThat(problems(p)).containsExactly(expected.split("\\|"));
  }

  static Stream<Arguments> yamlSyntax() {
    return Stream.of(Encoding.values()).map(Arguments::of);
  }

  @ParameterizedTest(name = "YAML syntax error ({0})")
  @MethodSource("yamlSyntax")
  void reportsYamlSyntaxErrorsAtTheirLine(Encoding enc) {
    ArticleParser.Parsed p =
        parse(
            "---\ntitle: \"A\"\ndate: 2020-01-17\ntags: [\"a\", \"b\"\nsummary: \"x\"\n---\n", enc);
    assertThat(p.article()).isEmpty();
    assertThat(problems(p)).singleElement().asString().matches("[45]:\\d+: error: YAML: .+");
  }

  @ParameterizedTest(name = "seed front matter ({0})")
  @org.junit.jupiter.params.provider.EnumSource(Encoding.class)
  void readsEveryKeyOfTheContentModel(Encoding enc) {
    String text =
        """
        ---
        title: "Đại hội Chi bộ Văn phòng 2 lần thứ nhất nhiệm kỳ 2020 - 2022"
        date: 2020-01-17
        summary: "Chi bộ tổ chức đại hội điểm."
        source: "Trần Thu"
        categories: ["Đại hội Đảng"]
        tags: ["Nhiệm kỳ 2020-2022", "Nhiệm kỳ 2020-2022", "Đại hội điểm"]
        image: anh/dai-hoi.jpg
        image_caption: "Các đ/c đại biểu tặng hoa"
        draft: false
        slug: "dai-hoi-van-phong-2"
        aliases: ["/tin-tuc/123.html", "http://old.example.vn/tin/9"]
        congress:
          organization: "Chi bộ Văn phòng Sở 2"
          parent: "Đảng bộ Sở Công Thương"
          ordinal: 1
          term: "2020 - 2022"
          held: 2020-01-16
          directed_by: [{ name: "Nguyễn Sỹ Chín", role: "Bí thư Đảng ủy Sở - Giám đốc Sở" }]
          elected:
            - { name: "Nguyễn Trọng Thức", role: "Bí thư Chi bộ" }
            - "Trần Quang Kháng - Phó Bí thư Chi bộ"
          committee_size: 3
        ---

        Thực hiện Kế hoạch số 205-KH/ĐU…
        """;
    ArticleParser.Parsed p = parse(text, enc);
    assertThat(problems(p)).isEmpty();
    Article a = p.article().orElseThrow();
    assertThat(a.title()).isEqualTo("Đại hội Chi bộ Văn phòng 2 lần thứ nhất nhiệm kỳ 2020 - 2022");
    assertThat(a.date()).isEqualTo(OffsetDateTime.parse("2020-01-17T00:00:00+07:00"));
    assertThat(a.summary()).isEqualTo("Chi bộ tổ chức đại hội điểm.");
    assertThat(a.source()).isEqualTo("Trần Thu");
    assertThat(a.categories()).containsExactly("Đại hội Đảng");
    assertThat(a.tags()).containsExactly("Nhiệm kỳ 2020-2022", "Đại hội điểm");
    assertThat(a.image()).contains(new Figure("anh/dai-hoi.jpg", "Các đ/c đại biểu tặng hoa", ""));
    assertThat(a.draft()).isFalse();
    assertThat(a.slug()).contains("dai-hoi-van-phong-2");
    assertThat(a.aliases()).containsExactly("tin-tuc/123.html", "tin/9");
    assertThat(a.position("aliases.1").line()).isEqualTo(12);
    Congress c = a.congress().orElseThrow();
    assertThat(c.organization()).isEqualTo("Chi bộ Văn phòng Sở 2");
    assertThat(c.parent()).isEqualTo("Đảng bộ Sở Công Thương");
    assertThat(c.ordinal()).isEqualTo(1);
    assertThat(c.term()).isEqualTo(new Term(2020, 2022));
    assertThat(c.held()).contains(LocalDate.of(2020, 1, 16));
    assertThat(c.directedBy())
        .containsExactly(new Person("Nguyễn Sỹ Chín", "Bí thư Đảng ủy Sở - Giám đốc Sở"));
    assertThat(c.elected())
        .containsExactly(
            new Person("Nguyễn Trọng Thức", "Bí thư Chi bộ"),
            new Person("Trần Quang Kháng", "Phó Bí thư Chi bộ"));
    assertThat(c.committeeSize()).isEqualTo(3);
    assertThat(a.body()).isEqualTo("\nThực hiện Kế hoạch số 205-KH/ĐU…\n");
    assertThat(a.bodyLine()).isEqualTo(25);
  }

  @ParameterizedTest(name = "Hugo and Jekyll keys ({0})")
  @org.junit.jupiter.params.provider.EnumSource(Encoding.class)
  void readsTheKeysHugoAndJekyllArchivesHave(Encoding enc) {
    String text =
        """
        ---
        title: Tin cũ
        date: 2019-05-02T08:30:00+07:00
        description: "Mô tả từ Hugo"
        author: ["Lê Văn A", "Trần Thị B"]
        lastmod: 2019-05-03 10:00
        weight: 2
        categories: Tin hoạt động
        layout: post
        ---
        """;
    ArticleParser.Parsed p = parse(text, enc);
    assertThat(problems(p)).isEmpty();
    Article a = p.article().orElseThrow();
    assertThat(a.date()).isEqualTo(OffsetDateTime.parse("2019-05-02T08:30:00+07:00"));
    assertThat(a.summary()).isEqualTo("Mô tả từ Hugo");
    assertThat(a.author()).isEqualTo("Lê Văn A, Trần Thị B");
    assertThat(a.lastmod()).contains(OffsetDateTime.parse("2019-05-03T10:00:00+07:00"));
    assertThat(a.weight()).isEqualTo(2);
    assertThat(a.categories()).containsExactly("Tin hoạt động");
  }

  @Test
  void anOldAddressUnderBothAliasesAndRedirectFromIsKeptOnce() {
    ArticleParser.Parsed p =
        parse(
            "---\ntitle: \"A\"\ndate: 2020-01-17\naliases: [\"/tin-tuc/1.html\"]\n"
                + "redirect_from: [\"/tin-tuc/1.html\", \"/tin-tuc/2.html\", \"/tin-tuc/2.html\"]\n---\n",
            Encoding.LF);
    assertThat(problems(p)).isEmpty();
    Article a = p.article().orElseThrow();
    assertThat(a.aliases()).containsExactly("tin-tuc/1.html", "tin-tuc/2.html");
    assertThat(a.position("aliases.1").line()).isEqualTo(5);
    assertThat(a.position("aliases.1").column()).isEqualTo(36);
  }

  static Stream<Arguments> warnings() {
    String outside =
        "would be loaded from another site, which readers may not reach (on an intranet) and which sees"
            + " who reads the page: copy the photo beside the article and write its file name";
    String[][] table = {
      {
        "image on another site",
        "---\ntitle: \"A\"\ndate: 2020-01-17\nimage: http://anh.example.vn/a.jpg\n---\n",
        "4:8: warning: image: http://anh.example.vn/a.jpg " + outside
      },
      {
        "image on another site over https",
        "---\ntitle: \"A\"\ndate: 2020-01-17\nimage: \"HTTPS://anh.example.vn/a.jpg\"\n---\n",
        "4:8: warning: image: HTTPS://anh.example.vn/a.jpg " + outside
      },
      {
        "image on another site without a scheme",
        "---\ntitle: \"A\"\ndate: 2020-01-17\nimage: //anh.example.vn/a.jpg\n---\n",
        "4:8: warning: image: //anh.example.vn/a.jpg " + outside
      },
      {
        "image_focus not two percentages",
        "---\ntitle: \"A\"\ndate: 2020-01-17\nimage: anh/a.jpg\nimage_focus: \"trên cùng\"\n---\n",
        "5:14: warning: image_focus: expected where the photo's subject is, across then down, as two"
            + " percentages such as '50% 30%' ('50% 50%' is the centre); thumbnails are cropped"
            + " around the centre"
      },
      {
        "image_focus past 100%",
        "---\ntitle: \"A\"\ndate: 2020-01-17\nimage: anh/a.jpg\nimage_focus: \"150% 20%\"\n---\n",
        "5:14: warning: image_focus: expected where the photo's subject is, across then down, as two"
            + " percentages such as '50% 30%' ('50% 50%' is the centre); thumbnails are cropped"
            + " around the centre"
      },
    };
    return Stream.of(table)
        .flatMap(
            row -> Stream.of(Encoding.values()).map(e -> Arguments.of(row[0], e, row[1], row[2])));
  }

  @Test
  void theFocusOfThumbnailsIsTwoPercentages() {
    for (String focus : List.of("\"30% 70%\"", "\"30 70\"", "\"30%, 70%\"")) {
      ArticleParser.Parsed p =
          parse(
              "---\ntitle: \"A\"\ndate: 2020-01-17\nimage: anh/a.jpg\nimage_focus: "
                  + focus
                  + "\n---\n",
              Encoding.LF);
      assertThat(p.article().orElseThrow().image().orElseThrow())
          .as(focus)
          .isEqualTo(new Figure("anh/a.jpg", "", "", 30, 70));
    }
  }

  @ParameterizedTest(name = "{0} ({1})")
  @MethodSource("warnings")
  void warnsWhereTheArticleStillParses(String name, Encoding enc, String input, String expected) {
    ArticleParser.Parsed p = parse(input, enc);
    assertThat(problems(p)).containsExactly(expected.split("\\|"));
    assertThat(p.article()).isPresent();
  }

  @Test
  void theYearsFrom1900To9999AreDates() {
    for (String date : new String[] {"1900-01-01", "9999-12-31T23:59:59-12:00", "01/01/1900"}) {
      ArticleParser.Parsed p =
          parse("---\ntitle: \"A\"\ndate: " + date + "\nlastmod: " + date + "\n---\n", Encoding.LF);
      assertThat(problems(p)).as(date).isEmpty();
    }
  }

  @Test
  void unknownKeysAreWarningsAndTheArticleStillParses() {
    ArticleParser.Parsed p =
        parse("---\ntitle: \"A\"\ndate: 2020-01-17\ntieu_de: \"x\"\n---\n", Encoding.LF);
    assertThat(p.article()).isPresent();
    assertThat(problems(p)).containsExactly("4:1: warning: unknown key 'tieu_de' is ignored");
  }

  @Test
  void normalisesTextToNfcAndRemovesControlCharacters() {
    String nfd = java.text.Normalizer.normalize("Đại hội", java.text.Normalizer.Form.NFD);
    ArticleParser.Parsed p =
        parse(
            "---\ntitle: \"" + nfd + "\u00AD\"\ndate: 2020-01-17\n---\nChi\u200B bộ\u0008\n",
            Encoding.LF);
    Article a = p.article().orElseThrow();
    assertThat(a.title()).isEqualTo("Đại hội");
    assertThat(a.body()).isEqualTo("Chi bộ\n");
  }

  @Test
  void cleansTextThatYamlEscapesPutBack() {
    ArticleParser.Parsed p =
        parse(
            "---\ntitle: \"Nghị\\u00ADquyết\\b\"\ndate: 2020-01-17\ntags: [\"a\\u200Bb\"]\n---\n",
            Encoding.LF);
    Article a = p.article().orElseThrow();
    assertThat(a.title()).isEqualTo("Nghịquyết");
    assertThat(a.tags()).containsExactly("ab");
  }

  @Test
  void reportsInvalidUtf8AtTheLineAndColumnOfTheBadByte() {
    byte[] head = "---\ntitle: \"Đại ".getBytes(StandardCharsets.UTF_8);
    byte[] tail = "\"\ndate: 2020-01-17\n---\n".getBytes(StandardCharsets.UTF_8);
    byte[] bytes = new byte[head.length + 1 + tail.length];
    System.arraycopy(head, 0, bytes, 0, head.length);
    bytes[head.length] = (byte) 0xC3;
    bytes[head.length + 1] = 0x28;
    System.arraycopy(tail, 1, bytes, head.length + 2, tail.length - 1);
    ArticleParser.Parsed p = parser.parse("a.md", "a.md", bytes);
    assertThat(p.article()).isEmpty();
    assertThat(problems(p))
        .singleElement()
        .asString()
        .startsWith("2:13: error: not valid UTF-8: byte 0xC3 at offset 19; save the file as UTF-8");
  }

  /**
   * Front matter is read once, the composer taking the events as they come; its own errors (an
   * alias of nothing, a second document) still come after a syntax error or a refusal further on,
   * as when the YAML was read whole before composing (the messages of that code, 221867c).
   */
  @ParameterizedTest(name = "{0}")
  @MethodSource("yamlErrorOrder")
  void yamlErrorsComeInTheOrderTheyDid(String name, String yaml, String expected) {
    ArticleParser.Parsed p = parse("---\n" + yaml + "\n---\nThân bài.\n", Encoding.LF);
    assertThat(p.article()).isEmpty();
    assertThat(problems(p)).first().asString().isEqualTo(expected);
  }

  static Stream<Arguments> yamlErrorOrder() {
    String aliases =
        IntStream.range(0, 51).mapToObj(i -> "k" + i + ": *a").collect(Collectors.joining("\n"));
    return Stream.of(
        Arguments.of(
            "alias of nothing, then a syntax error",
            "title: *x\ndate: [",
            "4:1: error: YAML: expected the node content, but found '<stream end>' (while parsing a flow node)"),
        Arguments.of(
            "alias of nothing, then too deep",
            "title: *x\nb: " + "[".repeat(51),
            "3:53: error: YAML: the front matter is nested more than 50 levels deep (lists or mappings inside each other)"),
        Arguments.of(
            "a second document, then too deep",
            "title: a\n--- #\n" + "[".repeat(51),
            "4:51: error: YAML: the front matter is nested more than 50 levels deep (lists or mappings inside each other)"),
        Arguments.of(
            "alias of nothing, then too many aliases",
            "title: *x\nl: &a [1]\n" + aliases,
            "54:6: error: YAML: more than 50 aliases (*name) of lists or mappings; write the values out"),
        Arguments.of(
            "alias of nothing, then a flow never closed",
            "l: &a [1]\nt: *a\nu: *b\nv: {",
            "6:1: error: YAML: expected the node content, but found '<stream end>' (while parsing a flow node)"),
        Arguments.of(
            "alias of nothing alone", "title: *x", "2:8: error: YAML: found undefined alias x"),
        Arguments.of(
            "a second document alone",
            "title: a\n--- #\ndate: 2020-01-01",
            "3:1: error: YAML: but found another document (expected a single document in the stream)"),
        Arguments.of(
            "too deep inside a list with an alias of nothing",
            "title: [*x, " + "[".repeat(51),
            "2:61: error: YAML: the front matter is nested more than 50 levels deep (lists or mappings inside each other)"));
  }

  /**
   * Aliases of text multiply it as aliases of lists do: 150,000 of one 300,000-character text took
   * minutes. What the values add up to, aliases expanded, is bounded; the alias that passes the
   * bound is the error.
   */
  @ParameterizedTest(name = "{0}")
  @MethodSource("expandingAliases")
  void aliasesCannotMakeTheValuesLongerThanFrontMatterMayBe(
      String name, String yaml, String expected) {
    ArticleParser.Parsed p =
        org.junit.jupiter.api.Assertions.assertTimeoutPreemptively(
            java.time.Duration.ofSeconds(60),
            () ->
                parse(
                    "---\ntitle: \"A\"\ndate: 2020-01-17\n" + yaml + "\n---\nThân bài.\n",
                    Encoding.LF),
            "it hangs");
    assertThat(p.article()).isEmpty();
    assertThat(problems(p)).containsExactly(expected);
  }

  static Stream<Arguments> expandingAliases() {
    String text = "a".repeat(300_000);
    String message =
        "error: YAML: with this alias (*name) the values would add up to more than 1,048,576 characters,"
            + " more than front matter may hold; repeat long values less often";
    return Stream.of(
        Arguments.of(
            "aliases of a text",
            "s: &s \"" + text + "\"\ntags: [" + "*s, ".repeat(150_000) + "]",
            "5:16: " + message),
        Arguments.of(
            "aliases of a text in a list",
            "s: &s \"" + text + "\"\nl: &l [*s]\ntags: [*l, *l, *l]",
            "6:12: " + message),
        Arguments.of(
            "aliases of a text as keys",
            "s: &s \"" + text + "\"\nm: {*s : 1, *s : 2, *s : 3}",
            "5:21: " + message));
  }

  @Test
  void thousandsOfProblemsOnOneLongLineShareItsText() {
    // regression: each diagnostic copied its line: 150,000 of them on a 600 KB line needed 90 GB
    ArticleParser.Parsed p =
        parse(
            "---\ntitle: \"A\"\ndate: 2020-01-17\ntags: [" + "[1], ".repeat(150_000) + "]\n---\n",
            Encoding.LF);
    assertThat(p.diagnostics())
        .hasSize(150_000)
        .allSatisfy(
            d -> {
              assertThat(d.line()).isEqualTo(4);
              assertThat(d.message()).isEqualTo("tags: each item must be text, found a list");
            });
    assertThat(p.diagnostics().get(1).sourceLine()).isSameAs(p.diagnostics().get(0).sourceLine());
  }

  @Test
  void aFewAliasesOfTextAreFine() {
    ArticleParser.Parsed p =
        parse(
            "---\ntitle: &t \""
                + "Đại hội ".repeat(10_000)
                + "\"\ndate: 2020-01-17\n"
                + "summary: *t\ntags: [*t, *t, *t]\n---\n",
            Encoding.LF);
    assertThat(problems(p)).isEmpty();
    assertThat(p.article().orElseThrow().summary()).isEqualTo(p.article().orElseThrow().title());
  }

  @Test
  void deeplyNestedFrontMatterIsADiagnosticNotACrash() {
    String deep = "[".repeat(5000) + "]".repeat(5000);
    ArticleParser.Parsed p =
        parse("---\ntitle: \"A\"\ndate: 2020-01-17\ntags: " + deep + "\n---\n", Encoding.LF);
    assertThat(p.article()).isEmpty();
    assertThat(problems(p)).singleElement().asString().contains("error: YAML:");
  }

  @Test
  void acceptsVietnameseDayMonthYearDates() {
    ArticleParser.Parsed p = parse("---\ntitle: \"A\"\ndate: 17/01/2020\n---\n", Encoding.LF);
    assertThat(p.article().orElseThrow().date().toLocalDate()).isEqualTo(LocalDate.of(2020, 1, 17));
  }
}
