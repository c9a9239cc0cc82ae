package io.credgraph.cypher;

import io.credgraph.StoreException;
import io.credgraph.model.CreditRecord;
import io.credgraph.model.Relation;
import io.credgraph.model.RelationType;
import io.credgraph.model.Subject;
import io.credgraph.model.SubjectId;
import io.credgraph.model.SubjectKey;
import io.credgraph.store.BatchCheckpoint;
import io.credgraph.store.GraphStore;
import io.credgraph.store.PendingFact;
import io.credgraph.store.StoreCounts;
import io.credgraph.store.StoreInfo;
import io.credgraph.store.WriteBatch;
import io.credgraph.store.WriteResult;
import io.credgraph.store.codec.PropertyCodec;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * The {@link GraphStore} over any Cypher backend: the statements of {@link Statement} run through a
 * {@link CypherRunner}, which the embedded store and the Bolt store provide.
 *
 * <p>The graph: {@code (:Subject {key, id, ...})} nodes; one relationship per relation, typed by
 * its {@link RelationType} name, with {@code since}, {@code until}, {@code ratio}; {@code
 * (:Subject)-[:HAS_RECORD]-> (:Record)}; {@code (:Pending)}, {@code (:Checkpoint)} and one {@code
 * (:Meta)} node that holds the version. A batch is one transaction (see {@link BatchWrite});
 * writers of one store are serialised in process and, through a lock on the metadata node, across
 * processes.
 */
public abstract class CypherGraphStore implements GraphStore {
  static final String META_ID = "store";

  /** Facts as Neo4j properties: dates as Neo4j dates (the rest as every store keeps it). */
  static final PropertyCodec CODEC = PropertyCodec.NATIVE_DATES;

  private static final List<String> ALL_TYPES =
      EnumSet.allOf(RelationType.class).stream().map(Enum::name).toList();

  private final CypherRunner runner;
  private final StoreInfo info;
  private final ReentrantLock writeLock = new ReentrantLock();
  private final AtomicBoolean closed = new AtomicBoolean();

  /** Applies the schema and creates the metadata node when missing. */
  protected CypherGraphStore(CypherRunner runner, StoreInfo info) {
    this.runner = runner;
    this.info = info;
    runner.applySchema(Statement.schema());
    runner.write(
        tx -> {
          tx.run(Statement.META_INIT, Map.of("id", META_ID));
          return null;
        });
  }

  @Override
  public StoreInfo info() {
    return info;
  }

  @Override
  public Optional<Subject> subject(SubjectKey key) {
    return read(
        tx ->
            one(tx, Statement.SUBJECT_BY_KEY, Map.of("key", key.canonical()), "s")
                .map(CODEC::subject));
  }

  @Override
  public Optional<Subject> subject(SubjectId id) {
    return read(
        tx -> one(tx, Statement.SUBJECT_BY_ID, Map.of("id", id.value()), "s").map(CODEC::subject));
  }

  @Override
  public List<Relation> relations(
      SubjectKey subject,
      Direction direction,
      Set<RelationType> types,
      Optional<LocalDate> inForceOn) {
    List<String> wanted = types.isEmpty() ? ALL_TYPES : types.stream().map(Enum::name).toList();
    List<String> relative =
        wanted.contains(RelationType.RELATIVE_OF.name())
            ? List.of(RelationType.RELATIVE_OF.name())
            : List.of();
    List<String> out = direction == Direction.INCOMING ? relative : wanted;
    List<String> in = direction == Direction.OUTGOING ? relative : wanted;
    Map<String, Object> params = new HashMap<>();
    params.put("key", subject.canonical());
    params.put("outTypes", out);
    params.put("inTypes", in);
    params.put("on", inForceOn.orElse(null));
    return read(
        tx -> {
          List<Relation> result = new ArrayList<>();
          tx.stream(Statement.RELATIONS_OF_SUBJECT, params, row -> result.add(relation(row)));
          return result;
        });
  }

  @Override
  public List<CreditRecord> records(SubjectKey subject) {
    return read(
        tx -> {
          List<CreditRecord> result = new ArrayList<>();
          tx.stream(
              Statement.RECORDS_OF_SUBJECT,
              Map.of("key", subject.canonical()),
              row -> result.add(CODEC.record(map(row, "r"))));
          return result;
        });
  }

  @Override
  public Optional<CreditRecord> record(String recordId) {
    return read(
        tx -> one(tx, Statement.RECORD_BY_ID, Map.of("id", recordId), "r").map(CODEC::record));
  }

  /**
   * Applies the batch in one write transaction: consecutive operations of one kind are written
   * together with {@code UNWIND}. Nothing is written for an empty batch.
   */
  @Override
  public WriteResult write(WriteBatch batch) {
    if (batch.isEmpty()) {
      return new WriteResult(0, 0, 0, version());
    }
    ensureOpen();
    writeLock.lock();
    try {
      return runner.write(tx -> new BatchWrite(tx).apply(batch));
    } finally {
      writeLock.unlock();
    }
  }

  @Override
  public StoreCounts counts() {
    return read(
        tx -> {
          Map<String, Object> row = tx.list(Statement.COUNTS, Map.of()).get(0);
          return new StoreCounts(
              num(row, "subjects"),
              num(row, "relations"),
              num(row, "records"),
              num(row, "pending"));
        });
  }

  @Override
  public long version() {
    return read(tx -> num(tx.list(Statement.META_READ, Map.of("id", META_ID)).get(0), "version"));
  }

  @Override
  public void forEachSubject(Consumer<Subject> action) {
    read(
        tx -> {
          tx.stream(
              Statement.SUBJECTS_ALL, Map.of(), row -> action.accept(CODEC.subject(map(row, "s"))));
          return null;
        });
  }

  @Override
  public void forEachRelation(Consumer<Relation> action) {
    read(
        tx -> {
          tx.stream(Statement.RELATIONS_ALL, Map.of(), row -> action.accept(relation(row)));
          return null;
        });
  }

  @Override
  public void forEachRecord(Consumer<CreditRecord> action) {
    read(
        tx -> {
          tx.stream(
              Statement.RECORDS_ALL, Map.of(), row -> action.accept(CODEC.record(map(row, "r"))));
          return null;
        });
  }

  @Override
  public List<PendingFact> pending(SubjectKey awaited) {
    return read(
        tx -> {
          List<PendingFact> result = new ArrayList<>();
          tx.stream(
              Statement.PENDING_AWAITING,
              Map.of("awaited", awaited.canonical()),
              row -> result.add(CODEC.pending(map(row, "p"))));
          return result;
        });
  }

  @Override
  public void forEachPending(Consumer<PendingFact> action) {
    read(
        tx -> {
          tx.stream(
              Statement.PENDING_ALL, Map.of(), row -> action.accept(CODEC.pending(map(row, "p"))));
          return null;
        });
  }

  @Override
  public Optional<BatchCheckpoint> checkpoint(String batchHash) {
    return read(
        tx ->
            one(tx, Statement.CHECKPOINT_BY_HASH, Map.of("hash", batchHash), "c")
                .map(CODEC::checkpoint));
  }

  @Override
  public List<BatchCheckpoint> checkpoints() {
    return read(
        tx -> {
          List<BatchCheckpoint> result = new ArrayList<>();
          tx.stream(
              Statement.CHECKPOINTS_ALL,
              Map.of(),
              row -> result.add(CODEC.checkpoint(map(row, "c"))));
          return result;
        });
  }

  /** Closes the runner, then the backend ({@link #closeBackend()}); idempotent. */
  @Override
  public final void close() {
    if (closed.compareAndSet(false, true)) {
      writeLock.lock();
      try {
        runner.close();
      } finally {
        writeLock.unlock();
        closeBackend();
      }
    }
  }

  /** Releases what the subclass opened besides the runner (a database, a driver). */
  protected abstract void closeBackend();

  protected boolean isClosed() {
    return closed.get();
  }

  private <T> T read(Function<CypherTx, T> work) {
    ensureOpen();
    return runner.read(work);
  }

  private void ensureOpen() {
    if (closed.get()) {
      throw new StoreException("the store at " + info.location() + " is closed");
    }
  }

  private static Optional<Map<String, Object>> one(
      CypherTx tx, Statement statement, Map<String, Object> params, String column) {
    List<Map<String, Object>> rows = tx.list(statement, params);
    return rows.isEmpty() ? Optional.empty() : Optional.of(map(rows.get(0), column));
  }

  static Relation relation(Map<String, Object> row) {
    return CODEC.relation(
        (String) row.get("type"), (String) row.get("from"), (String) row.get("to"), map(row, "r"));
  }

  @SuppressWarnings("unchecked")
  static Map<String, Object> map(Map<String, Object> row, String column) {
    return (Map<String, Object>) row.get(column);
  }

  static long num(Map<String, Object> row, String column) {
    return ((Number) row.get(column)).longValue();
  }
}
