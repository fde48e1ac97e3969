package vn.luutru.importer;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import vn.luutru.content.CongressTitle;
import vn.luutru.content.Dates;
import vn.luutru.content.Term;

/**
 * The congress block of an imported congress report, read from its title and text: organisation,
 * parent, ordinal and term from the title ({@link CongressTitle}); the parent, the day it was held,
 * who directed it, who was elected to which post and the committee's size from the sentences that
 * say so. Everything read from the text is a note for a person to check.
 *
 * <pre>{@code
 * CongressText.read("Đại hội Chi bộ A lần thứ V, nhiệm kỳ 2020 - 2025", body).yaml();
 * // congress:\n  organization: "Chi bộ A"\n  ordinal: 5\n  term: "2020-2025"\n …
 * }</pre>
 */
final class CongressText {
  private CongressText() {}

  /** The block as front matter lines (empty when the article reports no congress) and notes. */
  record Found(String yaml, List<String> notes) {
    Found {
      notes = List.copyOf(notes);
    }
  }

  private static final String NAME = "(\\p{Lu}\\p{L}*(?:\\s+\\p{Lu}\\p{L}*){1,4})";
  private static final String COMRADE = "(?:đồng chí|đ/c|Đồng chí|Đ/c)\\s+";

  private static final Pattern PARENT =
      Pattern.compile(
          "(?u)\\s(?:trực thuộc|thuộc)\\s+(Đảng bộ\\s+[^,.;:()]+?)(?=\\s+(?:tổ chức|đã|về)|[,.;:()])");
  private static final Pattern DIRECTED =
      Pattern.compile(
          "(?u)"
              + COMRADE
              + NAME
              + "\\s*[-–,]\\s*([^;.]{3,150}?)\\s+(?:đã\\s+)?(?:về\\s+)?(?:dự|tới dự)\\s+(?:và\\s+)?chỉ đạo");
  private static final Pattern HOLDS =
      Pattern.compile(
          "(?u)"
              + COMRADE
              + NAME
              + "(?:\\s*[-–]\\s*[^;.,]{3,80}?)?\\s+(?:được bầu\\s+)?(?:giữ chức vụ|giữ chức|làm)\\s+((?:Phó\\s+)?Bí thư[^;.,]*)");
  private static final Pattern ELECTS =
      Pattern.compile(
          "(?u)bầu\\s+"
              + COMRADE
              + NAME
              + "(?:\\s*[-–]\\s*[^;.,]{3,80}?)?\\s+(?:giữ chức vụ|giữ chức|làm)\\s+((?:Phó\\s+)?Bí thư[^;.,]*)");
  private static final Pattern SIZE =
      Pattern.compile(
          "(?iu)(?:ban chấp hành|cấp ủy|chi ủy|ban chi ủy|ban thường vụ)[^.;]{0,80}?gồm\\s+(\\d{1,3})\\s+đồng chí");

  /** {@code Ngày 16/01/2020, Chi bộ … tổ chức Đại hội}: the date that opens the sentence. */
  private static final Pattern HELD =
      Pattern.compile(
          "(?iu)(?:ngày|sáng|chiều|tối)(?:\\s+ngày)?\\s+(\\d{1,2}\\s*[/⁄.-]\\s*\\d{1,2}\\s*[/⁄.-]\\s*\\d{4})\\s*,[^.;]{0,200}?đại hội");

  static Found read(String title, String text) {
    CongressTitle t = CongressTitle.parse(title);
    if (!title.matches("(?isu)\\s*đại hội\\s.*")
        || t.organization().isEmpty()
        || !Character.isUpperCase(t.organization().get().codePointAt(0))
        || t.term().isEmpty()) {
      return new Found("", List.of());
    }
    String plain =
        PageReader.links(PageReader.links(text, true), false)
            .replaceAll("\\\\(\\p{Punct})", "$1")
            .replace("*", "")
            .replaceAll("\\s+", " ");
    Map<String, String> read = new LinkedHashMap<>();
    StringBuilder y = new StringBuilder("congress:\n");
    String org = t.organization().get().replaceAll("[,;]+$", "").strip();
    y.append("  organization: ").append(Importer.quote(org)).append('\n');
    Matcher parent = PARENT.matcher(plain);
    if (parent.find()) {
      String p = parent.group(1).strip();
      y.append("  parent: ").append(Importer.quote(p)).append('\n');
      read.put("parent", p);
    }
    if (t.ordinal().isPresent()) {
      y.append("  ordinal: ").append(t.ordinal().getAsInt()).append('\n');
    }
    Term term = t.term().get();
    y.append("  term: ").append(Importer.quote(term.start() + "-" + term.end())).append('\n');
    Matcher held = HELD.matcher(plain);
    if (held.find()) {
      Optional<LocalDate> d = Dates.find(held.group(1));
      if (d.isPresent()) {
        y.append("  held: ").append(d.get()).append('\n');
        read.put("held", d.get().toString());
      }
    }
    Matcher directed = DIRECTED.matcher(plain);
    if (directed.find()) {
      String who = directed.group(1).strip() + " - " + directed.group(2).strip();
      y.append("  directed_by: [")
          .append(person(directed.group(1), directed.group(2)))
          .append("]\n");
      read.put("directed_by", who);
    }
    List<String> elected = new ArrayList<>();
    List<String> names = new ArrayList<>();
    for (Pattern p : List.of(HOLDS, ELECTS)) {
      Matcher m = p.matcher(plain);
      while (m.find()) {
        if (!names.contains(m.group(1))) {
          names.add(m.group(1));
          elected.add(person(m.group(1), m.group(2)));
        }
      }
    }
    if (!elected.isEmpty()) {
      y.append("  elected:\n");
      for (String e : elected) {
        y.append("    - ").append(e).append('\n');
      }
      read.put("elected", String.join(", ", names));
    }
    Matcher size = SIZE.matcher(plain);
    if (size.find() && Integer.parseInt(size.group(1)) > 0) {
      y.append("  committee_size: ").append(Integer.parseInt(size.group(1))).append('\n');
      read.put("committee_size", String.valueOf(Integer.parseInt(size.group(1))));
    }
    List<String> notes = new ArrayList<>();
    String none = read.containsKey("elected") ? "" : "-none-elected";
    notes.add(
        read.isEmpty()
            ? Messages.get("congress.filled" + none)
            : Messages.get("congress.filled-read" + none, read));
    return new Found(y.toString(), notes);
  }

  private static String person(String name, String role) {
    return "{ name: "
        + Importer.quote(name.strip())
        + ", role: "
        + Importer.quote(role.strip().replaceAll("\\s+", " "))
        + " }";
  }
}
