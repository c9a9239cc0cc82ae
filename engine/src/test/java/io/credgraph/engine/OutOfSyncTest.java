package io.credgraph.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.credgraph.fixtures.FailingReads;
import io.credgraph.fixtures.StoreFixtures;
import io.credgraph.model.CreditRecord;
import io.credgraph.model.Relation;
import io.credgraph.model.RelationType;
import io.credgraph.model.Subject;
import io.credgraph.model.SubjectKey;
import io.credgraph.rules.Role;
import io.credgraph.store.WriteBatch;
import io.credgraph.store.WriteOp;
import io.credgraph.store.memory.InMemoryGraphStore;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * A batch the store commits but the engine cannot apply, followed by a failed rebuild, leaves an
 * in-memory graph that is no longer the store's: the engine then answers nothing from it (issue #13
 * item 7) until a rebuild succeeds.
 */
class OutOfSyncTest {
  private static final LocalDate DAY = LocalDate.of(2023, 3, 1);

  private final SubjectKey person = EngineScenarios.personKey(1);
  private final SubjectKey listed = EngineScenarios.orgKey(2);
  private final SubjectKey other = EngineScenarios.orgKey(3);

  @Test
  void aFailedApplyAndRebuildStopEveryAnswerUntilTheStoreIsReadableAgain() {
    FailingReads disk = new FailingReads();
    CredgraphEngine engine = CredgraphEngine.open(disk.around(InMemoryGraphStore.create()));
    engine.write(StoreFixtures.legalRepOfASeriouslyDishonestCompany(person, listed, other));
    assertTrue(!engine.checkAppointment(person, Role.LEGAL_REP, Optional.empty(), DAY).eligible());
    assertTrue(engine.outOfSync().isEmpty());

    // the store commits the person's new position, then stops answering reads: the engine cannot
    // apply the batch
    // (a subject it knows is read back) nor rebuild from the store
    disk.fail();
    OutOfSyncException down =
        assertThrows(
            OutOfSyncException.class,
            () ->
                engine.write(
                    WriteBatch.builder()
                        .subject(Subject.company(other.masked(), "另一家公司（更名）"))
                        .relation(
                            Relation.of(
                                RelationType.LEGAL_REP, person, other, LocalDate.of(2023, 1, 1)))
                        .build()));
    assertTrue(down.getMessage().contains("no longer matches the store"), down.getMessage());
    assertTrue(engine.outOfSync().isPresent());
    assertThrows(
        OutOfSyncException.class,
        () -> engine.checkAppointment(person, Role.LEGAL_REP, Optional.empty(), DAY));
    assertThrows(
        OutOfSyncException.class,
        () -> engine.checkSanctions(List.of(other), Optional.empty(), DAY));

    // the store answers again: the next write first rebuilds from it, and the answers include the
    // batch it committed
    disk.heal();
    engine.write(
        WriteBatch.of(
            new WriteOp.PutRecord(
                CreditRecord.of(
                    "S2",
                    other,
                    "SERIOUS_ILLEGAL_DISHONEST",
                    "MARKET_REGULATION",
                    LocalDate.of(2023, 2, 1)))));
    assertTrue(engine.outOfSync().isEmpty());
    List<MeasureHit> hits =
        engine.checkSanctions(List.of(other), Optional.empty(), DAY).results().get(0).measures();
    assertTrue(
        hits.stream().anyMatch(h -> h.records().contains("S1")),
        "the notice through the new legal representative (the batch committed while out of sync): "
            + hits);
    assertEquals(engine.store().version(), engine.version());
  }
}
