package vn.luutru.publish;

import java.io.IOException;

/** A deploy that could not be done; the message says what failed and what to do. */
public final class DeployException extends IOException {
  private static final long serialVersionUID = 1L;

  DeployException(String message) {
    super(message);
  }

  DeployException(String message, Throwable cause) {
    super(message, cause);
  }
}
