package io.credgraph.cli;

import io.credgraph.CredgraphException;
import io.credgraph.analysis.WatchlistService;
import io.credgraph.api.InvestigationBackend;
import io.credgraph.api.view.Masking;
import io.credgraph.cypher.BulkImport;
import io.credgraph.engine.CredgraphEngine;
import io.credgraph.exchange.BatchReport;
import io.credgraph.exchange.Conflict;
import io.credgraph.exchange.ExchangeLoader;
import io.credgraph.exchange.LoadListener;
import io.credgraph.exchange.LoadOptions;
import io.credgraph.exchange.LoadProgress;
import io.credgraph.exchange.LoadReport;
import io.credgraph.exchange.RejectionFile;
import io.credgraph.store.GraphStore;
import io.credgraph.store.StoreCounts;
import io.credgraph.store.memory.InMemoryGraphStore;
import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code credgraph load PATH --data DIR}: loads a batch file or a folder of batches (EXCHANGE.md)
 * into the embedded store, with progress every second and a summary. Rejected lines go to a JSON
 * Lines file. Exit status: 0 when every line was stored (or waits as pending), 3 when lines were
 * rejected or batches refused, 1 on a failure (the load can be run again: it resumes after the last
 * committed line), 2 on wrong usage. The first load into a data directory without a database is
 * written by Neo4j's bulk importer ({@link #bulk}) unless {@code --transactional} is given.
 */
@Command(
    name = "load",
    mixinStandardHelpOptions = true,
    sortOptions = false,
    description = {
      "Loads departmental batches (JSON Lines, optionally gzipped; a file or a folder, in file-name "
          + "order) into the store under --data.",
      "Bad lines are set aside in a rejection file (JSON Lines: file, line, field, reason); good lines are stored. "
          + "The same batch twice changes nothing; an interrupted load resumes when run again."
    },
    exitCodeListHeading = "%nExit status:%n",
    exitCodeList = {
      "0:every line stored or pending",
      "1:failure (run again to resume)",
      "2:wrong usage",
      "3:some lines rejected or batches refused"
    })
public final class LoadCommand implements Callable<Integer> {
  static final int REJECTED = 3;

  @Parameters(
      index = "0",
      paramLabel = "PATH",
      description = "a batch (.jsonl or .jsonl.gz) or a folder of them")
  Path path;

  @Option(
      names = "--data",
      required = true,
      paramLabel = "DIR",
      description = "the store's data directory")
  Path data;

  @Option(
      names = "--department",
      paramLabel = "CODE",
      description =
          "department of lines without their own; default: from the file name (003-court.jsonl: COURT)")
  String department;

  @Option(
      names = "--rejections",
      paramLabel = "FILE",
      description = "where rejected lines go; default: DIR/rejections/load-<UTC time>.jsonl")
  Path rejections;

  @Option(
      names = "--chunk-lines",
      paramLabel = "N",
      defaultValue = "5000",
      description = "lines per transaction (default ${DEFAULT-VALUE})")
  int chunkLines;

  @Option(
      names = "--max-line-bytes",
      paramLabel = "N",
      defaultValue = "1048576",
      description = "longer lines are rejected (default ${DEFAULT-VALUE})")
  int maxLineBytes;

  @Option(names = "--progress-millis", paramLabel = "MS", defaultValue = "1000", hidden = true)
  long progressMillis;

  @Option(
      names = {"-q", "--quiet"},
      description = "no progress lines, only the summary")
  boolean quiet;

  @Option(
      names = "--transactional",
      description =
          "load in transactions even into a new store (by default the first load into a data "
              + "directory without a database is written by Neo4j's bulk importer)")
  boolean transactional;

  @picocli.CommandLine.Mixin StoreOptions storeOptions;

  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    try {
      ExchangeLoader.batchesAt(path);
    } catch (CredgraphException | java.io.UncheckedIOException e) {
      err.println("credgraph load: " + e.getMessage());
      err.flush();
      return 2;
    }
    Path rejectionPath =
        rejections != null
            ? rejections
            : data.resolve("rejections")
                .resolve(
                    "load-"
                        + ZonedDateTime.now(ZoneOffset.UTC)
                            .format(DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'"))
                        + ".jsonl");
    boolean bulkAllowed =
        !transactional
            && storeOptions.store == null
            && !WatchlistService.anyoneWatches(data.resolve(RunningServer.WATCHLISTS));
    if (bulkAllowed && BulkImport.isFresh(data) && heapHoldsTheBatches(out)) {
      return bulk(out, err, rejectionPath, false);
    }
    long t0 = System.nanoTime();
    boolean emptyStore = false;
    try (GraphStore store = storeOptions.openChosen(data, spec)) {
      StoreCounts before = store.counts();
      out.printf(
          "opened %s at %s in %,d ms: %,d subjects, %,d relations, %,d records, %,d pending, version %d%n",
          store.info().backend(),
          store.info().location(),
          (System.nanoTime() - t0) / 1_000_000,
          before.subjects(),
          before.relations(),
          before.records(),
          before.pending(),
          store.version());
      out.flush();
      if (bulkAllowed
          && store.version() == 0
          && before.equals(new StoreCounts(0, 0, 0, 0))
          && heapHoldsTheBatches(out)) {
        emptyStore = true;
      } else {
        return loadInto(store, out, rejectionPath);
      }
    } catch (CredgraphException | java.io.UncheckedIOException e) {
      out.flush();
      err.println("credgraph load: " + e.getMessage());
      err.flush();
      return 1;
    }
    // the store is empty (opened once, nothing loaded): its database is replaced by a bulk import
    return bulk(out, err, rejectionPath, emptyStore);
  }

  private int loadInto(GraphStore store, PrintWriter out, Path rejectionPath) {
    PrintWriter err = spec.commandLine().getErr();
    try {
      LoadReport report;
      long rejected;
      try (RejectionFile file = RejectionFile.create(rejectionPath)) {
        LoadOptions options = options(file);
        Path watchlists = data.resolve(RunningServer.WATCHLISTS);
        if (WatchlistService.anyoneWatches(watchlists)) {
          // investigators watch subjects in this data directory: load through the engine, whose
          // listener raises their WATCH alerts as the server would have (issue #15 item 2)
          long e0 = System.nanoTime();
          out.println(
              "investigators watch subjects here ("
                  + watchlists
                  + "): loading through the engine so that their alerts are raised");
          out.flush();
          io.credgraph.catalogue.ListCatalogue lists =
              io.credgraph.catalogue.ListCatalogue.defaults();
          CredgraphEngine engine =
              CredgraphEngine.open(
                  store,
                  lists,
                  io.credgraph.rules.RuleCatalogue.defaults(lists),
                  data.resolve(RunningServer.PROJECTION));
          InvestigationBackend backend =
              InvestigationBackend.open(engine, watchlists, Clock.systemUTC());
          out.printf(
              "engine opened in %,d ms from %s%n",
              (System.nanoTime() - e0) / 1_000_000, engine.startedFrom());
          out.flush();
          try {
            report =
                new ExchangeLoader(store, backend.writer(), options)
                    .load(path, new Console(out, quiet, progressMillis, file));
          } finally {
            backend.recordAlerts();
          }
          // the engine is open anyway: the next start reads this instead of the store
          engine.saveProjection(data.resolve(RunningServer.PROJECTION));
        } else {
          report =
              new ExchangeLoader(store, options)
                  .load(path, new Console(out, quiet, progressMillis, file));
        }
        rejected = file.count();
      }
      loaded(out, report, rejected, rejectionPath);
      return summary(out, store, report, rejected, rejectionPath);
    } catch (CredgraphException | java.io.IOException | java.io.UncheckedIOException e) {
      out.flush();
      err.println("credgraph load: " + e.getMessage());
      err.flush();
      return 1;
    }
  }

  /**
   * Heap per byte of batch that a load in memory needs (the 100k city: 104 MB of batches, 1.6 GB
   * peak heap).
   */
  static final long HEAP_PER_BATCH_BYTE = 12;

  /**
   * Whether the heap can hold the batches loaded in memory, as a bulk import needs (gzipped batches
   * counted at six times their size); when not, says so: the load is then transactional.
   */
  private boolean heapHoldsTheBatches(PrintWriter out) {
    if (heapHolds == null) {
      heapHolds = heapHolds(out);
    }
    return heapHolds;
  }

  private Boolean heapHolds;

  private boolean heapHolds(PrintWriter out) {
    long bytes = 0;
    for (Path batch : ExchangeLoader.batchesAt(path)) {
      try {
        bytes += Files.size(batch) * (batch.toString().endsWith(".gz") ? 6 : 1);
      } catch (java.io.IOException e) {
        return false;
      }
    }
    long need = bytes * HEAP_PER_BATCH_BYTE;
    long heap = Runtime.getRuntime().maxMemory();
    if (need <= heap) {
      return true;
    }
    out.printf(
        "the batches (%,d MB) need about %,d MB of heap to be loaded in memory for Neo4j's bulk "
            + "importer, and the heap is %,d MB: loading in transactions (for a bulk load give the "
            + "JVM more heap, e.g. CREDGRAPH_JAVA_OPTS=-Xmx%dg)%n",
        bytes >> 20, need >> 20, heap >> 20, (need >> 30) + 2);
    out.flush();
    return false;
  }

  private LoadOptions options(RejectionFile rejections) {
    return LoadOptions.defaults()
        .withChunkLines(chunkLines)
        .withMaxLineBytes(maxLineBytes)
        .withDepartment(department)
        .withRejections(rejections);
  }

  /** The load's summary; the rejection file goes when nothing was rejected. */
  private static void loaded(PrintWriter out, LoadReport report, long rejected, Path rejectionPath)
      throws java.io.IOException {
    if (rejected == 0) {
      Files.deleteIfExists(rejectionPath);
    }
    out.println(report.summary());
  }

  /** The store's counts, the resources used and where the rejected lines went; the exit status. */
  private static int summary(
      PrintWriter out, GraphStore store, LoadReport report, long rejected, Path rejectionPath) {
    StoreCounts after = store.counts();
    out.printf(
        "store: %,d subjects, %,d relations, %,d records, %,d pending, version %d%n",
        after.subjects(), after.relations(), after.records(), after.pending(), store.version());
    double cpu = processCpuSeconds();
    out.printf(
        "resources: peak heap %,d MB, process CPU %.1f s (%,.0f lines per CPU second)%n",
        peakHeapBytes() >> 20, cpu, cpu > 0 ? report.lines() / cpu : 0);
    out.println(
        rejected == 0
            ? "no rejected lines"
            : String.format(
                "%,d rejected lines written to %s", rejected, rejectionPath.toAbsolutePath()));
    out.flush();
    return report.clean() ? 0 : REJECTED;
  }

  /**
   * The first load into a data directory without a database: the same loader runs into a store in
   * memory (so validation, rejections, conflicts, provenance, pending facts and checkpoints are
   * those of a transactional load), then Neo4j's bulk importer writes that store's content as the
   * database ({@link BulkImport}), which is then opened as usual (its indexes are built then).
   * Nothing is written to the database directory until the import succeeded: an interrupted bulk
   * load leaves none, and the next run starts again.
   */
  private int bulk(PrintWriter out, PrintWriter err, Path rejectionPath, boolean replaceEmpty) {
    long t0 = System.nanoTime();
    out.printf(
        "%s: loading in memory, then writing the store with Neo4j's bulk "
            + "importer (--transactional to load in transactions)%n",
        replaceEmpty ? "the store in " + data + " is empty" : "no database in " + data + " yet");
    out.flush();
    LoadReport report;
    long rejected;
    StoreCounts loaded;
    long version;
    BulkImport.Result result;
    io.credgraph.engine.GraphSnapshot projection;
    long projectionMillis;
    java.io.ByteArrayOutputStream importerLog = new java.io.ByteArrayOutputStream();
    try {
      try (InMemoryGraphStore memory = InMemoryGraphStore.create()) {
        try (RejectionFile file = RejectionFile.create(rejectionPath)) {
          report =
              new ExchangeLoader(memory, options(file))
                  .load(path, new Console(out, quiet, progressMillis, file));
          rejected = file.count();
        }
        loaded(out, report, rejected, rejectionPath);
        loaded = memory.counts();
        version = memory.version();
        out.printf(
            "loaded in memory in %,d ms; writing %,d subjects, %,d relations, %,d records, "
                + "%,d pending with Neo4j's importer%n",
            (System.nanoTime() - t0) / 1_000_000,
            loaded.subjects(),
            loaded.relations(),
            loaded.records(),
            loaded.pending());
        out.flush();
        // the engine's graph of what was loaded, saved beside the new database once it is open: the
        // first serve reads that file instead of the whole store (issue #15 item 3)
        long p0 = System.nanoTime();
        projection = CredgraphEngine.open(memory).snapshot();
        projectionMillis = (System.nanoTime() - p0) / 1_000_000;
        result =
            replaceEmpty
                ? BulkImport.replaceEmpty(memory, data, importerLog)
                : BulkImport.write(memory, data, importerLog);
      }
      Path log = Files.createDirectories(data.resolve("logs")).resolve("bulk-import.log");
      // the importer may quote a CSV cell when it fails: nothing shaped like an ID number is kept
      Files.writeString(
          log, Masking.scrub(importerLog.toString(java.nio.charset.StandardCharsets.UTF_8)));
      out.printf(
          "bulk import: CSV written in %,d ms, imported in %,d ms (%,d nodes, %,d relationships; "
              + "the importer's report: %s)%n",
          result.csvMillis(),
          result.importMillis(),
          result.nodes(),
          result.relations() + result.records(),
          data.resolve("logs").resolve("bulk-import.log"));
      out.flush();
    } catch (CredgraphException | java.io.IOException | java.io.UncheckedIOException e) {
      out.flush();
      String log =
          Masking.scrub(importerLog.toString(java.nio.charset.StandardCharsets.UTF_8)).strip();
      if (!log.isEmpty()) {
        err.println(log.substring(Math.max(0, log.length() - 4000)));
      }
      err.println("credgraph load: " + e.getMessage() + " (nothing was stored: run again)");
      err.flush();
      return 1;
    }
    long o0 = System.nanoTime();
    try (GraphStore store = storeOptions.openChosen(data, spec)) {
      StoreCounts after = store.counts();
      out.printf(
          "opened %s at %s and built its indexes in %,d ms; the whole load took %,d ms (%,.0f lines/s)%n",
          store.info().backend(),
          store.info().location(),
          (System.nanoTime() - o0) / 1_000_000,
          (System.nanoTime() - t0) / 1_000_000,
          report.lines() * 1e9 / (System.nanoTime() - t0));
      if (!after.equals(loaded) || store.version() != version) {
        throw new CredgraphException(
            "the imported store holds "
                + after
                + " at version "
                + store.version()
                + ", not what was loaded: "
                + loaded
                + " at version "
                + version);
      }
      saveProjection(out, err, projection, projectionMillis, store);
      return summary(out, store, report, rejected, rejectionPath);
    } catch (CredgraphException | java.io.UncheckedIOException e) {
      out.flush();
      err.println("credgraph load: " + e.getMessage());
      err.flush();
      return 1;
    }
  }

  /**
   * Writes the projection of the loaded city, stamped with the imported store (same facts, version
   * and counts, checked before), where {@code serve} looks for it. A failure costs only the faster
   * start: the load itself succeeded.
   */
  private void saveProjection(
      PrintWriter out,
      PrintWriter err,
      io.credgraph.engine.GraphSnapshot projection,
      long builtMillis,
      GraphStore store) {
    Path file = data.resolve(RunningServer.PROJECTION);
    long s0 = System.nanoTime();
    try {
      io.credgraph.engine.ProjectionFile.write(projection, store, file);
      out.printf(
          "projection file for store version %d built in %,d ms and saved in %,d ms (%s): the "
              + "first serve starts from it%n",
          projection.version(), builtMillis, (System.nanoTime() - s0) / 1_000_000, file);
    } catch (java.io.UncheckedIOException e) {
      err.println(
          "credgraph load: warning: the projection file was not saved ("
              + e.getMessage()
              + "); the first serve reads the whole store instead");
      err.flush();
    }
    out.flush();
  }

  /**
   * CPU time this process used so far (all threads, the database's included); 0 when the JVM does
   * not say.
   */
  static double processCpuSeconds() {
    if (ManagementFactory.getOperatingSystemMXBean()
        instanceof com.sun.management.OperatingSystemMXBean os) {
      return Math.max(0, os.getProcessCpuTime()) / 1e9;
    }
    return 0;
  }

  /** The largest heap use seen, summed over the heap pools' peaks (an upper bound). */
  static long peakHeapBytes() {
    long sum = 0;
    for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
      if (pool.getType() == MemoryType.HEAP && pool.getPeakUsage() != null) {
        sum += pool.getPeakUsage().getUsed();
      }
    }
    return sum;
  }

  /** Progress lines about once a second, a line per batch, the conflicts found. */
  static final class Console implements LoadListener {
    private final PrintWriter out;
    private final boolean quiet;
    private final long intervalNanos;
    private final RejectionFile rejections;
    private long last;

    Console(PrintWriter out, boolean quiet, long intervalMillis, RejectionFile rejections) {
      this.out = out;
      this.quiet = quiet;
      this.intervalNanos = intervalMillis * 1_000_000;
      this.rejections = rejections;
    }

    @Override
    public void batchStarted(String name, long bytes) {
      if (!quiet) {
        out.printf("loading %s (%,d bytes)%n", name, bytes);
        out.flush();
      }
      last = System.nanoTime();
    }

    @Override
    public void progress(LoadProgress p) {
      long now = System.nanoTime();
      if (quiet || now - last < intervalNanos) {
        return;
      }
      last = now;
      long left = p.remainingMillis();
      out.printf(
          "  %s: %,d lines, %,.0f lines/s, %s elapsed, %s left (%.0f%% of bytes)%n",
          p.batch(),
          p.lines(),
          p.linesPerSecond(),
          duration(p.elapsedMillis()),
          left < 0 ? "?" : "~" + duration(left),
          p.fractionDone() * 100);
      out.flush();
      rejections.flush();
    }

    @Override
    public void batchFinished(BatchReport r) {
      out.println(r.summary());
      for (Conflict c : r.conflicts().subList(0, Math.min(5, r.conflicts().size()))) {
        out.printf(
            "  conflict %s %s%s: %s%n",
            c.kind(), c.subject(), c.on().isEmpty() ? "" : " on " + c.on(), c.detail());
      }
      if (r.conflictsFound() > 5) {
        out.printf("  ... and %,d more conflicts%n", r.conflictsFound() - 5);
      }
      out.flush();
      rejections.flush();
    }

    static String duration(long millis) {
      long s = millis / 1000;
      return s < 60
          ? s + "s"
          : s < 3600
              ? (s / 60) + "m" + String.format("%02d", s % 60) + "s"
              : (s / 3600) + "h" + String.format("%02d", s / 60 % 60) + "m";
    }
  }
}
