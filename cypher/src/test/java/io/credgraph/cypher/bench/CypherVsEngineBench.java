package io.credgraph.cypher.bench;

import io.credgraph.catalogue.ListCatalogue;
import io.credgraph.catalogue.ListDefinition;
import io.credgraph.cypher.EmbeddedNeo4jStore;
import io.credgraph.datasets.synthetic.CityGenerator;
import io.credgraph.datasets.synthetic.GeneratorConfig;
import io.credgraph.engine.CredgraphEngine;
import io.credgraph.engine.EngineStats;
import io.credgraph.exchange.ExchangeLoader;
import io.credgraph.exchange.LoadListener;
import io.credgraph.exchange.LoadOptions;
import io.credgraph.exchange.LoadReport;
import io.credgraph.model.SubjectKey;
import io.credgraph.rules.Role;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import org.neo4j.dbms.api.DatabaseManagementService;
import org.neo4j.graphdb.GraphDatabaseService;
import org.neo4j.graphdb.Result;

/**
 * The engine against a straightforward Cypher formulation ({@link CypherQueries}), in the same JVM
 * on the same embedded Neo4j database: the appointment check (role LEGAL_REP of a company, no
 * enterprise named, three dates from 2024-07-01 on, so rules CL178-1..5 and EIP17) for a sample of
 * persons, uncached, with the eligible/ineligible answers compared; and the full propagation
 * (engine: {@code rebuild()} and its derivation step alone; Cypher: every derived measure holding
 * on one day, for the whole city). Wall time and this thread's CPU time (ThreadMXBean: the embedded
 * Cypher runtime runs in the calling thread), medians and p99. A main, not a test: it never runs in
 * CI.
 *
 * <p>{@code DATA} is the store's directory: when it holds no database yet, the city is generated
 * into {@code CITY} (when that folder is missing) with the real {@link CityGenerator} and loaded
 * with the real {@link ExchangeLoader} through {@link CredgraphEngine#writer()}; otherwise the
 * database is opened as it is (e.g. loaded by {@code ./credgraph load CITY --data DATA}). Run:
 *
 * <pre>
 * mvn -B -q -pl cypher -am test-compile dependency:build-classpath -DskipTests \
 *     -Dmdep.outputFile=/tmp/cp-cypher.txt -Dmdep.includeScope=test
 * java -Xmx6g -XX:+UseParallelGC -cp cypher/target/test-classes:cypher/target/classes:$(cat /tmp/cp-cypher.txt) \
 *     io.credgraph.cypher.bench.CypherVsEngineBench /tmp/c100k /tmp/d100k 100000 [persons] [pageCache] [runs]
 * </pre>
 */
public final class CypherVsEngineBench {
  private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
  private static final LocalDate[] DAYS = {
    LocalDate.of(2024, 9, 30), LocalDate.of(2025, 3, 1), LocalDate.of(2026, 6, 30)
  };
  private static final LocalDate PROPAGATION_DAY = LocalDate.of(2025, 3, 1);

  private CypherVsEngineBench() {}

  public static void main(String[] args) throws Exception {
    if (args.length < 3) {
      System.err.println(
          "usage: CypherVsEngineBench CITY DATA ENTERPRISES [PERSONS (default 2000)] "
              + "[PAGE_CACHE (default 2g)] [PROPAGATION_RUNS (default 3)]");
      System.exit(2);
    }
    Path city = Path.of(args[0]);
    Path data = Path.of(args[1]);
    int enterprises = Integer.parseInt(args[2]);
    int sampleSize = args.length > 3 ? Integer.parseInt(args[3]) : 2000;
    long pageCache = EmbeddedNeo4jStore.Options.parseSize(args.length > 4 ? args[4] : "2g");
    int runs = args.length > 5 ? Integer.parseInt(args[5]) : 3;
    System.out.printf(
        Locale.ROOT,
        "machine: %d cores, max heap %,d MiB, load average %.2f%n",
        Runtime.getRuntime().availableProcessors(),
        Runtime.getRuntime().maxMemory() >> 20,
        ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());

    boolean fresh = !Files.isDirectory(data.resolve("data"));
    if (fresh && !Files.isDirectory(city)) {
      long t = System.nanoTime();
      var summary = new CityGenerator(GeneratorConfig.of(enterprises, 1)).generate(city, p -> {});
      System.out.printf(Locale.ROOT, "generated %s in %.1f s: %s%n", city, secs(t), summary);
    }
    try (EmbeddedNeo4jStore store =
        EmbeddedNeo4jStore.open(
            data, EmbeddedNeo4jStore.Options.defaults().withPageCache(pageCache))) {
      long t = System.nanoTime();
      long c = cpu();
      CredgraphEngine engine = CredgraphEngine.open(store);
      System.out.printf(
          Locale.ROOT, "engine opened in %.1f s wall, %.1f s CPU%n", secs(t), (cpu() - c) / 1e9);
      if (fresh) {
        t = System.nanoTime();
        c = cpu();
        LoadReport report =
            new ExchangeLoader(store, engine.writer(), LoadOptions.defaults())
                .load(city, LoadListener.NONE);
        double wall = secs(t);
        System.out.printf(
            Locale.ROOT,
            "loaded through the engine's writer in %.1f s wall, %.1f s CPU of this thread "
                + "(%,.0f lines/s wall): %s%n",
            wall,
            (cpu() - c) / 1e9,
            report.lines() / wall,
            report.summary());
      }
      var counts = store.counts();
      System.out.printf(
          Locale.ROOT,
          "store: %,d subjects, %,d relations, %,d records%n",
          counts.subjects(),
          counts.relations(),
          counts.records());
      GraphDatabaseService db = database(store);
      List<String> objected = new ArrayList<>();
      for (ListDefinition d : ListCatalogue.defaults().all()) {
        if (d.objectedInForce()) {
          objected.add(d.code());
        }
      }
      appointment(engine, db, objected, sampleSize);
      propagation(engine, db, objected, runs);
    }
  }

  // ------------------------------------------------------------------ appointment check

  private static void appointment(
      CredgraphEngine engine, GraphDatabaseService db, List<String> objected, int n) {
    List<String> sample = sample(db, n);
    System.out.printf(
        Locale.ROOT,
        "%nappointment check, LEGAL_REP of a company, no enterprise named, on %s: %,d persons"
            + " (half drawn among all persons, half among those with a record or a role in an enterprise with one)%n",
        Arrays.toString(DAYS),
        sample.size());
    Map<String, Object> params = new HashMap<>();
    params.put("objectedInForce", objected);
    // warm-up: every (person, day) once on both sides
    for (String key : sample) {
      for (LocalDate d : DAYS) {
        engineEligible(engine, key, d);
        cypherEligible(db, params, key, d);
      }
    }
    int m = sample.size() * DAYS.length;
    long[] ew = new long[m];
    long[] ec = new long[m];
    long[] cw = new long[m];
    long[] cc = new long[m];
    int agree = 0;
    int engineIneligible = 0;
    int cypherIneligible = 0;
    List<String> disagreements = new ArrayList<>();
    int i = 0;
    for (String key : sample) {
      for (LocalDate d : DAYS) {
        long t = System.nanoTime();
        long c = cpu();
        boolean e = engineEligible(engine, key, d);
        ec[i] = cpu() - c;
        ew[i] = System.nanoTime() - t;
        t = System.nanoTime();
        c = cpu();
        boolean y = cypherEligible(db, params, key, d);
        cc[i] = cpu() - c;
        cw[i] = System.nanoTime() - t;
        agree += e == y ? 1 : 0;
        engineIneligible += e ? 0 : 1;
        cypherIneligible += y ? 0 : 1;
        if (e != y && disagreements.size() < 10) {
          disagreements.add(
              "person #"
                  + sample.indexOf(key)
                  + " on "
                  + d
                  + ": engine "
                  + (e ? "eligible" : "ineligible")
                  + ", Cypher "
                  + (y ? "eligible" : "ineligible"));
        }
        i++;
      }
    }
    System.out.printf(
        Locale.ROOT,
        "agreement: %,d of %,d checks (engine ineligible %,d, Cypher ineligible %,d)%n",
        agree,
        m,
        engineIneligible,
        cypherIneligible);
    disagreements.forEach(s -> System.out.println("  disagreement: " + s));
    report("engine appointment check", ew, ec, 1e3, "us");
    report("Cypher appointment check", cw, cc, 1e3, "us");
    System.out.printf(
        Locale.ROOT,
        "ratio Cypher/engine: median wall %.0fx, p99 wall %.0fx, median CPU %.0fx "
            + "(goal of issue #4: at least 20x)%n",
        ratio(cw, ew, 50),
        ratio(cw, ew, 99),
        ratio(cc, ec, 50));
  }

  private static boolean engineEligible(CredgraphEngine engine, String key, LocalDate day) {
    return engine
        .checkAppointment(SubjectKey.fromCanonical(key), Role.LEGAL_REP, Optional.empty(), day)
        .eligible();
  }

  private static boolean cypherEligible(
      GraphDatabaseService db, Map<String, Object> params, String key, LocalDate day) {
    Map<String, Object> p = new HashMap<>(params);
    p.put("key", key);
    p.put("asOf", day);
    return db.executeTransactionally(CypherQueries.APPOINTMENT, p, r -> !r.hasNext());
  }

  /**
   * Half random persons, half persons with a record or a role in an enterprise with a record of the
   * rules' lists.
   */
  private static List<String> sample(GraphDatabaseService db, int n) {
    List<String> all =
        db.executeTransactionally(
            "MATCH (s:Subject {kind: 'PERSON'}) RETURN s.key AS k", Map.of(), r -> keys(r));
    List<String> hit =
        db.executeTransactionally(
            """
        MATCH (s:Subject {kind: 'PERSON'})-[:HAS_RECORD]->(r:Record)
        WHERE r.list IN ['CIVIL_INCAPACITY', 'DISHONEST_JUDGMENT_DEBTOR', 'CRIMINAL_PENALTY']
        RETURN DISTINCT s.key AS k
        UNION
        MATCH (s:Subject {kind: 'PERSON'})-[:DIRECTOR|SENIOR_MANAGER|LEGAL_REP|MAIN_RESPONSIBLE]->(:Subject)
          -[:HAS_RECORD]->(r:Record)
        WHERE r.list IN ['BANKRUPTCY_LIQUIDATED', 'LICENCE_REVOKED', 'ORDERED_CLOSED', 'SERIOUS_ILLEGAL_DISHONEST']
        RETURN DISTINCT s.key AS k
        """,
            Map.of(),
            r -> keys(r));
    Random rnd = new Random(7);
    Collections.shuffle(all, rnd);
    Collections.shuffle(hit, rnd);
    Set<String> out = new LinkedHashSet<>();
    out.addAll(hit.subList(0, Math.min(n / 2, hit.size())));
    for (String k : all) {
      if (out.size() >= n) {
        break;
      }
      out.add(k);
    }
    List<String> list = new ArrayList<>(out);
    Collections.shuffle(list, rnd);
    return list;
  }

  private static List<String> keys(Result r) {
    List<String> out = new ArrayList<>();
    while (r.hasNext()) {
      out.add((String) r.next().get("k"));
    }
    return out;
  }

  // ------------------------------------------------------------------ full propagation

  /** {@code runs} measured runs of each side, after one warm-up run when there are several. */
  private static void propagation(
      CredgraphEngine engine, GraphDatabaseService db, List<String> objected, int runs) {
    int first = runs > 1 ? -1 : 0;
    long[] rw = new long[runs];
    long[] rc = new long[runs];
    long[] derive = new long[runs];
    long[] project = new long[runs];
    for (int i = first; i < runs; i++) {
      long t = System.nanoTime();
      long c = cpu();
      engine.rebuild();
      if (i >= 0) {
        rc[i] = cpu() - c;
        rw[i] = System.nanoTime() - t;
        EngineStats st = engine.stats();
        derive[i] = st.propagationMillis() * 1_000_000L;
        project[i] = st.projectionMillis() * 1_000_000L;
      }
    }
    EngineStats st = engine.stats();
    System.out.printf(
        Locale.ROOT,
        "%nfull propagation, engine rebuild() (%d runs%s; %,d records, "
            + "%,d derived measures, every day):%n",
        runs,
        first < 0 ? " after one warm-up" : "",
        st.records(),
        st.derivedMeasures());
    report("engine rebuild (read the store + derive)", rw, rc, 1e6, "ms");
    report("  of which reading the store into the projection", project, null, 1e6, "ms");
    report("  of which deriving every record's measures", derive, null, 1e6, "ms");

    Map<String, Object> params = new HashMap<>();
    params.put("objectedInForce", objected);
    params.put("asOf", PROPAGATION_DAY);
    long[] cw = new long[runs];
    long[] cc = new long[runs];
    List<String> rows = List.of();
    for (int i = first; i < runs; i++) {
      long t = System.nanoTime();
      long c = cpu();
      rows =
          db.executeTransactionally(
              CypherQueries.PROPAGATION,
              params,
              r -> {
                List<String> out = new ArrayList<>();
                while (r.hasNext()) {
                  var row = r.next();
                  out.add(
                      String.format(
                          Locale.ROOT,
                          "%s: %,d measures, %,d targets",
                          row.get("rule"),
                          row.get("measures"),
                          row.get("targets")));
                }
                return out;
              });
      if (i >= 0) {
        cc[i] = cpu() - c;
        cw[i] = System.nanoTime() - t;
      }
    }
    System.out.printf(
        Locale.ROOT,
        "full propagation, Cypher (one query, every measure holding on %s, %d runs%s):%n",
        PROPAGATION_DAY,
        runs,
        first < 0 ? " after one warm-up" : "");
    rows.forEach(s -> System.out.println("  " + s));
    report("Cypher propagation", cw, cc, 1e6, "ms");
    System.out.printf(
        Locale.ROOT,
        "ratio Cypher/engine: vs rebuild() median wall %.1fx, CPU %.1fx; vs the derivation "
            + "step alone median wall %.1fx (goal of issue #4: at least 50x)%n",
        ratio(cw, rw, 50),
        ratio(cc, rc, 50),
        ratio(cw, derive, 50));

    // agreement: every person the Cypher propagation bars from LEGAL_REP on that day, asked of the
    // engine
    List<String> barred =
        db.executeTransactionally(
            CypherQueries.BARRED_PERSONS,
            params,
            r -> {
              List<String> out = new ArrayList<>();
              while (r.hasNext()) {
                out.add((String) r.next().get("key"));
              }
              return out;
            });
    int engineToo = 0;
    for (String k : barred) {
      engineToo += engineEligible(engine, k, PROPAGATION_DAY) ? 0 : 1;
    }
    System.out.printf(
        Locale.ROOT,
        "agreement: the engine finds %,d of the %,d persons the Cypher propagation bars "
            + "from LEGAL_REP on %s ineligible%n",
        engineToo,
        barred.size(),
        PROPAGATION_DAY);
  }

  // ------------------------------------------------------------------ harness

  private static void report(String what, long[] wall, long[] cpu, double unit, String u) {
    long[] w = wall.clone();
    Arrays.sort(w);
    String cpuPart = "";
    if (cpu != null) {
      long[] c = cpu.clone();
      Arrays.sort(c);
      cpuPart =
          String.format(
              Locale.ROOT,
              "; CPU median %.1f %s, p99 %.1f %s",
              c[idx(c, 50)] / unit,
              u,
              c[idx(c, 99)] / unit,
              u);
    }
    System.out.printf(
        Locale.ROOT,
        "%s (n=%,d): wall median %.1f %s, p99 %.1f %s%s%n",
        what,
        w.length,
        w[idx(w, 50)] / unit,
        u,
        w[idx(w, 99)] / unit,
        u,
        cpuPart);
  }

  private static double ratio(long[] a, long[] b, int pct) {
    long[] x = a.clone();
    long[] y = b.clone();
    Arrays.sort(x);
    Arrays.sort(y);
    return (double) x[idx(x, pct)] / Math.max(1, y[idx(y, pct)]);
  }

  private static int idx(long[] a, int pct) {
    return Math.min(a.length - 1, (int) (a.length * (pct / 100.0)));
  }

  private static long cpu() {
    return THREADS.getCurrentThreadCpuTime();
  }

  private static double secs(long t) {
    return (System.nanoTime() - t) / 1e9;
  }

  /**
   * The store's database: EmbeddedNeo4jStore does not expose it, so it is read from its private
   * field.
   */
  private static GraphDatabaseService database(EmbeddedNeo4jStore store)
      throws ReflectiveOperationException {
    var f = EmbeddedNeo4jStore.class.getDeclaredField("dbms");
    f.setAccessible(true);
    return ((DatabaseManagementService) f.get(store)).database("neo4j");
  }
}
