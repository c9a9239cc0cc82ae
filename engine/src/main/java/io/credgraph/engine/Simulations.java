package io.credgraph.engine;

import io.credgraph.NotFoundException;
import io.credgraph.catalogue.ListDefinition;
import io.credgraph.grades.CreditGrade;
import io.credgraph.model.CreditRecord;
import io.credgraph.model.SubjectKind;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * What-if (DOMAIN.md 6.7): what a hypothetical record would add on a day (measures, appointment
 * restrictions, sitting officers made ineligible, grade changes), derived under the read lock and
 * never stored.
 */
final class Simulations {
  private final EngineState state;
  private final Explanations explain;
  private final Restrictions restrictions;
  private final Alerts alerts;
  private final Grading grading;

  Simulations(
      EngineState state,
      Explanations explain,
      Restrictions restrictions,
      Alerts alerts,
      Grading grading) {
    this.state = state;
    this.explain = explain;
    this.restrictions = restrictions;
    this.alerts = alerts;
    this.grading = grading;
  }

  /** See {@link CredgraphEngine#simulate}. */
  Simulation simulate(CreditRecord hypothetical, LocalDate asOf) {
    Objects.requireNonNull(hypothetical, "hypothetical");
    Objects.requireNonNull(asOf, "asOf");
    ListDefinition def = state.lists.require(hypothetical.list());
    state.readLock();
    try {
      Projection p = state.p;
      int holder = p.indexOf(hypothetical.subject());
      if (holder < 0) {
        throw new NotFoundException(
            "subject " + hypothetical.subject() + " of the hypothetical record is not known");
      }
      int day = Projection.day(asOf);
      List<Entry> derived =
          state.derivations.derive(
              hypothetical, holder, Projection.spans(hypothetical, def.objectedInForce()));
      Map<Integer, List<Entry>> byT = new LinkedHashMap<>();
      for (Entry e : derived) {
        if (e.holdsOn(day) && e.rule().inForceOn(asOf)) {
          byT.computeIfAbsent(e.target(), k -> new ArrayList<>()).add(e);
        }
      }
      List<Simulation.Impact> impacts = new ArrayList<>();
      List<Alert> officers = new ArrayList<>();
      for (Map.Entry<Integer, List<Entry>> te : byT.entrySet()) {
        int s = te.getKey();
        impacts.add(
            new Simulation.Impact(
                explain.ref(s),
                restrictions.measures(s, te.getValue(), Optional.empty(), asOf),
                restrictions.appointmentRestrictions(te.getValue(), asOf)));
        if (p.kindOf(s) == SubjectKind.PERSON) {
          officers.addAll(
              alerts.sittingOfficer(s, state.derivations.entries(s), asOf, te.getValue()));
        }
      }
      impacts.sort(Comparator.comparing(i -> i.subject().id().value()));
      List<GradeChange> gradeChanges = new ArrayList<>();
      Optional<CreditGrade> before = grading.gradeOf(holder, asOf);
      if (before.isPresent()) {
        List<CreditRecord> withIt = new ArrayList<>();
        for (int r : p.recordsOf(holder)) {
          withIt.add(p.recs[r]);
        }
        withIt.add(hypothetical);
        CreditGrade after = grading.catalogue().grade(withIt, asOf);
        if (after.grade() != before.get().grade()) {
          gradeChanges.add(new GradeChange(explain.ref(holder), before.get(), after));
        }
      }
      return new Simulation(hypothetical.id(), asOf, impacts, officers, gradeChanges);
    } finally {
      state.readUnlock();
    }
  }
}
