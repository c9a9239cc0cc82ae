package io.credgraph.engine;

import io.credgraph.model.CreditRecord;
import io.credgraph.model.SubjectKey;
import io.credgraph.model.SubjectRef;
import io.credgraph.risk.AssociatedRiskSearch;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeSet;

/**
 * Answers what is known about subjects, each under the read lock: every measure and restriction on
 * one subject, its associated risk with the path to the source, and the marks many subjects carry
 * for drawing a graph.
 */
final class RiskQueries {
  private final EngineState state;
  private final Explanations explain;
  private final Restrictions restrictions;

  RiskQueries(EngineState state, Explanations explain, Restrictions restrictions) {
    this.state = state;
    this.explain = explain;
    this.restrictions = restrictions;
  }

  /** See {@link CredgraphEngine#subjectMeasures}. */
  SubjectMeasures subjectMeasures(SubjectKey key, LocalDate asOf) {
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(asOf, "asOf");
    state.readLock();
    try {
      int s = state.require(key);
      List<Entry> es = state.derivations.entries(s);
      return new SubjectMeasures(
          explain.ref(s),
          asOf,
          restrictions.measures(s, es, Optional.empty(), asOf),
          restrictions.appointmentRestrictions(es, asOf));
    } finally {
      state.readUnlock();
    }
  }

  /** See {@link CredgraphEngine#associatedRisk}. */
  AssociatedRisk associatedRisk(SubjectKey key, LocalDate asOf) {
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(asOf, "asOf");
    state.readLock();
    try {
      Projection p = state.p;
      int s = state.require(key);
      Optional<AssociatedRiskSearch.Found> found =
          AssociatedRiskSearch.search(
              p, s, Projection.day(asOf), AssociatedRiskSearch.DEFAULT_HOPS);
      if (found.isEmpty()) {
        return new AssociatedRisk(explain.ref(s), asOf, 0, Optional.empty());
      }
      AssociatedRiskSearch.Found f = found.get();
      int[] nodes = f.nodes();
      List<SubjectRef> subjects = new ArrayList<>();
      List<PathHop> hops = new ArrayList<>();
      for (int i = 0; i < nodes.length; i++) {
        subjects.add(explain.ref(nodes[i]));
        if (i + 1 < nodes.length) {
          hops.add(explain.hop(f.edges()[i], nodes[i]));
        }
      }
      CreditRecord rec = p.recs[f.record()];
      return new AssociatedRisk(
          explain.ref(s),
          asOf,
          f.score(),
          Optional.of(
              new AssociatedRisk.Source(
                  explain.ref(nodes[nodes.length - 1]),
                  rec.id(),
                  rec.list(),
                  f.severity(),
                  f.hops(),
                  new EvidencePath(subjects, hops))));
    } finally {
      state.readUnlock();
    }
  }

  /** See {@link CredgraphEngine#marks}. */
  Map<SubjectKey, SubjectMarks> marks(
      Collection<SubjectKey> keys, LocalDate asOf, boolean withRisk) {
    Objects.requireNonNull(asOf, "asOf");
    Map<SubjectKey, SubjectMarks> out = new HashMap<>();
    int day = Projection.day(asOf);
    state.readLock();
    try {
      Projection p = state.p;
      for (SubjectKey key : keys) {
        int s = p.indexOf(key);
        if (s < 0) {
          continue;
        }
        TreeSet<String> on = new TreeSet<>();
        for (int rec : p.recordsOf(s)) {
          if (p.inForce(rec, day)) {
            on.add(p.recs[rec].list());
          }
        }
        double risk =
            withRisk
                ? AssociatedRiskSearch.search(p, s, day, AssociatedRiskSearch.DEFAULT_HOPS)
                    .map(AssociatedRiskSearch.Found::score)
                    .orElse(0.0)
                : 0.0;
        out.put(key, new SubjectMarks(List.copyOf(on), risk));
      }
    } finally {
      state.readUnlock();
    }
    return out;
  }
}
