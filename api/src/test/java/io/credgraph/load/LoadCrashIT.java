package io.credgraph.load;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.credgraph.cypher.BulkImport;
import io.credgraph.cypher.EmbeddedNeo4jStore;
import io.credgraph.exchange.StoreSnapshot;
import io.credgraph.exchange.SyntheticBatch;
import io.credgraph.store.StoreCounts;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Crash safety of {@code credgraph load} on the real on-disk store: a load in a child JVM is killed
 * with SIGKILL part way (once it reports 30%, and 75%, of the lines read), run again to the end,
 * and the store must then equal, fact for fact (subjects, relations, records with history and
 * provenance, pending facts, checkpoints), the store of one uninterrupted load of the same batch.
 * Loading that batch a second time changes nothing, not even the store version.
 */
class LoadCrashIT {
  private static final Pattern PROGRESS = Pattern.compile(": ([\\d,]+) lines, ");
  private static final Pattern RESUMED = Pattern.compile("resumed after line ([\\d,]+)");

  /** About 7 lines each: some 56,000 lines by default, committed in chunks of 2,000. */
  private static final int ENTERPRISES = Integer.getInteger("credgraph.crashit.enterprises", 8_000);

  @TempDir static Path dir;

  static Path batch;
  static long lines;
  static StoreSnapshot expected;
  static StoreCounts expectedCounts;

  @BeforeAll
  static void loadOnceWithoutInterruption() throws Exception {
    batch = dir.resolve("market-2024.jsonl.gz");
    lines = SyntheticBatch.write(batch, ENTERPRISES, 7);
    Path clean = dir.resolve("clean");
    Run r = load(clean, -1);
    assertEquals(3, r.exit, "the batch has a few bad lines on purpose: " + r.output);
    Run twice = load(clean, -1);
    assertEquals(0, twice.exit, twice.output);
    assertTrue(twice.output.contains("already loaded"), twice.output);
    assertEquals(
        storeLine(r.output),
        storeLine(twice.output),
        "the same batch again changes nothing, not even the " + "store version");
    try (EmbeddedNeo4jStore store = EmbeddedNeo4jStore.open(clean)) {
      expected = StoreSnapshot.of(store);
      expectedCounts = store.counts();
    }
    assertTrue(expectedCounts.subjects() > 2L * ENTERPRISES, expectedCounts.toString());
  }

  @ParameterizedTest(name = "killed after {0} of the lines")
  @ValueSource(doubles = {0.3, 0.75})
  void aLoadKilledPartWayAndRunAgainEndsAsIfNeverInterrupted(double fraction) throws Exception {
    Path data = dir.resolve("killed-" + fraction);

    Run killed = load(data, (long) (fraction * lines), "--transactional");
    assertTrue(killed.killed, "the load was killed before it finished: " + killed.output);

    Run again = load(data, -1, "--transactional");
    assertEquals(3, again.exit, again.output);
    assertFalse(
        again.output.contains("already loaded"),
        "the killed load had not completed: " + again.output);
    Matcher resumed = RESUMED.matcher(again.output);
    long committed = resumed.find() ? Long.parseLong(resumed.group(1).replace(",", "")) : 0;
    assertTrue(committed < lines, "the killed load had not committed the whole batch");
    if (fraction > 0) {
      assertTrue(
          committed > 0, "the second run resumed after the committed lines: " + again.output);
    }
    System.out.printf(
        "killed at %.0f%% of %,d lines: %,d lines were committed%n",
        fraction * 100, lines, committed);
    assertSameAsUninterrupted(data);
  }

  /**
   * A first load into a new directory goes through the bulk importer (so does the uninterrupted
   * load of {@link #loadOnceWithoutInterruption}): killed once the batch is loaded in memory, while
   * the importer's input is written, it leaves no database, and the next run starts again.
   */
  @Test
  void aBulkLoadKilledBeforeItsDatabaseIsInPlaceLeavesNoneAndStartsAgain() throws Exception {
    Path data = dir.resolve("killed-bulk");
    Run killed = load(data, KILL_BEFORE_IMPORT);
    assertTrue(killed.killed, "the load was killed before it finished: " + killed.output);
    assertTrue(BulkImport.isFresh(data), "no database: " + killed.output);

    Run again = load(data, -1);
    assertEquals(3, again.exit, again.output);
    assertTrue(again.output.contains("no database in"), again.output);
    assertTrue(again.output.contains("bulk import: CSV written"), again.output);
    assertSameAsUninterrupted(data);
  }

  private static void assertSameAsUninterrupted(Path data) {
    try (EmbeddedNeo4jStore store = EmbeddedNeo4jStore.open(data)) {
      assertEquals(expectedCounts, store.counts());
      StoreSnapshot actual = StoreSnapshot.of(store);
      assertEquals(expected.subjects(), actual.subjects());
      assertEquals(expected.relations(), actual.relations());
      assertEquals(expected.records(), actual.records());
      assertEquals(expected.pending(), actual.pending());
      assertEquals(expected.checkpoints(), actual.checkpoints());
    }
  }

  /** Kill the (bulk) load when it says the batch is loaded in memory. */
  private static final long KILL_BEFORE_IMPORT = -2;

  record Run(int exit, boolean killed, String output) {}

  /**
   * Runs the load in a child JVM; kills it with SIGKILL once it reports {@code killAt} lines (never
   * when -1; on the bulk load's "loaded in memory" line for {@link #KILL_BEFORE_IMPORT}).
   */
  static Run load(Path data, long killAt, String... options)
      throws IOException, InterruptedException {
    List<String> cmd =
        new ArrayList<>(
            List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx768m",
                "-XX:+UseParallelGC",
                "-cp",
                System.getProperty("java.class.path"),
                LoadMain.class.getName(),
                batch.toString(),
                "--data",
                data.toString(),
                "--progress-millis",
                "20",
                "--chunk-lines",
                "2000"));
    cmd.addAll(List.of(options));
    cmd.add(1, "-Dcredgraph.neo4j.pagecache=64m");
    Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
    StringBuilder out = new StringBuilder();
    boolean killed = false;
    try (BufferedReader r =
        new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
      String line;
      while ((line = r.readLine()) != null) {
        out.append(line).append('\n');
        if (killAt != -1 && !killed && reached(line, killAt)) {
          p.toHandle()
              .destroyForcibly(); // SIGKILL, leaving our end of the pipe open to read what is left
          killed = true;
        }
      }
    }
    if (!p.waitFor(5, TimeUnit.MINUTES)) {
      p.destroyForcibly();
      throw new AssertionError("the load did not finish in 5 minutes: " + out);
    }
    return new Run(p.exitValue(), killed && !out.toString().contains("store: "), out.toString());
  }

  private static String storeLine(String output) {
    return output
        .lines()
        .filter(l -> l.startsWith("store: "))
        .findFirst()
        .orElse("no store line in: " + output);
  }

  private static boolean reached(String line, long killAt) {
    if (killAt == KILL_BEFORE_IMPORT) {
      return line.startsWith("loaded in memory");
    }
    if (line.startsWith("loading ")) {
      return killAt == 0;
    }
    Matcher m = PROGRESS.matcher(line);
    return m.find() && Long.parseLong(m.group(1).replace(",", "")) >= killAt;
  }
}
