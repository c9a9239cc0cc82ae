package io.credgraph.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.credgraph.InvalidKeyException;
import io.credgraph.ValidationException;
import java.time.LocalDate;
import java.util.Locale;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Assume;
import net.jqwik.api.Combinators;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * The key validators under generated input (issue #13 item 8). What holds, precisely:
 *
 * <ul>
 *   <li>Any string (and null) either parses or is refused with an {@link InvalidKeyException} that
 *       names the field ({@code uscc} / {@code idNumber}), says why, and gives the 1-based position
 *       of the first wrong character (0 for a wrong length); no other exception escapes. A refused
 *       resident ID number's message never holds the number.
 *   <li>What parses is the input trimmed and upper-cased, of 18 characters, with its check
 *       character: parsing it again, or its canonical key form, gives the same key.
 *   <li>When only the check character is wrong, the refusal gives the right one, and the key with
 *       it parses.
 *   <li>Changing one character of a valid key to any other character is refused, unless the change
 *       vanishes when the input is upper-cased (x for X). Swapping two different characters among
 *       the first 17 of a USCC (weights pairwise distinct mod 31), or two adjacent different digits
 *       among the first 17 of a resident ID number (adjacent weights differ mod 11), is refused.
 * </ul>
 */
class KeyValidatorsPropertyTest {

  // ---- any string ----

  @Property(tries = 3000)
  void anyStringIsAUsccOrRefusedNamingTheField(@ForAll("anyText") String raw) {
    Uscc u;
    try {
      u = Uscc.parse(raw, "uscc");
    } catch (InvalidKeyException e) {
      refusal(e, "uscc");
      return;
    } catch (RuntimeException e) {
      fail("'" + raw + "' raised " + e, e);
      return;
    }
    assertEquals(raw.trim().toUpperCase(Locale.ROOT), u.value());
    assertEquals(18, u.value().length());
    assertEquals(Uscc.checkCharacter(u.value()), u.value().charAt(17));
  }

  @Property(tries = 3000)
  void anyStringIsAResidentIdOrRefusedNamingTheField(@ForAll("anyText") String raw) {
    ResidentId id;
    try {
      id = ResidentId.parse(raw, "idNumber");
    } catch (InvalidKeyException e) {
      refusal(e, "idNumber");
      String v = raw == null ? "" : raw.trim().toUpperCase(Locale.ROOT);
      assertFalse(
          v.length() >= 18 && e.getMessage().contains(v), "the number is personal data: " + e);
      return;
    } catch (RuntimeException e) {
      fail("a string raised " + e, e);
      return;
    }
    assertEquals(raw.trim().toUpperCase(Locale.ROOT), id.value());
    assertTrue(id.value().matches("\\d{17}[\\dX]"), id.masked());
    assertFalse(id.birthDate().isAfter(Dates.today()));
  }

  @Property(tries = 2000)
  void anyStringIsASubjectKeyOrAValidationError(
      @ForAll("anyText") String raw, @ForAll("idTypes") String idType) {
    for (Runnable r :
        new Runnable[] {
          () -> SubjectKey.uscc(raw),
          () -> SubjectKey.resident(raw),
          () -> SubjectKey.person(idType, raw),
          () -> SubjectKey.external(idType, raw),
          () -> SubjectKey.fromCanonical(idType + ":" + raw)
        }) {
      try {
        r.run();
      } catch (ValidationException e) {
        assertTrue(e.field().isPresent(), "names the field: " + e);
        assertFalse(e.getMessage() == null || e.getMessage().isBlank(), "says why");
      } catch (RuntimeException e) {
        fail(idType + " / a string raised " + e, e);
      }
    }
  }

  static void refusal(InvalidKeyException e, String field) {
    assertEquals(field, e.field().orElse(null), e.getMessage());
    assertFalse(e.getMessage() == null || e.getMessage().isBlank(), "a refusal says why");
    assertTrue(e.position() >= 0 && e.position() <= 18, e.getMessage());
    e.expectedCheck().ifPresent(c -> assertEquals(18, e.position(), e.getMessage()));
  }

  // ---- valid keys ----

  @Property(tries = 1000)
  void aValidUsccRoundTrips(@ForAll("usccs") String code, @ForAll boolean lower) {
    String typed = "  " + (lower ? code.toLowerCase(Locale.ROOT) : code) + "\t";
    Uscc u = Uscc.parse(typed);
    assertEquals(code, u.value());
    assertEquals(u, new Uscc(u.value()));
    SubjectKey k = SubjectKey.uscc(typed);
    assertEquals(k, SubjectKey.fromCanonical(k.canonical()));
    assertEquals("USCC:" + code, k.canonical());
  }

  @Property(tries = 1000)
  void aValidResidentIdRoundTrips(@ForAll("residentIds") String number, @ForAll boolean lower) {
    String typed = " " + (lower ? number.toLowerCase(Locale.ROOT) : number) + " ";
    ResidentId id = ResidentId.parse(typed);
    assertEquals(number, id.value());
    assertEquals(
        LocalDate.of(
            Integer.parseInt(number.substring(6, 10)),
            Integer.parseInt(number.substring(10, 12)),
            Integer.parseInt(number.substring(12, 14))),
        id.birthDate());
    SubjectKey k = SubjectKey.resident(typed);
    assertEquals(k, SubjectKey.fromCanonical(k.canonical()));
    assertFalse(k.toString().contains(number), "masked");
  }

  @Property(tries = 500)
  void anOnlyWrongCheckCharacterIsNamedWithTheRightOne(
      @ForAll("usccs") String code, @ForAll("residentIds") String number) {
    for (String alphabet : new String[] {Uscc.ALPHABET, "0123456789X"}) {
      String key = alphabet == Uscc.ALPHABET ? code : number;
      char wrong = alphabet.charAt((alphabet.indexOf(key.charAt(17)) + 1) % alphabet.length());
      String bad = key.substring(0, 17) + wrong;
      InvalidKeyException e =
          assertThrows(
              InvalidKeyException.class,
              () -> {
                if (alphabet == Uscc.ALPHABET) {
                  Uscc.parse(bad);
                } else {
                  ResidentId.parse(bad);
                }
              });
      assertEquals(18, e.position());
      assertEquals(key.charAt(17), e.expectedCheck().orElseThrow());
    }
  }

  // ---- one change ----

  @Property(tries = 3000)
  void oneChangedCharacterOfAUsccIsRefused(
      @ForAll("usccs") String code, @ForAll("positions") int pos, @ForAll("anyChar") char c) {
    String changed = code.substring(0, pos) + c + code.substring(pos + 1);
    if (changed.trim().toUpperCase(Locale.ROOT).equals(code)) {
      assertTrue(Uscc.isValid(changed), "only the case changed: " + changed);
    } else {
      assertFalse(Uscc.isValid(changed), changed + " (from " + code + ") is refused");
    }
  }

  @Property(tries = 3000)
  void oneChangedCharacterOfAResidentIdIsRefused(
      @ForAll("residentIds") String number,
      @ForAll("positions") int pos,
      @ForAll("anyChar") char c) {
    String changed = number.substring(0, pos) + c + number.substring(pos + 1);
    if (changed.trim().toUpperCase(Locale.ROOT).equals(number)) {
      assertTrue(ResidentId.isValid(changed), "only the case changed");
    } else {
      assertFalse(ResidentId.isValid(changed), "a change at " + (pos + 1) + " is refused");
    }
  }

  @Property(tries = 2000)
  void swappingTwoCharactersOfAUsccBodyIsRefused(
      @ForAll("usccs") String code,
      @ForAll("bodyPositions") int i,
      @ForAll("bodyPositions") int j) {
    Assume.that(code.charAt(i) != code.charAt(j));
    char[] cs = code.toCharArray();
    cs[i] = code.charAt(j);
    cs[j] = code.charAt(i);
    assertFalse(Uscc.isValid(new String(cs)), new String(cs) + " (from " + code + ")");
  }

  @Property(tries = 2000)
  void swappingTwoAdjacentDigitsOfAResidentIdBodyIsRefused(
      @ForAll("residentIds") String number, @ForAll("adjacent") int i) {
    Assume.that(number.charAt(i) != number.charAt(i + 1));
    char[] cs = number.toCharArray();
    cs[i] = number.charAt(i + 1);
    cs[i + 1] = number.charAt(i);
    assertFalse(ResidentId.isValid(new String(cs)), "a swap at " + (i + 1));
  }

  /** Upper-casing can lengthen a string (ß is SS): a 17-character input never becomes valid. */
  @Example
  void upperCasingThatLengthensTheInputIsNotAccepted() {
    String code = "91350100M000100Y43";
    assertFalse(Uscc.isValid("ß" + code.substring(2)));
    assertFalse(ResidentId.isValid("ß" + "11010519491231002X".substring(2)));
  }

  // ---- generators ----

  @Provide
  Arbitrary<String> usccs() {
    return Arbitraries.strings()
        .withChars(Uscc.ALPHABET.toCharArray())
        .ofLength(17)
        .map(b -> b + Uscc.checkCharacter(b));
  }

  @Provide
  Arbitrary<String> residentIds() {
    Arbitrary<String> region = Arbitraries.strings().numeric().ofLength(6);
    Arbitrary<LocalDate> birth =
        Arbitraries.longs()
            .between(LocalDate.of(1850, 1, 1).toEpochDay(), LocalDate.of(2024, 12, 31).toEpochDay())
            .map(LocalDate::ofEpochDay);
    Arbitrary<String> seq = Arbitraries.strings().numeric().ofLength(3);
    return Combinators.combine(region, birth, seq)
        .as(
            (r, b, s) -> {
              String body =
                  r
                      + String.format(
                          Locale.ROOT,
                          "%04d%02d%02d",
                          b.getYear(),
                          b.getMonthValue(),
                          b.getDayOfMonth())
                      + s;
              return body + ResidentId.checkCharacter(body);
            });
  }

  @Provide
  Arbitrary<String> anyText() {
    Arbitrary<String> near =
        Arbitraries.oneOf(usccs(), residentIds())
            .flatMap(
                k ->
                    Combinators.combine(
                            Arbitraries.integers().between(0, 17), Arbitraries.chars().all())
                        .as((i, c) -> k.substring(0, i) + c + k.substring(i + 1)));
    return Arbitraries.oneOf(
            Arbitraries.strings().ofMaxLength(25),
            Arbitraries.strings().withChars("0123456789Xx -").ofMinLength(14).ofMaxLength(20),
            Arbitraries.strings()
                .withChars(Uscc.ALPHABET + "IOSVZiosvz ")
                .ofMinLength(16)
                .ofMaxLength(20),
            Arbitraries.strings().all().ofLength(18),
            near,
            usccs(),
            residentIds())
        .injectNull(0.02);
  }

  @Provide
  Arbitrary<String> idTypes() {
    return Arbitraries.oneOf(
            Arbitraries.of("", "RESIDENT_ID", "PASSPORT", "ftm", "USCC", "ext", "ext:ftm"),
            Arbitraries.strings().ofMaxLength(20))
        .injectNull(0.05);
  }

  @Provide
  Arbitrary<Integer> positions() {
    return Arbitraries.integers().between(0, 17);
  }

  @Provide
  Arbitrary<Integer> bodyPositions() {
    return Arbitraries.integers().between(0, 16);
  }

  @Provide
  Arbitrary<Integer> adjacent() {
    return Arbitraries.integers().between(0, 15);
  }

  @Provide
  Arbitrary<Character> anyChar() {
    return Arbitraries.oneOf(
        Arbitraries.chars().all(),
        Arbitraries.chars()
            .with("0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz "));
  }
}
