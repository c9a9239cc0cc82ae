package io.credgraph.exchange;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.credgraph.ValidationException;
import io.credgraph.catalogue.ListCatalogue;
import io.credgraph.fixtures.ExchangeExample;
import io.credgraph.model.SubjectKey;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.Size;

/**
 * Fuzzing the exchange line parser and the key validators (issue #13 item 8): whatever bytes a
 * department sends, a line is either accepted or rejected with a {@link ValidationException} that
 * names the field at fault; no other exception escapes (it would stop a load or answer 500).
 * Inputs: raw bytes, and the valid lines of EXCHANGE.md with one field replaced by any JSON value,
 * removed, or joined by an unknown field.
 */
class LineParserFuzzPropertyTest {
  static final ObjectMapper JSON = new ObjectMapper();
  static final LineParser PARSER = new LineParser(ListCatalogue.defaults());
  static final String PERSON = ExchangeExample.PERSON;
  static final String COMPANY = ExchangeExample.COMPANY;
  static final List<String> VALID =
      List.of(
          ExchangeExample.ENTERPRISE_LINE,
          ExchangeExample.PERSON_LINE,
          ExchangeExample.SHAREHOLDER_LINE,
          ExchangeExample.LICENCE_REVOKED_LINE,
          ExchangeExample.repaired("corrected"),
          ExchangeExample.end("SHAREHOLDER", "2022-01-01"));

  /**
   * Parses like the loader: read, then validate; true when accepted, false when rejected naming a
   * field.
   */
  static boolean parse(byte[] bytes) {
    try {
      JsonNode node = PARSER.read(bytes, bytes.length);
      PARSER.parse(node, "fuzz.jsonl", "h", 1, "FUZZ");
      return true;
    } catch (ValidationException e) {
      assertTrue(
          e.field().isPresent() && !e.field().get().isBlank(), "a rejection names its field: " + e);
      assertFalse(e.getMessage() == null || e.getMessage().isBlank(), "a rejection says why");
      return false;
    }
  }

  @Property(tries = 2000)
  void anyBytesAreAcceptedOrRejectedNamingTheField(@ForAll @Size(max = 400) byte[] bytes) {
    parse(bytes);
  }

  @Property(tries = 2000)
  void anyTextIsAcceptedOrRejectedNamingTheField(@ForAll @Size(max = 300) String text) {
    parse(text.getBytes(StandardCharsets.UTF_8));
  }

  @Property(tries = 3000)
  void aValidLineWithOneFieldChangedIsAcceptedOrRejectedNamingTheField(
      @ForAll("mutations") String line) {
    parse(line.getBytes(StandardCharsets.UTF_8));
  }

  @Property(tries = 1000)
  void theValidLinesAreAccepted(@ForAll("valid") String line) {
    assertTrue(parse(line.getBytes(StandardCharsets.UTF_8)), line);
  }

  @Property(tries = 3000)
  void keyValidatorsRefuseWithAFieldOrAccept(@ForAll("keys") String raw) {
    for (Runnable r :
        List.<Runnable>of(() -> SubjectKey.resident(raw), () -> SubjectKey.uscc(raw))) {
      try {
        r.run();
      } catch (ValidationException e) {
        assertFalse(e.getMessage() == null || e.getMessage().isBlank(), "a refusal says why");
      }
    }
  }

  @Provide
  Arbitrary<String> valid() {
    return Arbitraries.of(VALID);
  }

  @Provide
  Arbitrary<String> keys() {
    Arbitrary<String> digits =
        Arbitraries.strings().withChars("0123456789Xx").ofMinLength(0).ofMaxLength(20);
    Arbitrary<String> near =
        Arbitraries.of(PERSON, COMPANY)
            .flatMap(
                k ->
                    Arbitraries.integers()
                        .between(0, k.length() - 1)
                        .flatMap(
                            i ->
                                Arbitraries.chars()
                                    .all()
                                    .map(c -> k.substring(0, i) + c + k.substring(i + 1))));
    return Arbitraries.oneOf(digits, near, Arbitraries.strings().ofMaxLength(30));
  }

  @Provide
  Arbitrary<String> mutations() {
    return Combinators.combine(
            Arbitraries.of(VALID),
            Arbitraries.integers().between(0, 40),
            jsonValues(),
            Arbitraries.integers().between(0, 2))
        .as(
            (line, which, value, how) -> {
              try {
                ObjectNode node = (ObjectNode) JSON.readTree(line);
                List<ObjectNode> objects = new ArrayList<>();
                collect(node, objects);
                ObjectNode target = objects.get(which % objects.size());
                List<String> names = new ArrayList<>();
                target.fieldNames().forEachRemaining(names::add);
                String field = names.isEmpty() ? "x" : names.get(which % names.size());
                switch (how) {
                  case 0 -> target.set(field, value);
                  case 1 -> target.remove(field);
                  default -> target.set("unknown" + which, value);
                }
                return JSON.writeValueAsString(node);
              } catch (java.io.IOException e) {
                throw new IllegalStateException(e);
              }
            });
  }

  static void collect(JsonNode n, List<ObjectNode> out) {
    if (n instanceof ObjectNode o) {
      out.add(o);
    }
    n.elements().forEachRemaining(c -> collect(c, out));
  }

  static Arbitrary<JsonNode> jsonValues() {
    JsonNodeFactory f = JsonNodeFactory.instance;
    return Arbitraries.oneOf(
        Arbitraries.strings().ofMaxLength(40).map(f::textNode),
        Arbitraries.of(
                "",
                "2019-02-30",
                "9999-12-31",
                "0000-01-01",
                "2019-5-1",
                "SHAREHOLDER",
                "PERSON",
                "ACTIVE",
                PERSON,
                COMPANY,
                "NaN",
                "-1",
                "1e309")
            .map(f::textNode),
        Arbitraries.doubles().map(f::numberNode),
        Arbitraries.longs().map(f::numberNode),
        Arbitraries.of(Double.NaN, Double.POSITIVE_INFINITY, -0.0, 1.5, -1.0).map(f::numberNode),
        Arbitraries.of(true, false).map(f::booleanNode),
        Arbitraries.just(f.nullNode()),
        Arbitraries.just(f.arrayNode()),
        Arbitraries.just(f.objectNode()),
        Arbitraries.just(
            (JsonNode)
                f.arrayNode().add(f.objectNode().put("idNumber", PERSON)).add(f.nullNode())));
  }
}
