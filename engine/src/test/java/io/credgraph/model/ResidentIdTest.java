package io.credgraph.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.credgraph.InvalidKeyException;
import io.credgraph.fixtures.SharedData;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

class ResidentIdTest {

  @Test
  void acceptsPublishedExamples() {
    ResidentId id = ResidentId.parse("11010519491231002X");
    assertEquals(LocalDate.of(1949, 12, 31), id.birthDate());
    assertEquals(
        "11010519491231002X", ResidentId.parse("11010519491231002x").value(), "x upper-cased");
    assertEquals("44011320141005001X", ResidentId.parse(" 44011320141005001x ").value());
  }

  @Test
  void wrongCheckCharacterSaysWhatItShouldBeWithoutPrintingTheNumber() {
    InvalidKeyException e =
        assertThrows(InvalidKeyException.class, () -> ResidentId.parse("36042619910102009X"));
    assertEquals(18, e.position());
    char expected = ResidentId.checkCharacter("36042619910102009");
    assertEquals(expected, e.expectedCheck().orElseThrow());
    assertTrue(e.getMessage().contains("should be '" + expected + "'"), e.getMessage());
    assertFalse(e.getMessage().contains("36042619910102009X"), "the full number is personal data");
  }

  @Test
  void impossibleBirthDatesAreRefused() {
    // 13th month, 30 February, 29 February of a common year, a date in the future
    for (String body :
        List.of(
            "36042619911301007", "11010519490230002", "11010519490229002", "11010530000101002")) {
      String n = body + ResidentId.checkCharacter(body);
      InvalidKeyException e = assertThrows(InvalidKeyException.class, () -> ResidentId.parse(n), n);
      assertEquals(7, e.position(), e.getMessage());
    }
    String leap = "11010520000229002";
    assertEquals(
        LocalDate.of(2000, 2, 29),
        ResidentId.parse(leap + ResidentId.checkCharacter(leap)).birthDate());
  }

  @Test
  void malformedNumbersAreRefused() {
    assertThrows(InvalidKeyException.class, () -> ResidentId.parse("150102880730303"));
    assertThrows(InvalidKeyException.class, () -> ResidentId.parse("3301022011022000D6"));
    assertThrows(InvalidKeyException.class, () -> ResidentId.parse("X1010519491231002X"));
  }

  @Test
  void masksAsTheSpecShows() {
    assertEquals("1101**********002X", ResidentId.parse("11010519491231002X").masked());
    assertEquals("1101**********002X", ResidentId.parse("11010519491231002X").toString());
    assertEquals("1101**********002X", SubjectKey.resident("11010519491231002X").toString());
  }

  /**
   * Every line of the repository's fixture (200 numbers, check characters computed by a second
   * implementation in {@code datasets/tools/make_key_fixtures.py}, impossible dates among them):
   * the validator agrees with its class.
   */
  @Test
  void agreesWithTheFixture() throws IOException {
    List<String> disagreements = new ArrayList<>();
    int lines = 0;
    for (String[] f : KeyFixtures.rows("resident-id-fixture.tsv")) {
      lines++;
      if (ResidentId.isValid(f[0]) != f[1].equals("valid")) {
        disagreements.add(f[1] + " " + ResidentId.mask(f[0]));
      }
    }
    assertEquals(200, lines, "read the whole fixture");
    assertEquals(List.of(), disagreements);
  }

  @Test
  @Tag(SharedData.TAG)
  void agreesWithThePublicTestVectors() throws IOException {
    Path file = SharedData.require("resident-id-vectors.tsv");
    List<String> disagreements = new ArrayList<>();
    for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
      if (line.startsWith("#") || line.startsWith("number\t") || line.isBlank()) {
        continue;
      }
      String[] f = line.split("\t", -1);
      if (ResidentId.isValid(f[0]) != f[1].equals("valid")) {
        disagreements.add(line);
      }
    }
    assertEquals(List.of(), disagreements);
  }

  @Property
  void everySingleDigitChangeIsCaught(
      @ForAll("validNumbers") String number,
      @ForAll("positions") int pos,
      @ForAll("characters") char c) {
    assumeTrue(number.charAt(pos) != c);
    String changed = number.substring(0, pos) + c + number.substring(pos + 1);
    // ISO 7064 MOD 11-2: weights are non-zero mod 11 (a prime), so one changed digit always changes
    // the remainder
    assertFalse(
        ResidentId.isValid(changed), "a change at position " + (pos + 1) + " should be caught");
  }

  @Provide
  Arbitrary<String> validNumbers() {
    Arbitrary<String> region = Arbitraries.strings().numeric().ofLength(6);
    Arbitrary<LocalDate> birth =
        Arbitraries.integers().between(0, 36_000).map(d -> LocalDate.of(1920, 1, 1).plusDays(d));
    Arbitrary<String> seq = Arbitraries.strings().numeric().ofLength(3);
    return Combinators.combine(region, birth, seq)
        .as(
            (r, b, s) -> {
              String body =
                  r
                      + String.format(
                          "%04d%02d%02d", b.getYear(), b.getMonthValue(), b.getDayOfMonth())
                      + s;
              return body + ResidentId.checkCharacter(body);
            });
  }

  @Provide
  Arbitrary<Integer> positions() {
    return Arbitraries.integers().between(0, 17);
  }

  @Provide
  Arbitrary<Character> characters() {
    return Arbitraries.of('0', '1', '2', '3', '4', '5', '6', '7', '8', '9', 'X');
  }
}
