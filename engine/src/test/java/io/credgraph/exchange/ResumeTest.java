package io.credgraph.exchange;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.credgraph.StoreException;
import io.credgraph.store.BatchWriter;
import io.credgraph.store.WriteBatch;
import io.credgraph.store.memory.InMemoryGraphStore;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A load that stops after any committed chunk, run again, ends in exactly the state of an
 * uninterrupted load. (The api module's {@code LoadCrashIT} kills a real child JVM writing to the
 * on-disk store.)
 */
class ResumeTest {
  @TempDir static Path dir;

  static Path batch;
  static InMemoryGraphStore clean;

  /** One uninterrupted load, the reference. */
  static InMemoryGraphStore clean() {
    if (clean == null) {
      clean = InMemoryGraphStore.create();
      new ExchangeLoader(clean, options()).load(batch(), LoadListener.NONE);
    }
    return clean;
  }

  static Path batch() {
    if (batch == null) {
      batch = dir.resolve("market-2024.jsonl");
      SyntheticBatch.write(batch, 3000, 42);
    }
    return batch;
  }

  static LoadOptions options() {
    return LoadOptions.defaults().withChunkLines(700);
  }

  /** A writer that commits {@code allowed} batches, then fails as if the process died. */
  static BatchWriter dyingAfter(InMemoryGraphStore store, int allowed) {
    int[] left = {allowed};
    return (WriteBatch b) -> {
      if (left[0]-- <= 0) {
        throw new Died();
      }
      return store.write(b);
    };
  }

  static final class Died extends RuntimeException {
    private static final long serialVersionUID = 1L;
  }

  @ParameterizedTest
  @ValueSource(ints = {0, 1, 7, 20})
  void aLoadStoppedAfterAnyChunkResumesToTheSameState(int chunksBeforeDeath) {
    InMemoryGraphStore clean = clean();
    long expectedLines = clean.checkpoints().get(0).lastLine();

    InMemoryGraphStore store = InMemoryGraphStore.create();
    assertThrows(
        Died.class,
        () ->
            new ExchangeLoader(store, dyingAfter(store, chunksBeforeDeath), options())
                .load(batch(), LoadListener.NONE));
    long committed = store.checkpoints().isEmpty() ? 0 : store.checkpoints().get(0).lastLine();
    assertEquals(Math.min(chunksBeforeDeath * 700L, expectedLines), committed);

    LoadReport resumed = new ExchangeLoader(store, options()).load(batch(), LoadListener.NONE);

    assertEquals(committed, resumed.batches().get(0).resumedAfterLine());
    assertEquals(StoreSnapshot.of(clean), StoreSnapshot.of(store));
    assertEquals(clean.counts(), store.counts());
    assertTrue(store.checkpoints().get(0).complete());
  }

  @Test
  void theChunkSizeDoesNotChangeTheResult() {
    Path small = dir.resolve("small-court.jsonl");
    SyntheticBatch.write(small, 400, 5);
    InMemoryGraphStore lineByLine = InMemoryGraphStore.create();
    new ExchangeLoader(lineByLine, LoadOptions.defaults().withChunkLines(1))
        .load(small, LoadListener.NONE);
    InMemoryGraphStore whole = InMemoryGraphStore.create();
    new ExchangeLoader(whole, LoadOptions.defaults()).load(small, LoadListener.NONE);
    assertEquals(StoreSnapshot.of(whole).subjects(), StoreSnapshot.of(lineByLine).subjects());
    assertEquals(StoreSnapshot.of(whole).relations(), StoreSnapshot.of(lineByLine).relations());
    assertEquals(StoreSnapshot.of(whole).records(), StoreSnapshot.of(lineByLine).records());
    assertEquals(whole.counts(), lineByLine.counts());
  }

  @Test
  void aChunkTheStoreRefusesIsRedoneLineByLine() {
    InMemoryGraphStore clean = clean();

    InMemoryGraphStore store = InMemoryGraphStore.create();
    int[] calls = {0};
    BatchWriter flaky =
        b -> {
          if (++calls[0] == 3) {
            throw new StoreException("simulated refusal of one transaction");
          }
          return store.write(b);
        };
    LoadReport r = new ExchangeLoader(store, flaky, options()).load(batch(), LoadListener.NONE);
    assertEquals(StoreSnapshot.of(clean), StoreSnapshot.of(store));
    assertEquals(6, r.rejected(), "only the lines that are bad anyway");
  }
}
