package io.credgraph.engine;

import io.credgraph.store.WriteBatch;

/**
 * Hears every write committed through a {@link CredgraphEngine}, whatever made it (a batch posted
 * to the API, {@code credgraph load}, a record's status change, an application's decision): where
 * the watch alerts, the changes of credit grade and the alert history are raised, so that no write
 * path can miss them. Registered with {@link CredgraphEngine#listen}.
 *
 * <p>Both calls run on the writing thread while the engine's writer lock is held (one write at a
 * time, in commit order), never under the readers' lock: checks keep answering meanwhile. A
 * listener that throws is logged; the write stands.
 */
public interface WriteListener {
  /**
   * Before {@code batch} is committed, with the graph as it was: what {@link #afterWrite} will
   * compare against (e.g. credit grades before the batch), or null.
   */
  default Object beforeWrite(WriteBatch batch) {
    return null;
  }

  /**
   * After {@code batch} was committed and applied: {@link CredgraphEngine#snapshot()} and every
   * check see it.
   *
   * @param before what {@link #beforeWrite} returned for this batch
   */
  void afterWrite(WriteBatch batch, Object before);
}
