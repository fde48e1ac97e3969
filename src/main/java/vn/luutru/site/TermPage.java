package vn.luutru.site;

import java.util.List;
import vn.luutru.content.Term;

/** The congresses held for one term, by date. */
public record TermPage(Term term, String path, List<CongressEntry> congresses) {
  public TermPage {
    congresses = List.copyOf(congresses);
  }

  public String label() {
    return term.label();
  }
}
