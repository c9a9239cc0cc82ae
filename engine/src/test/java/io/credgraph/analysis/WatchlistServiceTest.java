package io.credgraph.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.credgraph.model.CreditRecord;
import io.credgraph.model.Provenance;
import io.credgraph.model.RelationType;
import io.credgraph.model.StatusChange;
import io.credgraph.model.StatusEvent;
import io.credgraph.model.SubjectKey;
import io.credgraph.store.WriteBatch;
import io.credgraph.store.WriteOp;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WatchlistServiceTest {
  static final Clock CLOCK = Clock.fixed(Instant.parse("2024-07-01T02:00:00Z"), ZoneOffset.UTC);
  static final LocalDate DECIDED = LocalDate.of(2024, 6, 3);

  final Fixture f = new Fixture();
  final SubjectKey person = f.person("张三");
  final SubjectKey a = f.company("甲公司");
  final SubjectKey b = f.company("乙公司");
  final SubjectKey c = f.company("丙分公司");
  final SubjectKey d = f.company("丁公司");

  WatchlistServiceTest() {
    // 张三 -LEGAL_REP-> 甲 -SHAREHOLDER 30 %-> 乙 <-BRANCH_OF- 丙 (3 hops from 张三); 甲 -SHAREHOLDER 10
    // %-> 丁
    f.rel(RelationType.LEGAL_REP, person, a)
        .share(a, b, 0.3)
        .rel(RelationType.BRANCH_OF, c, b)
        .share(a, d, 0.1);
  }

  WatchlistService service(Optional<Path> file) {
    return file.isPresent()
        ? WatchlistService.open(file.get(), f::view, f.store::record, CLOCK)
        : WatchlistService.inMemory(f::view, f.store::record, CLOCK);
  }

  List<WatchAlert> write(WatchlistService s, WriteOp op) {
    WriteBatch batch = WriteBatch.of(op);
    f.store.write(batch);
    return s.onWrite(batch);
  }

  @Test
  void recordsWithinTwoControlHopsRaiseAlertsWithThePath() {
    WatchlistService s = service(Optional.empty());
    s.watch("inv1", List.of(person));

    List<WatchAlert> onB =
        write(
            s,
            new WriteOp.PutRecord(
                CreditRecord.of("R1", b, "DISHONEST_JUDGMENT_DEBTOR", "court", DECIDED)));
    assertEquals(1, onB.size());
    WatchAlert alert = onB.get(0);
    assertEquals("inv1", alert.investigator());
    assertEquals(person, alert.watched());
    assertEquals(List.of(person, a, b), alert.subjects());
    assertEquals(List.of(RelationType.LEGAL_REP, RelationType.SHAREHOLDER), alert.relations());
    assertEquals(WatchAlert.Type.NEW_RECORD, alert.event().type());
    assertEquals("R1", alert.event().recordId());

    assertTrue(
        write(
                s,
                new WriteOp.PutRecord(
                    CreditRecord.of("R2", c, "DISHONEST_JUDGMENT_DEBTOR", "court", DECIDED)))
            .isEmpty(),
        "丙 is three hops from 张三");
    assertTrue(
        write(
                s,
                new WriteOp.PutRecord(
                    CreditRecord.of("R3", d, "DISHONEST_JUDGMENT_DEBTOR", "court", DECIDED)))
            .isEmpty(),
        "a 10 % holding is no control relation");

    List<WatchAlert> status =
        write(
            s,
            new WriteOp.AppendStatus(
                "R1",
                new StatusChange(
                    StatusEvent.OBJECTED,
                    LocalDate.of(2024, 6, 20),
                    Optional.of("disputed"),
                    Optional.empty(),
                    new Provenance("court", "b", "h", 2))));
    assertEquals(1, status.size());
    assertEquals(WatchAlert.Type.STATUS_CHANGE, status.get(0).event().type());
    assertEquals("OBJECTED", status.get(0).event().status());

    List<WatchAlert> own =
        write(
            s,
            new WriteOp.PutRecord(
                CreditRecord.of("R4", person, "CONSUMPTION_RESTRICTED", "court", DECIDED)));
    assertEquals(List.of(person), own.get(0).subjects());
    assertTrue(own.get(0).relations().isEmpty());

    WriteBatch replay =
        WriteBatch.of(
            new WriteOp.PutRecord(
                CreditRecord.of("R4", person, "CONSUMPTION_RESTRICTED", "court", DECIDED)));
    assertTrue(s.onWrite(replay).isEmpty(), "a replayed batch raises nothing twice");
    assertEquals(3, s.alerts("inv1", Optional.empty(), 0, 100).size());
    assertTrue(s.alerts("inv2", Optional.empty(), 0, 100).isEmpty());
    assertEquals(1, s.alerts("inv1", Optional.empty(), 2, 100).size());

    s.unwatch("inv1", List.of(person));
    assertTrue(
        write(
                s,
                new WriteOp.PutRecord(
                    CreditRecord.of("R5", a, "DISHONEST_JUDGMENT_DEBTOR", "court", DECIDED)))
            .isEmpty());
  }

  @Test
  void relationsEndedBeforeTheEventDoNotCarryIt() {
    WatchlistService s = service(Optional.empty());
    s.watch("inv2", List.of(b));
    List<WatchAlert> onA =
        write(
            s,
            new WriteOp.PutRecord(
                CreditRecord.of("R1", a, "SERIOUS_ILLEGAL_DISHONEST", "market", DECIDED)));
    assertEquals(List.of(b, a), onA.get(0).subjects());
    assertTrue(
        write(
                s,
                new WriteOp.PutRecord(
                    CreditRecord.of(
                        "R0", a, "SERIOUS_ILLEGAL_DISHONEST", "market", LocalDate.of(2019, 5, 1))))
            .isEmpty(),
        "甲 held no shares of 乙 before 2020-01-01");
  }

  @Test
  void watchlistsAndAlertsSurviveARestart(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("watch/watchlists.json");
    WatchlistService s = service(Optional.of(file));
    s.watch("inv1", List.of(person, b));
    write(
        s,
        new WriteOp.PutRecord(
            CreditRecord.of("R1", a, "DISHONEST_JUDGMENT_DEBTOR", "court", DECIDED)));
    assertEquals(
        2, s.alerts("inv1", Optional.empty(), 0, 100).size(), "one through 张三, one through 乙");
    assertTrue(Files.exists(file));

    WatchlistService again = service(Optional.of(file));
    assertEquals(List.of(person, b), again.watchlist("inv1"));
    assertEquals(
        s.alerts("inv1", Optional.empty(), 0, 100), again.alerts("inv1", Optional.empty(), 0, 100));
    assertTrue(
        again
            .onWrite(
                WriteBatch.of(
                    new WriteOp.PutRecord(
                        CreditRecord.of("R1", a, "DISHONEST_JUDGMENT_DEBTOR", "court", DECIDED))))
            .isEmpty(),
        "replay after restart");
    List<WatchAlert> next =
        write(
            again,
            new WriteOp.PutRecord(CreditRecord.of("R2", b, "MAJOR_TAX_VIOLATION", "tax", DECIDED)));
    assertEquals(2, next.size());
    assertFalse(
        next.stream()
            .anyMatch(
                x ->
                    s.alerts("inv1", Optional.empty(), 0, 100).stream()
                        .anyMatch(y -> y.id().equals(x.id()))),
        "ids continue after a restart");
  }
}
