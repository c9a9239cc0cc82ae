package io.credgraph.engine;

import io.credgraph.model.RecordStatus;
import io.credgraph.model.SubjectRef;
import io.credgraph.rules.Rule;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns derived entries into the explanations answers carry: the subject references, the evidence
 * path from the target to the record holder, the reason (rule, basis, record, first and last day),
 * and which of two entries for the same rule and record to show. Called under the read lock.
 */
final class Explanations {
  private final EngineState state;
  private final Map<Rule, Integer> ruleOrder = new HashMap<>();

  Explanations(EngineState state) {
    this.state = state;
    int i = 0;
    for (Rule r : state.rules.rules()) {
      ruleOrder.put(r, i++);
    }
  }

  /**
   * Keeps, per key, the entry that holds longest, then with the shortest path, then the first by
   * path.
   */
  void keepBest(Map<String, Entry> best, String key, Entry e) {
    Entry cur = best.get(key);
    if (cur == null || better(e, cur)) {
      best.put(key, e);
    }
  }

  private boolean better(Entry a, Entry b) {
    if (a.to() != b.to()) {
      return a.to() > b.to();
    }
    if (a.edges().length != b.edges().length) {
      return a.edges().length < b.edges().length;
    }
    return pathKey(a).compareTo(pathKey(b)) < 0;
  }

  /** The entry's path as a canonical line (type, ends, since of each relation). */
  String pathKey(Entry e) {
    Projection p = state.p;
    StringBuilder b = new StringBuilder();
    for (int edge : e.edges()) {
      b.append(p.typeOf(edge))
          .append(':')
          .append(p.keys[p.rFrom[edge]].canonical())
          .append('>')
          .append(p.keys[p.rTo[edge]].canonical())
          .append('@')
          .append(p.rSince[edge])
          .append(';');
    }
    return b.toString();
  }

  /**
   * The order reasons are shown in: catalogue order of the rule, then record, target, first day.
   */
  Comparator<Entry> entryOrder() {
    return Comparator.<Entry>comparingInt(e -> ruleOrder.getOrDefault(e.rule(), Integer.MAX_VALUE))
        .thenComparing(e -> e.rec().id())
        .thenComparingInt(Entry::targetIndex)
        .thenComparingInt(Entry::from);
  }

  Reason reason(Entry e, LocalDate asOf) {
    Rule r = e.rule();
    return new Reason(
        r.id(),
        r.title(),
        r.basis(),
        List.of(e.rec().id()),
        e.rec().list(),
        path(e),
        Projection.date(e.from()),
        Projection.until(e.to()),
        disputed(e, asOf));
  }

  boolean disputed(Entry e, LocalDate asOf) {
    return e.rec().statusOn(asOf) == RecordStatus.OBJECTED;
  }

  SubjectRef ref(int s) {
    Projection p = state.p;
    return new SubjectRef(p.ids[s], p.kindOf(s), p.names[s], p.keys[s]);
  }

  /** The path from the entry's target to the record holder. */
  EvidencePath path(Entry e) {
    int[] nodes = e.nodes();
    int[] edges = e.edges();
    List<SubjectRef> subjects = new ArrayList<>(nodes.length);
    List<PathHop> hops = new ArrayList<>(edges.length);
    for (int i = nodes.length - 1; i >= 0; i--) {
      subjects.add(ref(nodes[i]));
      if (i > 0) {
        int edge = edges[i - 1];
        hops.add(hop(edge, nodes[i]));
      }
    }
    return new EvidencePath(subjects, hops);
  }

  PathHop hop(int edge, int fromNode) {
    Projection p = state.p;
    return new PathHop(
        p.typeOf(edge),
        Projection.date(p.rSince[edge]),
        Projection.until(p.rUntil[edge]),
        p.rFrom[edge] == fromNode);
  }
}
