package vn.luutru.site;

import java.util.ArrayList;
import java.util.List;

/** The site's folders for each kind of page, and what follows from an address. */
public final class Addresses {
  static final String CATEGORIES = "chuyen-muc/";
  static final String TAGS = "the/";
  static final String ORGANIZATIONS = "to-chuc/";
  static final String TERMS = "nhiem-ky/";
  static final String YEARS = "thoi-gian/";
  static final String SEARCH = "tim-kiem/";

  /** Files the search index writes beside the pages; the rest of {@code search/} is its too. */
  static final List<String> SEARCH_FILES = List.of("search/index.json", "search/search.js");

  private Addresses() {}

  static String year(int year) {
    return year + "/";
  }

  static String month(int year, int month) {
    return year + "/" + twoDigits(month) + "/";
  }

  /** {@code String.format("%02d", n)} for 0 ≤ n, without a formatter: it runs for every article. */
  static String twoDigits(int n) {
    return n < 10 ? "0" + n : Integer.toString(n);
  }

  /**
   * {@code file} as a file system that ignores case sees it (Windows, macOS): two addresses with
   * one fold would be one file on such a server.
   */
  public static String fold(String file) {
    return file.toLowerCase(java.util.Locale.ROOT);
  }

  /** The folders {@code file} is in, outermost first: {@code a/b/c.html} is in {@code a/b}. */
  public static List<String> folders(String file) {
    List<String> out = new ArrayList<>();
    for (int slash = file.indexOf('/'); slash > 0; slash = file.indexOf('/', slash + 1)) {
      out.add(file.substring(0, slash));
    }
    return out;
  }
}
