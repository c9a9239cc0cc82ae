package io.credgraph.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.credgraph.model.SubjectKey;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Treasury shares (库存股, DOMAIN.md 6.4) on small networks whose integrated ownership is computed by
 * hand: a SHAREHOLDER relation from an enterprise to itself enters A like any other ratio (so the
 * other holders' stakes are divided by 1 - the treasury ratio), a walk does not begin with the
 * owner's own treasury holding, and an enterprise held only by itself can be an ultimate owner.
 */
class TreasuryShareTest {
  static final LocalDate ASOF = LocalDate.of(2024, 6, 30);

  private static Map<String, Double> owners(Controllers c) {
    return c.owners().stream()
        .collect(Collectors.toMap(o -> o.subject().name(), Controllers.Owner::ratio));
  }

  @Test
  void theTargetsOwnTreasurySharesEnlargeEveryOtherHoldersStake() {
    Fixture f = new Fixture();
    SubjectKey t = f.company("库存股目标有限公司");
    SubjectKey p = f.person("周甲");
    f.share(t, t, 0.2).share(p, t, 0.8);
    StoreGraphView v = f.view();

    Controllers c = new OwnershipAnalysis(v).controllers(v.node(t), ASOF, 0.25);

    // 0.8 of the shares, 0.2 of them held by the company itself: 0.8 / (1 - 0.2) = 1.0 of the
    // voting shares
    assertEquals(
        Map.of("周甲", 1.0),
        c.owners().stream()
            .collect(
                Collectors.toMap(o -> o.subject().name(), o -> Math.rint(o.ratio() * 1e9) / 1e9)));
    assertEquals("周甲", c.actualController().orElseThrow().subject().name());
    assertTrue(c.conflicts().isEmpty(), c.conflicts().toString());
    // the walks: 0.8 direct, then 0.8 * 0.2 looping once on the treasury holding
    List<Controllers.Walk> walks = c.owners().get(0).paths();
    assertEquals(0.8, walks.get(0).product(), 1e-12);
    assertEquals(0.16, walks.get(1).product(), 1e-12);
  }

  @Test
  void crossHoldingsWithTreasurySharesMatchTheHandComputedSeries() {
    Fixture f = new Fixture();
    SubjectKey t = f.company("目标有限公司");
    SubjectKey a = f.company("甲有限公司");
    SubjectKey b = f.company("乙有限公司");
    SubjectKey p1 = f.person("吴一");
    SubjectKey p2 = f.person("吴二");
    SubjectKey p3 = f.person("吴三");
    // T: A 0.5, B 0.4, itself 0.1; A: P1 0.5, P2 0.2, B 0.2, itself 0.1; B: A 0.3, P3 0.7
    f.share(a, t, 0.5).share(b, t, 0.4).share(t, t, 0.1);
    f.share(p1, a, 0.5).share(p2, a, 0.2).share(b, a, 0.2).share(a, a, 0.1);
    f.share(a, b, 0.3).share(p3, b, 0.7);
    StoreGraphView v = f.view();

    Controllers c = new OwnershipAnalysis(v).controllers(v.node(t), ASOF, 0.01);

    // y = e_T + A y: y_T = 1 / 0.9 = 10/9; y_A = 0.1 y_A + 0.5 y_T + 0.3 y_B, y_B = 0.4 y_T + 0.2
    // y_A
    // => y_A = 155/189, y_B = 115/189; stakes P1 = 0.5 y_A = 155/378, P2 = 0.2 y_A = 62/378, P3 =
    // 0.7 y_B = 161/378
    // (together exactly 1: all of T's shares not held by T itself); A and B have other holders, so
    // they are not
    // ultimate owners
    Map<String, Double> got = owners(c);
    assertEquals(3, got.size(), got.toString());
    assertEquals(155.0 / 378, got.get("吴一"), 1e-9);
    assertEquals(62.0 / 378, got.get("吴二"), 1e-9);
    assertEquals(161.0 / 378, got.get("吴三"), 1e-9);
    assertEquals(1.0, got.values().stream().mapToDouble(Double::doubleValue).sum(), 1e-9);
    assertTrue(c.actualController().isEmpty(), "nobody holds more than half");
    assertTrue(c.conflicts().isEmpty(), c.conflicts().toString());
  }

  @Test
  void anEnterpriseHeldOnlyByItselfIsAnUltimateOwnerAndItsOwnTreasuryDoesNotEnlargeItsStake() {
    Fixture f = new Fixture();
    SubjectKey t = f.company("目标有限公司");
    SubjectKey e = f.company("自持有限公司");
    SubjectKey p = f.person("郑四");
    f.share(e, e, 0.2).share(e, t, 0.6).share(p, t, 0.4);
    StoreGraphView v = f.view();

    Controllers c = new OwnershipAnalysis(v).controllers(v.node(t), ASOF, 0.25);

    // y_E = 0.2 y_E + 0.6 => 0.75, but a walk does not begin with E's own holding: stake 0.75 * (1
    // - 0.2) = 0.6
    Map<String, Double> got = owners(c);
    assertEquals(0.6, got.get("自持有限公司"), 1e-12);
    assertEquals(0.4, got.get("郑四"), 1e-12);
    assertEquals("自持有限公司", c.actualController().orElseThrow().subject().name());
    Controllers.Owner owner = c.owners().get(0);
    assertEquals(1, owner.paths().size(), "only the direct walk: E -> T; none begins with E -> E");
    assertFalse(owner.paths().get(0).subjects().get(1).name().equals("自持有限公司"));
  }

  @Test
  void aCompanyHoldingAllItsOwnSharesIsADataConflictNotANumber() {
    Fixture f = new Fixture();
    SubjectKey t = f.company("全部自持有限公司");
    SubjectKey p = f.person("王五");
    f.share(t, t, 1.0).share(p, t, 0.3);
    StoreGraphView v = f.view();

    Controllers c = new OwnershipAnalysis(v).controllers(v.node(t), ASOF, 0.25);

    assertTrue(c.owners().isEmpty(), c.owners().toString());
    assertTrue(
        c.conflicts().stream().anyMatch(k -> k.kind() == Controllers.Conflict.Kind.DIVERGENT_CYCLE),
        c.conflicts().toString());
  }
}
