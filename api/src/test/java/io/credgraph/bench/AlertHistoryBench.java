package io.credgraph.bench;

import io.credgraph.api.InvestigationBackend;
import io.credgraph.engine.AlertKind;
import io.credgraph.engine.CredgraphEngine;
import io.credgraph.fixtures.SyntheticCity;
import io.credgraph.model.CreditRecord;
import io.credgraph.model.Dates;
import io.credgraph.model.SubjectKey;
import io.credgraph.store.WriteBatch;
import io.credgraph.store.memory.InMemoryGraphStore;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.Random;

/**
 * What the alert history costs a write (DOMAIN.md 10): on a {@link SyntheticCity} in the in-memory
 * store, the time of the engine's alert scan on today (what every write and start records), and
 * one-record writes through the engine alone (the baseline, same run) and through {@link
 * InvestigationBackend#write} (engine, watchlists with nobody watching, then the alert history in a
 * real file). Run:
 *
 * <pre>
 * mvn -B -q -pl api -am test-compile
 * mvn -B -q -pl api dependency:build-classpath -Dmdep.outputFile=/tmp/cp.txt -Dmdep.includeScope=test
 * java -Xmx4g -cp api/target/test-classes:api/target/classes:$(cat /tmp/cp.txt) \
 *     io.credgraph.bench.AlertHistoryBench 100000
 * </pre>
 */
public final class AlertHistoryBench {
  private static final java.lang.management.ThreadMXBean THREADS =
      java.lang.management.ManagementFactory.getThreadMXBean();

  private AlertHistoryBench() {}

  public static void main(String[] args) throws IOException {
    int n = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
    int writes = args.length > 1 ? Integer.parseInt(args[1]) : 300;
    InMemoryGraphStore store = InMemoryGraphStore.create();
    SyntheticCity city = SyntheticCity.load(store, n, 42);
    CredgraphEngine engine = CredgraphEngine.open(store);
    Path dir = Files.createTempDirectory("alert-history-bench");
    Clock clock = Clock.systemUTC();
    LocalDate today = LocalDate.now(clock.withZone(Dates.CHINA));

    long[] scan = new long[7];
    long[] scanCpu = new long[scan.length];
    int alerts = 0;
    for (int i = 0; i < scan.length; i++) {
      long t = System.nanoTime();
      long c = cpu();
      alerts = engine.alerts(Optional.empty(), today, Optional.empty()).size();
      scan[i] = System.nanoTime() - t;
      scanCpu[i] = cpu() - c;
    }
    Arrays.sort(scan);
    Arrays.sort(scanCpu);
    long t0 = System.nanoTime();
    InvestigationBackend backend =
        InvestigationBackend.open(engine, dir.resolve("watchlists.json"), clock);
    System.out.printf(
        Locale.ROOT,
        "city: %,d enterprises, %,d records; alerts holding on %s: %,d (sitting officers "
            + "%,d); scan median %.1f ms wall, %.1f ms CPU; first catch-up at start (file written, first use of the JSON mapper in this JVM included) %.1f ms%n",
        n,
        city.records,
        today,
        alerts,
        engine.alerts(Optional.of(AlertKind.SITTING_OFFICER), today, Optional.empty()).size(),
        scan[scan.length / 2] / 1e6,
        scanCpu[scan.length / 2] / 1e6,
        (System.nanoTime() - t0) / 1e6);

    String[] lists = {
      "SERIOUS_ILLEGAL_DISHONEST",
      "DISHONEST_JUDGMENT_DEBTOR",
      "MAJOR_TAX_VIOLATION",
      "CONSUMPTION_RESTRICTED"
    };
    Random rnd = new Random(7);
    for (int round = 0; round < 2; round++) {
      for (boolean withHistory : new boolean[] {false, true}) {
        long[] wall = new long[writes];
        long cpuSum = 0;
        for (int i = 0; i < writes; i++) {
          SubjectKey e = city.enterprises.get(rnd.nextInt(city.enterprises.size()));
          CreditRecord rec =
              CreditRecord.of(
                  "AH-" + round + "-" + withHistory + "-" + i,
                  e,
                  lists[i % lists.length],
                  "BENCH",
                  LocalDate.of(2025, 1, 1).plusDays(i % 300));
          WriteBatch b = WriteBatch.builder().record(rec).build();
          long t = System.nanoTime();
          long c = cpu();
          if (withHistory) {
            backend.write(b);
          } else {
            engine.write(b);
          }
          wall[i] = System.nanoTime() - t;
          cpuSum += cpu() - c;
        }
        Arrays.sort(wall);
        System.out.printf(
            Locale.ROOT,
            "round %d, one-record writes %s: median %.2f ms, p99 %.2f ms wall; mean %.2f ms "
                + "CPU%n",
            round + 1,
            withHistory
                ? "through InvestigationBackend (with the alert history)"
                : "through the engine alone (baseline)",
            wall[writes / 2] / 1e6,
            wall[(int) (writes * 0.99)] / 1e6,
            cpuSum / 1e6 / writes);
      }
    }
    System.out.printf(
        Locale.ROOT,
        "alert history: %,d alerts kept, file %,d bytes%n",
        backend.alertHistory().size(),
        Files.size(dir.resolve("alerts.jsonl")));
  }

  private static long cpu() {
    return THREADS.getCurrentThreadCpuTime();
  }
}
