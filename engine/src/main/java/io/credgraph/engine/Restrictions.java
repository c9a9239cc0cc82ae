package io.credgraph.engine;

import io.credgraph.catalogue.ListDefinition;
import io.credgraph.model.LegalForm;
import io.credgraph.model.ListKind;
import io.credgraph.model.SubjectKind;
import io.credgraph.rules.Domain;
import io.credgraph.rules.Measure;
import io.credgraph.rules.MeasureKind;
import io.credgraph.rules.Role;
import io.credgraph.rules.Rule;
import io.credgraph.rules.RuleScope;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Reads a subject's derived entries on a day: the appointment rules that apply to a role, the
 * reasons that refuse an appointment, the appointment restrictions and the sanction measures in
 * force (INCENTIVE measures left out while a BLACK record is). Called under the read lock.
 */
final class Restrictions {
  private final EngineState state;
  private final Explanations explain;

  Restrictions(EngineState state, Explanations explain) {
    this.state = state;
    this.explain = explain;
  }

  /** Whether the Company Law governs the officers of {@code org}. */
  boolean isCompanyLaw(int org) {
    Projection p = state.p;
    return p.kindOf(org) == SubjectKind.ENTERPRISE
        && p.formOf(org).map(LegalForm::isCompany).orElse(true);
  }

  /** The appointment rules in force on {@code asOf} that cover {@code role}. */
  List<Rule> applicableRules(Role role, boolean companyLaw, LocalDate asOf) {
    List<Rule> out = new ArrayList<>();
    for (Rule r : state.rules.rules()) {
      if (r.scope() == RuleScope.APPOINTMENT
          && r.inForceOn(asOf)
          && r.roles().stream().anyMatch(s -> s.covers(role, companyLaw))) {
        out.add(r);
      }
    }
    return out;
  }

  /** Why {@code person} may not be appointed in {@code target} under {@code applied} on asOf. */
  List<Reason> appointmentReasons(
      int person, List<Rule> applied, int target, LocalDate asOf, List<Entry> entries) {
    int day = Projection.day(asOf);
    Set<Rule> ruleSet = new HashSet<>(applied);
    Map<String, Entry> best = new LinkedHashMap<>();
    for (Entry e : entries) {
      if (ruleSet.contains(e.rule())
          && e.holdsOn(day)
          && !(e.rule().exceptListedEnterprise() && e.holder() == target)) {
        explain.keepBest(best, e.rule().id() + "|" + e.rec().id(), e);
      }
    }
    return best.values().stream()
        .sorted(explain.entryOrder())
        .map(e -> explain.reason(e, asOf))
        .toList();
  }

  /** Every appointment restriction of {@code es} in force on asOf. */
  List<Reason> appointmentRestrictions(List<Entry> es, LocalDate asOf) {
    int day = Projection.day(asOf);
    Map<String, Entry> best = new LinkedHashMap<>();
    for (Entry e : es) {
      if (e.rule().scope() == RuleScope.APPOINTMENT && e.rule().inForceOn(asOf) && e.holdsOn(day)) {
        explain.keepBest(best, e.rule().id() + "|" + e.rec().id(), e);
      }
    }
    return best.values().stream()
        .sorted(explain.entryOrder())
        .map(e -> explain.reason(e, asOf))
        .toList();
  }

  /** The sanction measures of {@code entries} that apply to {@code s} on asOf. */
  List<MeasureHit> measures(int s, List<Entry> entries, Optional<Domain> domain, LocalDate asOf) {
    int day = Projection.day(asOf);
    int[] black = null;
    Map<String, Entry> best = new LinkedHashMap<>();
    Map<String, Measure> measureOf = new HashMap<>();
    for (Entry e : entries) {
      if (e.rule().scope() != RuleScope.SANCTION || !e.holdsOn(day) || !e.rule().inForceOn(asOf)) {
        continue;
      }
      for (Measure m : e.targetSpec().measures()) {
        if (domain.isPresent() && m.domain() != domain.get()) {
          continue;
        }
        if (m.kind() == MeasureKind.INCENTIVE) {
          if (black == null) {
            black = blackSpans(s);
          }
          if (Spans.contains(black, day)) {
            continue;
          }
        }
        String key = e.rule().id() + "|" + m.code() + "|" + e.rec().id();
        explain.keepBest(best, key, e);
        measureOf.put(key, m);
      }
    }
    List<MeasureHit> hits = new ArrayList<>(best.size());
    for (Map.Entry<String, Entry> be : best.entrySet()) {
      Entry e = be.getValue();
      Measure m = measureOf.get(be.getKey());
      int from = e.from();
      int to = e.to();
      if (m.kind() == MeasureKind.INCENTIVE) {
        for (int i = 0; i < black.length; i += 2) {
          if (black[i + 1] < day) {
            from = Math.max(from, black[i + 1] + 1);
          } else if (black[i] > day) {
            to = Math.min(to, black[i] - 1);
          }
        }
      }
      Rule r = e.rule();
      hits.add(
          new MeasureHit(
              m.code(),
              m.title(),
              m.domain(),
              m.kind(),
              m.department(),
              r.id(),
              r.basis(),
              List.of(e.rec().id()),
              e.rec().list(),
              explain.path(e),
              Projection.date(from),
              Projection.until(to),
              explain.disputed(e, asOf)));
    }
    hits.sort(
        Comparator.comparing(MeasureHit::domain)
            .thenComparing(MeasureHit::measure)
            .thenComparing(MeasureHit::rule)
            .thenComparing(h -> h.records().get(0)));
    return hits;
  }

  /** The days {@code s} has a BLACK record in force, merged. */
  private int[] blackSpans(int s) {
    Projection p = state.p;
    List<int[]> all = new ArrayList<>();
    for (int r : p.recordsOf(s)) {
      Optional<ListDefinition> def = state.lists.find(p.recs[r].list());
      if (def.isPresent() && def.get().kind() == ListKind.BLACK) {
        int[] sp = p.recSpans[r];
        for (int i = 0; i < sp.length; i += 2) {
          all.add(new int[] {sp[i], sp[i + 1]});
        }
      }
    }
    all.sort(Comparator.comparingInt(a -> a[0]));
    int[] out = new int[all.size() * 2];
    int len = 0;
    for (int[] a : all) {
      if (len > 0 && (out[len - 1] == Projection.OPEN || out[len - 1] + 1 >= a[0])) {
        out[len - 1] = Math.max(out[len - 1], a[1]);
      } else {
        out[len++] = a[0];
        out[len++] = a[1];
      }
    }
    return Arrays.copyOf(out, len);
  }
}
