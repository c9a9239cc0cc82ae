package io.credgraph.analysis;

import io.credgraph.ValidationException;
import io.credgraph.model.Relation;
import io.credgraph.model.RelationType;
import io.credgraph.model.Subject;
import io.credgraph.model.SubjectId;
import io.credgraph.model.SubjectKey;
import io.credgraph.model.SubjectKind;
import io.credgraph.store.GraphStore;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;

/**
 * A compact, immutable {@link GraphView}: edges in parallel primitive arrays, adjacency in
 * compressed sparse rows (one offset array and one edge-id array per direction). About 40 bytes per
 * edge plus the subjects' keys and names.
 *
 * <p>{@link #load(GraphStore)} snapshots a store (O(subjects + relations)); {@link #builder()}
 * builds one directly (benchmarks, projections).
 */
public final class StoreGraphView implements GraphView {
  private static final SubjectKind[] KINDS = SubjectKind.values();

  private final long version;
  private final byte[] kinds;
  private final SubjectKey[] keys;
  private final SubjectId[] ids;
  private final String[] names;
  private final Map<SubjectKey, Integer> byKey;
  private final Map<SubjectId, Integer> byId;
  private final int[] from;
  private final int[] to;
  private final byte[] type;
  private final int[] since;
  private final int[] until;
  private final double[] ratio;
  private final int[] outStart;
  private final int[] outEdges;
  private final int[] inStart;
  private final int[] inEdges;

  private StoreGraphView(Builder b, long version) {
    this.version = version;
    int n = b.nodes;
    int m = b.edges;
    kinds = Arrays.copyOf(b.kinds, n);
    keys = Arrays.copyOf(b.keys, n);
    ids = Arrays.copyOf(b.ids, n);
    names = Arrays.copyOf(b.names, n);
    byKey = b.byKey;
    byId = b.byId;
    from = Arrays.copyOf(b.from, m);
    to = Arrays.copyOf(b.to, m);
    type = Arrays.copyOf(b.type, m);
    since = Arrays.copyOf(b.since, m);
    until = Arrays.copyOf(b.until, m);
    ratio = Arrays.copyOf(b.ratio, m);
    outStart = new int[n + 1];
    inStart = new int[n + 1];
    for (int e = 0; e < m; e++) {
      outStart[from[e] + 1]++;
      inStart[to[e] + 1]++;
    }
    for (int i = 0; i < n; i++) {
      outStart[i + 1] += outStart[i];
      inStart[i + 1] += inStart[i];
    }
    outEdges = new int[m];
    inEdges = new int[m];
    int[] outFill = Arrays.copyOf(outStart, n);
    int[] inFill = Arrays.copyOf(inStart, n);
    for (int e = 0; e < m; e++) {
      outEdges[outFill[from[e]]++] = e;
      inEdges[inFill[to[e]]++] = e;
    }
  }

  /**
   * A snapshot of every subject and relation of {@code store}. Relations whose subjects the store
   * does not hold (which a conforming store never returns) are refused with a {@link
   * ValidationException}.
   */
  public static StoreGraphView load(GraphStore store) {
    long version = store.version();
    Builder b = builder();
    store.forEachSubject(b::add);
    store.forEachRelation(b::add);
    return b.build(version);
  }

  public static Builder builder() {
    return new Builder();
  }

  @Override
  public int nodeCount() {
    return keys.length;
  }

  @Override
  public int edgeCount() {
    return from.length;
  }

  @Override
  public SubjectKind kind(int node) {
    return KINDS[kinds[node]];
  }

  @Override
  public SubjectKey key(int node) {
    return keys[node];
  }

  @Override
  public SubjectId id(int node) {
    return ids[node];
  }

  @Override
  public String name(int node) {
    return names[node];
  }

  @Override
  public int node(SubjectKey key) {
    Integer i = byKey.get(key);
    return i == null ? -1 : i;
  }

  @Override
  public int node(SubjectId id) {
    Integer i = byId.get(id);
    return i == null ? -1 : i;
  }

  @Override
  public int outDegree(int node) {
    return outStart[node + 1] - outStart[node];
  }

  @Override
  public int outEdge(int node, int i) {
    return outEdges[outStart[node] + i];
  }

  @Override
  public int inDegree(int node) {
    return inStart[node + 1] - inStart[node];
  }

  @Override
  public int inEdge(int node, int i) {
    return inEdges[inStart[node] + i];
  }

  @Override
  public int edgeFrom(int edge) {
    return from[edge];
  }

  @Override
  public int edgeTo(int edge) {
    return to[edge];
  }

  @Override
  public int edgeType(int edge) {
    return type[edge];
  }

  @Override
  public int edgeSince(int edge) {
    return since[edge];
  }

  @Override
  public int edgeUntil(int edge) {
    return until[edge];
  }

  @Override
  public double edgeRatio(int edge) {
    return ratio[edge];
  }

  @Override
  public long version() {
    return version;
  }

  /** Collects nodes and edges; not thread-safe; {@link #build(long)} once. */
  public static final class Builder {
    private int nodes;
    private int edges;
    private byte[] kinds = new byte[16];
    private SubjectKey[] keys = new SubjectKey[16];
    private SubjectId[] ids = new SubjectId[16];
    private String[] names = new String[16];
    private final Map<SubjectKey, Integer> byKey = new HashMap<>();
    private final Map<SubjectId, Integer> byId = new HashMap<>();
    private int[] from = new int[16];
    private int[] to = new int[16];
    private byte[] type = new byte[16];
    private int[] since = new int[16];
    private int[] until = new int[16];
    private double[] ratio = new double[16];

    private Builder() {}

    /** Adds a subject and returns its node; a key added before keeps its node. */
    public int add(Subject s) {
      return addNode(s.id(), s.kind(), s.key(), s.name());
    }

    public int addNode(SubjectId id, SubjectKind kind, SubjectKey key, String name) {
      Objects.requireNonNull(key, "key");
      Integer known = byKey.get(key);
      if (known != null) {
        return known;
      }
      if (nodes == keys.length) {
        int c = nodes * 2;
        kinds = Arrays.copyOf(kinds, c);
        keys = Arrays.copyOf(keys, c);
        ids = Arrays.copyOf(ids, c);
        names = Arrays.copyOf(names, c);
      }
      int n = nodes++;
      kinds[n] = (byte) kind.ordinal();
      keys[n] = key;
      ids[n] = Objects.requireNonNull(id, "id");
      names[n] = Objects.requireNonNull(name, "name");
      byKey.put(key, n);
      byId.put(id, n);
      return n;
    }

    /** Adds a relation between subjects added before. */
    public int add(Relation r) {
      Integer f = byKey.get(r.from());
      Integer t = byKey.get(r.to());
      if (f == null || t == null) {
        throw new ValidationException(
            f == null ? "from" : "to",
            "relation "
                + r.type()
                + " "
                + r.from()
                + " -> "
                + r.to()
                + " names a subject the graph does not hold");
      }
      return addEdge(
          f,
          t,
          r.type(),
          GraphView.day(r.since()),
          r.until().map(GraphView::day).orElse(OPEN_UNTIL),
          r.ratio().isPresent() ? r.ratio().getAsDouble() : Double.NaN);
    }

    public int addEdge(int f, int t, RelationType relType, int sinceDay, int untilDay, double r) {
      if (f < 0 || f >= nodes || t < 0 || t >= nodes) {
        throw new IllegalArgumentException(
            "edge " + f + " -> " + t + " outside nodes 0.." + (nodes - 1));
      }
      if (edges == from.length) {
        int c = edges * 2;
        from = Arrays.copyOf(from, c);
        to = Arrays.copyOf(to, c);
        type = Arrays.copyOf(type, c);
        since = Arrays.copyOf(since, c);
        until = Arrays.copyOf(until, c);
        ratio = Arrays.copyOf(ratio, c);
      }
      int e = edges++;
      from[e] = f;
      to[e] = t;
      type[e] = (byte) relType.ordinal();
      since[e] = sinceDay;
      until[e] = untilDay;
      ratio[e] = r;
      return e;
    }

    public int nodeCount() {
      return nodes;
    }

    public StoreGraphView build(long version) {
      return new StoreGraphView(this, version);
    }
  }
}
