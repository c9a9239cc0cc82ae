package io.credgraph.store.memory;

import io.credgraph.ValidationException;
import io.credgraph.model.CreditRecord;
import io.credgraph.model.Provenance;
import io.credgraph.model.Relation;
import io.credgraph.model.RelationType;
import io.credgraph.model.Subject;
import io.credgraph.model.SubjectId;
import io.credgraph.model.SubjectKey;
import io.credgraph.store.BatchCheckpoint;
import io.credgraph.store.Capability;
import io.credgraph.store.GraphStore;
import io.credgraph.store.PendingFact;
import io.credgraph.store.StoreCounts;
import io.credgraph.store.StoreInfo;
import io.credgraph.store.WriteBatch;
import io.credgraph.store.WriteOp;
import io.credgraph.store.WriteResult;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Consumer;

/**
 * The reference backend: everything in memory, nothing persisted. It passes the contract kit and
 * serves engine unit tests and property tests, which need a real store but not a database.
 *
 * <p>A batch is applied under the write lock with an undo log, and rolled back when an operation
 * fails, so a failing batch leaves nothing; readers never see a batch half applied. Reads take the
 * read lock; writes are serialised.
 */
public final class InMemoryGraphStore implements GraphStore {
  private final ReentrantReadWriteLock lock = new ReentrantReadWriteLock();
  private final State state = new State();
  private boolean closed;

  private InMemoryGraphStore() {}

  public static InMemoryGraphStore create() {
    return new InMemoryGraphStore();
  }

  @Override
  public StoreInfo info() {
    return new StoreInfo("memory", "in-memory", EnumSet.of(Capability.CONCURRENT_READS));
  }

  @Override
  public Optional<Subject> subject(SubjectKey key) {
    return read(s -> Optional.ofNullable(s.subjects.get(key)));
  }

  @Override
  public Optional<Subject> subject(SubjectId id) {
    return read(s -> Optional.ofNullable(s.byId.get(id)).map(s.subjects::get));
  }

  @Override
  public List<Relation> relations(
      SubjectKey subject,
      Direction direction,
      Set<RelationType> types,
      Optional<LocalDate> inForceOn) {
    return read(
        s -> {
          List<Relation> out = new ArrayList<>();
          for (Relation r :
              s.relationsOf.getOrDefault(subject, Set.of()).stream()
                  .map(s.relations::get)
                  .toList()) {
            if (!types.isEmpty() && !types.contains(r.type())) {
              continue;
            }
            if (inForceOn.isPresent() && !r.inForceOn(inForceOn.get())) {
              continue;
            }
            boolean out1 = r.from().equals(subject);
            // a self-relation (treasury shares) is both outgoing and incoming
            boolean matches =
                r.type() == RelationType.RELATIVE_OF
                    || direction == Direction.BOTH
                    || r.from().equals(r.to())
                    || (direction == Direction.OUTGOING) == out1;
            if (matches) {
              out.add(r);
            }
          }
          return out;
        });
  }

  @Override
  public List<CreditRecord> records(SubjectKey subject) {
    return read(
        s -> s.recordsOf.getOrDefault(subject, Set.of()).stream().map(s.records::get).toList());
  }

  @Override
  public Optional<CreditRecord> record(String recordId) {
    return read(s -> Optional.ofNullable(s.records.get(recordId)));
  }

  @Override
  public WriteResult write(WriteBatch batch) {
    lock.writeLock().lock();
    try {
      ensureOpen();
      Journal j = new Journal(state);
      int[] counts = new int[3];
      try {
        for (WriteOp op : batch.ops()) {
          apply(j, op, counts);
        }
      } catch (RuntimeException e) {
        j.rollback();
        throw e;
      }
      if (counts[0] + counts[1] > 0) {
        state.version++;
      }
      return new WriteResult(counts[0], counts[1], counts[2], state.version);
    } finally {
      lock.writeLock().unlock();
    }
  }

  private static void apply(Journal j, WriteOp op, int[] counts) {
    State s = j.state;
    if (op instanceof WriteOp.PutSubject p) {
      Subject in = p.subject();
      Subject old = s.subjects.get(in.key());
      if (old == null) {
        if (s.byId.containsKey(in.id())) {
          throw new ValidationException("id", "subject id " + in.id() + " is already taken");
        }
        j.put(s.subjects, in.key(), in);
        j.put(s.byId, in.id(), in.key());
        counts[0]++;
      } else {
        Subject merged =
            new Subject(
                old.id(),
                in.kind(),
                in.key(),
                in.name(),
                in.legalForm().or(old::legalForm),
                in.status().or(old::status),
                in.registeredOn().or(old::registeredOn),
                in.district().or(old::district),
                in.industry().or(old::industry),
                mergeMaps(old.attributes(), in.attributes()),
                mergeProvenance(old.provenance(), in.provenance()));
        counts[old.equals(merged) ? 2 : 1]++;
        j.put(s.subjects, in.key(), merged);
      }
    } else if (op instanceof WriteOp.PutRelation p) {
      Relation in = p.relation();
      requireSubject(s, in.from(), "from");
      requireSubject(s, in.to(), "to");
      Relation old = s.relations.get(in.identity());
      if (old == null) {
        j.put(s.relations, in.identity(), in);
        j.index(s.relationsOf, in.from(), in.identity());
        j.index(s.relationsOf, in.to(), in.identity());
        counts[0]++;
      } else {
        Relation merged =
            new Relation(
                old.type(),
                old.from(),
                old.to(),
                old.since(),
                in.until().or(old::until),
                in.ratio().isPresent() ? in.ratio() : old.ratio(),
                mergeMaps(old.attributes(), in.attributes()),
                mergeProvenance(old.provenance(), in.provenance()));
        counts[old.equals(merged) ? 2 : 1]++;
        j.put(s.relations, in.identity(), merged);
      }
    } else if (op instanceof WriteOp.EndRelation e) {
      boolean changed = false;
      for (Relation.Identity id : List.copyOf(s.relationsOf.getOrDefault(e.from(), Set.of()))) {
        Relation r = s.relations.get(id);
        if (r.type() == e.type()
            && r.from().equals(e.from())
            && r.to().equals(e.to())
            && r.until().isEmpty()
            && !r.since().isAfter(e.until())) {
          j.put(
              s.relations,
              id,
              r.withUntil(e.until())
                  .withProvenance(mergeProvenance(r.provenance(), List.of(e.provenance()))));
          changed = true;
        }
      }
      counts[changed ? 1 : 2]++;
    } else if (op instanceof WriteOp.PutRecord p) {
      CreditRecord in = p.record();
      requireSubject(s, in.subject(), "subject");
      for (SubjectKey k : in.liablePersons()) {
        requireSubject(s, k, "liablePersons");
      }
      CreditRecord old = s.records.get(in.id());
      if (old == null) {
        j.put(s.records, in.id(), in);
        j.index(s.recordsOf, in.subject(), in.id());
        counts[0]++;
      } else {
        if (!old.subject().equals(in.subject())) {
          throw new ValidationException(
              "subject", "record " + in.id() + " already belongs to another subject");
        }
        CreditRecord merged =
            old.withProvenance(mergeProvenance(old.provenance(), in.provenance()));
        j.put(s.records, in.id(), merged);
        counts[merged.equals(old) ? 2 : 1]++;
      }
    } else if (op instanceof WriteOp.AppendStatus a) {
      CreditRecord old = s.records.get(a.recordId());
      if (old == null) {
        throw new ValidationException("record", "no record with id " + a.recordId());
      }
      a.change().person().ifPresent(k -> requireSubject(s, k, "person"));
      CreditRecord next = old.withStatusChange(a.change());
      if (next == old) {
        counts[2]++;
      } else {
        j.put(s.records, a.recordId(), next);
        counts[1]++;
      }
    } else if (op instanceof WriteOp.PutPending p) {
      if (!s.pending.containsKey(p.fact().id())) {
        j.put(s.pending, p.fact().id(), p.fact());
        counts[0]++;
      } else {
        counts[2]++;
      }
    } else if (op instanceof WriteOp.RemovePending r) {
      counts[j.remove(s.pending, r.id()) != null ? 1 : 2]++;
    } else if (op instanceof WriteOp.Checkpoint c) {
      if (c.checkpoint().equals(s.checkpoints.get(c.checkpoint().batchHash()))) {
        counts[2]++; // the same checkpoint again (a retried batch): nothing changes
      } else {
        BatchCheckpoint old = j.put(s.checkpoints, c.checkpoint().batchHash(), c.checkpoint());
        counts[old == null ? 0 : 1]++;
      }
    } else {
      throw new IllegalArgumentException("unknown write operation " + op);
    }
  }

  private static void requireSubject(State s, SubjectKey key, String field) {
    if (!s.subjects.containsKey(key)) {
      throw new ValidationException(field, "no subject with key " + key + " is stored");
    }
  }

  static Map<String, String> mergeMaps(Map<String, String> a, Map<String, String> b) {
    if (b.isEmpty()) {
      return a;
    }
    Map<String, String> m = new HashMap<>(a);
    m.putAll(b);
    return m;
  }

  /** The union of two provenance lists, in order, without two entries of the same batch line. */
  public static List<Provenance> mergeProvenance(List<Provenance> a, List<Provenance> b) {
    if (b.isEmpty()) {
      return a;
    }
    Map<String, Provenance> m = new LinkedHashMap<>();
    for (Provenance p : a) {
      m.putIfAbsent(p.identity(), p);
    }
    for (Provenance p : b) {
      m.putIfAbsent(p.identity(), p);
    }
    return m.size() == a.size() ? a : List.copyOf(m.values());
  }

  @Override
  public StoreCounts counts() {
    return read(
        s ->
            new StoreCounts(
                s.subjects.size(), s.relations.size(), s.records.size(), s.pending.size()));
  }

  @Override
  public long version() {
    return read(s -> s.version);
  }

  @Override
  public void forEachSubject(Consumer<Subject> action) {
    read(s -> List.copyOf(s.subjects.values())).forEach(action);
  }

  @Override
  public void forEachRelation(Consumer<Relation> action) {
    read(s -> List.copyOf(s.relations.values())).forEach(action);
  }

  @Override
  public void forEachRecord(Consumer<CreditRecord> action) {
    read(s -> List.copyOf(s.records.values())).forEach(action);
  }

  @Override
  public List<PendingFact> pending(SubjectKey awaited) {
    return read(s -> s.pending.values().stream().filter(p -> p.awaited().equals(awaited)).toList());
  }

  @Override
  public void forEachPending(Consumer<PendingFact> action) {
    read(s -> List.copyOf(s.pending.values())).forEach(action);
  }

  @Override
  public Optional<BatchCheckpoint> checkpoint(String batchHash) {
    return read(s -> Optional.ofNullable(s.checkpoints.get(batchHash)));
  }

  @Override
  public List<BatchCheckpoint> checkpoints() {
    return read(s -> List.copyOf(s.checkpoints.values()));
  }

  @Override
  public void close() {
    lock.writeLock().lock();
    try {
      closed = true;
    } finally {
      lock.writeLock().unlock();
    }
  }

  private void ensureOpen() {
    if (closed) {
      throw new io.credgraph.StoreException("the in-memory store is closed");
    }
  }

  private <T> T read(java.util.function.Function<State, T> f) {
    lock.readLock().lock();
    try {
      ensureOpen();
      return f.apply(state);
    } finally {
      lock.readLock().unlock();
    }
  }

  /** The whole content; mutated only under the write lock, through a {@link Journal}. */
  private static final class State {
    Map<SubjectKey, Subject> subjects = new HashMap<>();
    Map<SubjectId, SubjectKey> byId = new HashMap<>();
    Map<Relation.Identity, Relation> relations = new LinkedHashMap<>();
    Map<SubjectKey, Set<Relation.Identity>> relationsOf = new HashMap<>();
    Map<String, CreditRecord> records = new LinkedHashMap<>();
    Map<SubjectKey, Set<String>> recordsOf = new HashMap<>();
    Map<String, PendingFact> pending = new LinkedHashMap<>();
    Map<String, BatchCheckpoint> checkpoints = new LinkedHashMap<>();
    long version;
  }

  /** Undo log of one batch: every mutation records its inverse, replayed backwards on failure. */
  private static final class Journal {
    final State state;
    private final java.util.ArrayDeque<Runnable> undo = new java.util.ArrayDeque<>();

    Journal(State state) {
      this.state = state;
    }

    <K, V> V put(Map<K, V> map, K key, V value) {
      boolean had = map.containsKey(key);
      V old = map.put(key, value);
      undo.push(had ? () -> map.put(key, old) : () -> map.remove(key));
      return old;
    }

    <K, V> V remove(Map<K, V> map, K key) {
      boolean had = map.containsKey(key);
      V old = map.remove(key);
      if (had) {
        undo.push(() -> map.put(key, old));
      }
      return old;
    }

    <K, V> void index(Map<K, Set<V>> index, K key, V value) {
      Set<V> set = index.computeIfAbsent(key, k -> new LinkedHashSet<>());
      if (set.add(value)) {
        undo.push(() -> set.remove(value));
      }
    }

    void rollback() {
      while (!undo.isEmpty()) {
        undo.pop().run();
      }
    }
  }
}
