package io.credgraph.engine;

import io.credgraph.model.CreditRecord;
import io.credgraph.rules.RuleCatalogue;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The measures derived from each record of the projection, kept by record and by the subject they
 * reach: derives a record again when it or its surroundings changed, and answers a subject's
 * entries. Read under the engine's read lock, changed under its write lock.
 */
final class Derivations {
  private final RuleCatalogue rules;
  private final HashMap<Integer, List<Entry>> byTarget = new HashMap<>();
  private final ArrayList<List<Entry>> byRecord = new ArrayList<>();
  private Projection p;
  private Deriver deriver;
  private long derivedCount;

  Derivations(RuleCatalogue rules) {
    this.rules = rules;
  }

  /** Forgets every derived measure and derives from now on over {@code projection}. */
  void reset(Projection projection) {
    p = projection;
    deriver = new Deriver(p, rules);
    byTarget.clear();
    byRecord.clear();
    derivedCount = 0;
  }

  /** Derives the measures of record {@code rec} again, in place of those it had. */
  void rederive(int rec) {
    while (byRecord.size() <= rec) {
      byRecord.add(List.of());
    }
    for (Entry old : byRecord.get(rec)) {
      List<Entry> l = byTarget.get(old.target());
      l.removeIf(x -> x == old);
      if (l.isEmpty()) {
        byTarget.remove(old.target());
      }
      derivedCount--;
    }
    List<Entry> fresh = deriver.derive(p.recs[rec], rec, p.recHolder[rec], p.recSpans[rec]);
    byRecord.set(rec, fresh);
    for (Entry e : fresh) {
      byTarget.computeIfAbsent(e.target(), k -> new ArrayList<>(2)).add(e);
    }
    derivedCount += fresh.size();
  }

  /** The measures a record not in the projection would derive (what-if); nothing is kept. */
  List<Entry> derive(CreditRecord rec, int holder, int[] spans) {
    return deriver.derive(rec, -1, holder, spans);
  }

  /** Whether a record on {@code list} triggers by counting the holder's other records. */
  boolean counts(String list) {
    return deriver.counts(list);
  }

  /** The entries that reach subject {@code s}. */
  List<Entry> entries(int s) {
    return byTarget.getOrDefault(s, List.of());
  }

  /** Every subject reached, with its entries (not to be changed). */
  Map<Integer, List<Entry>> byTarget() {
    return byTarget;
  }

  long count() {
    return derivedCount;
  }

  /**
   * Every derived measure as a canonical line (target, rule, target index, record, path by {@code
   * pathKey}, first and last day), sorted.
   */
  List<String> fingerprint(Function<Entry, String> pathKey) {
    List<String> out = new ArrayList<>();
    for (List<Entry> es : byTarget.values()) {
      for (Entry e : es) {
        out.add(
            p.keys[e.target()].canonical()
                + " "
                + e.rule().id()
                + "#"
                + e.targetIndex()
                + " "
                + e.rec().id()
                + " "
                + pathKey.apply(e)
                + " "
                + e.from()
                + ".."
                + e.to());
      }
    }
    out.sort(null);
    return out;
  }
}
