package vn.luutru.content;

/** Where a value stands in its source file (1-based), with that line's text for the caret. */
public record Position(int line, int column, String sourceLine) {
  public static final Position FILE = new Position(0, 0, "");

  public Diagnostic error(String path, String message) {
    return Diagnostic.error(path, line, column, message, sourceLine);
  }

  public Diagnostic warning(String path, String message) {
    return Diagnostic.warning(path, line, column, message, sourceLine);
  }
}
