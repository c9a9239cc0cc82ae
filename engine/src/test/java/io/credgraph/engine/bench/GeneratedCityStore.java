package io.credgraph.engine.bench;

import io.credgraph.fixtures.SyntheticCity;
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
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

/**
 * A read-only store that holds nothing: it generates the {@link SyntheticCity} of {@code
 * enterprises} again on every full read ({@code forEachSubject}, {@code forEachRelation}). For
 * measuring the engine on cities whose facts would not fit in memory twice (the province of 10M
 * enterprises, issue #15 item 6): the engine's projection is then the only copy of the graph in the
 * heap. Keyed reads and writes are not supported.
 */
final class GeneratedCityStore implements GraphStore {
  private final int enterprises;
  private final long seed;
  private final int persons;
  private final List<CreditRecord> records;
  private final StoreCounts counts;

  GeneratedCityStore(int enterprises, long seed) {
    this.enterprises = enterprises;
    this.seed = seed;
    long[] n = new long[2];
    SyntheticCity city = SyntheticCity.generate(enterprises, seed, s -> n[0]++, r -> n[1]++);
    // the key lists are not kept (2 GiB at 10M): SyntheticCity.person(i) and enterprise(i) give
    // the i-th key again
    this.persons = city.persons.size();
    this.records = List.copyOf(city.records);
    this.counts = new StoreCounts(n[0], n[1], records.size(), 0);
  }

  /** How many persons the city has ({@link SyntheticCity#person(int)} of 0 to this - 1). */
  int persons() {
    return persons;
  }

  @Override
  public StoreInfo info() {
    return new StoreInfo(
        "generated", "SyntheticCity " + enterprises + " enterprises, seed " + seed, Set.of());
  }

  @Override
  public void forEachSubject(Consumer<Subject> action) {
    SyntheticCity.generate(enterprises, seed, action, r -> {});
  }

  @Override
  public void forEachRelation(Consumer<Relation> action) {
    SyntheticCity.generate(enterprises, seed, s -> {}, action);
  }

  @Override
  public void forEachRecord(Consumer<CreditRecord> action) {
    records.forEach(action);
  }

  @Override
  public void forEachPending(Consumer<PendingFact> action) {}

  @Override
  public StoreCounts counts() {
    return counts;
  }

  @Override
  public long version() {
    return 1;
  }

  @Override
  public List<PendingFact> pending(SubjectKey awaited) {
    return List.of();
  }

  @Override
  public Optional<BatchCheckpoint> checkpoint(String batchHash) {
    return Optional.empty();
  }

  @Override
  public List<BatchCheckpoint> checkpoints() {
    return List.of();
  }

  @Override
  public Optional<Subject> subject(SubjectKey key) {
    throw readOnly();
  }

  @Override
  public Optional<Subject> subject(SubjectId id) {
    throw readOnly();
  }

  @Override
  public List<Relation> relations(
      SubjectKey subject, Direction direction, Set<RelationType> types, Optional<LocalDate> on) {
    throw readOnly();
  }

  @Override
  public List<CreditRecord> records(SubjectKey subject) {
    throw readOnly();
  }

  @Override
  public Optional<CreditRecord> record(String recordId) {
    throw readOnly();
  }

  @Override
  public WriteResult write(WriteBatch batch) {
    throw readOnly();
  }

  @Override
  public void close() {}

  private static UnsupportedOperationException readOnly() {
    return new UnsupportedOperationException(
        "the generated city answers full reads only (forEachSubject, forEachRelation)");
  }
}
