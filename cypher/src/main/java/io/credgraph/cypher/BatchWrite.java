package io.credgraph.cypher;

import io.credgraph.ValidationException;
import io.credgraph.model.CreditRecord;
import io.credgraph.model.Provenance;
import io.credgraph.model.Relation;
import io.credgraph.model.Subject;
import io.credgraph.model.SubjectKey;
import io.credgraph.store.BatchCheckpoint;
import io.credgraph.store.PendingFact;
import io.credgraph.store.WriteBatch;
import io.credgraph.store.WriteOp;
import io.credgraph.store.WriteResult;
import io.credgraph.store.codec.PropertyCodec;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;

/**
 * One batch applied inside one write transaction. Consecutive operations of one kind form a group:
 * the group's stored facts are read with one {@code UNWIND} statement, merged in Java (the same
 * rules as every backend, see {@link io.credgraph.store.GraphStore}), and the changed ones written
 * back with one {@code UNWIND} statement per kind of change. A group sees everything earlier groups
 * of the batch wrote.
 */
final class BatchWrite {
  private static final PropertyCodec CODEC = CypherGraphStore.CODEC;
  private final CypherTx tx;
  private long version;
  private long checkpointSeq;
  private int created;
  private int updated;
  private int unchanged;

  /**
   * Whether stored state changed at all (provenance-only changes included): the version then moves.
   */
  private boolean changed;

  BatchWrite(CypherTx tx) {
    this.tx = tx;
  }

  WriteResult apply(WriteBatch batch) {
    Map<String, Object> meta =
        tx.list(Statement.META_LOCK, Map.of("id", CypherGraphStore.META_ID)).get(0);
    version = CypherGraphStore.num(meta, "version");
    checkpointSeq = CypherGraphStore.num(meta, "checkpointSeq");
    List<WriteOp> ops = batch.ops();
    int start = 0;
    while (start < ops.size()) {
      Class<?> kind = ops.get(start).getClass();
      int end = start;
      while (end < ops.size() && ops.get(end).getClass() == kind) {
        end++;
      }
      applyGroup(ops.subList(start, end));
      start = end;
    }
    if (changed) {
      version++;
      tx.run(
          Statement.META_UPDATE,
          Map.of(
              "id", CypherGraphStore.META_ID, "version", version, "checkpointSeq", checkpointSeq));
    }
    return new WriteResult(created, updated, unchanged, version);
  }

  @SuppressWarnings("unchecked")
  private void applyGroup(List<WriteOp> group) {
    WriteOp first = group.get(0);
    if (first instanceof WriteOp.PutSubject) {
      putSubjects((List<WriteOp.PutSubject>) (List<?>) group);
    } else if (first instanceof WriteOp.PutRelation) {
      putRelations((List<WriteOp.PutRelation>) (List<?>) group);
    } else if (first instanceof WriteOp.EndRelation) {
      endRelations((List<WriteOp.EndRelation>) (List<?>) group);
    } else if (first instanceof WriteOp.PutRecord) {
      putRecords((List<WriteOp.PutRecord>) (List<?>) group);
    } else if (first instanceof WriteOp.AppendStatus) {
      appendStatus((List<WriteOp.AppendStatus>) (List<?>) group);
    } else if (first instanceof WriteOp.PutPending) {
      putPending((List<WriteOp.PutPending>) (List<?>) group);
    } else if (first instanceof WriteOp.RemovePending) {
      removePending((List<WriteOp.RemovePending>) (List<?>) group);
    } else if (first instanceof WriteOp.Checkpoint) {
      checkpoints((List<WriteOp.Checkpoint>) (List<?>) group);
    } else {
      throw new IllegalStateException("unknown write operation " + first.getClass().getName());
    }
  }

  // --- subjects

  private void putSubjects(List<WriteOp.PutSubject> group) {
    Set<String> keys = new LinkedHashSet<>();
    group.forEach(op -> keys.add(op.subject().key().canonical()));
    Map<String, Subject> current = new HashMap<>();
    tx.stream(
        Statement.SUBJECTS_BY_KEYS,
        Map.of("keys", List.copyOf(keys)),
        row -> {
          Subject s = CODEC.subject(CypherGraphStore.map(row, "s"));
          current.put(s.key().canonical(), s);
        });
    Set<String> stored = Set.copyOf(current.keySet());
    Map<String, Subject> dirty = new LinkedHashMap<>();
    for (WriteOp.PutSubject op : group) {
      Subject s = op.subject();
      String key = s.key().canonical();
      Subject old = current.get(key);
      Subject next = old == null ? s : merge(old, s);
      count(old == null, next.equals(old));
      if (!next.equals(old)) {
        current.put(key, next);
        dirty.put(key, next);
      }
    }
    List<Map<String, Object>> creates = new ArrayList<>();
    List<Map<String, Object>> updates = new ArrayList<>();
    dirty.forEach(
        (key, s) -> (stored.contains(key) ? updates : creates).add(CODEC.subjectProps(s)));
    if (!creates.isEmpty()) {
      tx.run(Statement.SUBJECTS_CREATE, Map.of("rows", creates));
    }
    if (!updates.isEmpty()) {
      tx.run(Statement.SUBJECTS_UPDATE, Map.of("rows", updates));
    }
  }

  static Subject merge(Subject old, Subject s) {
    return new Subject(
        old.id(),
        s.kind(),
        old.key(),
        s.name(),
        or(s.legalForm(), old.legalForm()),
        or(s.status(), old.status()),
        or(s.registeredOn(), old.registeredOn()),
        or(s.district(), old.district()),
        or(s.industry(), old.industry()),
        merge(old.attributes(), s.attributes()),
        merge(old.provenance(), s.provenance()));
  }

  // --- relations

  private void putRelations(List<WriteOp.PutRelation> group) {
    List<Map<String, Object>> lookup = new ArrayList<>();
    Map<Relation.Identity, Integer> index = new LinkedHashMap<>();
    for (WriteOp.PutRelation op : group) {
      Relation r = op.relation();
      if (index.putIfAbsent(r.identity(), lookup.size()) == null) {
        lookup.add(identityRow(lookup.size(), r));
      }
    }
    Map<Relation.Identity, Stored<Relation>> current = new HashMap<>();
    List<Relation.Identity> ids = new ArrayList<>(index.keySet());
    List<String> missing = new ArrayList<>();
    tx.stream(
        Statement.RELATIONS_BY_IDENTITY,
        Map.of("rows", lookup),
        row -> {
          Relation.Identity id = ids.get((int) CypherGraphStore.num(row, "i"));
          if (!(Boolean) row.get("fromStored") || !(Boolean) row.get("toStored")) {
            SubjectKey absent = (Boolean) row.get("fromStored") ? id.to() : id.from();
            missing.add(
                "relation "
                    + id.type()
                    + " from "
                    + id.from()
                    + " to "
                    + id.to()
                    + " since "
                    + id.since()
                    + " needs subject "
                    + absent
                    + ", which is not stored");
          } else if (row.get("eid") != null) {
            current.put(
                id,
                new Stored<>(
                    (String) row.get("eid"),
                    CODEC.relation(
                        id.type().name(),
                        id.from().canonical(),
                        id.to().canonical(),
                        CypherGraphStore.map(row, "r"))));
          }
        });
    if (!missing.isEmpty()) {
      throw new ValidationException(
          "subject",
          missing.size() == 1
              ? missing.get(0)
              : missing.get(0) + " (and " + (missing.size() - 1) + " more relations of the batch)");
    }

    Map<Relation.Identity, Stored<Relation>> dirty = new LinkedHashMap<>();
    for (WriteOp.PutRelation op : group) {
      Relation r = op.relation();
      Stored<Relation> old = current.get(r.identity());
      Relation next = old == null ? r : merge(old.value(), r);
      Relation before = old == null ? null : old.value();
      count(old == null, next.equals(before));
      if (!next.equals(before)) {
        Stored<Relation> s = new Stored<>(old == null ? null : old.eid(), next);
        current.put(r.identity(), s);
        dirty.put(r.identity(), s);
      }
    }
    writeRelations(dirty.values());
  }

  static Relation merge(Relation old, Relation r) {
    OptionalDouble ratio = r.ratio().isPresent() ? r.ratio() : old.ratio();
    return new Relation(
        old.type(),
        old.from(),
        old.to(),
        old.since(),
        or(r.until(), old.until()),
        ratio,
        merge(old.attributes(), r.attributes()),
        merge(old.provenance(), r.provenance()));
  }

  private void endRelations(List<WriteOp.EndRelation> group) {
    List<Map<String, Object>> rows = new ArrayList<>();
    for (int i = 0; i < group.size(); i++) {
      WriteOp.EndRelation op = group.get(i);
      Map<String, Object> row = new HashMap<>();
      row.put("i", (long) i);
      row.put("type", op.type().name());
      row.put("from", op.from().canonical());
      row.put("to", op.to().canonical());
      row.put("until", op.until());
      rows.add(row);
    }
    Map<String, Stored<Relation>> open = new LinkedHashMap<>();
    Map<Integer, List<String>> byOp = new HashMap<>();
    tx.stream(
        Statement.RELATIONS_OPEN_UNTIL,
        Map.of("rows", rows),
        row -> {
          WriteOp.EndRelation op = group.get((int) CypherGraphStore.num(row, "i"));
          String eid = (String) row.get("eid");
          open.putIfAbsent(
              eid,
              new Stored<>(
                  eid,
                  CODEC.relation(
                      op.type().name(),
                      op.from().canonical(),
                      op.to().canonical(),
                      CypherGraphStore.map(row, "r"))));
          byOp.computeIfAbsent((int) CypherGraphStore.num(row, "i"), k -> new ArrayList<>())
              .add(eid);
        });
    Map<String, Stored<Relation>> dirty = new LinkedHashMap<>();
    for (int i = 0; i < group.size(); i++) {
      WriteOp.EndRelation op = group.get(i);
      for (String eid : byOp.getOrDefault(i, List.of())) {
        Relation r = open.get(eid).value();
        if (r.until().isPresent()) {
          continue;
        }
        Relation ended =
            r.withUntil(op.until()).withProvenance(merge(r.provenance(), List.of(op.provenance())));
        open.put(eid, new Stored<>(eid, ended));
        dirty.put(eid, new Stored<>(eid, ended));
        updated++;
        changed = true;
      }
    }
    writeRelations(dirty.values());
  }

  private void writeRelations(Iterable<Stored<Relation>> relations) {
    List<Map<String, Object>> creates = new ArrayList<>();
    List<Map<String, Object>> updates = new ArrayList<>();
    for (Stored<Relation> s : relations) {
      Relation r = s.value();
      Map<String, Object> row = CODEC.relationProps(r);
      if (s.eid() == null) {
        row.put("type", r.type().name());
        row.put("from", r.from().canonical());
        row.put("to", r.to().canonical());
        creates.add(row);
      } else {
        row.put("eid", s.eid());
        updates.add(row);
      }
    }
    if (!creates.isEmpty()) {
      tx.run(Statement.RELATIONS_CREATE, Map.of("rows", creates));
    }
    if (!updates.isEmpty()) {
      tx.run(Statement.RELATIONS_UPDATE, Map.of("rows", updates));
    }
  }

  private static Map<String, Object> identityRow(int i, Relation r) {
    Map<String, Object> row = new HashMap<>();
    row.put("i", (long) i);
    row.put("type", r.type().name());
    row.put("from", r.from().canonical());
    row.put("to", r.to().canonical());
    row.put("since", r.since());
    return row;
  }

  // --- records

  private void putRecords(List<WriteOp.PutRecord> group) {
    Set<SubjectKey> subjects = new LinkedHashSet<>();
    group.forEach(op -> subjects.add(op.record().subject()));
    Set<String> missing = missingSubjects(subjects);
    for (WriteOp.PutRecord op : group) {
      if (missing.contains(op.record().subject().canonical())) {
        throw new ValidationException(
            "subject",
            "record "
                + op.record().id()
                + " belongs to subject "
                + op.record().subject()
                + ", which is not stored");
      }
    }
    Map<String, CreditRecord> current =
        storedRecords(group.stream().map(op -> op.record().id()).toList());
    Map<String, CreditRecord> creates = new LinkedHashMap<>();
    Map<String, CreditRecord> updates = new LinkedHashMap<>();
    for (WriteOp.PutRecord op : group) {
      CreditRecord r = op.record();
      CreditRecord old = current.get(r.id());
      if (old == null) {
        current.put(r.id(), r);
        creates.put(r.id(), r);
        created++;
        changed = true;
        continue;
      }
      if (!old.subject().equals(r.subject())) {
        throw new ValidationException(
            "subject",
            "record "
                + r.id()
                + " is stored for subject "
                + old.subject()
                + " and cannot be delivered again for subject "
                + r.subject());
      }
      CreditRecord next = old.withProvenance(merge(old.provenance(), r.provenance()));
      count(false, next.equals(old));
      if (!next.equals(old)) {
        current.put(r.id(), next);
        (creates.containsKey(r.id()) ? creates : updates).put(r.id(), next);
      }
    }
    if (!creates.isEmpty()) {
      tx.run(
          Statement.RECORDS_CREATE,
          Map.of("rows", creates.values().stream().map(CODEC::recordProps).toList()));
    }
    writeRecordUpdates(updates.values());
  }

  private void appendStatus(List<WriteOp.AppendStatus> group) {
    Map<String, CreditRecord> current =
        storedRecords(group.stream().map(WriteOp.AppendStatus::recordId).toList());
    Map<String, CreditRecord> dirty = new LinkedHashMap<>();
    for (WriteOp.AppendStatus op : group) {
      CreditRecord old = current.get(op.recordId());
      if (old == null) {
        throw new ValidationException(
            "record",
            "status change "
                + op.change().event()
                + " on "
                + op.change().on()
                + " is for record "
                + op.recordId()
                + ", which is not stored");
      }
      CreditRecord next = old.withStatusChange(op.change());
      if (next == old) {
        unchanged++;
      } else {
        updated++;
        changed = true;
        current.put(op.recordId(), next);
        dirty.put(op.recordId(), next);
      }
    }
    writeRecordUpdates(dirty.values());
  }

  private Map<String, CreditRecord> storedRecords(List<String> ids) {
    Map<String, CreditRecord> current = new HashMap<>();
    tx.stream(
        Statement.RECORDS_BY_IDS,
        Map.of("ids", List.copyOf(new LinkedHashSet<>(ids))),
        row -> {
          CreditRecord r = CODEC.record(CypherGraphStore.map(row, "r"));
          current.put(r.id(), r);
        });
    return current;
  }

  private void writeRecordUpdates(Iterable<CreditRecord> records) {
    List<Map<String, Object>> rows = new ArrayList<>();
    for (CreditRecord r : records) {
      rows.add(
          Map.of(
              "id",
              r.id(),
              "history",
              PropertyCodec.historyJson(r.history()),
              "provenance",
              PropertyCodec.provenanceJson(r.provenance())));
    }
    if (!rows.isEmpty()) {
      tx.run(Statement.RECORDS_UPDATE, Map.of("rows", rows));
    }
  }

  // --- pending facts and checkpoints

  private void putPending(List<WriteOp.PutPending> group) {
    Set<String> stored = new HashSet<>();
    tx.stream(
        Statement.PENDING_BY_IDS,
        Map.of("ids", group.stream().map(op -> op.fact().id()).distinct().toList()),
        row -> stored.add((String) row.get("id")));
    List<Map<String, Object>> rows = new ArrayList<>();
    for (WriteOp.PutPending op : group) {
      PendingFact f = op.fact();
      if (stored.add(f.id())) {
        rows.add(CODEC.pendingProps(f));
        created++;
        changed = true;
      } else {
        unchanged++;
      }
    }
    if (!rows.isEmpty()) {
      tx.run(Statement.PENDING_CREATE, Map.of("rows", rows));
    }
  }

  private void removePending(List<WriteOp.RemovePending> group) {
    List<String> ids = group.stream().map(WriteOp.RemovePending::id).distinct().toList();
    long removed =
        CypherGraphStore.num(
            tx.list(Statement.PENDING_DELETE, Map.of("ids", ids)).get(0), "removed");
    if (removed > 0) {
      updated += (int) removed;
      changed = true;
    }
  }

  private void checkpoints(List<WriteOp.Checkpoint> group) {
    Map<String, Map<String, Object>> stored = new HashMap<>();
    tx.stream(
        Statement.CHECKPOINTS_BY_HASHES,
        Map.of("hashes", group.stream().map(op -> op.checkpoint().batchHash()).distinct().toList()),
        row -> {
          Map<String, Object> c = CypherGraphStore.map(row, "c");
          stored.put((String) c.get("batchHash"), c);
        });
    Map<String, Map<String, Object>> rows = new LinkedHashMap<>();
    for (WriteOp.Checkpoint op : group) {
      BatchCheckpoint cp = op.checkpoint();
      Map<String, Object> old = stored.get(cp.batchHash());
      long seq = old == null ? ++checkpointSeq : CypherGraphStore.num(old, "seq");
      if (old != null && CODEC.checkpoint(old).equals(cp)) {
        unchanged++;
        continue;
      }
      Map<String, Object> props = CODEC.checkpointProps(cp, seq);
      if (old == null) {
        created++;
      } else {
        updated++;
      }
      changed = true;
      stored.put(cp.batchHash(), props);
      rows.put(cp.batchHash(), props);
    }
    if (!rows.isEmpty()) {
      tx.run(Statement.CHECKPOINTS_UPSERT, Map.of("rows", List.copyOf(rows.values())));
    }
  }

  // --- shared

  private Set<String> missingSubjects(Set<SubjectKey> keys) {
    Set<String> missing = new HashSet<>();
    keys.forEach(k -> missing.add(k.canonical()));
    tx.stream(
        Statement.SUBJECTS_EXISTING,
        Map.of("keys", List.copyOf(missing)),
        row -> missing.remove((String) row.get("key")));
    return missing;
  }

  /**
   * Counts one put: created, unchanged, or updated (a new provenance is an update: answers show
   * provenance).
   */
  private void count(boolean isNew, boolean same) {
    if (isNew) {
      created++;
      changed = true;
    } else if (same) {
      unchanged++;
    } else {
      updated++;
      changed = true;
    }
  }

  private static <T> Optional<T> or(Optional<T> preferred, Optional<T> fallback) {
    return preferred.isPresent() ? preferred : fallback;
  }

  private static Map<String, String> merge(Map<String, String> old, Map<String, String> added) {
    if (added.isEmpty()) {
      return old;
    }
    Map<String, String> m = new HashMap<>(old);
    m.putAll(added);
    return m;
  }

  /** {@code old} followed by each provenance of {@code added} whose identity is not yet there. */
  static List<Provenance> merge(List<Provenance> old, List<Provenance> added) {
    Set<String> seen = new HashSet<>();
    old.forEach(p -> seen.add(p.identity()));
    List<Provenance> out = null;
    for (Provenance p : added) {
      if (seen.add(p.identity())) {
        if (out == null) {
          out = new ArrayList<>(old);
        }
        out.add(p);
      }
    }
    return out == null ? old : out;
  }

  /** A stored fact and the element id of its relationship ({@code null} when not yet created). */
  private record Stored<T>(String eid, T value) {}
}
