package io.credgraph.api;

import io.credgraph.analysis.GraphView;
import io.credgraph.analysis.Investigation;
import io.credgraph.analysis.Statistics;
import io.credgraph.analysis.WatchlistService;
import io.credgraph.engine.CredgraphEngine;
import io.credgraph.engine.MeasureHit;
import io.credgraph.engine.SubjectMeasures;
import io.credgraph.engine.WriteListener;
import io.credgraph.model.SubjectKey;
import io.credgraph.store.BatchWriter;
import io.credgraph.store.WriteBatch;
import io.credgraph.store.WriteResult;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The investigation services the API serves from (issue #6): the {@link Investigation} facade
 * (search, neighbourhood, paths, controllers, clusters, statistics) and the investigators' {@link
 * WatchlistService}.
 *
 * <p>They read the engine's {@link CredgraphEngine#snapshot() snapshot}: the same in-memory graph
 * the checks answer from, frozen once per committed version, so during a load they keep answering
 * from the last committed chunk and never read the store. Statistics count the measures the
 * sanction engine derives. The backend listens to the engine ({@link WriteListener}): every write
 * through the engine, from the API (batches, record status changes, decisions) or from {@code
 * credgraph load}, hands its batch to the watchlists, so it can raise WATCH alerts, and so can the
 * changes of credit grade it causes ({@link GradeWatch}); and it records the engine's alerts in the
 * alert history. Open one backend per engine. Thread-safe.
 */
public final class InvestigationBackend {
  private static final Logger LOG = LoggerFactory.getLogger(InvestigationBackend.class);

  private final CredgraphEngine engine;
  private final Investigation investigation;
  private final WatchlistService watchlists;
  private final Clock clock;
  private final io.credgraph.api.alerts.AlertHistory alertHistory;
  // set on the thread of a loader's write (writer()): the alert history waits for recordAlerts()
  private final ThreadLocal<Boolean> loading = new ThreadLocal<>();

  private InvestigationBackend(CredgraphEngine engine, Optional<Path> stateFile, Clock clock) {
    this.engine = Objects.requireNonNull(engine, "engine");
    this.investigation = new Investigation(engine::snapshot, engine.lists());
    this.investigation.measures(this::forEachMeasure);
    this.investigation.grades((key, day) -> engine.grade(key, day).map(g -> g.grade().name()));
    this.watchlists =
        stateFile
            .map(f -> WatchlistService.open(f, this::view, this::record, clock))
            .orElseGet(() -> WatchlistService.inMemory(this::view, this::record, clock));
    this.clock = clock;
    this.alertHistory = io.credgraph.api.alerts.AlertHistory.at(engine, stateFile, clock);
    engine.listen(new Listener());
  }

  /**
   * Services over {@code engine} whose watchlists and WATCH alerts are kept in {@code stateFile}
   * (read when present, rewritten after every change; it holds natural keys, so keep it in the data
   * directory).
   */
  public static InvestigationBackend open(CredgraphEngine engine, Path stateFile, Clock clock) {
    return new InvestigationBackend(
        engine, Optional.of(Objects.requireNonNull(stateFile, "stateFile")), clock);
  }

  /** Services whose watchlists live in memory only (lost at restart). */
  public static InvestigationBackend inMemory(CredgraphEngine engine, Clock clock) {
    return new InvestigationBackend(engine, Optional.empty(), clock);
  }

  public Investigation investigation() {
    return investigation;
  }

  public WatchlistService watchlists() {
    return watchlists;
  }

  /**
   * The history of the engine's alerts (DOMAIN.md 10), in the data directory beside the watchlists.
   */
  public io.credgraph.api.alerts.AlertHistory alertHistory() {
    return alertHistory;
  }

  /** The engine's snapshot of its current version (taken on the first call after a write). */
  public GraphView view() {
    return engine.snapshot();
  }

  private Optional<io.credgraph.model.CreditRecord> record(String id) {
    return engine.snapshot().record(id);
  }

  /**
   * Commits {@code batch} through the engine. The WATCH alerts it causes and the engine's alerts
   * that hold today (the alert history) are raised by this backend's {@link WriteListener} on the
   * engine, which hears every write through the engine alike (this one, loaders, {@code credgraph
   * load} into a data directory with watchlists). The batch is committed whatever happens to the
   * alerts: a failure to raise or keep them is logged, never turned into a failed write (a loader
   * would stop on it although the data is stored).
   */
  public WriteResult write(WriteBatch batch) {
    return engine.write(batch);
  }

  /**
   * {@link #write} as a writer for loaders, one chunk at a time, with the watch alerts of each
   * chunk but without the alert history: the loader's caller calls {@link #recordAlerts} once the
   * load is done (one scan of the engine's alerts per batch, not per chunk).
   */
  public BatchWriter writer() {
    return batch -> {
      loading.set(Boolean.TRUE);
      try {
        return engine.write(batch);
      } finally {
        loading.remove();
      }
    };
  }

  /** What this backend does on every write through the engine. */
  private final class Listener implements WriteListener {
    @Override
    public Object beforeWrite(WriteBatch batch) {
      return GradeWatch.before(engine, watchlists, batch);
    }

    @Override
    @SuppressWarnings("unchecked")
    public void afterWrite(WriteBatch batch, Object before) {
      try {
        watchlists.onWrite(batch);
        if (before != null) {
          GradeWatch.after(engine, watchlists, (List<GradeWatch.Probe>) before);
        }
      } catch (RuntimeException e) {
        LOG.error(
            "watch alerts of a committed batch of {} operations were not raised: {}",
            batch.ops().size(),
            e.getMessage(),
            e);
      }
      if (loading.get() == null) {
        alertHistory.afterWrite(engine, clock);
      }
    }
  }

  /**
   * Records the engine's alerts that hold today in the alert history (after a load through {@link
   * #writer}).
   */
  public void recordAlerts() {
    alertHistory.afterWrite(engine, clock);
  }

  /**
   * The measures the engine derives that are in force on {@code asOf}, one fact per measure and
   * subject (its first triggering record). O(subjects): asks the engine about every subject of its
   * current snapshot.
   */
  private void forEachMeasure(
      LocalDate asOf, java.util.function.Consumer<Statistics.MeasureFact> action) {
    GraphView g = engine.snapshot();
    for (int node = 0; node < g.nodeCount(); node++) {
      SubjectKey key = g.key(node);
      SubjectMeasures m = engine.subjectMeasures(key, asOf);
      for (MeasureHit h : m.measures()) {
        if (!h.records().isEmpty()) {
          action.accept(new Statistics.MeasureFact(key, h.records().get(0), h.measure()));
        }
      }
    }
  }
}
