package vn.luutru.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * No message is built in code: the texts users read come from the bundles ({@link Texts}). Scans
 * the string literals of the packages below and fails on one that reads like a message.
 *
 * <p>The rule: a literal is a message when it holds three words of letters in a row, separated by
 * single spaces ({@code "cannot write the"}); or is a fragment of a sentence joined in code: two
 * words or more ending in {@code ": "} ({@code "luutru: error: "}), starting with a space ({@code "
 * is inside /"}) or ending with one ({@code "timings of "}). Not messages, and not checked:
 * literals compared with others ({@code contains(…)}, {@code equals(…)}, {@code startsWith(…)},
 * {@code endsWith(…)}, {@code matches(…)}: a system's or a library's words, recognised), regular
 * expressions ({@code Pattern.compile(…)}), the text of an {@code IllegalStateException} or an
 * {@code AssertionError} (a bug report for developers, inside the internal-error report), and text
 * blocks (templates of HTML, JavaScript or YAML; their words come from the bundles). Words with
 * Vietnamese letters do not count: those are the site's data (a category's name), written in the
 * site's language whatever the interface's.
 */
class NoMessageInCodeTest {
  /** The packages whose code has no message left in it. */
  static final List<String> PACKAGES =
      List.of(
          "cli",
          "config",
          "build",
          "output",
          "publish",
          "serve",
          "render",
          "search",
          "internal",
          "content",
          "markdown",
          "site",
          "image",
          "importer");

  /** Literals that read like messages and are not, each with why. */
  static final Map<String, String> ALLOWED =
      Map.of(
          "EEE, dd MMM yyyy HH:mm:ss xx",
          "the RFC 1123 date pattern of RSS",
          "focus out of 0-100: ",
          "a programming error: the front matter's reader checks the focus first",
          "not a plain relative path: ",
          "a programming error: callers pass paths they have checked",
          "a one-off build keeps no bodies; it cannot fill a cache of them",
          "a programming error: a build and a cache of bodies are never given together",
          "a picture has at least one size and one thumbnail",
          "a programming error: renditions always include one of each",
          "\n# old address ",
          "data: the comment import writes into an article and reads back on the next import",
          ": another page of the site has it (see the report of luutru import)\n",
          "data: the rest of that comment",
          "This folder is written by luutru build and replaced as a whole on every build.\n",
          "the marker file of the built site: its bytes are the same in every language");

  private static final Pattern THREE_WORDS =
      Pattern.compile("(?<![\\p{L}\\d_./-])[A-Za-z]+(?: [A-Za-z]+){2}(?![\\p{L}\\d_/-])");
  private static final Pattern JOINED =
      Pattern.compile(
          "\\W*[A-Za-z]{2,}(?::? [A-Za-z]{2,})+: |^ +[A-Za-z]{2,} [A-Za-z]{2,}.*"
              + "|.*[A-Za-z]{2,} [A-Za-z]{2,} ",
          Pattern.DOTALL);
  private static final Pattern EXEMPT_CALL =
      Pattern.compile(
          "(?:\\.(?:contains|equals|equalsIgnoreCase|startsWith|endsWith|matches)|Pattern\\.compile"
              + "|new IllegalStateException|new AssertionError)\\s*\\($");

  /** A string literal of a source file. */
  record Literal(int line, String text) {}

  @Test
  void noPackageBuildsAMessageInCode() throws IOException {
    List<String> found = new ArrayList<>();
    for (String pkg : PACKAGES) {
      Path dir = Path.of("src/main/java/vn/luutru", pkg);
      assertThat(dir).as("package %s", pkg).isDirectory();
      List<Path> files;
      try (Stream<Path> s = Files.list(dir)) {
        files = s.filter(p -> p.toString().endsWith(".java")).sorted().toList();
      }
      for (Path f : files) {
        for (Literal l : messages(Files.readString(f, StandardCharsets.UTF_8))) {
          found.add(f + ":" + l.line() + ": " + l.text());
        }
      }
    }
    assertThat(found)
        .as("messages built in code: move each into the package's messages*.properties")
        .isEmpty();
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '`',
      value = {
        // message-like: caught
        "cannot write the site into %s | true",
        "unknown key '%s' is ignored   | true",
        "Builds the archive.           | true",
        "`luutru: error: `             | true",
        "` is inside /`                | true",
        "`timings of `                 | true",
        "`while rendering `            | true",
        // technical: passes
        "text/html; charset=utf-8      | false",
        "`title: `                     | false",
        "`event: `                     | false",
        "--content                     | false",
        "luutru.yaml                   | false",
        "%s: %s                        | false",
        "`<script>`                    | false",
        "`retry: 1000\nevent: problems\ndata: ` | false",
        "`\n    at `                   | false",
        "position:fixed;inset:auto 0 0 0 | false",
        "luutru-parent-watch           | false",
        "Đại hội Đảng                  | false",
        "(tên chi bộ, đảng bộ)         | false",
        "application/octet-stream      | false",
        "GET, HEAD                     | false",
      })
  void theRuleTellsAMessageFromATechnicalString(String literal, boolean message) {
    assertThat(isMessage(literal)).isEqualTo(message);
  }

  /** The scan finds a message planted in code, and none where the rule lets a literal through. */
  @Test
  void theScanFindsAPlantedMessage() {
    String planted =
        """
        class X {
          // "a comment is not a literal"
          /* nor "this one here" */
          String s = "cannot write the site" + name;
          String t = "luutru: error: " + why;
          Pattern p = Pattern.compile("Unknown options?: (.+)");
          boolean b = reason.contains("no space left on device");
          void f() { throw new IllegalStateException("no reader for the key " + k); }
          String h = \"""
              <p>a template of words</p>
              \""";
          char c = '"';
          String u = "escaped \\" quote then three more words";
        }
        """;
    assertThat(messages(planted))
        .extracting(Literal::text)
        .containsExactly(
            "cannot write the site", "luutru: error: ", "escaped \" quote then three more words");
    assertThat(messages(planted)).extracting(Literal::line).containsExactly(4, 5, 13);
  }

  @Test
  void everyAllowedLiteralWouldBeCaught() {
    // An exception that the rule lets through anyway is one to remove.
    assertThat(ALLOWED.keySet()).allSatisfy(l -> assertThat(isMessage(l)).as(l).isTrue());
  }

  /** A placeholder of a format, quoted or not, stands for a word. */
  private static final Pattern PLACEHOLDER = Pattern.compile("'?%(\\d+\\$)?[-.\\d]*[sdf]'?");

  static boolean isMessage(String text) {
    String t = PLACEHOLDER.matcher(text).replaceAll("word");
    return THREE_WORDS.matcher(t).find() || JOINED.matcher(t).matches();
  }

  /** The literals of {@code source} that are messages by the rule, outside the exemptions. */
  static List<Literal> messages(String source) {
    List<Literal> out = new ArrayList<>();
    for (Literal l : literals(source)) {
      if (!ALLOWED.containsKey(l.text()) && isMessage(l.text())) {
        out.add(l);
      }
    }
    return out;
  }

  /**
   * The string literals of {@code source}, unescaped, outside comments, text blocks and exempt
   * calls.
   */
  static List<Literal> literals(String source) {
    List<Literal> out = new ArrayList<>();
    int line = 1;
    int i = 0;
    int n = source.length();
    // The start of each open parenthesis, and whether it exempts what is inside.
    List<Boolean> exempt = new ArrayList<>();
    while (i < n) {
      char c = source.charAt(i);
      if (c == '\n') {
        line++;
        i++;
      } else if (source.startsWith("//", i)) {
        while (i < n && source.charAt(i) != '\n') {
          i++;
        }
      } else if (source.startsWith("/*", i)) {
        int end = source.indexOf("*/", i + 2);
        end = end < 0 ? n : end + 2;
        line += count(source, i, end);
        i = end;
      } else if (source.startsWith("\"\"\"", i)) {
        int end = source.indexOf("\"\"\"", i + 3);
        end = end < 0 ? n : end + 3;
        line += count(source, i, end);
        i = end;
      } else if (c == '\'') {
        int j = i + 1;
        while (j < n && source.charAt(j) != '\'') {
          j += source.charAt(j) == '\\' ? 2 : 1;
        }
        i = j + 1;
      } else if (c == '"') {
        StringBuilder s = new StringBuilder();
        int j = i + 1;
        while (j < n && source.charAt(j) != '"') {
          char d = source.charAt(j);
          if (d == '\\' && j + 1 < n) {
            char e = source.charAt(j + 1);
            s.append(
                switch (e) {
                  case 'n' -> '\n';
                  case 't' -> '\t';
                  case 'r' -> '\r';
                  default -> e;
                });
            j += 2;
          } else {
            s.append(d);
            j++;
          }
        }
        if (!exempt.contains(true)) {
          out.add(new Literal(line, s.toString()));
        }
        i = j + 1;
      } else if (c == '(') {
        exempt.add(EXEMPT_CALL.matcher(source.substring(Math.max(0, i - 40), i + 1)).find());
        i++;
      } else if (c == ')') {
        if (!exempt.isEmpty()) {
          exempt.remove(exempt.size() - 1);
        }
        i++;
      } else {
        i++;
      }
    }
    return out;
  }

  private static int count(String s, int from, int to) {
    int lines = 0;
    for (int k = from; k < to; k++) {
      if (s.charAt(k) == '\n') {
        lines++;
      }
    }
    return lines;
  }
}
