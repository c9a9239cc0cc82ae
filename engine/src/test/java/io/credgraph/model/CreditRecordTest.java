package io.credgraph.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.credgraph.ValidationException;
import java.time.LocalDate;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class CreditRecordTest {
  static final SubjectKey FIRM = SubjectKey.uscc("91350100M000100Y43");
  static final SubjectKey PERSON = SubjectKey.resident("11010519491231002X");
  static final Provenance P = new Provenance("COURT", "t", "h", 1);

  static StatusChange change(StatusEvent e, String on) {
    return new StatusChange(e, LocalDate.parse(on), Optional.empty(), Optional.empty(), P);
  }

  @Test
  void aReleaseNamingTheHolderItselfIsRefusedAndOneNamingAnotherPersonIsKept() {
    CreditRecord own =
        CreditRecord.of(
            "R9", PERSON, "DISHONEST_JUDGMENT_DEBTOR", "COURT", LocalDate.of(2020, 3, 1));
    StatusChange release =
        new StatusChange(
            StatusEvent.RELEASED,
            LocalDate.of(2021, 1, 1),
            Optional.empty(),
            Optional.of(PERSON),
            P);
    ValidationException e =
        assertThrows(ValidationException.class, () -> own.withStatusChange(release));
    assertEquals(Optional.of("person"), e.field());
    assertTrue(e.getMessage().contains("reached through an organisation's record"), e.getMessage());

    CreditRecord firms =
        CreditRecord.of("R10", FIRM, "DISHONEST_JUDGMENT_DEBTOR", "COURT", LocalDate.of(2020, 3, 1))
            .withStatusChange(release);
    assertEquals(Optional.of(LocalDate.of(2021, 1, 1)), firms.releaseDate(PERSON));
  }

  @Test
  void repairedIsInForceUntilTheDayBeforeTheRepair() {
    CreditRecord r =
        CreditRecord.of("R1", FIRM, "DISHONEST_JUDGMENT_DEBTOR", "COURT", LocalDate.of(2020, 3, 1))
            .withStatusChange(change(StatusEvent.REPAIRED, "2021-06-01"));
    assertFalse(r.inForceOn(LocalDate.of(2020, 2, 29), true), "before effectiveFrom");
    assertTrue(r.inForceOn(LocalDate.of(2020, 3, 1), true), "first day");
    assertTrue(r.inForceOn(LocalDate.of(2021, 5, 31), true), "the day before the repair");
    assertFalse(r.inForceOn(LocalDate.of(2021, 6, 1), true), "the repair date");
  }

  @Test
  void revokedNeverAppliedOnAnyDate() {
    CreditRecord r =
        CreditRecord.of("R2", FIRM, "SERIOUS_ILLEGAL_DISHONEST", "AMR", LocalDate.of(2019, 1, 1))
            .withStatusChange(change(StatusEvent.OBJECTED, "2019-02-01"))
            .withStatusChange(change(StatusEvent.REVOKED, "2019-05-01"));
    assertFalse(r.inForceOn(LocalDate.of(2019, 1, 15), true), "even before the revocation");
    assertEquals(RecordStatus.REVOKED, r.statusOn(LocalDate.of(2019, 1, 15)));
    ValidationException e =
        assertThrows(
            ValidationException.class,
            () -> r.withStatusChange(change(StatusEvent.ACTIVE, "2019-06-01")));
    assertTrue(e.getMessage().contains("REVOKED"), e.getMessage());
  }

  @Test
  void objectedFollowsTheList() {
    CreditRecord r =
        CreditRecord.of("R3", FIRM, "ABNORMAL_OPERATION", "AMR", LocalDate.of(2019, 1, 1))
            .withStatusChange(change(StatusEvent.OBJECTED, "2019-02-01"))
            .withStatusChange(change(StatusEvent.ACTIVE, "2019-03-01"));
    LocalDate disputed = LocalDate.of(2019, 2, 15);
    assertTrue(r.inForceOn(disputed, true));
    assertFalse(r.inForceOn(disputed, false));
    assertTrue(r.inForceOn(LocalDate.of(2019, 3, 1), false), "back to ACTIVE");
  }

  @Test
  void expiresAfterEffectiveUntil() {
    CreditRecord base =
        CreditRecord.of("R4", FIRM, "ABNORMAL_OPERATION", "AMR", LocalDate.of(2019, 1, 1));
    CreditRecord r =
        new CreditRecord(
            base.id(),
            base.subject(),
            base.list(),
            base.department(),
            "",
            "",
            base.decidedOn(),
            base.effectiveFrom(),
            Optional.of(LocalDate.of(2020, 12, 31)),
            base.liablePersons(),
            Optional.empty(),
            Optional.empty(),
            Optional.empty(),
            Optional.empty(),
            Optional.empty(),
            base.attributes(),
            base.history(),
            base.provenance());
    assertTrue(r.inForceOn(LocalDate.of(2020, 12, 31), true));
    assertEquals(RecordStatus.EXPIRED, r.statusOn(LocalDate.of(2021, 1, 1)));
  }

  @Test
  void releaseEndsMeasuresForOnePersonOnlyAndIsIdempotent() {
    StatusChange release =
        new StatusChange(
            StatusEvent.RELEASED,
            LocalDate.of(2021, 2, 1),
            Optional.empty(),
            Optional.of(PERSON),
            P);
    CreditRecord r =
        CreditRecord.of("R5", FIRM, "CONSUMPTION_RESTRICTED", "COURT", LocalDate.of(2020, 1, 1))
            .withStatusChange(release);
    assertSame(r, r.withStatusChange(release), "the same change twice is one change");
    assertTrue(r.releasedOn(PERSON, LocalDate.of(2021, 2, 1)));
    assertFalse(r.releasedOn(PERSON, LocalDate.of(2021, 1, 31)));
    assertEquals(RecordStatus.ACTIVE, r.status(), "a release leaves the record in force");
  }

  @Test
  void changesOutOfOrderAreRefused() {
    CreditRecord r =
        CreditRecord.of("R6", FIRM, "ABNORMAL_OPERATION", "AMR", LocalDate.of(2019, 1, 1))
            .withStatusChange(change(StatusEvent.OBJECTED, "2019-05-01"));
    assertThrows(
        ValidationException.class,
        () -> r.withStatusChange(change(StatusEvent.ACTIVE, "2019-04-01")));
    assertThrows(
        ValidationException.class,
        () ->
            CreditRecord.of("R7", FIRM, "X", "AMR", LocalDate.of(2019, 1, 1))
                .withStatusChange(change(StatusEvent.OBJECTED, "2018-12-31")));
  }
}
