package io.credgraph.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.credgraph.fixtures.StoreFixtures;
import io.credgraph.model.CreditRecord;
import io.credgraph.model.Provenance;
import io.credgraph.model.Relation;
import io.credgraph.model.RelationType;
import io.credgraph.model.StatusChange;
import io.credgraph.model.StatusEvent;
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

/** Writes through the engine change the answers at once, and the version with them. */
class IncrementalUpdateTest {
  private static final Provenance PROV = new Provenance("TEST", "unit", "", 0);
  private static final LocalDate DAY = LocalDate.of(2023, 3, 1);

  private final SubjectKey person = EngineScenarios.personKey(1);
  private final SubjectKey listed = EngineScenarios.orgKey(2);
  private final SubjectKey other = EngineScenarios.orgKey(3);

  private CredgraphEngine engineWithSeriousRecord() {
    CredgraphEngine engine = CredgraphEngine.open(InMemoryGraphStore.create());
    engine.write(StoreFixtures.legalRepOfASeriouslyDishonestCompany(person, listed, other));
    return engine;
  }

  @Test
  void aNewLegalRepRelationReachesTheOtherEnterpriseTwoHopsFromTheRecord() {
    CredgraphEngine engine = engineWithSeriousRecord();
    assertTrue(
        engine
            .checkSanctions(List.of(other), Optional.empty(), DAY)
            .results()
            .get(0)
            .measures()
            .isEmpty());
    long before = engine.version();

    engine.write(
        WriteBatch.of(
            new WriteOp.PutRelation(
                Relation.of(RelationType.LEGAL_REP, person, other, LocalDate.of(2023, 1, 1)))));

    assertTrue(engine.version() > before, "the version changes with the write");
    List<MeasureHit> hits =
        engine.checkSanctions(List.of(other), Optional.empty(), DAY).results().get(0).measures();
    assertEquals(1, hits.size(), hits.toString());
    assertEquals("JS-SID-REP", hits.get(0).rule());
    assertEquals("OTHER_ENTERPRISE_NOTICE", hits.get(0).measure());
    assertEquals(
        LocalDate.of(2023, 1, 1),
        hits.get(0).from(),
        "held from the day the person became its LEGAL_REP");
    assertEquals(3, hits.get(0).path().subjects().size());
  }

  @Test
  void endingTheRelationEndsTheNoticeOnThatDay() {
    CredgraphEngine engine = engineWithSeriousRecord();
    engine.write(
        WriteBatch.of(
            new WriteOp.PutRelation(
                Relation.of(RelationType.LEGAL_REP, person, other, LocalDate.of(2023, 1, 1)))));
    engine.write(
        WriteBatch.of(
            new WriteOp.EndRelation(
                RelationType.LEGAL_REP, person, other, LocalDate.of(2023, 2, 15), PROV)));
    List<MeasureHit> hits =
        engine
            .checkSanctions(List.of(other), Optional.empty(), LocalDate.of(2023, 2, 15))
            .results()
            .get(0)
            .measures();
    assertEquals(Optional.of(LocalDate.of(2023, 2, 15)), hits.get(0).until());
    assertTrue(
        engine
            .checkSanctions(List.of(other), Optional.empty(), LocalDate.of(2023, 2, 16))
            .results()
            .get(0)
            .measures()
            .isEmpty());
  }

  @Test
  void revokingTheRecordFreesThePersonForEveryDate() {
    CredgraphEngine engine = engineWithSeriousRecord();
    assertFalse(
        engine.checkAppointment(person, Role.LEGAL_REP, Optional.of(other), DAY).eligible());
    engine.write(
        WriteBatch.of(
            new WriteOp.AppendStatus(
                "S1",
                new StatusChange(
                    StatusEvent.REVOKED,
                    LocalDate.of(2023, 6, 1),
                    Optional.empty(),
                    Optional.empty(),
                    PROV))));
    assertTrue(engine.checkAppointment(person, Role.LEGAL_REP, Optional.of(other), DAY).eligible());
    assertTrue(
        engine
            .checkAppointment(person, Role.LEGAL_REP, Optional.of(other), LocalDate.of(2022, 4, 1))
            .eligible());
  }

  @Test
  void aBatchTheStoreRefusesChangesNothing() {
    CredgraphEngine engine = engineWithSeriousRecord();
    long before = engine.version();
    List<String> derived = engine.derivedFingerprint();
    SubjectKey unknown = EngineScenarios.orgKey(99);
    WriteBatch bad =
        WriteBatch.builder()
            .record(
                CreditRecord.of("S2", other, "SERIOUS_ILLEGAL_DISHONEST", "MARKET_REGULATION", DAY))
            .relation(Relation.of(RelationType.LEGAL_REP, person, unknown, DAY))
            .build();
    org.junit.jupiter.api.Assertions.assertThrows(
        io.credgraph.CredgraphException.class, () -> engine.write(bad));
    assertEquals(before, engine.version());
    assertEquals(derived, engine.derivedFingerprint());
    assertTrue(
        engine
            .checkSanctions(List.of(other), Optional.empty(), DAY)
            .results()
            .get(0)
            .measures()
            .isEmpty());
  }

  @Test
  void manyWrittenRelationsAreFoldedIntoTheCsrAndStillFollowed() {
    CredgraphEngine engine = engineWithSeriousRecord();
    WriteBatch.Builder b = WriteBatch.builder();
    for (int i = 0; i < 5000; i++) {
      SubjectKey e = EngineScenarios.orgKey(1000 + i);
      b.subject(Subject.company(e.masked(), "公司" + i));
      b.relation(Relation.of(RelationType.LEGAL_REP, person, e, LocalDate.of(2023, 1, 1)));
    }
    engine.write(b.build());
    SubjectKey last = EngineScenarios.orgKey(1000 + 4999);
    List<MeasureHit> hits =
        engine.checkSanctions(List.of(last), Optional.empty(), DAY).results().get(0).measures();
    assertEquals(
        List.of("OTHER_ENTERPRISE_NOTICE"), hits.stream().map(MeasureHit::measure).toList());
    assertEquals(
        CredgraphEngine.open(engine.store()).derivedFingerprint(), engine.derivedFingerprint());
    assertEquals(
        1, engine.subjectMeasures(person, DAY).measures().size(), "JS-SID-REP HONOURS_BAN");
  }
}
