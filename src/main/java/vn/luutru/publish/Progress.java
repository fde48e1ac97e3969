package vn.luutru.publish;

/**
 * Told of each step of a deploy as it is done, so that a long deploy can show it is moving. Called
 * from the threads that send files, one call at a time.
 */
@FunctionalInterface
public interface Progress {
  /** Ignores every step. */
  Progress NONE = (action, done, total) -> {};

  /** {@code action} is done: the {@code done}-th of {@code total} steps. */
  void step(Action action, int done, int total);
}
