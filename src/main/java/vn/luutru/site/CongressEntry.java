package vn.luutru.site;

import java.time.LocalDate;
import vn.luutru.content.Congress;

/**
 * One congress as the archive shows it: the facts, the organisation and term pages it belongs to,
 * its parent's page (null when the report names none), and the report itself.
 */
public record CongressEntry(
    Congress congress, Link organization, Link parent, Link term, ArticleRef report) {

  /** The day it was held, or null when the report does not say. */
  public LocalDate held() {
    return congress.held().orElse(null);
  }
}
