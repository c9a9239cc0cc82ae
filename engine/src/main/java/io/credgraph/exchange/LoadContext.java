package io.credgraph.exchange;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
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
 * What a load remembers across lines and batches, always derivable from the store: the kinds of subjects seen
 * (bounded), the keys pending facts await, and which record ids are pending. {@link #rebuild()} re-derives it after a
 * chunk was rolled back.
 */
final class LoadContext {
  private static final int KIND_CACHE = 1 << 20;
  private static final ObjectMapper JSON = new ObjectMapper();

  private final GraphStore store;
  final Set<String> awaited = new HashSet<>();
  /** Pending record id to the canonical key its line awaits. */
  final Map<String, String> pendingRecords = new HashMap<>();
  private final Map<String, SubjectKind> kinds = new LinkedHashMap<>(1024, 0.75f, false) {
    private static final long serialVersionUID = 1L;

    @Override
    protected boolean removeEldestEntry(Map.Entry<String, SubjectKind> eldest) {
      return size() > KIND_CACHE;
    }
  };
  private Map<String, Integer> batchOrder;

  LoadContext(GraphStore store) {
    this.store = store;
    rebuild();
  }

  void rebuild() {
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

  /** The position of a batch among those the store has seen (for the order pending facts are applied in). */
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
