package io.credgraph.engine.bench;

import io.credgraph.engine.CredgraphEngine;
import io.credgraph.engine.EngineStats;
import io.credgraph.fixtures.SyntheticCity;
import io.credgraph.model.CreditRecord;
import io.credgraph.model.SubjectKey;
import io.credgraph.rules.Role;
import io.credgraph.store.GraphStore;
import io.credgraph.store.WriteBatch;
import io.credgraph.store.memory.InMemoryGraphStore;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Random;
import java.util.function.IntFunction;

/**
 * The engine benchmark on a {@link SyntheticCity} in the in-memory store: full propagation,
 * appointment check (uncached, in-process) median and p99, sanctions check of 1,000 subjects,
 * incremental update after one new record (store write included), and heap. With a second argument
 * {@code generated} the city is not stored but generated again at each full read ({@link
 * GeneratedCityStore}), for the 10M-enterprise province: the rebuild (two projections at once) and
 * the incremental update are left out. Run:
 *
 * <pre>
 * mvn -B -q -pl engine -am test-compile
 * mvn -B -q -pl engine dependency:build-classpath -Dmdep.outputFile=/tmp/cp.txt -Dmdep.includeScope=test
 * java -Xmx8g -XX:+UseParallelGC -cp engine/target/test-classes:engine/target/classes:$(cat /tmp/cp.txt) \
 *     io.credgraph.engine.bench.EngineBench 100000
 * </pre>
 */
public final class EngineBench {
  private static final java.lang.management.ThreadMXBean THREADS =
      java.lang.management.ManagementFactory.getThreadMXBean();

  private EngineBench() {}

  /**
   * CPU time of this thread, in nanoseconds: unlike wall-clock time, not inflated when the machine
   * is busy.
   */
  private static long cpu() {
    return THREADS.getCurrentThreadCpuTime();
  }

  public static void main(String[] args) {
    int n = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
    // "generated": no store copy of the city (the province, issue #15 item 6); full reads generate
    // it again, so the rebuild runs once and the incremental writes are left out
    boolean generated = args.length > 1 && args[1].equals("generated");
    long t0 = System.nanoTime();
    GraphStore store;
    int persons;
    long relations;
    IntFunction<SubjectKey> personAt;
    IntFunction<SubjectKey> enterpriseAt;
    if (generated) {
      GeneratedCityStore g = new GeneratedCityStore(n, 42);
      store = g;
      persons = g.persons();
      relations = g.counts().relations();
      personAt = SyntheticCity::person;
      enterpriseAt = SyntheticCity::enterprise;
    } else {
      store = InMemoryGraphStore.create();
      SyntheticCity city = SyntheticCity.load(store, n, 42);
      persons = city.persons.size();
      relations = city.relations;
      personAt = city.persons::get;
      enterpriseAt = city.enterprises::get;
    }
    long records = store.counts().records();
    long heapStore = usedHeap();
    System.out.printf(
        Locale.ROOT,
        "city: %,d enterprises, %,d persons, %,d relations, %,d records; loaded in %.1f s; "
            + "heap with store %.0f MiB%n",
        n,
        persons,
        relations,
        records,
        secs(t0),
        mib(heapStore));

    long t1 = System.nanoTime();
    long c1 = cpu();
    CredgraphEngine engine = CredgraphEngine.open(store);
    double firstOpen = secs(t1);
    double firstOpenCpu = (cpu() - c1) / 1e9;
    long heapEngine = usedHeap();
    EngineStats st = engine.stats();
    System.out.printf(
        Locale.ROOT,
        "open (projection + full propagation): %.2f s wall, %.2f s CPU (wall: reading the store "
            + "into the projection %d ms, deriving every record's measures %d ms); derived measures "
            + "%,d; engine heap %.0f MiB (total %.0f MiB)%n",
        firstOpen,
        firstOpenCpu,
        st.projectionMillis(),
        st.propagationMillis(),
        st.derivedMeasures(),
        mib(heapEngine - heapStore),
        mib(heapEngine));

    // a rebuild holds the old projection while it builds the new one: on the generated province
    // that is two projections in the heap, so it is left out there
    double[] full = new double[generated ? 0 : 3];
    double[] fullCpu = new double[full.length];
    for (int i = 0; i < full.length; i++) {
      long t = System.nanoTime();
      long c = cpu();
      engine.rebuild();
      full[i] = secs(t);
      fullCpu[i] = (cpu() - c) / 1e9;
    }
    if (full.length > 0) {
      Arrays.sort(full);
      Arrays.sort(fullCpu);
      st = engine.stats();
      System.out.printf(
          Locale.ROOT,
          "full rebuild from the store, median of %d: %.2f s wall, %.2f s CPU (last, wall: "
              + "reading the store into the projection %d ms, deriving every record's measures %d ms)%n",
          full.length,
          full[full.length / 2],
          fullCpu[full.length / 2],
          st.projectionMillis(),
          st.propagationMillis());
    }

    Random rnd = new Random(7);
    Role[] roles = Role.values();
    LocalDate[] days = {
      LocalDate.of(2022, 6, 1), LocalDate.of(2024, 6, 30), LocalDate.of(2025, 3, 1)
    };
    int sink = 0;
    for (int i = 0; i < 200_000; i++) {
      sink +=
          engine
              .checkAppointment(
                  personAt.apply(rnd.nextInt(persons)),
                  roles[i % roles.length],
                  Optional.empty(),
                  days[i % 3])
              .reasons()
              .size();
    }
    int m = 200_000;
    long[] ns = new long[m];
    int ineligible = 0;
    long cm = cpu();
    for (int i = 0; i < m; i++) {
      SubjectKey p = personAt.apply(rnd.nextInt(persons));
      Optional<SubjectKey> target =
          i % 2 == 0 ? Optional.empty() : Optional.of(enterpriseAt.apply(rnd.nextInt(n)));
      Role role = roles[i % 4];
      long t = System.nanoTime();
      boolean eligible = engine.checkAppointment(p, role, target, days[i % 3]).eligible();
      ns[i] = System.nanoTime() - t;
      ineligible += eligible ? 0 : 1;
    }
    double meanCpu = (cpu() - cm) / 1e3 / m;
    Arrays.sort(ns);
    System.out.printf(
        Locale.ROOT,
        "appointment check (%,d, %,d ineligible): median %.1f us, p99 %.1f us wall; mean "
            + "%.1f us CPU%n",
        m,
        ineligible,
        ns[m / 2] / 1e3,
        ns[(int) (m * 0.99)] / 1e3,
        meanCpu);

    int rounds = 200;
    long[] sn = new long[rounds];
    int restricted = 0;
    long sc = 0;
    for (int r = -50; r < rounds; r++) {
      List<SubjectKey> keys = new ArrayList<>(1000);
      for (int i = 0; i < 1000; i++) {
        keys.add(
            i % 2 == 0 ? enterpriseAt.apply(rnd.nextInt(n)) : personAt.apply(rnd.nextInt(persons)));
      }
      long t = System.nanoTime();
      long c = cpu();
      var res = engine.checkSanctions(keys, Optional.empty(), days[Math.floorMod(r, 3)]);
      if (r >= 0) {
        sn[r] = System.nanoTime() - t;
        sc += cpu() - c;
        restricted += (int) res.results().stream().filter(x -> x.restricted()).count();
      }
    }
    Arrays.sort(sn);
    System.out.printf(
        Locale.ROOT,
        "sanctions check of 1,000 subjects (%,d rounds, %,d restricted results): median "
            + "%.2f ms, p99 %.2f ms wall; mean %.2f ms CPU%n",
        rounds,
        restricted,
        sn[rounds / 2] / 1e6,
        sn[(int) (rounds * 0.99)] / 1e6,
        sc / 1e6 / rounds);

    int w = generated ? 0 : 2000;
    long[] wn = new long[w];
    long wc = 0;
    String[] lists = {
      "SERIOUS_ILLEGAL_DISHONEST",
      "DISHONEST_JUDGMENT_DEBTOR",
      "MAJOR_TAX_VIOLATION",
      "CONSUMPTION_RESTRICTED"
    };
    for (int i = generated ? 0 : -200; i < w; i++) {
      SubjectKey e = enterpriseAt.apply(rnd.nextInt(n));
      CreditRecord rec =
          CreditRecord.of(
              "NEW-" + (i + 200),
              e,
              lists[Math.floorMod(i, lists.length)],
              "BENCH",
              LocalDate.of(2023, 1, 1).plusDays(Math.floorMod(i, 600)));
      long t = System.nanoTime();
      long c = cpu();
      engine.write(WriteBatch.builder().record(rec).build());
      if (i >= 0) {
        wn[i] = System.nanoTime() - t;
        wc += cpu() - c;
      }
    }
    if (w > 0) {
      Arrays.sort(wn);
      System.out.printf(
          Locale.ROOT,
          "incremental update after one new record (store write included, %,d writes): "
              + "median %.1f us, p99 %.1f us wall; mean %.1f us CPU%n",
          w,
          wn[w / 2] / 1e3,
          wn[(int) (w * 0.99)] / 1e3,
          wc / 1e3 / w);
    }
    System.out.printf(
        Locale.ROOT,
        "heap after all (store and engine): %.0f MiB; checksum %d%n",
        mib(usedHeap()),
        sink);
    java.lang.ref.Reference.reachabilityFence(engine);
    java.lang.ref.Reference.reachabilityFence(store);
  }

  private static double secs(long t) {
    return (System.nanoTime() - t) / 1e9;
  }

  private static double mib(long bytes) {
    return bytes / 1024.0 / 1024.0;
  }

  private static long usedHeap() {
    for (int i = 0; i < 3; i++) {
      System.gc();
    }
    Runtime rt = Runtime.getRuntime();
    return rt.totalMemory() - rt.freeMemory();
  }
}
