package vn.luutru.publish;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What a deploy does to bring the target from {@code published} to {@code site}: the files to send,
 * in stages, then the files to delete (only files of the manifest). Files new to the target come
 * first, in {@link PublishOrder}: no page on the target links to them yet. Then the files that
 * replace published ones, again in {@link PublishOrder}, so that each links only to files already
 * in place. Each stage is wholly in place before the next starts.
 */
record Plan(
    List<List<Action>> stages, List<Action> deletes, long unchangedFiles, long unchangedBytes) {
  Plan {
    stages = stages.stream().map(List::copyOf).toList();
    deletes = List.copyOf(deletes);
  }

  static Plan of(Manifest site, Manifest published) {
    Map<Integer, List<Action>> stages = new TreeMap<>();
    long unchangedFiles = 0;
    long unchangedBytes = 0;
    for (Map.Entry<String, Manifest.Entry> f : site.files().entrySet()) {
      Manifest.Entry before = published.files().get(f.getKey());
      if (f.getValue().equals(before)) {
        unchangedFiles++;
        unchangedBytes += f.getValue().size();
      } else {
        int stage = PublishOrder.rank(f.getKey()) + (before == null ? 0 : PublishOrder.RANKS);
        stages
            .computeIfAbsent(stage, s -> new ArrayList<>())
            .add(new Action(Action.Kind.SEND, f.getKey(), f.getValue().size()));
      }
    }
    List<Action> deletes = new ArrayList<>();
    for (Map.Entry<String, Manifest.Entry> f : published.files().entrySet()) {
      if (!site.files().containsKey(f.getKey())) {
        deletes.add(new Action(Action.Kind.DELETE, f.getKey(), f.getValue().size()));
      }
    }
    deletes.sort(Comparator.comparing(Action::path, PublishOrder.ORDER.reversed()));
    return new Plan(List.copyOf(stages.values()), deletes, unchangedFiles, unchangedBytes);
  }

  List<Action> sends() {
    return stages.stream().flatMap(List::stream).toList();
  }

  List<Action> actions() {
    List<Action> all = new ArrayList<>(sends());
    all.addAll(deletes);
    return List.copyOf(all);
  }
}
