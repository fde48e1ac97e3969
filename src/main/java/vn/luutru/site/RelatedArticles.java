package vn.luutru.site;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import vn.luutru.content.Article;

/**
 * Up to five related articles for each article: reports of the same organisation or of its family
 * count most, then shared tags, then the same category; ties go to the nearest in time, then to the
 * first in the site's order. Tags shared by very many articles are too broad to say anything and
 * are skipped. How related two articles are depends on those two alone, so a new article changes
 * only the lists it enters, and a deleted one only those it leaves.
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
      List<Integer> members = categories.members(cats.get(0));
      score.replaceAll((j, s) -> Collections.binarySearch(members, j) >= 0 ? s + 1 : s);
      nearestInTime(score, members, i);
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

  /**
   * Scores one each of the {@value #RELATED} articles of {@code members} (the category, in the
   * site's order) nearest {@code i} in time that have no score yet, ties to the first in the site's
   * order: the only ones of the category's that can be among the most related.
   */
  private void nearestInTime(Map<Integer, Integer> score, List<Integer> members, int i) {
    int at = Collections.binarySearch(members, i);
    long when = seconds[i];
    int left = at - 1;
    int right = at + 1;
    int added = 0;
    while (added < RELATED && (left >= 0 || right < members.size())) {
      long toLeft = left >= 0 ? seconds[members.get(left)] - when : Long.MAX_VALUE;
      long toRight = right < members.size() ? when - seconds[members.get(right)] : Long.MAX_VALUE;
      long nearest = Math.min(toLeft, toRight);
      if (toLeft == nearest) {
        // The newer ones at this distance, all of one time: the first in the site's order first.
        int from = firstAt(members, left, seconds[members.get(left)]);
        for (int k = from; k <= left && added < RELATED; k++) {
          added += score.putIfAbsent(members.get(k), 1) == null ? 1 : 0;
        }
        left = from - 1;
      }
      if (toRight == nearest) {
        long t = seconds[members.get(right)];
        for (;
            right < members.size() && seconds[members.get(right)] == t && added < RELATED;
            right++) {
          added += score.putIfAbsent(members.get(right), 1) == null ? 1 : 0;
        }
      }
    }
  }

  /** The first position up to {@code last} of {@code members} whose time is {@code t}. */
  private int firstAt(List<Integer> members, int last, long t) {
    int lo = 0;
    int hi = last;
    while (lo < hi) {
      int mid = (lo + hi) >>> 1;
      if (seconds[members.get(mid)] > t) {
        lo = mid + 1;
      } else {
        hi = mid;
      }
    }
    return lo;
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
