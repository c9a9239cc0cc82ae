package io.credgraph.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.credgraph.ValidationException;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class RelationTest {
  static final SubjectKey FIRM = SubjectKey.uscc("91350100M000100Y43");
  static final SubjectKey PERSON = SubjectKey.resident("11010519491231002X");

  @Test
  void inForceFromSinceToUntilInclusive() {
    Relation r =
        Relation.of(RelationType.LEGAL_REP, PERSON, FIRM, LocalDate.of(2016, 4, 12))
            .withUntil(LocalDate.of(2020, 12, 31));
    assertFalse(r.inForceOn(LocalDate.of(2016, 4, 11)));
    assertTrue(r.inForceOn(LocalDate.of(2016, 4, 12)));
    assertTrue(r.inForceOn(LocalDate.of(2020, 12, 31)));
    assertFalse(r.inForceOn(LocalDate.of(2021, 1, 1)));
  }

  @Test
  void refusesBadRatiosAndDates() {
    LocalDate d = LocalDate.of(2016, 4, 12);
    assertThrows(ValidationException.class, () -> Relation.shareholder(PERSON, FIRM, 0, d));
    assertThrows(ValidationException.class, () -> Relation.shareholder(PERSON, FIRM, 1.2, d));
    ValidationException e =
        assertThrows(
            ValidationException.class,
            () -> Relation.of(RelationType.DIRECTOR, PERSON, FIRM, d).withUntil(d.minusDays(1)));
    assertEquals("until", e.field().orElseThrow());
    assertTrue(Relation.shareholder(PERSON, FIRM, 0.25, d).isControl());
    assertFalse(Relation.shareholder(PERSON, FIRM, 0.2, d).isControl());
  }
}
