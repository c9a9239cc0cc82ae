package io.credgraph.bench;

import io.credgraph.catalogue.ListCatalogue;
import io.credgraph.cypher.EmbeddedNeo4jStore;
import io.credgraph.engine.CredgraphEngine;
import io.credgraph.rules.RuleCatalogue;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;

/**
 * A start of the engine (issue #15 item 3) on a loaded data directory: from the store (the full
 * read every start made before: the baseline, same run) against from the projection file, medians
 * of {@code rounds} opens each; plus the time and size of saving the file. The store opens once
 * (Neo4j's own start is not the engine's and is reported apart). Run:
 *
 * <pre>
 * java -Xmx12g -cp $(cat /tmp/credgraph-load-counter-100000/classpath) \
 *     io.credgraph.bench.StartBench DATA_DIR 3
 * </pre>
 */
public final class StartBench {
  private StartBench() {}

  public static void main(String[] args) throws Exception {
    Path data = Path.of(args[0]);
    int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 3;
    Path file = Files.createTempDirectory("start-bench").resolve("projection.bin");
    ListCatalogue lists = ListCatalogue.defaults();
    RuleCatalogue rules = RuleCatalogue.defaults(lists);
    long t = System.nanoTime();
    try (EmbeddedNeo4jStore store = EmbeddedNeo4jStore.open(data)) {
      System.out.printf(
          Locale.ROOT,
          "store opened in %.1f s: %s%n",
          (System.nanoTime() - t) / 1e9,
          store.counts());
      if (args.length > 2) {
        // only the start from an existing projection file (for a profiler)
        for (int i = 0; i < rounds; i++) {
          t = System.nanoTime();
          CredgraphEngine f = CredgraphEngine.open(store, lists, rules, Path.of(args[2]));
          System.out.printf(
              Locale.ROOT,
              "from %s in %.2f s: %s%n",
              f.startedFrom(),
              (System.nanoTime() - t) / 1e9,
              f.stats());
        }
        return;
      }
      long[] fromStore = new long[rounds];
      long[] fromFile = new long[rounds];
      long[] save = new long[rounds];
      CredgraphEngine e = null;
      for (int i = 0; i < rounds; i++) {
        e = null;
        System.gc();
        t = System.nanoTime();
        e = CredgraphEngine.open(store, lists, rules, file.resolveSibling("absent.bin"));
        fromStore[i] = System.nanoTime() - t;
        t = System.nanoTime();
        e.saveProjection(file);
        save[i] = System.nanoTime() - t;
      }
      String stats = e.stats().toString();
      for (int i = 0; i < rounds; i++) {
        e = null;
        System.gc();
        t = System.nanoTime();
        e = CredgraphEngine.open(store, lists, rules, file);
        fromFile[i] = System.nanoTime() - t;
        if (!e.startedFrom().startsWith("the projection file")) {
          throw new AssertionError(e.startedFrom());
        }
      }
      System.out.println("from the file: " + e.stats());
      t = System.nanoTime();
      store.counts();
      store.version();
      System.out.printf(
          Locale.ROOT, "store counts and version: %.3f s%n", (System.nanoTime() - t) / 1e9);
      System.gc();
      long heap = Runtime.getRuntime().totalMemory() - Runtime.getRuntime().freeMemory();
      double s = median(fromStore);
      double f = median(fromFile);
      System.out.printf(
          Locale.ROOT,
          "%s%n%d rounds, medians:%n"
              + "  engine open from the store (baseline)   %8.2f s%n"
              + "  engine open from the projection file    %8.2f s  %.3fx%n"
              + "  saving the projection file              %8.2f s  (%,d bytes)%n"
              + "  heap after the last open, after a GC    %,d MB%n",
          stats,
          rounds,
          s,
          f,
          f / s,
          median(save),
          Files.size(file),
          heap >> 20);
    }
  }

  private static double median(long[] nanos) {
    long[] c = nanos.clone();
    Arrays.sort(c);
    return c[c.length / 2] / 1e9;
  }
}
