package vn.luutru.testing;

import vn.luutru.internal.Texts;
import vn.luutru.internal.Texts.Language;

/** Runs a piece of a test with the interface in one language, then restores the one before. */
public final class InLanguage {
  private InLanguage() {}

  /** A piece of a test that returns a value and may throw. */
  @FunctionalInterface
  public interface Call<T, E extends Exception> {
    T call() throws E;
  }

  /** The value of {@code call} with the interface in Vietnamese. */
  public static <T, E extends Exception> T vietnamese(Call<T, E> call) throws E {
    Language before = Texts.language();
    Texts.use(Language.VI);
    try {
      return call.call();
    } finally {
      Texts.use(before);
    }
  }
}
