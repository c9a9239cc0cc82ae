package io.credgraph.exchange;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.credgraph.Jsons;
import io.credgraph.model.SubjectKind;
import io.credgraph.store.BatchCheckpoint;
import io.credgraph.store.GraphStore;
import io.credgraph.store.PendingFact;
import java.io.IOException;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What a load remembers across lines and batches, always derivable from the store: the kinds of
 * subjects seen (bounded), the keys pending facts await, and which record ids are pending. {@link
 * #rebuild()} re-derives it after a chunk was rolled back.
 *
 * <p>When the store held nothing when the load began, this context knows every subject and record
 * stored since (as long as its bounded maps did not overflow and no chunk was rolled back): {@link
 * #knowsAll()}. The loader then answers "is it stored?" without asking the store, and checks for
 * conflicts only the organisations whose delivered legal representatives or shareholder ratios
 * could conflict.
 */
final class LoadContext {
  private static final int KIND_CACHE = 1 << 20;
  private static final ObjectMapper JSON = Jsons.plain();

  private final GraphStore store;
  final Set<String> awaited = new HashSet<>();

  /** Pending record id to the canonical key its line awaits. */
  final Map<String, String> pendingRecords = new HashMap<>();

  private final Map<String, SubjectKind> kinds =
      new LinkedHashMap<>(1024, 0.75f, false) {
        private static final long serialVersionUID = 1L;

        @Override
        protected boolean removeEldestEntry(Map.Entry<String, SubjectKind> eldest) {
          if (size() > KIND_CACHE) {
            forget();
            return true;
          }
          return false;
        }
      };
  private Map<String, Integer> batchOrder;
  private boolean knowsAll;
  private long lastVersion;
  private final Set<String> records = new HashSet<>();

  /**
   * Per organisation: LEGAL_REP relations delivered, and the sum of every known SHAREHOLDER ratio
   * delivered.
   */
  private final Map<String, double[]> orgs = new HashMap<>();

  private final Map<String, Map<String, PendingFact>> pendingByKey = new HashMap<>();
  private final Map<String, String> pendingKeyOf = new HashMap<>();

  LoadContext(GraphStore store) {
    this.store = store;
    rebuild();
    io.credgraph.store.StoreCounts c = store.counts();
    knowsAll = c.subjects() == 0 && c.records() == 0 && c.relations() == 0 && c.pending() == 0;
    lastVersion = store.version();
  }

  /** Notes the store version after one of this load's writes. */
  void wrote(long version) {
    lastVersion = version;
  }

  /**
   * Stops trusting what this context knows if someone else wrote to the store since this load's
   * last write.
   */
  void checkForeignWrites() {
    if (knowsAll && store.version() != lastVersion) {
      forget();
    }
  }

  /**
   * Whether every subject and record in the store was stored by this load (and so is known here).
   */
  boolean knowsAll() {
    return knowsAll;
  }

  void recordStored(String id) {
    if (knowsAll) {
      records.add(id);
      if (records.size() > KIND_CACHE) {
        forget();
      }
    }
  }

  boolean recordKnown(String id) {
    return records.contains(id);
  }

  /** Notes a delivered LEGAL_REP or SHAREHOLDER relation to {@code org}. */
  void relationStored(String org, boolean legalRep, double ratio) {
    if (knowsAll) {
      double[] st = orgs.computeIfAbsent(org, k -> new double[2]);
      st[legalRep ? 0 : 1] += legalRep ? 1 : ratio;
      if (orgs.size() > KIND_CACHE) {
        forget();
      }
    }
  }

  /**
   * Whether {@code org}'s relations could hold a conflict (always true unless {@link #knowsAll()}).
   */
  boolean mayConflict(String org) {
    if (!knowsAll) {
      return true;
    }
    double[] st = orgs.get(org);
    return st != null && (st[0] >= 2 || st[1] > 1 + 1e-9);
  }

  private void forget() {
    knowsAll = false;
    records.clear();
    orgs.clear();
    pendingByKey.clear();
    pendingKeyOf.clear();
  }

  /** Committed pending facts awaiting {@code canonical}; only while {@link #knowsAll()}. */
  java.util.Collection<PendingFact> committedPending(String canonical) {
    Map<String, PendingFact> m = pendingByKey.get(canonical);
    return m == null ? List.of() : List.copyOf(m.values());
  }

  void pendingCommitted(PendingFact f) {
    String c = f.awaited().canonical();
    pendingByKey.computeIfAbsent(c, k -> new LinkedHashMap<>()).put(f.id(), f);
    pendingKeyOf.put(f.id(), c);
    if (pendingKeyOf.size() > KIND_CACHE) {
      forget();
    }
  }

  void pendingRemoved(String id) {
    String c = pendingKeyOf.remove(id);
    if (c != null) {
      Map<String, PendingFact> m = pendingByKey.get(c);
      m.remove(id);
      if (m.isEmpty()) {
        pendingByKey.remove(c);
      }
    }
  }

  void rebuild() {
    forget();
    awaited.clear();
    pendingRecords.clear();
    kinds.clear();
    batchOrder = null;
    store.forEachPending(this::index);
  }

  void index(PendingFact f) {
    String c = f.awaited().canonical();
    awaited.add(c);
    recordIdOf(f.line()).ifPresent(id -> pendingRecords.put(id, c));
  }

  static java.util.Optional<String> recordIdOf(String line) {
    try {
      JsonNode n = JSON.readTree(line);
      if ("record".equals(n.path("type").asText()) && n.path("id").isTextual()) {
        return java.util.Optional.of(n.get("id").asText().strip());
      }
    } catch (IOException e) {
      return java.util.Optional.empty();
    }
    return java.util.Optional.empty();
  }

  SubjectKind kind(String canonical) {
    return kinds.get(canonical);
  }

  void kind(String canonical, SubjectKind kind) {
    kinds.put(canonical, kind);
  }

  /**
   * The position of a batch among those the store has seen (for the order pending facts are applied
   * in).
   */
  int batchOrder(String hash) {
    if (batchOrder == null) {
      batchOrder = new HashMap<>();
      List<BatchCheckpoint> cps = store.checkpoints();
      for (int i = 0; i < cps.size(); i++) {
        batchOrder.put(cps.get(i).batchHash(), i);
      }
    }
    return batchOrder.getOrDefault(hash, Integer.MAX_VALUE);
  }

  void batchesChanged() {
    batchOrder = null;
  }
}
