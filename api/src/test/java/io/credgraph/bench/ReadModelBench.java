package io.credgraph.bench;

import io.credgraph.analysis.StoreGraphView;
import io.credgraph.analysis.SubjectSearch;
import io.credgraph.cypher.EmbeddedNeo4jStore;
import io.credgraph.engine.CredgraphEngine;
import io.credgraph.engine.GraphSnapshot;
import io.credgraph.model.Subject;
import io.credgraph.store.WriteBatch;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;

/**
 * What the investigation routes pay after a write (issue #15 item 1): on a loaded city in the
 * embedded Neo4j store, after each one-subject write through the engine, the old path (a whole read
 * of the store into a {@code StoreGraphView}, which the investigation backend made after every
 * write: the baseline, same run) against the engine's {@link GraphSnapshot} of the new version, and
 * the search index built from scratch against the one carried from the previous version. Medians of
 * {@code rounds} writes. Run on the data directory of a load (api/bench/load-counter.sh makes one;
 * the store is written to, so give it a copy):
 *
 * <pre>
 * cp -r /tmp/credgraph-load-counter-100000/data /tmp/rm-copy
 * java -Xmx8g -cp $(cat /tmp/credgraph-load-counter-100000/classpath) \
 *     io.credgraph.bench.ReadModelBench /tmp/rm-copy 7
 * </pre>
 */
public final class ReadModelBench {
  private ReadModelBench() {}

  public static void main(String[] args) {
    Path dir = Path.of(args[0]);
    int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 7;
    long t0 = System.nanoTime();
    try (EmbeddedNeo4jStore store = EmbeddedNeo4jStore.open(dir)) {
      CredgraphEngine engine = CredgraphEngine.open(store);
      System.out.printf(
          Locale.ROOT,
          "engine open in %.1f s: %s%n",
          (System.nanoTime() - t0) / 1e9,
          engine.stats());
      GraphSnapshot previous = engine.snapshot();
      SubjectSearch carried = SubjectSearch.index(previous);
      long[] whole = new long[rounds];
      long[] snap = new long[rounds];
      long[] full = new long[rounds];
      long[] update = new long[rounds];
      int nodes = 0;
      for (int i = 0; i < rounds; i++) {
        engine.write(
            WriteBatch.builder()
                .subject(
                    Subject.company(
                        io.credgraph.fixtures.Keys.withUsccCheck(
                            String.format(Locale.ROOT, "9144200099%07d", i)),
                        "读模型基准" + i + "有限公司"))
                .build());
        long a = System.nanoTime();
        StoreGraphView v = StoreGraphView.load(store);
        whole[i] = System.nanoTime() - a;
        a = System.nanoTime();
        GraphSnapshot s = engine.snapshot();
        snap[i] = System.nanoTime() - a;
        a = System.nanoTime();
        SubjectSearch f = SubjectSearch.index(s);
        full[i] = System.nanoTime() - a;
        a = System.nanoTime();
        carried = SubjectSearch.update(carried, s);
        update[i] = System.nanoTime() - a;
        String name = "读模型基准" + i + "有限公司";
        if (v.nodeCount() != s.nodeCount()
            || !f.byName(name, 5).get(0).name().equals(name)
            || !carried.byName(name, 5).equals(f.byName(name, 5))) {
          throw new AssertionError("the views disagree after write " + i);
        }
        nodes = s.nodeCount();
      }
      double w = median(whole);
      double sn = median(snap);
      double fu = median(full);
      double up = median(update);
      System.out.printf(
          Locale.ROOT,
          "%d nodes, %d rounds, medians after a one-subject write:%n"
              + "  whole store read (StoreGraphView.load, baseline) %10.2f ms%n"
              + "  engine snapshot                                  %10.2f ms  %.5fx%n"
              + "  search index from scratch (baseline)             %10.2f ms%n"
              + "  search index carried from the last version       %10.2f ms  %.3fx%n",
          nodes,
          rounds,
          w,
          sn,
          sn / w,
          fu,
          up,
          up / fu);
    }
  }

  private static double median(long[] nanos) {
    long[] s = nanos.clone();
    Arrays.sort(s);
    return s[s.length / 2] / 1e6;
  }
}
