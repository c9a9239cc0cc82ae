package io.credgraph.engine;

import io.credgraph.model.CreditRecord;
import io.credgraph.model.Relation;
import io.credgraph.model.Subject;
import io.credgraph.store.WriteBatch;
import io.credgraph.store.WriteOp;
import io.credgraph.store.WriteResult;
import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Writes through the engine: commits a batch to the store, applies it to the projection, derives
 * again the records whose measures can have changed, and tells the write listeners. The records
 * derived again: a changed record; the records held by subjects within (longest rule path - 1) hops
 * of a changed relation; the records held within (longest rule path) hops of a subject whose kind
 * changed; and the other records of a holder whose list counts records (DOMAIN.md 5.3).
 */
final class Writes {
  private static final org.slf4j.Logger LOG =
      org.slf4j.LoggerFactory.getLogger(CredgraphEngine.class);

  private final EngineState state;
  private final Lifecycle lifecycle;
  private final CopyOnWriteArrayList<WriteListener> listeners = new CopyOnWriteArrayList<>();

  Writes(EngineState state, Lifecycle lifecycle) {
    this.state = state;
    this.lifecycle = lifecycle;
  }

  void listen(WriteListener listener) {
    listeners.add(Objects.requireNonNull(listener, "listener"));
  }

  private static void hear(List<WriteListener> hearing, Object[] before, WriteBatch batch) {
    for (int i = 0; i < before.length; i++) {
      try {
        hearing.get(i).afterWrite(batch, before[i]);
      } catch (RuntimeException e) {
        LOG.error(
            "a write listener failed after a committed batch of {} operations: {}",
            batch.ops().size(),
            e.getMessage(),
            e);
      }
    }
  }

  /**
   * Catches up with writes another server made to the store: when the store's version is not the
   * one this engine applied (and no write of its own is under way), reads the store whole; readers
   * answer from the version they have meanwhile. Returns whether it did.
   */
  boolean follow() {
    if (!state.writing.tryLock()) {
      return false;
    }
    try {
      if (state.outOfSync != null || state.store.version() == state.version) {
        return false;
      }
      lifecycle.rebuild();
      return true;
    } finally {
      state.writing.unlock();
    }
  }

  /**
   * Commits {@code batch} to the store, then brings the projection and the derived measures of the
   * affected subjects up to date. If the store refuses the batch nothing changes here either.
   */
  WriteResult write(WriteBatch batch) {
    Objects.requireNonNull(batch, "batch");
    state.writing.lock();
    try {
      if (state.outOfSync != null) {
        // the store may be readable again: catch up before writing more
        lifecycle.rebuildOrFail(state.outOfSync);
      }
      List<WriteListener> hearing = List.copyOf(listeners);
      Object[] before = new Object[hearing.size()];
      for (int i = 0; i < before.length; i++) {
        try {
          before[i] = hearing.get(i).beforeWrite(batch);
        } catch (RuntimeException e) {
          LOG.error("a write listener failed before a batch: {}", e.getMessage(), e);
        }
      }
      // the store commits without the engine's lock: readers keep answering from the last version
      // the engine applied (a load does not stop the counter, issue #13 item 2); only applying the
      // committed batch to the in-memory graph is exclusive
      // another server may write to the same store (issue #11): when the store moved past what
      // this engine applied, before or during this commit, the batch alone does not bring the
      // projection up to date; the store is read whole instead
      long prev = state.store.version();
      WriteResult result = state.store.write(batch);
      if (prev != state.version || result.version() > prev + 1) {
        LOG.info(
            "the store moved from version {} to {} by another writer: reading it whole",
            state.version,
            result.version());
        lifecycle.rebuildOrFail(
            new IllegalStateException("another writer moved the store to " + result.version()));
        hear(hearing, before, batch);
        return result;
      }
      // what applying needs from the store (facts a merge combined) is read before the lock too:
      // the store holds still meanwhile (one writer), and readers are not kept waiting on it
      StoreReads reads = new StoreReads(state.store, state.p);
      RuntimeException readFailure = null;
      try {
        reads.prefetch(batch);
      } catch (RuntimeException e) {
        readFailure = e;
      }
      state.lock.writeLock().lock();
      try {
        try {
          if (readFailure != null) {
            throw readFailure;
          }
          apply(batch, reads);
        } catch (RuntimeException e) {
          // the store has the batch; start again from it rather than answer from a half-updated
          // projection
          lifecycle.rebuildOrFail(e);
          throw e;
        }
        state.version = result.version();
      } finally {
        state.lock.writeLock().unlock();
      }
      hear(hearing, before, batch);
      return result;
    } finally {
      state.writing.unlock();
    }
  }

  /**
   * Brings the projection up to date with a committed batch (write lock held). The projection
   * mirrors the store (every write goes through here), so a subject, relation or record it does not
   * know yet was created by this batch exactly as the operation carries it, and is taken from the
   * operation; only facts that a merge may have combined with what was stored before are read back
   * from the store.
   */
  void apply(WriteBatch batch, StoreReads reads) {
    Projection p = state.p;
    Set<Integer> dirty = new TreeSet<>();
    Set<Integer> relationEnds = new HashSet<>();
    Set<Integer> changedSubjects = new HashSet<>();
    for (WriteOp op : batch.ops()) {
      if (op instanceof WriteOp.PutSubject ps) {
        Subject s =
            p.indexOf(ps.subject().key()) < 0
                ? ps.subject()
                : reads.subject(ps.subject().key()).orElseThrow();
        int before = p.indexOf(s.key());
        byte kind = before < 0 ? -1 : p.kind[before];
        int i = p.putSubject(s);
        if (before >= 0 && kind != p.kind[i]) {
          changedSubjects.add(i);
        }
      } else if (op instanceof WriteOp.PutRelation pr) {
        Relation want = pr.relation();
        if (p.findEdge(want) < 0) {
          touch(p.upsertEdge(want), relationEnds);
          continue;
        }
        for (Relation stored : reads.relations(want.from(), want.type())) {
          if (stored.identity().equals(want.identity())) {
            touch(p.upsertEdge(stored), relationEnds);
          }
        }
      } else if (op instanceof WriteOp.EndRelation er) {
        for (Relation stored : reads.relations(er.from(), er.type())) {
          if (stored.from().equals(er.from()) && stored.to().equals(er.to())) {
            touch(p.upsertEdge(stored), relationEnds);
          }
        }
      } else if (op instanceof WriteOp.PutRecord pr) {
        if (p.hasRecord(pr.record().id())) {
          putRecord(reads, pr.record().id(), dirty);
        } else {
          int i = p.putRecord(pr.record());
          if (i >= 0) {
            dirty.add(i);
          }
        }
      } else if (op instanceof WriteOp.AppendStatus as) {
        putRecord(reads, as.recordId(), dirty);
      }
    }
    int depth = state.rules.maxDepth();
    if (depth > 0) {
      for (int holder : within(relationEnds, depth - 1)) {
        addRecords(holder, dirty);
      }
    }
    for (int holder : within(changedSubjects, depth)) {
      addRecords(holder, dirty);
    }
    // a counting trigger (DOMAIN.md 5.3) reads the holder's other records: derive them again with
    // the changed one
    Derivations d = state.derivations;
    for (int rec : List.copyOf(dirty)) {
      if (d.counts(p.recs[rec].list())) {
        addRecords(p.recHolder[rec], dirty);
      }
    }
    for (int rec : dirty) {
      d.rederive(rec);
    }
    p.compactIfWorthIt();
  }

  private void putRecord(StoreReads reads, String id, Set<Integer> dirty) {
    CreditRecord stored = reads.record(id).orElseThrow();
    int i = state.p.putRecord(stored);
    if (i >= 0) {
      dirty.add(i);
    }
  }

  private void touch(int edge, Set<Integer> ends) {
    if (edge >= 0) {
      ends.add(state.p.rFrom[edge]);
      ends.add(state.p.rTo[edge]);
    }
  }

  private void addRecords(int holder, Set<Integer> dirty) {
    for (int r : state.p.recordsOf(holder)) {
      dirty.add(r);
    }
  }

  /**
   * The subjects within {@code hops} relations (any type, any date, either direction) of {@code
   * seeds}.
   */
  private Set<Integer> within(Set<Integer> seeds, int hops) {
    Projection p = state.p;
    Map<Integer, Integer> dist = new HashMap<>();
    ArrayDeque<Integer> queue = new ArrayDeque<>();
    for (int s : seeds) {
      dist.put(s, 0);
      queue.add(s);
    }
    while (!queue.isEmpty()) {
      int node = queue.poll();
      int d = dist.get(node);
      if (d >= hops) {
        continue;
      }
      Projection.EdgeVisitor v =
          e -> {
            for (int nb : new int[] {p.rFrom[e], p.rTo[e]}) {
              if (!dist.containsKey(nb)) {
                dist.put(nb, d + 1);
                queue.add(nb);
              }
            }
          };
      p.forEachOut(node, v);
      p.forEachIn(node, v);
    }
    return dist.keySet();
  }
}
