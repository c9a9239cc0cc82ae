package io.credgraph.engine;

/**
 * The engine's figures: the projection's size, the measures derived, the version applied and how
 * long the last rebuild took to read the store and to derive every record.
 */
final class Stats {
  private final EngineState state;
  private long projectionMillis;
  private long propagationMillis;

  Stats(EngineState state) {
    this.state = state;
  }

  /** Records the last rebuild's times: store read from t0 to t1, derivation from t1 to now. */
  void rebuilt(long t0, long t1) {
    projectionMillis = (t1 - t0) / 1_000_000;
    propagationMillis = (System.nanoTime() - t1) / 1_000_000;
  }

  /** The figures now; answers even while the graph is out of sync. */
  EngineStats stats() {
    state.lock.readLock().lock();
    try {
      Projection p = state.p;
      return new EngineStats(
          p.n,
          p.m,
          p.r,
          state.derivations.count(),
          state.version,
          projectionMillis,
          propagationMillis);
    } finally {
      state.lock.readLock().unlock();
    }
  }
}
