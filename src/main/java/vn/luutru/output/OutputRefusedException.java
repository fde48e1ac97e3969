package vn.luutru.output;

import java.io.IOException;

/** The output folder exists and is not one luutru may replace. */
public final class OutputRefusedException extends IOException {
  private static final long serialVersionUID = 1L;

  public OutputRefusedException(String message) {
    super(message);
  }
}
