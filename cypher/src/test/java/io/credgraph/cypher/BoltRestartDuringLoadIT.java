package io.credgraph.cypher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.credgraph.exchange.BatchReport;
import io.credgraph.exchange.ExchangeLoader;
import io.credgraph.exchange.LoadListener;
import io.credgraph.exchange.LoadOptions;
import io.credgraph.exchange.LoadProgress;
import io.credgraph.exchange.LoadReport;
import io.credgraph.exchange.StoreSnapshot;
import io.credgraph.exchange.SyntheticBatch;
import io.credgraph.store.memory.InMemoryGraphStore;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue #11: a load over {@code neo4j://} (routing, bookmarks, the driver's retries) while the
 * Neo4j server is killed with SIGKILL and started again on the same database. The load either rides
 * over the restart on the driver's retries or fails; run again, as a steward would, it resumes
 * after the last committed chunk. Either way the store ends up holding exactly what a load that was
 * never interrupted stores: nothing lost, nothing twice.
 */
class BoltRestartDuringLoadIT {
  private static final int ENTERPRISES = 3_000;
  private static final LoadOptions OPTIONS = LoadOptions.defaults().withChunkLines(500);

  @TempDir Path dir;

  @Test
  void aServerKilledAndStartedAgainInTheMiddleOfALoadLosesAndDuplicatesNothing() throws Exception {
    Path batch = dir.resolve("market-2024-06.jsonl");
    long lines = SyntheticBatch.write(batch, ENTERPRISES, 11);
    InMemoryGraphStore reference = InMemoryGraphStore.create();
    new ExchangeLoader(reference, OPTIONS).load(batch, LoadListener.NONE);
    StoreSnapshot expected = StoreSnapshot.of(reference);

    try (BoltServer server = BoltServer.start(dir.resolve("neo4j"))) {
      CountDownLatch aThirdRead = new CountDownLatch(1);
      LoadListener listener =
          new LoadListener() {
            @Override
            public void progress(LoadProgress p) {
              if (p.lines() >= lines / 3) {
                aThirdRead.countDown();
              }
            }
          };
      BoltNeo4jStore first = BoltNeo4jStore.connect(server.uri("neo4j"));
      CompletableFuture<LoadReport> firstLoad =
          CompletableFuture.supplyAsync(
              () -> new ExchangeLoader(first, OPTIONS).load(batch, listener));
      assertTrue(aThirdRead.await(4, TimeUnit.MINUTES), "the load reached a third of its lines");
      server.kill();
      server.restart();
      String firstEnded;
      try {
        LoadReport r = firstLoad.get(5, TimeUnit.MINUTES);
        firstEnded = "rode over the restart: " + r.batches().get(0).outcome();
      } catch (ExecutionException e) {
        firstEnded = "failed: " + e.getCause().getMessage();
      } finally {
        first.close();
      }

      try (BoltNeo4jStore store = BoltNeo4jStore.connect(server.uri("neo4j"))) {
        BatchReport again =
            new ExchangeLoader(store, OPTIONS).load(batch, listener).batches().get(0);
        if (firstEnded.startsWith("failed")) {
          assertEquals(BatchReport.Outcome.LOADED, again.outcome(), firstEnded);
          assertTrue(
              again.resumedAfterLine() > 0 && again.resumedAfterLine() < lines,
              "the second load resumed after the chunks the first committed, not from the start: "
                  + again.resumedAfterLine()
                  + " of "
                  + lines
                  + " lines; the first "
                  + firstEnded);
        } else {
          assertEquals(BatchReport.Outcome.ALREADY_LOADED, again.outcome(), firstEnded);
        }
        StoreSnapshot actual = StoreSnapshot.of(store);
        assertEquals(expected.subjects(), actual.subjects(), firstEnded);
        assertEquals(expected.relations(), actual.relations(), firstEnded);
        assertEquals(expected.records(), actual.records(), firstEnded);
        assertEquals(expected.pending(), actual.pending(), firstEnded);
        assertEquals(expected.checkpoints(), actual.checkpoints(), firstEnded);
        System.out.println("BoltRestartDuringLoadIT: the first load " + firstEnded);
      }
    }
  }
}
