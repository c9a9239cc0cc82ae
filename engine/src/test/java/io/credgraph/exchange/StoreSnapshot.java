package io.credgraph.exchange;

import io.credgraph.model.CreditRecord;
import io.credgraph.model.Relation;
import io.credgraph.model.Subject;
import io.credgraph.store.BatchCheckpoint;
import io.credgraph.store.GraphStore;
import io.credgraph.store.PendingFact;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Everything a store holds, as sorted text, for comparing two stores: subjects (without their
 * random id), relations, records with history and provenance, pending facts and batch checkpoints
 * (without their time). Two stores loaded from the same batches, however often interrupted, must
 * have equal snapshots.
 */
public record StoreSnapshot(
    List<String> subjects,
    List<String> relations,
    List<String> records,
    List<String> pending,
    List<String> checkpoints) {

  public static StoreSnapshot of(GraphStore store) {
    return of(store, true);
  }

  /**
   * The graph alone, for comparing a store with one loaded from its export: subjects, relations,
   * records and the keys pending facts await, without provenance, checkpoints or what an exchange
   * format need not carry (a subject's status, district and industry; a record's liable persons,
   * profession, sentence and history).
   */
  public static StoreSnapshot graphOf(GraphStore store) {
    return of(store, false);
  }

  private static StoreSnapshot of(GraphStore store, boolean full) {
    List<String> subjects = new ArrayList<>();
    store.forEachSubject(s -> subjects.add(subject(s, full)));
    List<String> relations = new ArrayList<>();
    store.forEachRelation(r -> relations.add(relation(r, full)));
    List<String> records = new ArrayList<>();
    store.forEachRecord(r -> records.add(record(r, full)));
    List<String> pending = new ArrayList<>();
    store.forEachPending(p -> pending.add(full ? pending(p) : p.awaited().canonical()));
    List<String> checkpoints = new ArrayList<>();
    for (BatchCheckpoint c : full ? store.checkpoints() : List.<BatchCheckpoint>of()) {
      checkpoints.add(
          c.batchHash()
              + " "
              + c.name()
              + " "
              + c.department()
              + " "
              + c.lastLine()
              + " "
              + c.complete());
    }
    Collections.sort(subjects);
    Collections.sort(relations);
    Collections.sort(records);
    Collections.sort(pending);
    Collections.sort(checkpoints);
    return new StoreSnapshot(subjects, relations, records, pending, checkpoints);
  }

  private static String subject(Subject s, boolean full) {
    return s.key().canonical()
        + " "
        + s.kind()
        + " "
        + s.name()
        + " "
        + s.legalForm()
        + (full ? " " + s.status() : "")
        + " "
        + s.registeredOn()
        + (full ? " " + s.district() + " " + s.industry() : "")
        + " "
        + sorted(s.attributes())
        + (full ? " " + sortedProv(s.provenance()) : "");
  }

  private static String relation(Relation r, boolean full) {
    return r.type()
        + " "
        + r.from().canonical()
        + " "
        + r.to().canonical()
        + " "
        + r.since()
        + " "
        + r.until()
        + " "
        + r.ratio()
        + " "
        + sorted(r.attributes())
        + (full ? " " + sortedProv(r.provenance()) : "");
  }

  private static String record(CreditRecord r, boolean full) {
    String graph =
        r.id()
            + " "
            + r.subject().canonical()
            + " "
            + r.list()
            + " "
            + r.department()
            + " "
            + r.decisionNo()
            + " "
            + r.basis()
            + " "
            + r.decidedOn()
            + " "
            + r.effectiveFrom()
            + " "
            + r.effectiveUntil();
    if (!full) {
      return graph + " " + sorted(r.attributes());
    }
    return graph
        + " "
        + r.liablePersons().stream().map(k -> k.canonical()).toList()
        + " "
        + r.profession()
        + " "
        + r.crime()
        + " "
        + r.sentenceCompletedOn()
        + " "
        + r.probationEndsOn()
        + " "
        + r.politicalRightsDeprivedUntil()
        + " "
        + sorted(r.attributes())
        + " history="
        + r.history()
        + " "
        + sortedProv(r.provenance());
  }

  private static String pending(PendingFact p) {
    return p.id() + " " + p.awaited().canonical() + " " + p.provenance() + " " + p.line();
  }

  private static String sorted(Map<String, String> m) {
    return new TreeMap<>(m).toString();
  }

  private static String sortedProv(List<?> p) {
    List<String> s = new ArrayList<>(p.stream().map(Object::toString).toList());
    Collections.sort(s);
    return s.toString();
  }

  /** Total number of facts, for messages. */
  public int size() {
    return subjects.size() + relations.size() + records.size() + pending.size();
  }
}
