package io.credgraph.engine;

import io.credgraph.model.RelationType;
import io.credgraph.model.SubjectKind;
import io.credgraph.rules.AlertCategory;
import io.credgraph.rules.Role;
import io.credgraph.rules.Rule;
import io.credgraph.rules.RuleScope;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Raises the alerts that hold on a day: sitting officers the appointment check refuses, and
 * ESCALATION measures in force; also the sitting officers a hypothetical record would make
 * ineligible (what-if).
 */
final class Alerts {
  private final EngineState state;
  private final Explanations explain;
  private final Restrictions restrictions;

  Alerts(EngineState state, Explanations explain, Restrictions restrictions) {
    this.state = state;
    this.explain = explain;
    this.restrictions = restrictions;
  }

  /** See {@link CredgraphEngine#alerts}. */
  List<Alert> alerts(Optional<AlertKind> kind, LocalDate asOf, Optional<LocalDate> since) {
    Objects.requireNonNull(asOf, "asOf");
    kind = kind == null ? Optional.empty() : kind;
    since = since == null ? Optional.empty() : since;
    state.readLock();
    try {
      Projection p = state.p;
      Map<Integer, List<Entry>> byTarget = state.derivations.byTarget();
      int day = Projection.day(asOf);
      List<Alert> out = new ArrayList<>();
      if (kind.isEmpty() || kind.get() == AlertKind.SITTING_OFFICER) {
        for (Map.Entry<Integer, List<Entry>> te : byTarget.entrySet()) {
          if (p.kindOf(te.getKey()) == SubjectKind.PERSON
              && te.getValue().stream()
                  .anyMatch(e -> e.rule().scope() == RuleScope.APPOINTMENT && e.holdsOn(day))) {
            out.addAll(sittingOfficer(te.getKey(), te.getValue(), asOf, List.of()));
          }
        }
      }
      if (kind.isEmpty() || kind.get() == AlertKind.ESCALATION) {
        for (Map.Entry<Integer, List<Entry>> te : byTarget.entrySet()) {
          Map<String, Entry> best = new LinkedHashMap<>();
          for (Entry e : te.getValue()) {
            if (e.rule().inForceOn(asOf)
                && e.holdsOn(day)
                && e.targetSpec().measures().stream()
                    .anyMatch(m -> m.alert() == AlertCategory.ESCALATION)) {
              explain.keepBest(best, e.rule().id() + "|" + e.rec().id(), e);
            }
          }
          for (Entry e : best.values()) {
            out.add(
                new Alert(
                    AlertKind.ESCALATION,
                    explain.ref(te.getKey()),
                    Optional.empty(),
                    Optional.empty(),
                    Projection.date(e.from()),
                    List.of(explain.reason(e, asOf))));
          }
        }
      }
      LocalDate from = since.orElse(LocalDate.MIN);
      return out.stream()
          .filter(a -> !a.raisedOn().isBefore(from))
          .sorted(
              Comparator.comparing(Alert::raisedOn)
                  .reversed()
                  .thenComparing(a -> a.kind())
                  .thenComparing(a -> a.subject().id().value())
                  .thenComparing(a -> a.organisation().map(o -> o.id().value()).orElse(""))
                  .thenComparing(a -> a.role().map(Enum::name).orElse("")))
          .toList();
    } finally {
      state.readUnlock();
    }
  }

  /**
   * The sitting-officer alerts of {@code person} on asOf, from its entries plus {@code extra}; with
   * {@code extra} given, only the roles that {@code extra} makes ineligible (what-if). Read lock
   * held.
   */
  List<Alert> sittingOfficer(int person, List<Entry> entries, LocalDate asOf, List<Entry> extra) {
    Projection p = state.p;
    int day = Projection.day(asOf);
    List<Alert> out = new ArrayList<>();
    List<Entry> all = entries;
    if (!extra.isEmpty()) {
      all = new ArrayList<>(entries);
      all.addAll(extra);
    }
    List<Entry> withExtra = all;
    p.forEachOut(
        person,
        edge -> {
          RelationType type = p.typeOf(edge);
          if (!type.isOfficerRole() || !p.edgeInForce(edge, day)) {
            return;
          }
          Role role = Role.of(type).orElseThrow();
          int org = p.rTo[edge];
          List<Rule> applied =
              restrictions.applicableRules(role, restrictions.isCompanyLaw(org), asOf);
          List<Reason> reasons =
              restrictions.appointmentReasons(person, applied, org, asOf, withExtra);
          if (reasons.isEmpty()) {
            return;
          }
          if (!extra.isEmpty()
              && !restrictions.appointmentReasons(person, applied, org, asOf, entries).isEmpty()) {
            return;
          }
          LocalDate restrictedFrom =
              reasons.stream()
                  .map(Reason::restrictedFrom)
                  .min(Comparator.naturalOrder())
                  .orElseThrow();
          LocalDate roleSince = Projection.date(p.rSince[edge]);
          LocalDate raised = roleSince.isAfter(restrictedFrom) ? roleSince : restrictedFrom;
          out.add(
              new Alert(
                  AlertKind.SITTING_OFFICER,
                  explain.ref(person),
                  Optional.of(explain.ref(org)),
                  Optional.of(role),
                  raised,
                  reasons));
        });
    return out;
  }
}
