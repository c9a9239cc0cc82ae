package io.credgraph.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.credgraph.catalogue.ListCatalogue;
import io.credgraph.model.CreditRecord;
import io.credgraph.model.Provenance;
import io.credgraph.model.RelationType;
import io.credgraph.model.StatusChange;
import io.credgraph.model.StatusEvent;
import io.credgraph.model.SubjectKey;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;

class RiskClustersTest {
  static final LocalDate ASOF = LocalDate.of(2024, 6, 30);
  static final LocalDate DECIDED = LocalDate.of(2023, 3, 1);
  static final ListCatalogue LISTS = ListCatalogue.defaults();
  static final Provenance PROV = new Provenance("court", "b1", "h1", 1);

  static CreditRecord record(String id, SubjectKey subject, String list) {
    return CreditRecord.of(id, subject, list, "dept", DECIDED);
  }

  @Test
  void componentsWithBlackRecordsInForceRankedBySeverity() {
    Fixture f = new Fixture();
    SubjectKey a1 = f.company("甲一公司");
    SubjectKey a2 = f.company("甲二公司");
    SubjectKey a3 = f.company("甲三公司");
    SubjectKey a4 = f.company("甲四公司");
    SubjectKey p1 = f.person("张三");
    SubjectKey b1 = f.company("乙公司");
    SubjectKey p2 = f.person("李四");
    SubjectKey c1 = f.company("丙公司");
    f.rel(RelationType.LEGAL_REP, p1, a1).rel(RelationType.LEGAL_REP, p1, a2);
    f.share(a1, a3, 0.3).share(a1, a4, 0.1);
    f.rel(RelationType.SUPERVISOR, p2, b1);
    f.record(record("R1", a1, "SERIOUS_ILLEGAL_DISHONEST"));
    f.record(
        record("R2", a2, "DISHONEST_JUDGMENT_DEBTOR")
            .withStatusChange(
                new StatusChange(
                    StatusEvent.OBJECTED,
                    LocalDate.of(2024, 1, 1),
                    Optional.empty(),
                    Optional.empty(),
                    PROV)));
    f.record(record("R3", b1, "DISHONEST_JUDGMENT_DEBTOR"));
    f.record(
        record("R4", b1, "MAJOR_TAX_VIOLATION")
            .withStatusChange(
                new StatusChange(
                    StatusEvent.REVOKED,
                    LocalDate.of(2024, 1, 1),
                    Optional.empty(),
                    Optional.empty(),
                    PROV)));
    f.record(record("R5", c1, "A_TAXPAYER"));
    RiskClusters clusters = new RiskClusters(f.view(), LISTS);

    RiskCluster.Report report = clusters.compute(ASOF, f.store::forEachRecord, 10);

    // 甲: {甲一, 张三, 甲二, 甲三} (甲四 held at 10 % is not control): SERIOUS_ILLEGAL_DISHONEST 1.0 + an
    // objected,
    // still in force DISHONEST_JUDGMENT_DEBTOR 0.8 = 1.8. 乙: alone (SUPERVISOR is not control), 0.8
    // (the revoked
    // tax record never counts). 丙 has only a red record.
    assertEquals(2, report.totalClusters());
    RiskCluster first = report.clusters().get(0);
    assertEquals(4, first.size());
    assertEquals(1.8, first.risk(), 1e-12);
    assertEquals(2, first.blackRecords());
    assertEquals(
        List.of("甲一公司", "甲二公司"),
        first.blackMembers().stream().map(m -> m.subject().name()).toList());
    assertEquals(
        Map.of("SERIOUS_ILLEGAL_DISHONEST", 1, "DISHONEST_JUDGMENT_DEBTOR", 1), first.byList());
    RiskCluster second = report.clusters().get(1);
    assertEquals(1, second.size());
    assertEquals(0.8, second.risk(), 1e-12);
    assertEquals(2, report.riskyComponents());
    assertEquals(5, report.components(), "甲's 4 subjects are one component, the other 4 alone");

    assertTrue(
        clusters
            .compute(LocalDate.of(2023, 2, 28), f.store::forEachRecord, 10)
            .clusters()
            .isEmpty(),
        "nothing is in force before the decisions");
  }

  @Test
  void clusterIdsStayWhileMembershipDoes() {
    Fixture f = new Fixture();
    SubjectKey a1 = f.company("甲一公司");
    SubjectKey a2 = f.company("甲二公司");
    SubjectKey p1 = f.person("张三");
    SubjectKey c1 = f.company("丙公司");
    f.rel(RelationType.LEGAL_REP, p1, a1).rel(RelationType.LEGAL_REP, p1, a2);
    f.record(record("R1", a1, "SERIOUS_ILLEGAL_DISHONEST"));
    String before =
        new RiskClusters(f.view(), LISTS)
            .compute(ASOF, f.store::forEachRecord, 10)
            .clusters()
            .get(0)
            .id();

    f.record(record("R2", c1, "DISHONEST_JUDGMENT_DEBTOR"))
        .record(record("R3", a2, "CONSUMPTION_RESTRICTED"));
    RiskCluster.Report more =
        new RiskClusters(f.view(), LISTS).compute(ASOF, f.store::forEachRecord, 10);
    assertEquals(2, more.clusters().size());
    assertEquals(before, more.clusters().get(0).id(), "new records, same members, same id");

    f.rel(RelationType.DIRECTOR, f.person("李四"), a2);
    RiskCluster.Report grown =
        new RiskClusters(f.view(), LISTS).compute(ASOF, f.store::forEachRecord, 10);
    assertNotEquals(before, grown.clusters().get(0).id(), "a new member, a new id");
    assertEquals(4, grown.clusters().get(0).size());
  }

  @Test
  void aLargeComponentIsSplitIntoCommunities() {
    Fixture f = new Fixture();
    Random r = new Random(7);
    SubjectKey[][] companies = new SubjectKey[2][12];
    for (int g = 0; g < 2; g++) {
      for (int c = 0; c < 12; c++) {
        companies[g][c] = f.company("集团" + g + "子公司" + c);
      }
      // 110 persons per group, each a director of two of the group's 12 companies
      for (int p = 0; p < 110; p++) {
        SubjectKey person = f.person("董事" + g + "-" + p);
        int c = r.nextInt(12);
        f.rel(RelationType.DIRECTOR, person, companies[g][c]);
        f.rel(RelationType.DIRECTOR, person, companies[g][(c + 1 + r.nextInt(11)) % 12]);
      }
    }
    f.rel(RelationType.BRANCH_OF, companies[0][0], companies[1][0]);
    f.record(record("R1", companies[0][3], "DISHONEST_JUDGMENT_DEBTOR"));
    f.record(record("R2", companies[1][5], "SERIOUS_ILLEGAL_DISHONEST"));

    RiskCluster.Report report =
        new RiskClusters(f.view(), LISTS).compute(ASOF, f.store::forEachRecord, 10);

    assertEquals(1, report.riskyComponents(), "one component of 244 subjects");
    assertTrue(
        report.clusters().size() >= 2, "split into communities: " + report.clusters().size());
    for (RiskCluster c : report.clusters()) {
      assertEquals(244, c.componentSize());
      assertTrue(c.componentId().isPresent());
      assertTrue(c.size() < 244);
      assertEquals(
          1, c.blackMembers().size(), "the two BLACK subjects sit in different communities");
    }
    assertEquals(
        "集团1子公司5",
        report.clusters().get(0).blackMembers().get(0).subject().name(),
        "1.0 before 0.8");
  }
}
