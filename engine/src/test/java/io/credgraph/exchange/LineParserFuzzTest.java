package io.credgraph.exchange;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.credgraph.ValidationException;
import io.credgraph.catalogue.ListCatalogue;

/**
 * A coverage-guided fuzz target (Jazzer) on the exchange line parser: any bytes are accepted or
 * rejected with a {@link ValidationException} that names its field; anything else thrown is a
 * finding. By default (every {@code mvn test}) it runs in regression mode over the inputs in {@code
 * LineParserFuzzTestInputs/lineParser/} and stops in milliseconds; with {@code JAZZER_FUZZ=1} it
 * fuzzes for at most 60 s, offline, and writes a crashing input there: {@code JAZZER_FUZZ=1 mvn -pl
 * engine test -Dtest=LineParserFuzzTest}.
 */
class LineParserFuzzTest {
  private static final LineParser PARSER = new LineParser(ListCatalogue.defaults());

  @FuzzTest(maxDuration = "60s")
  void lineParser(byte[] data) {
    try {
      PARSER.parse(PARSER.read(data, data.length), "fuzz.jsonl", "h", 1, "FUZZ");
    } catch (ValidationException e) {
      if (e.field().isEmpty() || e.field().get().isBlank() || e.getMessage() == null) {
        throw new AssertionError("a rejection without its field or reason: " + e, e);
      }
    }
  }
}
