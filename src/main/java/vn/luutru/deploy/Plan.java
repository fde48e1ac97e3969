package vn.luutru.deploy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * What a deploy does to bring the target from {@code published} to {@code site}: the files to send,
 * in {@link PublishOrder}, then the files to delete (only files of the manifest).
 */
record Plan(List<Action> sends, List<Action> deletes, long unchangedFiles, long unchangedBytes) {
  Plan {
    sends = List.copyOf(sends);
    deletes = List.copyOf(deletes);
  }

  static Plan of(Manifest site, Manifest published) {
    List<Action> sends = new ArrayList<>();
    long unchangedFiles = 0;
    long unchangedBytes = 0;
    for (Map.Entry<String, Manifest.Entry> f : site.files().entrySet()) {
      if (f.getValue().equals(published.files().get(f.getKey()))) {
        unchangedFiles++;
        unchangedBytes += f.getValue().size();
      } else {
        sends.add(new Action(Action.Kind.SEND, f.getKey(), f.getValue().size()));
      }
    }
    List<Action> deletes = new ArrayList<>();
    for (Map.Entry<String, Manifest.Entry> f : published.files().entrySet()) {
      if (!site.files().containsKey(f.getKey())) {
        deletes.add(new Action(Action.Kind.DELETE, f.getKey(), f.getValue().size()));
      }
    }
    sends.sort((a, b) -> PublishOrder.ORDER.compare(a.path(), b.path()));
    deletes.sort((a, b) -> PublishOrder.ORDER.compare(b.path(), a.path()));
    return new Plan(sends, deletes, unchangedFiles, unchangedBytes);
  }

  List<Action> actions() {
    List<Action> all = new ArrayList<>(sends);
    all.addAll(deletes);
    return List.copyOf(all);
  }
}
