package io.credgraph.store;

import io.credgraph.model.CreditRecord;
import io.credgraph.model.Relation;
import io.credgraph.model.RelationType;
import io.credgraph.model.Subject;
import io.credgraph.model.SubjectId;
import io.credgraph.model.SubjectKey;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

/**
 * The storage SPI: the few primitives the engine needs from a graph database. Backends (the
 * embedded and the remote Neo4j store, Gremlin stores, the in-memory reference store) implement it
 * and prove it by running the contract test kit ({@code GraphStoreContract} in engine's test-jar).
 *
 * <p>Subjects are identified by their natural {@link SubjectKey}; {@link SubjectId} is the opaque
 * handle assigned when a subject is first stored. Reads never return null: absent is {@link
 * Optional#empty()} or an empty list.
 *
 * <p>Writes go through {@link #write(WriteBatch)} only, atomically per batch: after a failure
 * nothing of the batch is visible, and the store's {@link #version()} is unchanged. Each committed
 * batch that changed something increments the version, so caches keyed by it miss after any write.
 *
 * <p>Implementations are safe for concurrent reads; writes may be serialised by the backend.
 *
 * <p>Details every backend keeps alike (the contract kit checks them):
 *
 * <ul>
 *   <li>Provenance is de-duplicated by {@link io.credgraph.model.Provenance#identity()} and kept in
 *       the order it arrived; a re-put appends only provenance not yet stored.
 *   <li>Merges ({@link WriteOp.PutSubject}, {@link WriteOp.PutRelation}) overwrite each optional
 *       field the new fact carries and keep the stored value of each field it lacks; attributes
 *       merge key by key, new values winning.
 *   <li>{@link #version()} moves with every batch that changes stored state in any way, a
 *       provenance, pending fact or checkpoint included, and stays where it is for a batch that
 *       changes nothing (an empty batch, a re-delivered line, an already-applied status change,
 *       removing an absent pending fact).
 *   <li>{@link WriteOp.AppendStatus} for a record the store does not hold fails with a {@link
 *       io.credgraph.ValidationException}, as does a relation or record whose subject is missing.
 *   <li>Relations are returned as stored: a RELATIVE_OF found from its {@code to} side keeps its
 *       stored {@code from} and {@code to}, and appears once for {@link Direction#BOTH}.
 * </ul>
 */
public interface GraphStore extends AutoCloseable {

  /** What this backend is and what it can do. */
  StoreInfo info();

  default Set<Capability> capabilities() {
    return info().capabilities();
  }

  /** The subject with this key. */
  Optional<Subject> subject(SubjectKey key);

  /** The subject with this opaque id. */
  Optional<Subject> subject(SubjectId id);

  /**
   * The relations of {@code subject} in {@code direction}, of the given types (all types when
   * empty), in force on {@code inForceOn} when given ({@code since <= day <= until}), else all of
   * them whatever their dates. Relations of type RELATIVE_OF are matched in both directions
   * whatever {@code direction} says.
   */
  List<Relation> relations(
      SubjectKey subject,
      Direction direction,
      Set<RelationType> types,
      Optional<LocalDate> inForceOn);

  /**
   * The records that belong to {@code subject} (whose {@code subject} it is; not those naming it
   * among their liable persons), each with its full status history.
   */
  List<CreditRecord> records(SubjectKey subject);

  /** The record with this id (ids are unique across departments). */
  Optional<CreditRecord> record(String recordId);

  /**
   * Applies every operation of {@code batch} in one transaction, in order, and returns what
   * changed. Throws {@link io.credgraph.StoreException} or {@link io.credgraph.ValidationException}
   * (a status change that is not allowed, a relation or record whose subject is missing), in which
   * case nothing of the batch is stored.
   *
   * <p>Applying a batch again after it committed changes nothing (every operation merges into what
   * is stored; the same checkpoint again is unchanged) and leaves the version where it was: a retry
   * after a commit whose answer was lost (a server that died between its commit and its reply)
   * stores nothing twice.
   */
  WriteResult write(WriteBatch batch);

  /** Counts of what the store holds. */
  StoreCounts counts();

  /**
   * Increases by at least one with every committed batch that changed something; starts at 0 for an
   * empty store.
   */
  long version();

  /** Streams every subject (for projections built at start-up); order unspecified. */
  void forEachSubject(Consumer<Subject> action);

  /** Streams every relation; order unspecified. */
  void forEachRelation(Consumer<Relation> action);

  /** Streams every record; order unspecified. */
  void forEachRecord(Consumer<CreditRecord> action);

  /** Facts waiting for a subject that has not arrived yet, keyed by the awaited key. */
  List<PendingFact> pending(SubjectKey awaited);

  /** All pending facts. */
  void forEachPending(Consumer<PendingFact> action);

  /** The progress of a batch by its content hash: absent if never started. */
  Optional<BatchCheckpoint> checkpoint(String batchHash);

  /**
   * Every batch the store has seen, one checkpoint each (its latest), in the order the batches were
   * first seen.
   */
  List<BatchCheckpoint> checkpoints();

  /** Releases the backend's resources; idempotent. */
  @Override
  void close();

  /** Which way relations are followed from a subject. */
  enum Direction {
    OUTGOING,
    INCOMING,
    BOTH
  }
}
