package io.credgraph.store;

/**
 * Where writes go. {@link GraphStore#write} is one; the engine offers another that writes to the
 * store and keeps its in-memory projection current, so loaders and the API write through the engine
 * without knowing it.
 */
@FunctionalInterface
public interface BatchWriter {
  /** Applies the batch atomically; see {@link GraphStore#write(WriteBatch)}. */
  WriteResult write(WriteBatch batch);
}
