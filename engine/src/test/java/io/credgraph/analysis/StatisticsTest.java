package io.credgraph.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.credgraph.catalogue.ListCatalogue;
import io.credgraph.model.CreditRecord;
import io.credgraph.model.ListKind;
import io.credgraph.model.Provenance;
import io.credgraph.model.StatusChange;
import io.credgraph.model.StatusEvent;
import io.credgraph.model.Subject;
import io.credgraph.model.SubjectId;
import io.credgraph.model.SubjectKey;
import io.credgraph.model.SubjectKind;
import io.credgraph.store.WriteBatch;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class StatisticsTest {
  static final LocalDate ASOF = LocalDate.of(2024, 6, 30);

  static Subject firm(int i, String name, String district, String industry) {
    return new Subject(
        SubjectId.random(),
        SubjectKind.ENTERPRISE,
        SubjectKey.uscc(Fixture.uscc(i)),
        name,
        Optional.empty(),
        Optional.empty(),
        Optional.of(LocalDate.of(2015, 1, 1)),
        Optional.ofNullable(district),
        Optional.ofNullable(industry),
        Map.of(),
        List.of());
  }

  @Test
  void byGradeCountsEveryOrganisationOfEachGradeAndTheRecordsTheyHold() {
    Fixture f = new Fixture();
    Subject a = firm(1, "甲公司", null, null);
    Subject b = firm(2, "乙公司", null, null);
    Subject c = firm(3, "丙公司", null, null);
    f.store.write(WriteBatch.builder().subject(a).subject(b).subject(c).build());
    f.record(
        CreditRecord.of(
            "R1", a.key(), "DISHONEST_JUDGMENT_DEBTOR", "court", LocalDate.of(2024, 3, 5)));
    f.record(CreditRecord.of("R2", b.key(), "CONTRACT_ABIDING", "amr", LocalDate.of(2023, 3, 5)));
    ListCatalogue lists = ListCatalogue.defaults();
    io.credgraph.grades.GradeCatalogue grading = io.credgraph.grades.GradeCatalogue.defaults(lists);
    Statistics.GradeSource grades =
        (key, day) -> {
          if (key.isPerson()) {
            return Optional.empty();
          }
          return Optional.of(grading.grade(f.store.records(key), day).grade().name());
        };

    Statistics.StatsReport r =
        new Statistics(lists)
            .compute(
                f.store::forEachSubject,
                f.store::forEachRecord,
                Statistics.MeasureSource.NONE,
                grades,
                ASOF,
                Statistics.Dimension.GRADE);

    // 甲 has a BLACK record in force: D; 乙 a RED one and no penalty: A; 丙 nothing: B (counted, with
    // no records)
    assertEquals(
        List.of(
            new Statistics.Row("A", 1, 1, 0),
            new Statistics.Row("B", 0, 1, 0),
            new Statistics.Row("D", 1, 1, 0)),
        r.rows());
  }

  @Test
  void countsRecordsInForceByListDepartmentDistrictAndMonth() {
    Fixture f = new Fixture();
    Subject a = firm(1, "甲公司", "福田区", "制造业");
    Subject b = firm(2, "乙公司", "南山区", "建筑业");
    Subject c = firm(3, "丙公司", null, null);
    Subject later =
        new Subject(
            SubjectId.random(),
            SubjectKind.ENTERPRISE,
            SubjectKey.uscc(Fixture.uscc(4)),
            "丁公司",
            Optional.empty(),
            Optional.empty(),
            Optional.of(LocalDate.of(2025, 1, 1)),
            Optional.empty(),
            Optional.empty(),
            Map.of(),
            List.of());
    f.store.write(WriteBatch.builder().subject(a).subject(b).subject(c).subject(later).build());
    Provenance prov = new Provenance("court", "b", "h", 1);
    // in force on 2024-06-30: R1, R2 (court, 2024-03), R3 (tax, 2023-11); not: R4 revoked, R5
    // expired, R6 later
    f.record(
        CreditRecord.of(
            "R1", a.key(), "DISHONEST_JUDGMENT_DEBTOR", "court", LocalDate.of(2024, 3, 5)));
    f.record(
        CreditRecord.of(
            "R2", a.key(), "CONSUMPTION_RESTRICTED", "court", LocalDate.of(2024, 3, 20)));
    f.record(CreditRecord.of("R3", b.key(), "A_TAXPAYER", "tax", LocalDate.of(2023, 11, 1)));
    f.record(
        CreditRecord.of(
                "R4", c.key(), "DISHONEST_JUDGMENT_DEBTOR", "court", LocalDate.of(2024, 1, 1))
            .withStatusChange(
                new StatusChange(
                    StatusEvent.REVOKED,
                    LocalDate.of(2024, 2, 1),
                    Optional.empty(),
                    Optional.empty(),
                    prov)));
    CreditRecord expired =
        CreditRecord.of("R5", c.key(), "ABNORMAL_OPERATION", "market", LocalDate.of(2020, 1, 1));
    f.record(
        new CreditRecord(
            expired.id(),
            expired.subject(),
            expired.list(),
            expired.department(),
            "",
            "",
            expired.decidedOn(),
            expired.decidedOn(),
            Optional.of(LocalDate.of(2023, 12, 31)),
            null,
            null,
            null,
            null,
            null,
            null,
            null,
            null,
            null));
    f.record(
        CreditRecord.of(
            "R6", c.key(), "DISHONEST_JUDGMENT_DEBTOR", "court", LocalDate.of(2024, 7, 1)));
    Statistics stats = new Statistics(ListCatalogue.defaults());

    Statistics.StatsReport byList =
        stats.compute(
            f.store::forEachSubject,
            f.store::forEachRecord,
            Statistics.MeasureSource.NONE,
            ASOF,
            Statistics.Dimension.LIST);
    assertEquals(Map.of(SubjectKind.ENTERPRISE, 3L), byList.subjects(), "丁 registers in 2025");
    assertEquals(Map.of(ListKind.BLACK, 2L, ListKind.RED, 1L), byList.recordsInForce());
    assertEquals(2, byList.subjectsWithRecords());
    assertEquals(
        List.of(
            new Statistics.Row("A_TAXPAYER", 1, 1, 0),
            new Statistics.Row("CONSUMPTION_RESTRICTED", 1, 1, 0),
            new Statistics.Row("DISHONEST_JUDGMENT_DEBTOR", 1, 1, 0)),
        byList.rows());
    assertFalse(byList.measures());

    Statistics.StatsReport byDept =
        stats.compute(
            f.store::forEachSubject,
            f.store::forEachRecord,
            Statistics.MeasureSource.NONE,
            ASOF,
            Statistics.Dimension.DEPARTMENT);
    assertEquals(
        List.of(new Statistics.Row("court", 2, 1, 0), new Statistics.Row("tax", 1, 1, 0)),
        byDept.rows());

    Statistics.StatsReport byMonth =
        stats.compute(
            f.store::forEachSubject,
            f.store::forEachRecord,
            Statistics.MeasureSource.NONE,
            ASOF,
            Statistics.Dimension.MONTH);
    assertEquals(
        List.of(new Statistics.Row("2023-11", 1, 1, 0), new Statistics.Row("2024-03", 2, 1, 0)),
        byMonth.rows());

    // the sanction engine's hook: two measures from R1 on 甲, one from R3 on 乙
    Statistics.MeasureSource engine =
        (day, sink) -> {
          sink.accept(new Statistics.MeasureFact(a.key(), "R1", "GOV_PROCUREMENT"));
          sink.accept(new Statistics.MeasureFact(a.key(), "R1", "PUBLIC_BIDDING"));
          sink.accept(new Statistics.MeasureFact(b.key(), "R3", "GREEN_CHANNEL"));
        };
    Statistics.StatsReport byDistrict =
        stats.compute(
            f.store::forEachSubject,
            f.store::forEachRecord,
            engine,
            ASOF,
            Statistics.Dimension.DISTRICT);
    assertTrue(byDistrict.measures());
    assertEquals(3, byDistrict.measuresInForce());
    assertEquals(
        List.of(new Statistics.Row("福田区", 2, 1, 2), new Statistics.Row("南山区", 1, 1, 1)),
        byDistrict.rows());
  }
}
