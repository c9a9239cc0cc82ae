package io.credgraph.engine;

import io.credgraph.NotFoundException;
import io.credgraph.catalogue.ListCatalogue;
import io.credgraph.model.SubjectKey;
import io.credgraph.rules.RuleCatalogue;
import io.credgraph.store.GraphStore;
import java.util.concurrent.locks.ReentrantLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;

/**
 * What the engine's parts share, and the locks that guard it: the store and catalogues, the
 * in-memory projection and the measures derived on it, the version applied, and whether the graph
 * is out of sync with the store.
 *
 * <p>Locking: readers hold the read lock ({@link #readLock()}, which refuses while the graph is out
 * of sync); putting a projection in place or applying a committed batch holds the write lock; one
 * writer at a time holds {@link #writing} around a store commit and its application, or a rebuild.
 */
final class EngineState {
  final GraphStore store;
  final ListCatalogue lists;
  final RuleCatalogue rules;
  final ReentrantReadWriteLock lock = new ReentrantReadWriteLock();
  // one writer at a time: a store commit and its application to the projection, or a rebuild
  final ReentrantLock writing = new ReentrantLock();

  /** The measures derived from each record of {@link #p}. */
  final Derivations derivations;

  /** Why the graph does not match the store, or null while it does. */
  volatile RuntimeException outOfSync;

  /** The store's version after the last batch applied. */
  volatile long version;

  /** The in-memory graph (read lock to read, write lock to change). */
  Projection p;

  EngineState(GraphStore store, ListCatalogue lists, RuleCatalogue rules) {
    this.store = store;
    this.lists = lists;
    this.rules = rules;
    this.derivations = new Derivations(rules);
  }

  /**
   * Takes the read lock, or answers {@link OutOfSyncException} while the graph does not match the
   * store.
   */
  void readLock() {
    lock.readLock().lock();
    RuntimeException down = outOfSync;
    if (down != null) {
      lock.readLock().unlock();
      throw new OutOfSyncException(down.getMessage(), down);
    }
  }

  void readUnlock() {
    lock.readLock().unlock();
  }

  /** The index of a known subject (read lock held). */
  int require(SubjectKey key) {
    int s = p.indexOf(key);
    if (s < 0) {
      throw new NotFoundException("subject " + key + " is not known");
    }
    return s;
  }
}
