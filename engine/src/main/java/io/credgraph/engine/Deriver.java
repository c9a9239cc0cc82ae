package io.credgraph.engine;

import io.credgraph.model.CreditRecord;
import io.credgraph.model.RecordStatus;
import io.credgraph.model.SubjectKey;
import io.credgraph.rules.Condition;
import io.credgraph.rules.Period;
import io.credgraph.rules.Rule;
import io.credgraph.rules.RuleCatalogue;
import io.credgraph.rules.RuleScope;
import io.credgraph.rules.Step;
import io.credgraph.rules.Target;
import io.credgraph.rules.Trigger;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Applies the rule catalogue to one record on the projection (DOMAIN.md 5): the derived measures it
 * gives, each with the days it holds. The days are the intersection of
 *
 * <ol>
 *   <li>the period's window (the record's own, N years from a date field, or a period function);
 *   <li>the days the record is in force (its lifecycle: never when REVOKED, up to the day before a
 *       repair, not after effectiveUntil, OBJECTED as the list says);
 *   <li>for each relation on the path, the asOf days its held condition allows (TODAY: the
 *       relation's own days; ANY_TIME_DECIDED_TO_ASOF: from its since on, if it did not end before
 *       decidedOn); ON_DECIDED_ON and ANY_TIME either hold or not;
 *   <li>for a person the court released from an organisation's record, the days before the release
 *       date (joint sanctions only: appointment restrictions follow their own rules).
 * </ol>
 */
final class Deriver {
  private final Projection p;
  private final Map<String, List<Rule>> rulesByList = new HashMap<>();

  Deriver(Projection p, RuleCatalogue catalogue) {
    this.p = p;
    for (Rule rule : catalogue.rules()) {
      for (String list : rule.trigger().lists()) {
        rulesByList.computeIfAbsent(list, k -> new ArrayList<>()).add(rule);
      }
    }
  }

  /**
   * The derived measures of {@code rec} (int id {@code recIdx}, or -1 for a hypothetical one) held
   * by {@code holder}.
   */
  List<Entry> derive(CreditRecord rec, int recIdx, int holder, int[] spans) {
    List<Rule> rules = rulesByList.get(rec.list());
    if (rules == null || spans.length == 0) {
      return List.of();
    }
    List<Entry> out = new ArrayList<>();
    for (Rule rule : rules) {
      if (!rule.trigger().subjectKinds().isEmpty()
          && !rule.trigger().subjectKinds().contains(p.kindOf(holder))) {
        continue;
      }
      boolean ok = true;
      for (Condition c : rule.trigger().conditions()) {
        ok &= c.matches(rec);
      }
      if (!ok || rule.trigger().count().isPresent() && !counted(rule, rec, holder)) {
        continue;
      }
      for (int ti = 0; ti < rule.targets().size(); ti++) {
        Target t = rule.targets().get(ti);
        Period period = t.period().orElse(rule.period());
        Optional<Period.Window> w = period.window(rec);
        if (w.isEmpty()) {
          continue;
        }
        int wFirst = Projection.day(w.get().first());
        int wLast = w.get().last().map(Projection::day).orElse(Projection.OPEN);
        int[] base = clip(spans, wFirst, wLast);
        if (base.length == 0) {
          continue;
        }
        Walk walk = new Walk(rule, ti, t, rec, recIdx, holder, base, out);
        walk.step(0, holder, new int[] {holder}, new int[0], Projection.NEVER, Projection.OPEN);
      }
    }
    return out;
  }

  /**
   * Whether {@code rec} is at least the n-th record meeting the counting trigger of {@code rule}
   * (DOMAIN.md 5.3): n - 1 earlier records of the same holder on the trigger's lists, meeting its
   * conditions, decided within the window of M months ending on rec's decidedOn (both ends
   * included), not REVOKED, and not REPAIRED before rec's decidedOn. "Earlier" is by decidedOn,
   * then by id.
   */
  private boolean counted(Rule rule, CreditRecord rec, int holder) {
    Trigger.Count count = rule.trigger().count().orElseThrow();
    int earlier = 0;
    for (int other : p.recordsOf(holder)) {
      CreditRecord o = p.recs[other];
      if (o.id().equals(rec.id()) || !rule.trigger().lists().contains(o.list())) {
        continue;
      }
      int cmp = o.decidedOn().compareTo(rec.decidedOn());
      if (cmp > 0 || cmp == 0 && o.id().compareTo(rec.id()) > 0) {
        continue;
      }
      if (o.decidedOn().plusMonths(count.withinMonths()).isBefore(rec.decidedOn())) {
        continue;
      }
      if (o.status() == RecordStatus.REVOKED
          || o.repairedOn().map(d -> d.isBefore(rec.decidedOn())).orElse(false)) {
        continue;
      }
      boolean meets = true;
      for (Condition c : rule.trigger().conditions()) {
        meets &= c.matches(o);
      }
      if (meets && ++earlier >= count.nth() - 1) {
        return true;
      }
    }
    return false;
  }

  /**
   * Whether some rule counts records of {@code list} (a change to one such record can change its
   * siblings).
   */
  boolean counts(String list) {
    List<Rule> rules = rulesByList.get(list);
    return rules != null && rules.stream().anyMatch(r -> r.trigger().count().isPresent());
  }

  static int[] clip(int[] spans, int lo, int hi) {
    int[] out = new int[spans.length];
    int len = 0;
    for (int i = 0; i < spans.length; i += 2) {
      int a = Math.max(spans[i], lo);
      int b = Math.min(spans[i + 1], hi);
      if (a <= b) {
        out[len++] = a;
        out[len++] = b;
      }
    }
    return java.util.Arrays.copyOf(out, len);
  }

  private final class Walk {
    final Rule rule;
    final int ti;
    final Target t;
    final CreditRecord rec;
    final int recIdx;
    final int holder;
    final int[] base;
    final List<Entry> out;
    final int decided;

    Walk(
        Rule rule,
        int ti,
        Target t,
        CreditRecord rec,
        int recIdx,
        int holder,
        int[] base,
        List<Entry> out) {
      this.rule = rule;
      this.ti = ti;
      this.t = t;
      this.rec = rec;
      this.recIdx = recIdx;
      this.holder = holder;
      this.base = base;
      this.out = out;
      this.decided = Projection.day(rec.decidedOn());
    }

    void step(int depth, int node, int[] nodes, int[] edges, int lo, int hi) {
      if (depth == t.via().size()) {
        reach(node, nodes, edges, lo, hi);
        return;
      }
      Step s = t.via().get(depth);
      Projection.EdgeVisitor visit =
          e -> {
            if (!s.rels().contains(p.typeOf(e))) {
              return;
            }
            int since = p.rSince[e];
            int until = p.rUntil[e];
            int nlo = lo;
            int nhi = hi;
            switch (s.held()) {
              case ON_DECIDED_ON -> {
                if (since > decided || until < decided) {
                  return;
                }
              }
              case ANY_TIME_DECIDED_TO_ASOF -> {
                if (until < decided) {
                  return;
                }
                nlo = Math.max(nlo, since);
              }
              case TODAY -> {
                nlo = Math.max(nlo, since);
                nhi = Math.min(nhi, until);
              }
              case ANY_TIME -> {}
            }
            int next = s.dir() == Step.Dir.IN ? p.rFrom[e] : p.rTo[e];
            int[] nn = java.util.Arrays.copyOf(nodes, nodes.length + 1);
            nn[nodes.length] = next;
            int[] ne = java.util.Arrays.copyOf(edges, edges.length + 1);
            ne[edges.length] = e;
            step(depth + 1, next, nn, ne, nlo, nhi);
          };
      if (s.dir() == Step.Dir.IN) {
        p.forEachIn(node, visit);
      } else {
        p.forEachOut(node, visit);
      }
    }

    void reach(int target, int[] nodes, int[] edges, int lo, int hi) {
      if (!t.appliesToKind(p.kindOf(target))) {
        return;
      }
      if (t.notHolder() && target == holder) {
        return;
      }
      SubjectKey key = p.keys[target];
      if (t.liable() && !rec.liablePersons().contains(key)) {
        return;
      }
      // a court's release ends, from its date, the joint sanctions that reach the person through an
      // organisation's
      // record; not those from records on the person, nor appointment restrictions (DOMAIN.md 4)
      if (key.mayBePerson() && target != holder && rule.scope() == RuleScope.SANCTION) {
        Optional<java.time.LocalDate> released = rec.releaseDate(key);
        if (released.isPresent()) {
          hi = Math.min(hi, Projection.day(released.get()) - 1);
        }
      }
      int[] spans = clip(base, lo, hi);
      for (int i = 0; i < spans.length; i += 2) {
        out.add(
            new Entry(target, rule, ti, recIdx, rec, holder, nodes, edges, spans[i], spans[i + 1]));
      }
    }
  }
}
