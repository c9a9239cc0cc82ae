package io.credgraph.engine;

import java.util.Optional;

/**
 * Puts a whole projection in place: a full rebuild from the store, a projection built elsewhere,
 * and the way back in step with the store after a batch could not be applied (or, if the store
 * cannot be read either, the out-of-sync state every read refuses in).
 */
final class Lifecycle {
  private final EngineState state;
  private final Stats stats;
  private volatile String startedFrom = "the store";

  Lifecycle(EngineState state, Stats stats) {
    this.state = state;
    this.stats = stats;
  }

  /**
   * Full propagation: reads the whole store again, rebuilds the projection and derives every
   * record's measures.
   */
  void rebuild() {
    state.writing.lock();
    try {
      long t0 = System.nanoTime();
      // read the store without the engine's lock: readers keep the graph they have meanwhile
      Projection built = Projection.build(state.store, state.lists);
      long t1 = System.nanoTime();
      install(built, t0, t1);
    } finally {
      state.writing.unlock();
    }
  }

  /**
   * The first projection: from {@code projectionFile} when it is the store's projection as it is
   * now ({@link ProjectionFile}), otherwise from a full read of the store; {@link #startedFrom}
   * says which and why.
   */
  void start(java.nio.file.Path projectionFile) {
    long t0 = System.nanoTime();
    ProjectionFile.Read read = ProjectionFile.read(projectionFile, state.store, state.lists);
    long t1 = System.nanoTime();
    if (read.projection().isPresent()) {
      install(read.projection().get(), t0, t1);
      startedFrom = "the projection file: " + read.why();
    } else {
      rebuild();
      startedFrom = "the store: " + read.why();
    }
  }

  /** Where the first projection came from (see {@link #start}). */
  String startedFrom() {
    return startedFrom;
  }

  /**
   * Puts {@code built} (read from the store between {@code t0} and {@code t1}, nanoTime) in place
   * as the writer, under the write lock: see {@link #swapIn}.
   */
  void install(Projection built, long t0, long t1) {
    state.writing.lock();
    try {
      state.lock.writeLock().lock();
      try {
        swapIn(built, t0, t1);
      } finally {
        state.lock.writeLock().unlock();
      }
    } finally {
      state.writing.unlock();
    }
  }

  /**
   * Puts a freshly read projection in place and derives every record on it (write lock held); the
   * one place a projection is put in place.
   */
  void swapIn(Projection built, long t0, long t1) {
    state.p = built;
    Derivations d = state.derivations;
    d.reset(built);
    for (int r = 0; r < built.r; r++) {
      d.rederive(r);
    }
    stats.rebuilt(t0, t1);
    state.version = state.store.version();
    state.outOfSync = null;
  }

  /**
   * Why the in-memory graph no longer matches the store, or empty while it does.
   *
   * @see CredgraphEngine#outOfSync()
   */
  Optional<String> outOfSync() {
    RuntimeException e = state.outOfSync;
    return e == null ? Optional.empty() : Optional.of(e.getMessage());
  }

  /**
   * Rebuilds from the store after {@code cause}; when that fails too, the graph is out of sync and
   * the {@link OutOfSyncException} saying why is thrown.
   */
  void rebuildOrFail(RuntimeException cause) {
    try {
      rebuild();
    } catch (RuntimeException r) {
      OutOfSyncException down =
          new OutOfSyncException(
              "the in-memory graph no longer matches the store: "
                  + "applying a committed batch failed ("
                  + cause.getMessage()
                  + ") and so did the rebuild from the store ("
                  + r.getMessage()
                  + "); restart the server or send a batch once the store is readable again",
              r);
      if (cause != state.outOfSync && cause != r) {
        down.addSuppressed(cause);
      }
      state.outOfSync = down;
      throw down;
    }
  }
}
