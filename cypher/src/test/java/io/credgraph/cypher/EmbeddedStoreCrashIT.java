package io.credgraph.cypher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.credgraph.fixtures.ChildJvm;
import io.credgraph.fixtures.Keys;
import io.credgraph.store.BatchCheckpoint;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The embedded store in a real second JVM, ended the hard way (SIGKILL in the middle of writing)
 * and the polite way (SIGTERM): batches are all-or-nothing across a crash, every batch reported
 * committed survives it (Neo4j's transaction log recovers them), and SIGTERM shuts the database
 * down cleanly (no recovery on the next open).
 */
class EmbeddedStoreCrashIT {
  private static final int PER_BATCH = 400;
  private static final Duration SLOW_MACHINE = Duration.ofMinutes(4);

  @TempDir Path tempDir;

  @Test
  void aKillInTheMiddleOfWritingLeavesOnlyWholeBatchesAndLosesNoCommittedOne() throws Exception {
    Path dir = tempDir.resolve("store");
    int reported;
    try (ChildJvm child =
        ChildJvm.start(StoreWriterMain.class, dir.toString(), String.valueOf(PER_BATCH), "1000")) {
      child.await("OPEN"::equals, SLOW_MACHINE);
      child.await("COMMITTED 2"::equals, SLOW_MACHINE);
      Thread.sleep(ThreadLocalRandom.current().nextLong(20, 400));
      child.kill();
      reported =
          child.drain().stream()
              .filter(l -> l.startsWith("COMMITTED "))
              .mapToInt(l -> Integer.parseInt(l.substring("COMMITTED ".length())))
              .max()
              .orElse(2);
    }

    try (EmbeddedNeo4jStore store =
        EmbeddedNeo4jStore.open(dir, EmbeddedNeo4jStore.Options.small())) {
      assertTrue(
          debugLog(dir).contains("Recovery required"),
          "reopening after SIGKILL ran Neo4j's recovery");
      long subjects = store.counts().subjects();
      assertEquals(0, subjects % PER_BATCH, subjects + " companies: a batch was stored in part");
      long batches = subjects / PER_BATCH;
      assertTrue(
          batches >= reported,
          "the child reported " + reported + " committed batches, " + batches + " survived");
      assertEquals(batches, store.version(), "one version per committed batch");
      Optional<BatchCheckpoint> cp = store.checkpoint(StoreWriterMain.BATCH_HASH);
      assertEquals(
          Optional.of(batches * PER_BATCH),
          cp.map(BatchCheckpoint::lastLine),
          "the checkpoint is committed with the facts of its lines");
      assertTrue(
          store.subject(Keys.uscc(100_000 + batches * PER_BATCH - 1)).isPresent(),
          "last company stored");
      assertFalse(
          store.subject(Keys.uscc(100_000 + batches * PER_BATCH)).isPresent(),
          "first company not stored");

      store.write(StoreWriterMain.batch((int) batches, PER_BATCH));
      assertEquals(batches + 1, store.version(), "the recovered store takes the next batch");
    }
  }

  @Test
  void sigtermShutsTheDatabaseDownCleanly() throws Exception {
    Path dir = tempDir.resolve("store");
    try (ChildJvm child = ChildJvm.start(StoreWriterMain.class, dir.toString(), "50", "2")) {
      child.await("DONE"::equals, SLOW_MACHINE);
      assertEquals(
          143, child.terminate(Duration.ofMinutes(2)), "exit status of a JVM ended by SIGTERM");
    }
    assertTrue(debugLog(dir).contains("Shutdown started"), "the shutdown hook shut Neo4j down");
    try (EmbeddedNeo4jStore store =
        EmbeddedNeo4jStore.open(dir, EmbeddedNeo4jStore.Options.small())) {
      assertFalse(
          debugLog(dir).contains("Recovery required"),
          "a clean shutdown leaves nothing to recover");
      assertEquals(100, store.counts().subjects());
      assertEquals(2, store.version());
    }
  }

  private static String debugLog(Path dir) throws IOException {
    Path log = dir.resolve("logs").resolve("debug.log");
    return Files.exists(log) ? String.join("\n", Files.readAllLines(log)) : "";
  }
}
