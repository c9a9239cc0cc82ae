package io.credgraph.store;

/**
 * What a backend can do. The contract kit skips the tests of a capability a backend does not
 * declare; nothing else may differ between backends.
 */
public enum Capability {
  /** Data survive closing and reopening the store at the same location. */
  PERSISTENCE,
  /** A batch is all-or-nothing even when the process dies in the middle (a write-ahead log). */
  CRASH_SAFE_BATCHES,
  /** Reads may run concurrently with a write and see either the state before or after it. */
  CONCURRENT_READS,
  /** The store is reached over a network (Bolt, Gremlin Server). */
  REMOTE
}
