package vn.luutru.site;

import java.time.OffsetDateTime;

/** An address in the sitemap, with when it last changed ({@code day} null when unknown). */
public record SitemapEntry(String path, OffsetDateTime day) {
  /** The day as {@code 2020-01-17}, or empty when unknown. */
  public String lastmod() {
    return day == null ? "" : day.toLocalDate().toString();
  }
}
