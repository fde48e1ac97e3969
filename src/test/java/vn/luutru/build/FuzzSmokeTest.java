package vn.luutru.build;

import java.io.IOException;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The first hundred in-memory cases of {@link FuzzIT}, from its seed, for {@code mvn test}: a
 * change that breaks on mutated input is seen before {@code mvn verify} runs the whole fuzzer.
 * Takes the same {@code -Dfuzz.*} properties.
 */
class FuzzSmokeTest {
  static final int CASES = 100;

  @BeforeAll
  static void readSamples() throws IOException {
    FuzzIT.readSamples();
  }

  @Test
  void theFirstCasesNeverCrashNorHangAndPointInsideTheFile() {
    FuzzIT.fuzzInMemory(FuzzIT.cases(0, CASES));
  }
}
