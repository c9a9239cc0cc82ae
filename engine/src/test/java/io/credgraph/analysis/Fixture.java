package io.credgraph.analysis;

import io.credgraph.fixtures.Keys;
import io.credgraph.model.CreditRecord;
import io.credgraph.model.Relation;
import io.credgraph.model.RelationType;
import io.credgraph.model.Subject;
import io.credgraph.model.SubjectKey;
import io.credgraph.store.WriteBatch;
import io.credgraph.store.memory.InMemoryGraphStore;
import java.time.LocalDate;

/** Small graphs for analysis tests, written through the in-memory reference store. */
final class Fixture {
  static final LocalDate SINCE = LocalDate.of(2020, 1, 1);

  final InMemoryGraphStore store = InMemoryGraphStore.create();
  private int orgs;
  private int persons;

  static String uscc(int i) {
    return Keys.usccText("440300", i);
  }

  static String idNumber(int i) {
    return Keys.residentText("440300", LocalDate.of(1970, 1, 1).plusDays(i / 1000), i % 1000);
  }

  SubjectKey company(String name) {
    Subject s = Subject.company(uscc(++orgs), name);
    store.write(WriteBatch.builder().subject(s).build());
    return s.key();
  }

  SubjectKey person(String name) {
    Subject s = Subject.person(idNumber(++persons), name);
    store.write(WriteBatch.builder().subject(s).build());
    return s.key();
  }

  Fixture rel(RelationType type, SubjectKey from, SubjectKey to) {
    return rel(Relation.of(type, from, to, SINCE));
  }

  Fixture rel(Relation r) {
    store.write(WriteBatch.builder().relation(r).build());
    return this;
  }

  Fixture share(SubjectKey holder, SubjectKey held, double ratio) {
    return rel(Relation.shareholder(holder, held, ratio, SINCE));
  }

  Fixture record(CreditRecord r) {
    store.write(WriteBatch.builder().record(r).build());
    return this;
  }

  StoreGraphView view() {
    return StoreGraphView.load(store);
  }
}
