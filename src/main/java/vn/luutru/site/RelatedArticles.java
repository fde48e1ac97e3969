package vn.luutru.site;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import vn.luutru.content.Article;

/**
 * Up to five related articles for each article: reports of the same organisation or of its family
 * count most, then shared tags; the rest are the nearest in time in the same category. Tags shared
 * by very many articles are too broad to say anything and are skipped.
 */
final class RelatedArticles {
  private static final int RELATED = 5;

  /** A tag with more articles than this says nothing about how they are related. */
  private static final int BROAD_TAG = 500;

  private final List<Article> articles;
  private final long[] seconds;
  private final String[] paths;
  private final Taxonomy categories;
  private final Taxonomy tags;
  private final Organizations orgs;

  /** For {@code articles} in the site's order, at {@code paths}. */
  RelatedArticles(
      List<Article> articles,
      String[] paths,
      Taxonomy categories,
      Taxonomy tags,
      Organizations orgs) {
    this.articles = articles;
    this.paths = paths;
    this.categories = categories;
    this.tags = tags;
    this.orgs = orgs;
    this.seconds = new long[articles.size()];
    for (int i = 0; i < seconds.length; i++) {
      seconds[i] = articles.get(i).date().toEpochSecond();
    }
  }

  /** The articles related to article {@code i}, most related first. */
  List<ArticleRef> of(int i) {
    Map<Integer, Integer> score = new LinkedHashMap<>();
    String org = orgs.orgOfArticle.get(i);
    if (org != null) {
      addAll(score, orgs.articlesByOrg.get(org), 6, i);
      addAll(score, orgs.articlesByFamily.get(org), 3, i);
      String parent = orgs.parentOfArticle.get(i);
      if (parent != null) {
        addAll(score, orgs.articlesByFamily.get(parent), 2, i);
        addAll(score, orgs.articlesByOrg.get(parent), 3, i);
      }
    }
    for (String tag : articles.get(i).tags()) {
      List<Integer> members = tags.members(tag);
      if (members.size() <= BROAD_TAG) {
        addAll(score, members, 3, i);
      }
    }
    List<String> cats = articles.get(i).categories();
    if (!cats.isEmpty()) {
      nearestInTime(score, categories.members(cats.get(0)), i);
    }
    long when = seconds[i];
    return score.entrySet().stream()
        .sorted(
            Map.Entry.<Integer, Integer>comparingByValue()
                .reversed()
                .thenComparingLong(e -> Math.abs(seconds[e.getKey()] - when))
                .thenComparingInt(Map.Entry::getKey))
        .limit(RELATED)
        .map(
            e ->
                new ArticleRef(
                    articles.get(e.getKey()).title(),
                    paths[e.getKey()],
                    articles.get(e.getKey()).date()))
        .toList();
  }

  /** Scores one for each of the articles nearest {@code i} in {@code members}, on both sides. */
  private static void nearestInTime(Map<Integer, Integer> score, List<Integer> members, int i) {
    int at = Collections.binarySearch(members, i);
    for (int step = 1, added = 0;
        added < RELATED * 2 && (at - step >= 0 || at + step < members.size());
        step++) {
      if (at - step >= 0) {
        score.merge(members.get(at - step), 1, Integer::sum);
        added++;
      }
      if (at + step < members.size()) {
        score.merge(members.get(at + step), 1, Integer::sum);
        added++;
      }
    }
  }

  private static void addAll(
      Map<Integer, Integer> score, List<Integer> members, int weight, int self) {
    if (members == null) {
      return;
    }
    for (int j : members) {
      if (j != self) {
        score.merge(j, weight, Integer::sum);
      }
    }
  }
}
