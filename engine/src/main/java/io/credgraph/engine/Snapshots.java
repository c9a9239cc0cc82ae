package io.credgraph.engine;

/**
 * Freezes the committed version of the in-memory graph for readers: one {@link GraphSnapshot} per
 * version, taken by the first call after a write and shared by every other.
 */
final class Snapshots {
  private final EngineState state;
  private volatile GraphSnapshot snapshot;

  Snapshots(EngineState state) {
    this.state = state;
  }

  GraphSnapshot snapshot() {
    GraphSnapshot s = snapshot;
    if (s != null && s.version() == state.version && state.outOfSync == null) {
      return s;
    }
    state.readLock();
    try {
      s = snapshot;
      if (s == null || s.version() != state.version) {
        s = new GraphSnapshot(state.p, state.version);
        snapshot = s;
      }
      return s;
    } finally {
      state.readUnlock();
    }
  }
}
