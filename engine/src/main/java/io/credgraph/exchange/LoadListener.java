package io.credgraph.exchange;

/**
 * Follows a load. Called on the loading thread, about twice a second and at each batch's start and
 * end; keep it cheap. All methods do nothing by default.
 */
public interface LoadListener {
  LoadListener NONE = new LoadListener() {};

  /** A batch is about to be read (after its content hash is known). */
  default void batchStarted(String name, long bytes) {}

  /** Progress within the current batch. */
  default void progress(LoadProgress progress) {}

  /** A batch is done (loaded, skipped as already loaded, or refused). */
  default void batchFinished(BatchReport report) {}
}
