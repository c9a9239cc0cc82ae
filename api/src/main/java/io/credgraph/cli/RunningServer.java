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

  private final GraphStore store;
  private final AuditLog audit;
  private final CredgraphApi api;
  private final CountDownLatch stopped = new CountDownLatch(1);
  private final Thread hook;

  private RunningServer(GraphStore store, AuditLog audit, CredgraphApi api) {
    this.store = store;
    this.audit = audit;
    this.api = api;
    this.hook = new Thread(this::stop, "credgraph-shutdown");
    Runtime.getRuntime().addShutdownHook(hook);
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
      engine = CredgraphEngine.open(store);
      EngineStats st = engine.stats();
      out.printf(
          "credgraph: engine projection built in %d ms: %d subjects, %d relations, %d records, %d derived "
              + "measures%n",
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
    return new RunningServer(store, audit, api);
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
