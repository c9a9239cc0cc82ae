package io.credgraph.cli;

import io.credgraph.api.ApiBackend;
import io.credgraph.api.ApiConfig;
import io.credgraph.api.CredgraphApi;
import io.credgraph.api.InvestigationBackend;
import io.credgraph.api.audit.AuditLog;
import io.credgraph.engine.CredgraphEngine;
import io.credgraph.engine.EngineStats;
import io.credgraph.store.GraphStore;
import io.credgraph.store.StoreCounts;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A started server: the store, the audit log and the API, stopped in reverse order by {@link
 * #stop()} (also on SIGTERM, through a shutdown hook).
 */
final class RunningServer {
  private static final Logger LOG = LoggerFactory.getLogger(RunningServer.class);

  /** The investigators' watchlists and WATCH alerts, in the data directory. */
  static final String WATCHLISTS = "watchlists.json";

  /**
   * The projection file the next start reads (issue #15 item 3), in the data directory: saved after
   * a start that had to read the store, once writes have stopped for a minute, and at shutdown.
   */
  static final String PROJECTION = "projection.bin";

  private static final long SAVE_EVERY_SECONDS = 60;

  private final GraphStore store;
  private final AuditLog audit;
  private final CredgraphApi api;
  private final CredgraphEngine engine;
  private final Path projection;
  private final java.util.concurrent.ScheduledExecutorService saver;
  private long savedVersion = -1;
  private long seenVersion = -1;
  private final CountDownLatch stopped = new CountDownLatch(1);
  private final Thread hook;

  private RunningServer(
      GraphStore store,
      AuditLog audit,
      CredgraphApi api,
      CredgraphEngine engine,
      Path projection,
      boolean fromFile) {
    this.store = store;
    this.audit = audit;
    this.api = api;
    this.engine = engine;
    this.projection = projection;
    if (fromFile) {
      savedVersion = engine.version();
    }
    this.saver =
        java.util.concurrent.Executors.newSingleThreadScheduledExecutor(
            r -> {
              Thread t = new Thread(r, "credgraph-projection-file");
              t.setDaemon(true);
              return t;
            });
    // the first save at once when the start read the store; then once writes have stopped for a
    // minute (never in the middle of a load, whose checks it would slow down), and at shutdown
    if (!fromFile) {
      saver.execute(this::saveProjection);
    }
    saver.scheduleWithFixedDelay(
        this::saveWhenQuiet,
        SAVE_EVERY_SECONDS,
        SAVE_EVERY_SECONDS,
        java.util.concurrent.TimeUnit.SECONDS);
    this.hook = new Thread(this::stop, "credgraph-shutdown");
    Runtime.getRuntime().addShutdownHook(hook);
  }

  /** Saves the projection file when no write came in since the last look. */
  private void saveWhenQuiet() {
    long version = engine.version();
    if (version != seenVersion) {
      seenVersion = version;
      return;
    }
    saveProjection();
  }

  /** Saves the projection file when the engine moved on since the last save; never throws. */
  private synchronized void saveProjection() {
    long version = engine.version();
    if (version == savedVersion) {
      return;
    }
    long t0 = System.nanoTime();
    try {
      engine.saveProjection(projection);
      savedVersion = version;
      LOG.info(
          "projection file saved for store version {} in {} ms: {}",
          version,
          (System.nanoTime() - t0) / 1_000_000,
          projection);
    } catch (RuntimeException e) {
      LOG.error(
          "the projection file could not be saved (the next start reads the store): {}",
          e.getMessage());
    }
  }

  /**
   * Opens the audit log under {@code dataDir/audit} (verifying its chain) and the investigators'
   * watchlists in {@code dataDir/watchlists.json}, starts the API over {@code store}, and prints
   * what it opened.
   */
  static RunningServer start(
      GraphStore store,
      Path dataDir,
      ApiConfig config,
      io.credgraph.api.Protections protections,
      java.util.Optional<io.credgraph.api.audit.AuditKey> auditKey,
      String host,
      int port,
      PrintStream out,
      long openedNanos) {
    AuditLog audit;
    try {
      audit = AuditLog.open(dataDir.resolve("audit"), config.clock(), auditKey);
      audit
          .repaired()
          .ifPresent(
              r ->
                  out.printf(
                      "credgraph: WARNING: the audit log's last line was incomplete (a "
                          + "crash during a write): %d bytes cut and saved to %s; no acknowledged entry was among them%n",
                      r.bytes(), r.savedTo()));
    } catch (RuntimeException e) {
      store.close();
      throw e;
    }
    int stale = io.credgraph.api.guard.Spool.clean(io.credgraph.api.guard.Spool.of(audit.file()));
    if (stale > 0) {
      out.printf("credgraph: removed %d spooled upload(s) left by an interrupted batch%n", stale);
    }
    CredgraphApi api;
    CredgraphEngine engine;
    try {
      long e0 = System.nanoTime();
      io.credgraph.catalogue.ListCatalogue lists = io.credgraph.catalogue.ListCatalogue.defaults();
      engine =
          CredgraphEngine.open(
              store,
              lists,
              io.credgraph.rules.RuleCatalogue.defaults(lists),
              dataDir.resolve(PROJECTION));
      EngineStats st = engine.stats();
      out.printf(
          "credgraph: engine graph from %s%n"
              + "credgraph: engine ready in %d ms: %d subjects, %d relations, %d records, %d derived "
              + "measures%n",
          engine.startedFrom(),
          (System.nanoTime() - e0) / 1_000_000,
          st.subjects(),
          st.relations(),
          st.records(),
          st.derivedMeasures());
      api =
          CredgraphApi.create(
                  new ApiBackend(
                      engine,
                      audit,
                      InvestigationBackend.open(
                          engine, dataDir.resolve(WATCHLISTS), config.clock())),
                  config,
                  protections)
              .start(host, port);
    } catch (RuntimeException e) {
      audit.close();
      store.close();
      throw e;
    }
    StoreCounts c = store.counts();
    out.printf(
        "credgraph: opened %s at %s: %d subjects, %d relations, %d records, %d pending (store version %d)%n",
        store.info().backend(),
        store.info().location(),
        c.subjects(),
        c.relations(),
        c.records(),
        c.pending(),
        store.version());
    out.printf(
        "credgraph: audit log %s: %d entries, chain verified (%s), head %s%n",
        audit.file(),
        audit.size(),
        audit.keyed() ? "keyed" : "UNKEYED",
        audit.head().substring(0, 16));
    out.printf(
        "credgraph: started in %d ms, listening on %s://%s:%d (API description /openapi.json, docs /docs)%n",
        (System.nanoTime() - openedNanos) / 1_000_000,
        protections.tls() ? "https" : "http",
        "0.0.0.0".equals(host) ? "localhost" : host,
        api.port());
    out.flush();
    LOG.info("serving {} on port {}", store.info().backend(), api.port());
    return new RunningServer(
        store,
        audit,
        api,
        engine,
        dataDir.resolve(PROJECTION),
        engine.startedFrom().startsWith("the projection file"));
  }

  int port() {
    return api.port();
  }

  /** Blocks until the server is stopped. */
  void await() throws InterruptedException {
    stopped.await();
  }

  /** Stops the API, then closes the audit log and the store; idempotent. */
  synchronized void stop() {
    if (stopped.getCount() == 0) {
      return;
    }
    LOG.info("stopping");
    try {
      api.stop();
    } finally {
      try {
        saver.shutdownNow();
        saveProjection();
        audit.close();
      } finally {
        store.close();
        stopped.countDown();
        try {
          Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException shuttingDown) {
          // called from the hook itself
        }
      }
    }
  }
}
