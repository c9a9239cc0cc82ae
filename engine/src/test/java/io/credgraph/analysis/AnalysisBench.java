package io.credgraph.analysis;

import io.credgraph.catalogue.ListCatalogue;
import io.credgraph.fixtures.SyntheticCity;
import io.credgraph.model.RelationType;
import java.lang.management.ManagementFactory;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.function.IntConsumer;
import org.jgrapht.Graph;
import org.jgrapht.alg.connectivity.ConnectivityInspector;
import org.jgrapht.graph.DefaultEdge;
import org.jgrapht.graph.Pseudograph;

/**
 * Benchmark of the analysis algorithms on the synthetic city (not a test: a main). Latencies are
 * measured per call after a warm-up and reported as p50/p99 wall time; components are timed from
 * scratch, five runs, wall and the thread's CPU time (the machine may be shared), with JGraphT's
 * {@link ConnectivityInspector} on the same control edges as the baseline.
 *
 * <pre>
 * mvn -B -q -pl engine -am test-compile dependency:build-classpath -Dmdep.outputFile=target/cp.txt \
 *     -Dmdep.includeScope=test
 * java -Xmx6g -cp engine/target/test-classes:engine/target/classes:$(cat engine/target/cp.txt) \
 *     io.credgraph.analysis.AnalysisBench 1000000 [linkEvery, default 300; 20 for a denser city]
 * </pre>
 */
public final class AnalysisBench {
  static final LocalDate ASOF = LocalDate.of(2024, 6, 30);
  static final int WARMUP = 300;
  static final int RUNS = 2000;

  private AnalysisBench() {}

  public static void main(String[] args) {
    int enterprises = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
    int linkEvery = args.length > 1 ? Integer.parseInt(args[1]) : 300;
    long t0 = System.nanoTime();
    StoreGraphView.Builder view = StoreGraphView.builder();
    SyntheticCity city =
        SyntheticCity.generate(enterprises, 20261127L, linkEvery, view::add, view::add);
    GraphView v = view.build(1);
    System.out.printf(
        "synthetic city: %,d enterprises, %,d subjects, %,d relations, %,d BLACK records, 1 in %d "
            + "links between groups; built in %.1f s%n",
        enterprises,
        v.nodeCount(),
        v.edgeCount(),
        city.records.size(),
        linkEvery,
        (System.nanoTime() - t0) / 1e9);
    int n = v.nodeCount();
    SplittableRandom r = new SplittableRandom(7);
    RiskClusters clusters = new RiskClusters(v, ListCatalogue.defaults());

    double[] comp = new double[5];
    double[] compCpu = new double[5];
    for (int i = 0; i < comp.length; i++) {
      long s = System.nanoTime();
      long c0 = cpu();
      clusters.components(ASOF);
      comp[i] = (System.nanoTime() - s) / 1e6;
      compCpu[i] = (cpu() - c0) / 1e6;
    }
    Arrays.sort(comp);
    Arrays.sort(compCpu);
    System.out.printf(
        "components (union-find, from scratch): median %.0f ms (cpu %.0f ms), min %.0f ms; "
            + "%,d components%n",
        comp[2], compCpu[2], comp[0], countRoots(clusters.components(ASOF)));

    long s = System.nanoTime();
    Graph<Integer, DefaultEdge> g = new Pseudograph<>(DefaultEdge.class);
    int day = GraphView.day(ASOF);
    for (int i = 0; i < n; i++) {
      g.addVertex(i);
    }
    for (int e = 0; e < v.edgeCount(); e++) {
      if (RiskClusters.isControl(v, e, day)) {
        g.addEdge(v.edgeFrom(e), v.edgeTo(e));
      }
    }
    double build = (System.nanoTime() - s) / 1e6;
    double[] jg = new double[5];
    double[] jgCpu = new double[5];
    int jgCount = 0;
    for (int i = 0; i < jg.length; i++) {
      s = System.nanoTime();
      long c0 = cpu();
      jgCount = new ConnectivityInspector<>(g).connectedSets().size();
      jg[i] = (System.nanoTime() - s) / 1e6;
      jgCpu[i] = (cpu() - c0) / 1e6;
    }
    Arrays.sort(jg);
    Arrays.sort(jgCpu);
    System.out.printf(
        "JGraphT ConnectivityInspector: median %.0f ms (cpu %.0f ms), min %.0f ms (+ %.0f ms to build "
            + "its graph); %,d components%n",
        jg[2], jgCpu[2], jg[0], build, jgCount);
    g = null;

    double[] full = new double[3];
    double[] fullCpu = new double[3];
    RiskCluster.Report report = null;
    for (int i = 0; i < full.length; i++) {
      s = System.nanoTime();
      long c0 = cpu();
      report = clusters.compute(ASOF, city.records::forEach, 100);
      full[i] = (System.nanoTime() - s) / 1e6;
      fullCpu[i] = (cpu() - c0) / 1e6;
    }
    Arrays.sort(full);
    Arrays.sort(fullCpu);
    int largest = 0;
    int[] comps = clusters.components(ASOF);
    int[] sizes = new int[n];
    for (int c : comps) {
      largest = Math.max(largest, ++sizes[c]);
    }
    System.out.printf(
        "risk clusters (components + records + Louvain + ranking): median %.0f ms (cpu %.0f ms); "
            + "%,d risky components, %,d clusters, largest component %,d, top risk %.1f%n",
        full[1],
        fullCpu[1],
        report.riskyComponents(),
        report.totalClusters(),
        largest,
        report.clusters().get(0).risk());

    OwnershipAnalysis owners = new OwnershipAnalysis(v);
    latency(
        "controllers (threshold 0.25)",
        i -> owners.controllers(r.nextInt(enterprises), ASOF, 0.25));
    NeighbourhoodExplorer hood = new NeighbourhoodExplorer(v);
    Neighbourhood.Query depth2 = Neighbourhood.Query.of(2, Set.of(), ASOF);
    latency("neighbourhood depth 2 (limit 200)", i -> hood.expand(r.nextInt(n), depth2));
    PathFinder paths = new PathFinder(v);
    PathResult.Query six = PathResult.Query.of(6, Set.of(), ASOF);
    latency(
        "paths, related pairs (random walk 2-6 hops)",
        i -> {
          int a = r.nextInt(enterprises);
          paths.find(a, walk(v, a, 2 + r.nextInt(5), r), six);
        });
    latency(
        "paths, random pairs (mostly none within 6)",
        i -> paths.find(r.nextInt(n), r.nextInt(n), six));
    int giant = 0;
    for (int i = 0; i < n; i++) {
      if (sizes[comps[i]] == largest) {
        giant = comps[i];
        break;
      }
    }
    int[] inGiant = new int[largest];
    int k = 0;
    for (int i = 0; i < n; i++) {
      if (comps[i] == giant) {
        inGiant[k++] = i;
      }
    }
    latency(
        "paths, random pairs in the largest component",
        i ->
            paths.find(
                inGiant[r.nextInt(inGiant.length)], inGiant[r.nextInt(inGiant.length)], six));
    latency(
        "neighbourhood depth 2, largest component",
        i -> hood.expand(inGiant[r.nextInt(inGiant.length)], depth2));
    PathResult.Query typed =
        PathResult.Query.of(6, Set.of(RelationType.SHAREHOLDER, RelationType.LEGAL_REP), ASOF);
    latency(
        "paths, random pairs, SHAREHOLDER+LEGAL_REP",
        i -> paths.find(r.nextInt(n), r.nextInt(n), typed));
    s = System.nanoTime();
    SubjectSearch search = SubjectSearch.index(v);
    System.out.printf("search index: built in %.1f s%n", (System.nanoTime() - s) / 1e9);
    latency(
        "search by name (company words)",
        i ->
            search.byName(
                SyntheticCity.WORDS[r.nextInt(SyntheticCity.WORDS.length)]
                    + SyntheticCity.WORDS[r.nextInt(SyntheticCity.WORDS.length)]
                    + SyntheticCity.TRADES[r.nextInt(SyntheticCity.TRADES.length)],
                20));
  }

  private static long cpu() {
    return ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime();
  }

  private static int countRoots(int[] c) {
    int k = 0;
    for (int i = 0; i < c.length; i++) {
      if (c[i] == i) {
        k++;
      }
    }
    return k;
  }

  private static int walk(GraphView v, int a, int steps, SplittableRandom r) {
    int x = a;
    for (int k = 0; k < steps; k++) {
      int deg = v.outDegree(x) + v.inDegree(x);
      if (deg == 0) {
        break;
      }
      int i = r.nextInt(deg);
      int e = i < v.outDegree(x) ? v.outEdge(x, i) : v.inEdge(x, i - v.outDegree(x));
      x = v.other(e, x);
    }
    return x;
  }

  private static void latency(String what, IntConsumer call) {
    for (int i = 0; i < WARMUP; i++) {
      call.accept(i);
    }
    long[] t = new long[RUNS];
    for (int i = 0; i < RUNS; i++) {
      long s = System.nanoTime();
      call.accept(i);
      t[i] = System.nanoTime() - s;
    }
    Arrays.sort(t);
    System.out.printf(
        "%-48s p50 %7.3f ms  p99 %7.3f ms  max %7.3f ms  (%d calls)%n",
        what, t[RUNS / 2] / 1e6, t[RUNS * 99 / 100] / 1e6, t[RUNS - 1] / 1e6, RUNS);
  }
}
