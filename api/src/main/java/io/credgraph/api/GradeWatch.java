package io.credgraph.api;

import io.credgraph.analysis.WatchlistService;
import io.credgraph.engine.CredgraphEngine;
import io.credgraph.grades.CreditGrade;
import io.credgraph.model.CreditRecord;
import io.credgraph.model.SubjectKey;
import io.credgraph.store.WriteBatch;
import io.credgraph.store.WriteOp;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * WATCH alerts for changes of credit grade (DOMAIN.md 9, issue #12 item 4). Before a batch is
 * committed, {@link #before} notes the grade of each organisation a record or status change of the
 * batch concerns, on the day that cause takes effect (the later of a new record's decision and
 * effective dates, a status change's date); after the commit, {@link #after} grades them again on
 * the same day and raises a GRADE_CHANGE alert where the grade differs. Comparing on the same day
 * isolates the batch's effect from the passage of time (a penalty leaving its 12-month window is
 * not a change caused by the batch). Nothing is computed while nobody watches.
 */
final class GradeWatch {
  /** An organisation, the cause, the day and its grade on that day before the batch. */
  record Probe(
      SubjectKey subject, String recordId, String list, LocalDate on, CreditGrade before) {}

  private GradeWatch() {}

  static List<Probe> before(CredgraphEngine engine, WatchlistService watchlists, WriteBatch batch) {
    if (!watchlists.watching()) {
      return List.of();
    }
    Map<String, Probe> probes = new LinkedHashMap<>();
    for (WriteOp op : batch.ops()) {
      Optional<CreditRecord> record = Optional.empty();
      LocalDate on = null;
      if (op instanceof WriteOp.PutRecord p) {
        record = Optional.of(p.record());
        on =
            p.record().effectiveFrom().isAfter(p.record().decidedOn())
                ? p.record().effectiveFrom()
                : p.record().decidedOn();
      } else if (op instanceof WriteOp.AppendStatus a) {
        record = engine.store().record(a.recordId());
        on = a.change().on();
      }
      if (record.isEmpty()
          || !record.get().subject().mayBeOrganisation()
          || engine.store().subject(record.get().subject()).isEmpty()) {
        continue;
      }
      CreditRecord r = record.get();
      LocalDate day = on;
      String key = r.subject().canonical() + "|" + day;
      if (!probes.containsKey(key)) {
        engine
            .grade(r.subject(), day)
            .ifPresent(g -> probes.put(key, new Probe(r.subject(), r.id(), r.list(), day, g)));
      }
    }
    return new ArrayList<>(probes.values());
  }

  static void after(CredgraphEngine engine, WatchlistService watchlists, List<Probe> probes) {
    for (Probe p : probes) {
      engine
          .grade(p.subject(), p.on())
          .ifPresent(
              g ->
                  watchlists.onGradeChange(
                      p.subject(),
                      p.recordId(),
                      p.list(),
                      p.on(),
                      p.before().grade().name(),
                      g.grade().name()));
    }
  }
}
