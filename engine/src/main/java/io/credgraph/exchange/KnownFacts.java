package io.credgraph.exchange;

import io.credgraph.model.CreditRecord;
import io.credgraph.model.RelationType;
import io.credgraph.model.Subject;
import io.credgraph.model.SubjectKey;
import io.credgraph.model.SubjectKind;
import io.credgraph.store.GraphStore;
import io.credgraph.store.PendingFact;
import io.credgraph.store.WriteOp;
import java.util.Collection;
import java.util.Optional;
import java.util.Set;

/**
 * What the store plus the chunk being built hold, as a line sees it: the chunk first, then what the
 * {@link LoadContext} knows, then the store, which is asked only when the context cannot answer
 * (while it {@link LoadContext#knowsAll() knows all}, something it does not know is not stored).
 */
final class KnownFacts {
  private final GraphStore store;
  private final LoadContext ctx;
  private final ChunkState chunk;

  KnownFacts(GraphStore store, LoadContext ctx, ChunkState chunk) {
    this.store = store;
    this.ctx = ctx;
    this.chunk = chunk;
  }

  /** The subject as this chunk or the store has it, or null. */
  Subject subject(SubjectKey key) {
    String c = key.canonical();
    Subject existing = chunk.subject(c);
    if (existing == null && (!ctx.knowsAll() || ctx.kind(c) != null)) {
      existing = store.subject(key).orElse(null);
    }
    return existing;
  }

  /** The kind of a delivered subject, or null when it has not been delivered. */
  SubjectKind kindOf(SubjectKey key) {
    String c = key.canonical();
    Subject s = chunk.subject(c);
    if (s != null) {
      return s.kind();
    }
    SubjectKind k = ctx.kind(c);
    if (k != null || ctx.knowsAll()) {
      return k;
    }
    Optional<Subject> stored = store.subject(key);
    if (stored.isPresent()) {
      ctx.kind(c, stored.get().kind());
      return stored.get().kind();
    }
    return null;
  }

  /** The record as this chunk left it, else as stored, or null. */
  CreditRecord record(String id) {
    CreditRecord r = chunk.record(id);
    if (r != null || (ctx.knowsAll() && !ctx.recordKnown(id))) {
      return r;
    }
    return store.record(id).orElse(null);
  }

  /** Whether a relation that {@code e} could end (it began on or before the end) exists. */
  boolean canEnd(WriteOp.EndRelation e) {
    if (chunk.relationBegan(relKey(e), e.until())) {
      return true;
    }
    return store
        .relations(e.from(), GraphStore.Direction.OUTGOING, Set.of(e.type()), Optional.empty())
        .stream()
        .anyMatch(
            r ->
                r.from().equals(e.from())
                    && r.to().equals(e.to())
                    && !r.since().isAfter(e.until()));
  }

  /** The committed pending facts awaiting {@code key}. */
  Collection<PendingFact> committedPending(SubjectKey key) {
    return ctx.knowsAll() ? ctx.committedPending(key.canonical()) : store.pending(key);
  }

  static String relKey(RelationType type, SubjectKey from, SubjectKey to) {
    return type + "|" + from.canonical() + "|" + to.canonical();
  }

  static String relKey(WriteOp.EndRelation e) {
    return relKey(e.type(), e.from(), e.to());
  }
}
