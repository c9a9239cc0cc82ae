package io.credgraph.exchange;

import io.credgraph.store.memory.InMemoryGraphStore;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The loader's own cost, without a database: loads a synthetic batch into the in-memory store.
 * {@code InMemoryLoadBench ENTERPRISES}. (Not a test; the real figures are the embedded store's.)
 */
public final class InMemoryLoadBench {
  private InMemoryLoadBench() {}

  public static void main(String[] args) throws Exception {
    int n = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
    Path file = Files.createTempFile("bench-market-", ".jsonl");
    try {
      long lines = SyntheticBatch.write(file, n, 3);
      InMemoryGraphStore store = InMemoryGraphStore.create();
      long t0 = System.nanoTime();
      LoadReport r =
          new ExchangeLoader(store, LoadOptions.defaults()).load(file, LoadListener.NONE);
      double s = (System.nanoTime() - t0) / 1e9;
      System.out.printf(
          "%,d lines in %.1f s: %,.0f lines/s; %s%n", lines, s, lines / s, r.summary());
    } finally {
      Files.deleteIfExists(file);
    }
  }
}
