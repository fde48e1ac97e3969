package vn.luutru.content;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A congress term (nhiệm kỳ) such as 2020–2022. Written {@code "2020-2022"}, {@code "2020 - 2022"}
 * or with an en dash; shown and addressed as {@code 2020-2022}.
 */
public record Term(int start, int end) implements Comparable<Term> {
  private static final Pattern FORM = Pattern.compile("\\s*(\\d{4})\\s*[-–—/]\\s*(\\d{4})\\s*");

  /** Parses a term, or empty when {@code text} is not two years in order. */
  public static Optional<Term> parse(String text) {
    Matcher m = FORM.matcher(text);
    if (!m.matches()) {
      return Optional.empty();
    }
    int start = Integer.parseInt(m.group(1));
    int end = Integer.parseInt(m.group(2));
    return end > start ? Optional.of(new Term(start, end)) : Optional.empty();
  }

  /** {@code 2020-2022}: the label and the URL slug. */
  public String label() {
    return start + "-" + end;
  }

  /** {@code 2020 - 2022}, as Vietnamese prose writes it. */
  public String display() {
    return start + " - " + end;
  }

  @Override
  public int compareTo(Term o) {
    return start != o.start ? Integer.compare(start, o.start) : Integer.compare(end, o.end);
  }
}
