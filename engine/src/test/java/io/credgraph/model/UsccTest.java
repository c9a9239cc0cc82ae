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

class UsccTest {

  @Test
  void acceptsPublishedExamples() {
    assertEquals("91350100M000100Y43", Uscc.parse("91350100M000100Y43").value());
    assertEquals(
        "91442000MA4W1K2X3F",
        Uscc.parse(" 91442000ma4w1k2x3f ").value(),
        "trimmed and upper-cased");
  }

  @Test
  void wrongCheckCharacterSaysWhichAndWhatItShouldBe() {
    InvalidKeyException e =
        assertThrows(InvalidKeyException.class, () -> Uscc.parse("91350100M000100Y44"));
    assertEquals(18, e.position());
    assertEquals('3', e.expectedCheck().orElseThrow());
    assertTrue(e.getMessage().contains("should be '3'"), e.getMessage());
  }

  @Test
  void forbiddenLettersAndLengthsAreNamed() {
    InvalidKeyException letter =
        assertThrows(InvalidKeyException.class, () -> Uscc.parse("91350100MO00100Y43"));
    assertEquals(10, letter.position());
    assertTrue(letter.getMessage().contains("character 10"), letter.getMessage());
    InvalidKeyException length =
        assertThrows(InvalidKeyException.class, () -> Uscc.parse("320100000038690"));
    assertEquals(0, length.position());
    assertTrue(length.getMessage().contains("18 characters"), length.getMessage());
    assertThrows(InvalidKeyException.class, () -> Uscc.parse(""));
    assertThrows(InvalidKeyException.class, () -> Uscc.parse(null));
  }

  /**
   * Every line of the repository's fixture (300 codes whose check characters a second
   * implementation computed, in {@code datasets/tools/make_key_fixtures.py}): the validator agrees
   * with its class.
   */
  @Test
  void agreesWithTheFixture() throws IOException {
    List<String> disagreements = new ArrayList<>();
    int lines = 0;
    for (String[] f : KeyFixtures.rows("uscc-fixture.tsv")) {
      lines++;
      boolean expectValid = f[1].equals("valid") || f[1].equals("valid-after-uppercase");
      if (Uscc.isValid(f[0]) != expectValid) {
        disagreements.add(String.join("\t", f));
      }
    }
    assertEquals(300, lines, "read the whole fixture");
    assertEquals(List.of(), disagreements);
  }

  /** Every line of the real registry sample: the validator agrees with its class. */
  @Test
  @Tag(SharedData.TAG)
  void agreesWithTheRegistrySample() throws IOException {
    Path file = SharedData.require("uscc-registry-sample.tsv");
    List<String> disagreements = new ArrayList<>();
    int lines = 0;
    for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
      if (line.startsWith("#") || line.startsWith("code\t") || line.isBlank()) {
        continue;
      }
      String[] f = line.split("\t", -1);
      lines++;
      boolean expectValid = f[1].equals("valid") || f[1].equals("valid-after-uppercase");
      if (Uscc.isValid(f[0]) != expectValid) {
        disagreements.add(line);
      }
    }
    assertTrue(lines > 20_000, "read the whole sample");
    assertEquals(List.of(), disagreements);
  }

  @Property
  void everySingleCharacterChangeIsCaught(
      @ForAll("validCodes") String code,
      @ForAll("positions") int pos,
      @ForAll("alphabetChars") char c) {
    assumeTrue(code.charAt(pos) != c);
    String changed = code.substring(0, pos) + c + code.substring(pos + 1);
    // mod 31 with weights all non-zero mod 31 (a prime): every substitution within the alphabet
    // changes the sum
    assertFalse(Uscc.isValid(changed), changed + " (from " + code + ") should be caught");
  }

  @Provide
  Arbitrary<String> validCodes() {
    Arbitrary<String> body =
        Arbitraries.of(Uscc.ALPHABET.chars().mapToObj(ch -> (char) ch).toList())
            .list()
            .ofSize(17)
            .map(
                cs -> {
                  StringBuilder b = new StringBuilder();
                  cs.forEach(b::append);
                  return b.toString();
                });
    return Combinators.combine(body, Arbitraries.just(0))
        .as((b, ignored) -> b + Uscc.checkCharacter(b));
  }

  @Provide
  Arbitrary<Integer> positions() {
    return Arbitraries.integers().between(0, 17);
  }

  @Provide
  Arbitrary<Character> alphabetChars() {
    return Arbitraries.of(
        "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ".chars().mapToObj(ch -> (char) ch).toList());
  }
}
