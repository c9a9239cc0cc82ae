package io.credgraph.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;

/**
 * Issue #13 item 2, a load does not stop the counter: appointment checks at a fixed rate (20/s)
 * against a running server, after a 5 s warm-up first without a load (the baseline, same run), then
 * while one large batch is loaded through {@code POST /api/v1/batches}. Each check's latency is
 * measured from the moment it was due (so a stalled server counts in full), and every answer's
 * status is counted. Not a test: run by {@code api/bench/load-counter.sh}.
 *
 * <p>Arguments: base URL, an ADMIN key, a file of ID numbers (one a line), the batch file, baseline
 * seconds.
 */
public final class CheckDuringLoadBench {
  private static final int RATE = 20;

  private CheckDuringLoadBench() {}

  public static void main(String[] args) throws Exception {
    String base = args[0];
    String key = args[1];
    List<String> persons = Files.readAllLines(Path.of(args[2]), StandardCharsets.UTF_8);
    Path batch = Path.of(args[3]);
    int baselineSeconds = Integer.parseInt(args[4]);
    HttpClient http =
        HttpClient.newBuilder()
            .connectTimeout(Duration.ofSeconds(5))
            .executor(Executors.newFixedThreadPool(16))
            .build();
    System.out.printf(
        "checks during a load %s: %d persons, batch %s (%,d lines), %d checks/s; load average %s%n",
        Instant.now(), persons.size(), batch.getFileName(), lines(batch), RATE, load());

    run(http, base, key, persons, 5 * RATE, () -> false); // warm-up, not counted
    Phase quiet = run(http, base, key, persons, baselineSeconds * RATE, () -> false);
    report("without a load (baseline)", quiet, null);

    long t0 = System.nanoTime();
    CompletableFuture<HttpResponse<String>> posting =
        http.sendAsync(
            HttpRequest.newBuilder(URI.create(base + "/api/v1/batches?name=" + batch.getFileName()))
                .header("Authorization", "Bearer " + key)
                .header("Content-Type", "application/x-ndjson")
                .timeout(Duration.ofMinutes(30))
                .POST(HttpRequest.BodyPublishers.ofFile(batch))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    Phase during = run(http, base, key, persons, Integer.MAX_VALUE, posting::isDone);
    HttpResponse<String> loaded = posting.join();
    double seconds = (System.nanoTime() - t0) / 1e9;
    System.out.printf(
        "the batch answered %d after %.1f s: %s%n",
        loaded.statusCode(),
        seconds,
        loaded.body().length() > 300 ? loaded.body().substring(0, 300) + "..." : loaded.body());
    report("during the load", during, quiet);
    System.out.printf("load average at the end %s%n", load());
    System.exit(0);
  }

  record Phase(List<Double> millis, int non2xx, int failed) {}

  /** Checks at RATE per second until {@code max} were sent or {@code stop} says so. */
  static Phase run(
      HttpClient http, String base, String key, List<String> persons, int max, BooleanSupplier stop)
      throws Exception {
    List<Double> millis = Collections.synchronizedList(new ArrayList<>());
    AtomicInteger non2xx = new AtomicInteger();
    AtomicInteger failed = new AtomicInteger();
    List<CompletableFuture<?>> sent = new ArrayList<>();
    long start = System.nanoTime();
    long periodNanos = 1_000_000_000L / RATE;
    for (int i = 0; i < max && !stop.getAsBoolean(); i++) {
      long due = start + i * periodNanos;
      long wait = due - System.nanoTime();
      if (wait > 0) {
        Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
      }
      String body =
          "{\"person\":{\"idNumber\":\""
              + persons.get(i % persons.size())
              + "\"},\"role\":\"LEGAL_REP\"}";
      HttpRequest req =
          HttpRequest.newBuilder(URI.create(base + "/api/v1/checks/appointment"))
              .header("Authorization", "Bearer " + key)
              .header("Content-Type", "application/json")
              .timeout(Duration.ofSeconds(60))
              .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8))
              .build();
      sent.add(
          http.sendAsync(req, HttpResponse.BodyHandlers.discarding())
              .handle(
                  (r, e) -> {
                    millis.add((System.nanoTime() - due) / 1e6);
                    if (e != null) {
                      failed.incrementAndGet();
                    } else if (r.statusCode() / 100 != 2) {
                      non2xx.incrementAndGet();
                    }
                    return null;
                  }));
    }
    CompletableFuture.allOf(sent.toArray(new CompletableFuture<?>[0])).join();
    return new Phase(new ArrayList<>(millis), non2xx.get(), failed.get());
  }

  static void report(String what, Phase p, Phase baseline) {
    List<Double> m = new ArrayList<>(p.millis());
    Collections.sort(m);
    double p50 = pct(m, 0.50);
    double p99 = pct(m, 0.99);
    String ratio =
        baseline == null
            ? ""
            : String.format(
                ", p99 %.1fx the baseline's",
                p99 / pct(baseline.millis().stream().sorted().toList(), 0.99));
    System.out.printf(
        "%-26s %,6d checks: median %.1f ms, p99 %.1f ms, max %.1f ms; not 2xx %d, failed %d%s%n",
        what,
        m.size(),
        p50,
        p99,
        m.isEmpty() ? 0 : m.get(m.size() - 1),
        p.non2xx(),
        p.failed(),
        ratio);
  }

  static double pct(List<Double> sorted, double q) {
    if (sorted.isEmpty()) {
      return 0;
    }
    return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(q * sorted.size()) - 1));
  }

  static long lines(Path f) throws Exception {
    try (var s = Files.lines(f, StandardCharsets.UTF_8)) {
      return s.count();
    }
  }

  static String load() {
    try {
      return Files.readString(Path.of("/proc/loadavg")).split(" ", 4)[0];
    } catch (Exception e) {
      return "?";
    }
  }
}
