package io.credgraph.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.credgraph.analysis.GraphView;
import io.credgraph.analysis.WatchAlert;
import io.credgraph.engine.CredgraphEngine;
import io.credgraph.model.CreditRecord;
import io.credgraph.model.Subject;
import io.credgraph.model.SubjectKey;
import io.credgraph.store.WriteBatch;
import io.credgraph.store.memory.InMemoryGraphStore;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The investigation backend shares one graph snapshot between requests until a write, and a write
 * through it raises the watch alerts that a restart keeps (fixture city: 张三 legal representative of
 * 阿尔法, 李四 60 % of 贝塔).
 */
class InvestigationBackendTest {
  @TempDir Path dir;

  @Test
  void theGraphSnapshotIsBuiltOncePerEngineVersion() {
    CredgraphEngine engine = CredgraphEngine.open(InMemoryGraphStore.create());
    Fixtures.load(engine.writer());
    InvestigationBackend b = InvestigationBackend.inMemory(engine, ApiServer.CLOCK);
    GraphView first = b.view();
    assertSame(first, b.view(), "no write: the same snapshot");
    assertEquals(4, first.nodeCount());
    b.write(
        WriteBatch.builder()
            .subject(Subject.company(Fixtures.uscc("91110000000000888"), "新的公司"))
            .build());
    GraphView second = b.view();
    assertNotSame(first, second);
    assertEquals(engine.version(), second.version());
    assertEquals(5, second.nodeCount());
    assertEquals(4, first.nodeCount(), "the snapshot taken before the write does not move");
  }

  @Test
  void everyWriteThroughTheEngineRaisesWatchAlertsThatARestartKeeps() {
    CredgraphEngine engine = CredgraphEngine.open(InMemoryGraphStore.create());
    Fixtures.load(engine.writer());
    Path state = dir.resolve("watchlists.json");
    InvestigationBackend b = InvestigationBackend.open(engine, state, ApiServer.CLOCK);
    SubjectKey zhang = SubjectKey.resident(Fixtures.ZHANG_ID);
    SubjectKey alpha = SubjectKey.uscc(Fixtures.ALPHA_USCC);
    b.watchlists().watch("ana", List.of(zhang));
    engine.write(
        WriteBatch.builder()
            .record(
                CreditRecord.of(
                    "TAX-2025-0001", alpha, "MAJOR_TAX_VIOLATION", "TAX", LocalDate.of(2025, 5, 1)))
            .build());
    assertEquals(
        List.of("TAX-2025-0001"),
        b.watchlists().alerts("ana", Optional.empty(), 0, 10).stream()
            .map(a -> a.event().recordId())
            .toList(),
        "a write straight to the engine (a loader's) raises the alert too: the engine tells the "
            + "backend");
    b.write(
        WriteBatch.builder()
            .record(
                CreditRecord.of(
                    "TAX-2025-0002", alpha, "MAJOR_TAX_VIOLATION", "TAX", LocalDate.of(2025, 5, 2)))
            .build());
    List<WatchAlert> alerts = b.watchlists().alerts("ana", Optional.empty(), 0, 10);
    assertEquals(2, alerts.size());
    WatchAlert second =
        alerts.stream()
            .filter(a -> a.event().recordId().equals("TAX-2025-0002"))
            .findFirst()
            .orElseThrow();
    assertEquals(List.of(zhang, alpha), second.subjects());

    InvestigationBackend reopened = InvestigationBackend.open(engine, state, ApiServer.CLOCK);
    assertEquals(List.of(zhang), reopened.watchlists().watchlist("ana"));
    assertEquals(2, reopened.watchlists().alerts("ana", Optional.empty(), 0, 10).size());
    assertTrue(
        reopened.investigation().search(Fixtures.ALPHA_NAME, false, 5).get(0).key().equals(alpha));
  }
}
