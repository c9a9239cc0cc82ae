package io.credgraph.engine;

import io.credgraph.model.CreditRecord;
import io.credgraph.model.Relation;
import io.credgraph.model.RelationType;
import io.credgraph.model.Subject;
import io.credgraph.model.SubjectKey;
import io.credgraph.store.GraphStore;
import io.credgraph.store.WriteBatch;
import io.credgraph.store.WriteOp;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The store's reads that applying a committed batch needs (the stored form of facts a merge may
 * have combined), made before the engine's write lock is taken and remembered for {@link
 * Writes#apply}. Reads it did not foresee are made when asked, with the same answer (the store
 * holds still while the one writer applies its batch).
 */
final class StoreReads {
  private final GraphStore store;
  private final Projection p;
  private final Map<SubjectKey, Optional<Subject>> subjects = new HashMap<>();
  private final Map<List<Object>, List<Relation>> relations = new HashMap<>();
  private final Map<String, Optional<CreditRecord>> records = new HashMap<>();

  /** Reads from {@code store} for a batch to be applied to {@code p}. */
  StoreReads(GraphStore store, Projection p) {
    this.store = store;
    this.p = p;
  }

  /**
   * Reads what {@link Writes#apply} will ask for: facts the projection or the batch already had.
   */
  void prefetch(WriteBatch batch) {
    Set<SubjectKey> subjectsSeen = new HashSet<>();
    Set<Object> edgesSeen = new HashSet<>();
    Set<String> recordsSeen = new HashSet<>();
    for (WriteOp op : batch.ops()) {
      if (op instanceof WriteOp.PutSubject ps) {
        SubjectKey k = ps.subject().key();
        if (!subjectsSeen.add(k) || p.indexOf(k) >= 0) {
          subject(k);
        }
      } else if (op instanceof WriteOp.PutRelation pr) {
        Relation want = pr.relation();
        if (!edgesSeen.add(want.identity()) || p.findEdge(want) >= 0) {
          relations(want.from(), want.type());
        }
      } else if (op instanceof WriteOp.EndRelation er) {
        relations(er.from(), er.type());
      } else if (op instanceof WriteOp.PutRecord pr) {
        String id = pr.record().id();
        if (!recordsSeen.add(id) || p.hasRecord(id)) {
          record(id);
        }
      } else if (op instanceof WriteOp.AppendStatus as) {
        record(as.recordId());
      }
    }
  }

  Optional<Subject> subject(SubjectKey key) {
    return subjects.computeIfAbsent(key, store::subject);
  }

  List<Relation> relations(SubjectKey from, RelationType type) {
    return relations.computeIfAbsent(
        List.of(from, type),
        k -> store.relations(from, GraphStore.Direction.OUTGOING, Set.of(type), Optional.empty()));
  }

  Optional<CreditRecord> record(String id) {
    return records.computeIfAbsent(id, store::record);
  }
}
