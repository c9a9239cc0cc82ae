package io.credgraph.cypher;

import io.credgraph.fixtures.Keys;
import io.credgraph.model.Provenance;
import io.credgraph.model.Subject;
import io.credgraph.store.BatchCheckpoint;
import io.credgraph.store.WriteBatch;
import io.credgraph.store.WriteOp;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Run in a child JVM by {@link EmbeddedStoreCrashIT}: opens the embedded store in {@code args[0]}
 * and writes batches of {@code args[1]} companies plus a checkpoint, one after another, until
 * {@code args[2]} batches are written or the process is killed. Prints {@code OPEN}, then {@code
 * COMMITTED n} after each batch returns, then {@code DONE}.
 */
public final class StoreWriterMain {
  static final String BATCH_HASH = "sha256-crash-test";

  private StoreWriterMain() {}

  public static void main(String[] args) {
    Path dir = Path.of(args[0]);
    int perBatch = Integer.parseInt(args[1]);
    int batches = Integer.parseInt(args[2]);
    EmbeddedNeo4jStore store = EmbeddedNeo4jStore.open(dir, EmbeddedNeo4jStore.Options.small());
    System.out.println("OPEN");
    for (int b = 0; b < batches; b++) {
      store.write(batch(b, perBatch));
      System.out.println("COMMITTED " + (b + 1));
    }
    System.out.println("DONE");
    System.out.flush();
    // stays open: the test ends this JVM with SIGTERM (or SIGKILL) and checks what a shutdown hook
    // left behind
    while (true) {
      try {
        Thread.sleep(60_000);
      } catch (InterruptedException e) {
        return;
      }
    }
  }

  /** Batch {@code b}: companies {@code b * perBatch ..} and the checkpoint that says so. */
  static WriteBatch batch(int b, int perBatch) {
    List<WriteOp> ops = new ArrayList<>();
    for (int i = 0; i < perBatch; i++) {
      long n = (long) b * perBatch + i;
      ops.add(
          new WriteOp.PutSubject(
              Subject.company(Keys.usccText(100_000 + n), "崩溃测试公司" + n)
                  .withProvenance(
                      List.of(
                          new Provenance("MARKET_REGULATION", "crash.jsonl", BATCH_HASH, n + 1)))));
    }
    ops.add(
        new WriteOp.Checkpoint(
            new BatchCheckpoint(
                BATCH_HASH,
                "crash.jsonl",
                "MARKET_REGULATION",
                (long) (b + 1) * perBatch,
                false,
                Instant.parse("2024-01-01T00:00:00Z").plusSeconds(b))));
    return new WriteBatch(ops);
  }
}
