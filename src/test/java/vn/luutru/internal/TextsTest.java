package vn.luutru.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import vn.luutru.internal.Texts.Language;

class TextsTest {
  private static final Path RESOURCES = Path.of("src/main/resources");
  private static final Pattern PLACEHOLDER =
      Pattern.compile("%(\\d+\\$)?[-#+ 0,(]*\\d*(\\.\\d+)?[a-zA-Z%]");

  @Test
  void languageNames() {
    assertThat(Language.parse("vi")).contains(Language.VI);
    assertThat(Language.parse("VI_vn")).contains(Language.VI);
    assertThat(Language.parse("en-US")).contains(Language.EN);
    assertThat(Language.parse(" en ")).contains(Language.EN);
    assertThat(Language.parse("fr")).isEmpty();
    assertThat(Language.parse("")).isEmpty();
    assertThat(Language.parse(null)).isEmpty();
  }

  /** Every text has a Vietnamese and an English version, with the same placeholders. */
  @Test
  void everyTextInBothLanguages() throws IOException {
    List<String> problems = new ArrayList<>();
    List<Path> bundles;
    try (Stream<Path> s = Files.walk(RESOURCES)) {
      bundles = s.filter(p -> p.getFileName().toString().equals("messages.properties")).toList();
    }
    for (Path vi : bundles) {
      Path en = vi.resolveSibling("messages_en.properties");
      Properties v = read(vi);
      Properties e = Files.exists(en) ? read(en) : new Properties();
      for (String key : new TreeSet<>(v.stringPropertyNames())) {
        if (!e.containsKey(key)) {
          problems.add(en + ": no English for " + key);
        } else if (!placeholders(v.getProperty(key)).equals(placeholders(e.getProperty(key)))) {
          problems.add(vi + ": " + key + " has other placeholders than in English");
        }
        for (Properties texts : List.of(v, e)) {
          String text = texts.getProperty(key);
          if (text != null && !formats(text)) {
            problems.add(vi + ": " + key + " is not a String.format pattern (a literal % is %%)");
          }
        }
        if (v.getProperty(key).isBlank()) {
          problems.add(vi + ": " + key + " is empty");
        }
      }
      for (String key : new TreeSet<>(e.stringPropertyNames())) {
        if (!v.containsKey(key)) {
          problems.add(vi + ": no Vietnamese for " + key);
        }
      }
    }
    try (Stream<Path> s = Files.walk(RESOURCES)) {
      s.filter(p -> p.getFileName().toString().equals("messages_en.properties"))
          .filter(p -> !Files.exists(p.resolveSibling("messages.properties")))
          .forEach(p -> problems.add(p + ": English without Vietnamese"));
    }
    assertThat(problems).isEmpty();
  }

  /** Whether {@code text} formats with an argument of the right kind for each placeholder. */
  private static boolean formats(String text) {
    Map<Integer, Object> args = new TreeMap<>();
    Matcher m = PLACEHOLDER.matcher(text);
    int next = 0;
    while (m.find()) {
      String p = m.group();
      char kind = Character.toLowerCase(p.charAt(p.length() - 1));
      if (kind == '%' || kind == 'n') {
        continue;
      }
      int index =
          m.group(1) != null ? Integer.parseInt(p.substring(1, p.indexOf('$'))) - 1 : next++;
      args.put(index, kind == 'd' || kind == 'x' ? (Object) 1 : kind == 'f' ? (Object) 1.5 : "x");
    }
    Object[] values = new Object[args.isEmpty() ? 0 : Collections.max(args.keySet()) + 1];
    args.forEach((i, v) -> values[i] = v);
    try {
      String.format(java.util.Locale.ROOT, text, values);
      return true;
    } catch (java.util.IllegalFormatException e) {
      return false;
    }
  }

  private static Properties read(Path p) throws IOException {
    Properties props = new Properties();
    try (Reader r = Files.newBufferedReader(p, StandardCharsets.UTF_8)) {
      props.load(r);
    }
    return props;
  }

  private static List<String> placeholders(String text) {
    List<String> found = new ArrayList<>();
    Matcher m = PLACEHOLDER.matcher(text);
    while (m.find()) {
      found.add(m.group().replaceFirst("^%\\d+\\$", "%"));
    }
    found.sort(null);
    return found;
  }
}
