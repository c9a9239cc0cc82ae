package io.credgraph.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.credgraph.model.Relation;
import io.credgraph.model.RelationType;
import io.credgraph.model.SubjectKey;
import io.credgraph.model.SubjectRef;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class OwnershipAnalysisTest {
  static final LocalDate ASOF = LocalDate.of(2024, 6, 30);

  @Test
  void acyclicChainsSumTheProductsOfTheirRatios() {
    Fixture f = new Fixture();
    SubjectKey t = f.company("目标有限公司");
    SubjectKey a = f.company("甲投资有限公司");
    SubjectKey b = f.company("乙控股有限公司");
    SubjectKey p1 = f.person("张三");
    SubjectKey p2 = f.person("李四");
    SubjectKey p3 = f.person("王五");
    f.share(p1, a, 0.6).share(p2, a, 0.4).share(a, t, 0.5).share(p1, t, 0.1).share(b, t, 0.4);
    f.rel(new Relation(RelationType.SHAREHOLDER, p3, b, Fixture.SINCE, null, null, null, null));
    StoreGraphView v = f.view();

    Controllers c = new OwnershipAnalysis(v).controllers(v.node(t), ASOF, 0.25);

    // 张三: 0.6 * 0.5 (through 甲) + 0.1 (direct) = 0.40; 乙: 0.40 direct, and an owner because its
    // only shareholder
    // (王五) has no known ratio; 李四: 0.4 * 0.5 = 0.20, below 25 %. Equal ratios are ordered by name.
    assertEquals(
        List.of("乙控股有限公司", "张三"), c.owners().stream().map(o -> o.subject().name()).toList());
    assertEquals(0.40, c.owners().get(0).ratio(), 1e-12);
    assertEquals(0.40, c.owners().get(1).ratio(), 1e-12);
    List<Controllers.Walk> walks = c.owners().get(1).paths();
    assertEquals(2, walks.size());
    assertEquals(0.30, walks.get(0).product(), 1e-12);
    assertEquals(
        List.of("张三", "甲投资有限公司", "目标有限公司"),
        walks.get(0).subjects().stream().map(SubjectRef::name).toList());
    assertEquals(0.10, walks.get(1).product(), 1e-12);
    assertTrue(c.actualController().isEmpty(), "nobody holds more than 50 %");
    assertTrue(c.conflicts().isEmpty());
  }

  @Test
  void aDeclaredActualControllerWinsAndEndedHoldingsCountOnlyWhileInForce() {
    Fixture f = new Fixture();
    SubjectKey t = f.company("目标有限公司");
    SubjectKey p = f.person("赵六");
    SubjectKey q = f.person("钱七");
    f.share(q, t, 0.3);
    f.rel(Relation.shareholder(p, t, 0.7, Fixture.SINCE).withUntil(LocalDate.of(2021, 12, 31)));
    StoreGraphView v = f.view();
    OwnershipAnalysis o = new OwnershipAnalysis(v);

    Controllers before = o.controllers(v.node(t), LocalDate.of(2021, 6, 30), 0.25);
    assertEquals("赵六", before.actualController().orElseThrow().subject().name());
    assertEquals(Controllers.Basis.OWNERSHIP, before.actualController().get().basis());
    assertEquals(0.7, before.actualController().get().ratio().getAsDouble(), 1e-12);

    Controllers after = o.controllers(v.node(t), ASOF, 0.25);
    assertEquals(List.of("钱七"), after.owners().stream().map(x -> x.subject().name()).toList());
    assertTrue(after.actualController().isEmpty(), "赵六's 70 % ended on 2021-12-31; 钱七 holds 30 %");

    f.rel(Relation.of(RelationType.ACTUAL_CONTROLLER, q, t, LocalDate.of(2022, 1, 1)));
    v = f.view();
    Controllers declared = new OwnershipAnalysis(v).controllers(v.node(t), ASOF, 0.25);
    assertEquals("钱七", declared.actualController().orElseThrow().subject().name());
    assertEquals(Controllers.Basis.DECLARED, declared.actualController().get().basis());
    assertTrue(declared.actualController().get().declaration().isPresent());
  }

  @Test
  void crossHoldingsAreSummedAsAConvergentSeriesNotDropped() {
    Fixture f = new Fixture();
    SubjectKey t = f.company("目标有限公司");
    SubjectKey c = f.company("交叉持股有限公司");
    SubjectKey p = f.person("孙八");
    SubjectKey q = f.person("周九");
    // T and C hold each other: C holds 20 % of T, T holds 30 % of C. P holds 50 % of T, Q 70 % of
    // C.
    f.share(c, t, 0.2).share(t, c, 0.3).share(p, t, 0.5).share(q, c, 0.7);
    StoreGraphView v = f.view();

    Controllers r = new OwnershipAnalysis(v).controllers(v.node(t), ASOF, 0.1);

    // Walks into T: y_T = 1 + 0.3 y_C and y_C = 0.2 y_T, so y_T = 1 / (1 - 0.06) = 1/0.94.
    // P: 0.5 * y_T = 0.5 / 0.94 = 0.531914...  (series 0.5 + 0.5*0.06 + 0.5*0.06^2 + ...)
    // Q: 0.7 * y_C = 0.7 * 0.2 / 0.94 = 0.148936...
    assertEquals(2, r.owners().size());
    assertEquals("孙八", r.owners().get(0).subject().name());
    assertEquals(0.5 / 0.94, r.owners().get(0).ratio(), 1e-12);
    assertEquals("周九", r.owners().get(1).subject().name());
    assertEquals(0.14 / 0.94, r.owners().get(1).ratio(), 1e-12);
    List<Controllers.Walk> walks = r.owners().get(0).paths();
    assertEquals(0.5, walks.get(0).product(), 1e-12);
    assertEquals(0.5 * 0.3 * 0.2, walks.get(1).product(), 1e-12);
    assertEquals(
        List.of("孙八", "目标有限公司", "交叉持股有限公司", "目标有限公司"),
        walks.get(1).subjects().stream().map(SubjectRef::name).toList());
    assertEquals("孙八", r.actualController().orElseThrow().subject().name(), "53.2 % is above 50 %");
    assertEquals(Controllers.Basis.OWNERSHIP, r.actualController().get().basis());
    assertTrue(r.conflicts().isEmpty());
  }

  @Test
  void aCycleWhoseProductReachesOneIsADataConflictNotANumber() {
    Fixture f = new Fixture();
    SubjectKey t = f.company("目标有限公司");
    SubjectKey x = f.company("甲公司");
    SubjectKey y = f.company("乙公司");
    SubjectKey p = f.person("吴十");
    SubjectKey r = f.person("郑十一");
    // X holds 100 % of Y and Y holds 100 % of X: the series 1 + 1 + 1 ... through them diverges.
    f.share(x, y, 1.0).share(y, x, 1.0).share(x, t, 0.5).share(p, t, 0.5).share(r, x, 0.3);
    StoreGraphView v = f.view();

    Controllers c = new OwnershipAnalysis(v).controllers(v.node(t), ASOF, 0.25);

    Controllers.Conflict cycle =
        c.conflicts().stream()
            .filter(k -> k.kind() == Controllers.Conflict.Kind.DIVERGENT_CYCLE)
            .findFirst()
            .orElseThrow();
    assertEquals(1.0, cycle.product(), 1e-12);
    assertEquals(
        List.of("乙公司", "甲公司"), cycle.cycle().stream().map(SubjectRef::name).sorted().toList());
    assertEquals(
        List.of("郑十一"),
        cycle.affectedOwners().stream().map(SubjectRef::name).toList(),
        "郑十一 holds through the cycle, so gets no number");
    assertTrue(
        c.conflicts().stream()
            .anyMatch(
                k ->
                    k.kind() == Controllers.Conflict.Kind.SHARES_ABOVE_100
                        && k.cycle().get(0).name().equals("甲公司")
                        && Math.abs(k.product() - 1.3) < 1e-12),
        "甲公司's holders sum to 130 %");
    assertEquals(List.of("吴十"), c.owners().stream().map(o -> o.subject().name()).toList());
    assertEquals(0.5, c.owners().get(0).ratio(), 1e-12);
    assertFalse(c.actualController().isPresent(), "50 % is not above 50 %");
  }
}
