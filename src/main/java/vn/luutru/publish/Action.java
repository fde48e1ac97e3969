package vn.luutru.publish;

/** One step of a deploy: a file sent or deleted, with its size in bytes. */
public record Action(Kind kind, String path, long size) {
  /** What is done to the file. */
  public enum Kind {
    SEND,
    DELETE
  }
}
