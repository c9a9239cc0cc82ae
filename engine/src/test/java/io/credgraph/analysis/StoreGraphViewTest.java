package io.credgraph.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.credgraph.model.Relation;
import io.credgraph.model.RelationType;
import io.credgraph.model.SubjectId;
import io.credgraph.model.SubjectKey;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class StoreGraphViewTest {

  @Test
  void snapshotsSubjectsAndRelationsWithDatesRatiosAndBothAdjacencies() {
    Fixture f = new Fixture();
    SubjectKey a = f.company("甲公司");
    SubjectKey b = f.company("乙公司");
    SubjectKey p = f.person("张三");
    f.share(p, a, 0.4)
        .rel(
            Relation.of(RelationType.LEGAL_REP, p, b, LocalDate.of(2021, 3, 1))
                .withUntil(LocalDate.of(2022, 3, 1)));
    f.rel(new Relation(RelationType.SHAREHOLDER, a, b, Fixture.SINCE, null, null, null, null));

    StoreGraphView v = f.view();

    assertEquals(3, v.nodeCount());
    assertEquals(3, v.edgeCount());
    int pn = v.node(p);
    assertEquals("张三", v.name(pn));
    assertEquals(pn, v.node(v.id(pn)));
    assertEquals(-1, v.node(SubjectKey.uscc(Fixture.uscc(99))));
    assertEquals(-1, v.node(new SubjectId("s0000000000")));
    assertEquals(2, v.outDegree(pn));
    assertEquals(0, v.inDegree(pn));
    assertEquals(2, v.inDegree(v.node(b)));
    for (int i = 0; i < v.outDegree(pn); i++) {
      int e = v.outEdge(pn, i);
      assertEquals(pn, v.edgeFrom(e));
      if (v.edgeType(e) == RelationType.LEGAL_REP.ordinal()) {
        assertEquals(GraphView.day(LocalDate.of(2021, 3, 1)), v.edgeSince(e));
        assertEquals(GraphView.day(LocalDate.of(2022, 3, 1)), v.edgeUntil(e));
        assertTrue(v.inForce(e, GraphView.day(LocalDate.of(2022, 3, 1))), "until is inclusive");
        assertFalse(v.inForce(e, GraphView.day(LocalDate.of(2022, 3, 2))));
        assertTrue(Double.isNaN(v.edgeRatio(e)));
      } else {
        assertEquals(0.4, v.edgeRatio(e));
        assertEquals(GraphView.OPEN_UNTIL, v.edgeUntil(e));
      }
    }
  }
}
