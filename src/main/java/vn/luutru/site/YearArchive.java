package vn.luutru.site;

import java.util.List;

/** The articles of one year, newest first, with its months (newest first). */
public record YearArchive(
    int year, String path, List<MonthArchive> months, List<ArticlePage> articles) {
  public YearArchive {
    months = List.copyOf(months);
    articles = List.copyOf(articles);
  }

  /** The articles of one month. */
  public record MonthArchive(int year, int month, String path, List<ArticlePage> articles) {
    public MonthArchive {
      articles = List.copyOf(articles);
    }
  }
}
