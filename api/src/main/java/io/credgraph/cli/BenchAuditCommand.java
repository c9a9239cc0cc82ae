package io.credgraph.cli;

import io.credgraph.api.audit.AuditKey;
import io.credgraph.api.audit.AuditLog;
import io.credgraph.api.auth.Caller;
import io.credgraph.api.auth.Role;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicLong;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code credgraph bench-audit}: append throughput of the audit log with 1, 8 and 64 writers, group
 * commit (one write and fsync per group) against one fsync per entry, keyed chain, on the file
 * system of {@code --dir}.
 */
@Command(
    name = "bench-audit",
    hidden = true,
    mixinStandardHelpOptions = true,
    description =
        "Measures audit appends per second (group commit vs one fsync per entry) with 1/8/64 writers.")
final class BenchAuditCommand implements Callable<Integer> {
  @Option(
      names = "--dir",
      description = "directory for the logs (default: a new one under java.io.tmpdir)")
  Path dir;

  @Option(
      names = "--seconds",
      defaultValue = "5",
      description = "seconds per run (default ${DEFAULT-VALUE})")
  int seconds;

  @Option(
      names = "--writers",
      split = ",",
      defaultValue = "1,8,64",
      description = "writer threads per run")
  int[] writers;

  @Override
  public Integer call() throws Exception {
    Path base =
        dir != null
            ? Files.createDirectories(dir)
            : Files.createTempDirectory("credgraph-bench-audit-");
    AuditKey key = AuditKey.of("bench-audit-key-".repeat(3), "bench");
    System.out.printf(
        "bench-audit: %s, %d s per run, %d cores, load average %.2f%n",
        base,
        seconds,
        Runtime.getRuntime().availableProcessors(),
        java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
    System.out.printf(
        "%-22s %8s %12s %10s %12s %10s%n",
        "mode", "writers", "appends/s", "fsyncs/s", "per fsync", "p99 ms");
    int asked = seconds;
    seconds = 2;
    run(
        "warm-up (not counted)",
        8,
        base.resolve("warm-up"),
        key,
        AuditLog.DEFAULT_MAX_GROUP,
        false);
    seconds = asked;
    for (int w : writers) {
      for (String mode : List.of("fsync per entry", "group commit")) {
        Path d = base.resolve((mode.startsWith("group") ? "group-" : "single-") + w);
        run(mode, w, d, key, mode.startsWith("group") ? AuditLog.DEFAULT_MAX_GROUP : 1, true);
      }
    }
    System.out.printf(
        "load average after: %.2f%n",
        java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
    return 0;
  }

  private void run(String mode, int w, Path d, AuditKey key, int maxGroup, boolean print)
      throws Exception {
    deleteRecursively(d);
    Caller clerk = Caller.of("bench", Role.REGISTRY);
    AtomicLong count = new AtomicLong();
    List<long[]> latencies = new ArrayList<>();
    try (AuditLog log = AuditLog.open(d, Clock.systemUTC(), Optional.of(key), maxGroup)) {
      CountDownLatch start = new CountDownLatch(1);
      long[] endAt = new long[1];
      CountDownLatch done = new CountDownLatch(w);
      List<Thread> threads = new ArrayList<>();
      for (int t = 0; t < w; t++) {
        long[] lat = new long[1 << 18];
        latencies.add(lat);
        int id = t;
        Thread th =
            new Thread(
                () -> {
                  try {
                    start.await();
                  } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                  }
                  long end = endAt[0];
                  int n = 0;
                  while (System.nanoTime() < end) {
                    long t0 = System.nanoTime();
                    log.append(
                        clerk,
                        "POST",
                        "/api/v1/checks/appointment",
                        "/api/v1/checks/appointment",
                        List.of("s" + Integer.toString(id * 1_000_000 + n, 36)),
                        200,
                        "eligible=true role=DIRECTOR");
                    if (n < lat.length) {
                      lat[n] = System.nanoTime() - t0;
                    }
                    n++;
                  }
                  count.addAndGet(n);
                  lat[lat.length - 1] = Math.min(n, lat.length - 1);
                  done.countDown();
                });
        threads.add(th);
      }
      threads.forEach(Thread::start);
      long t0 = System.nanoTime();
      endAt[0] = t0 + seconds * 1_000_000_000L;
      start.countDown();
      done.await();
      double secs = (System.nanoTime() - t0) / 1e9;
      long n = count.get();
      long groups = log.groups();
      long[] all =
          latencies.stream()
              .flatMapToLong(l -> Arrays.stream(l, 0, (int) l[l.length - 1]))
              .sorted()
              .toArray();
      double p99 =
          all.length == 0
              ? 0
              : all[(int) Math.min(all.length - 1, Math.ceil(all.length * 0.99) - 1)] / 1e6;
      if (print) {
        System.out.printf(
            "%-22s %8d %12.0f %10.0f %12.1f %10.2f%n",
            mode, w, n / secs, groups / secs, groups == 0 ? 0.0 : (double) n / groups, p99);
      }
    }
    deleteRecursively(d);
  }

  private static void deleteRecursively(Path d) throws IOException {
    if (!Files.exists(d)) {
      return;
    }
    try (var s = Files.walk(d)) {
      for (Path p : s.sorted(java.util.Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    }
  }
}
