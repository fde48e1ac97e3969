package vn.luutru.publish;

import java.util.List;

/**
 * What a deploy did (or, with {@code dryRun}, would do): every step in the order it was taken, the
 * files left as they were, and the files it replaced that were on the target but not published by
 * luutru.
 *
 * @param resumed whether it finished the work of an interrupted deploy
 */
public record DeployReport(
    String target,
    boolean dryRun,
    boolean resumed,
    List<Action> actions,
    long unchangedFiles,
    long unchangedBytes,
    List<String> replaced) {
  public DeployReport {
    actions = List.copyOf(actions);
    replaced = List.copyOf(replaced);
  }

  public long sentFiles() {
    return actions.stream().filter(a -> a.kind() == Action.Kind.SEND).count();
  }

  public long sentBytes() {
    return actions.stream().filter(a -> a.kind() == Action.Kind.SEND).mapToLong(Action::size).sum();
  }

  public long deletedFiles() {
    return actions.stream().filter(a -> a.kind() == Action.Kind.DELETE).count();
  }

  public long deletedBytes() {
    return actions.stream()
        .filter(a -> a.kind() == Action.Kind.DELETE)
        .mapToLong(Action::size)
        .sum();
  }
}
