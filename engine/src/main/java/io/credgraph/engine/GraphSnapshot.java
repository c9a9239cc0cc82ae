package io.credgraph.engine;

import io.credgraph.analysis.GraphData;
import io.credgraph.analysis.GraphView;
import io.credgraph.model.CreditRecord;
import io.credgraph.model.LegalForm;
import io.credgraph.model.Subject;
import io.credgraph.model.SubjectId;
import io.credgraph.model.SubjectKey;
import io.credgraph.model.SubjectKind;
import io.credgraph.model.SubjectStatus;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

/**
 * One committed version of the engine's in-memory graph, frozen for the readers that run without
 * the engine's lock: the investigation services (search, neighbourhood, paths, controllers,
 * clusters, statistics), watchlists, lists and dashboards. There is no second copy of the graph:
 * the snapshot shares what the {@link Projection} only ever appends to (subject keys, relation ends
 * and types, the CSR adjacency, the record holders, the lookup maps) and copies, once per version,
 * what a write may change in place (names, attributes, relation dates and ratios, the overflow
 * adjacency, the record array). Taking one costs O(subjects + relations) array copies, a few
 * milliseconds on the 100k city, instead of reading the whole store.
 *
 * <p>Immutable and safe to share between threads. Nodes, edges and records added after it was taken
 * are invisible to it: lookups ignore numbers at or above its counts.
 */
public final class GraphSnapshot implements GraphData {
  private static final SubjectKind[] KINDS = SubjectKind.values();
  private static final LegalForm[] FORMS = LegalForm.values();
  private static final SubjectStatus[] STATUSES = SubjectStatus.values();

  private final long version;
  private final Object numbering;
  private final int n;
  private final int m;
  private final int r;
  // subjects
  private final SubjectKey[] keys;
  private final SubjectId[] ids;
  private final String[] names;
  private final byte[] kind;
  private final byte[] form;
  private final byte[] status;
  private final int[] registered;
  private final int[] district;
  private final int[] industry;
  private final String[] words;
  private final ConcurrentHashMap<SubjectKey, Integer> index;
  private final ConcurrentHashMap<SubjectId, Integer> byId;
  // relations
  private final int[] from;
  private final int[] to;
  private final byte[] type;
  private final int[] since;
  private final int[] until;
  private final double[] ratio;
  private final int csrNodes;
  private final int[] outStart;
  private final int[] outEdge;
  private final int[] inStart;
  private final int[] inEdge;
  private final int[][] outMore;
  private final int[][] inMore;
  // records
  private final CreditRecord[] recs;
  private final ConcurrentHashMap<String, Integer> recIndex;

  /** Freezes {@code p} as of {@code version}; the caller holds the engine's read lock. */
  GraphSnapshot(Projection p, long version) {
    this.version = version;
    this.numbering = p.index;
    n = p.n;
    m = p.m;
    r = p.r;
    keys = p.keys;
    ids = Arrays.copyOf(p.ids, n);
    names = Arrays.copyOf(p.names, n);
    kind = Arrays.copyOf(p.kind, n);
    form = Arrays.copyOf(p.form, n);
    status = Arrays.copyOf(p.status, n);
    registered = Arrays.copyOf(p.registered, n);
    district = Arrays.copyOf(p.district, n);
    industry = Arrays.copyOf(p.industry, n);
    words = p.words.toArray(new String[0]);
    index = p.index;
    byId = p.byId;
    from = p.rFrom;
    to = p.rTo;
    type = p.rType;
    since = Arrays.copyOf(p.rSince, m);
    until = Arrays.copyOf(p.rUntil, m);
    ratio = Arrays.copyOf(p.rRatio, m);
    csrNodes = p.csrNodes;
    outStart = p.outStart;
    outEdge = p.outEdge;
    inStart = p.inStart;
    inEdge = p.inEdge;
    outMore = overflow(p.outMore, n);
    inMore = overflow(p.inMore, n);
    recs = Arrays.copyOf(p.recs, r);
    recIndex = p.recIndex;
  }

  private static int[][] overflow(int[][] more, int n) {
    int[][] out = new int[n][];
    for (int i = 0; i < n; i++) {
      int[] a = more[i];
      if (a != null) {
        out[i] = Arrays.copyOf(a, a[0] + 1);
      }
    }
    return out;
  }

  @Override
  public long version() {
    return version;
  }

  @Override
  public int nodeCount() {
    return n;
  }

  @Override
  public int edgeCount() {
    return m;
  }

  /** How many credit records this version holds. */
  public int recordCount() {
    return r;
  }

  @Override
  public SubjectKind kind(int node) {
    return KINDS[kind[check(node)]];
  }

  @Override
  public SubjectKey key(int node) {
    return keys[check(node)];
  }

  @Override
  public SubjectId id(int node) {
    return ids[node];
  }

  @Override
  public String name(int node) {
    return names[node];
  }

  private int check(int node) {
    if (node >= n) {
      throw new IndexOutOfBoundsException("node " + node + " of " + n);
    }
    return node;
  }

  @Override
  public int node(SubjectKey key) {
    Integer i = key == null ? null : index.get(key);
    return i == null || i >= n ? -1 : i;
  }

  @Override
  public int node(SubjectId id) {
    Integer i = id == null ? null : byId.get(id);
    return i == null || i >= n || !ids[i].equals(id) ? -1 : i;
  }

  @Override
  public int outDegree(int node) {
    int[] more = outMore[node];
    return (node < csrNodes ? outStart[node + 1] - outStart[node] : 0)
        + (more == null ? 0 : more[0]);
  }

  @Override
  public int outEdge(int node, int i) {
    int csr = node < csrNodes ? outStart[node + 1] - outStart[node] : 0;
    return i < csr ? outEdge[outStart[node] + i] : outMore[node][i - csr + 1];
  }

  @Override
  public int inDegree(int node) {
    int[] more = inMore[node];
    return (node < csrNodes ? inStart[node + 1] - inStart[node] : 0) + (more == null ? 0 : more[0]);
  }

  @Override
  public int inEdge(int node, int i) {
    int csr = node < csrNodes ? inStart[node + 1] - inStart[node] : 0;
    return i < csr ? inEdge[inStart[node] + i] : inMore[node][i - csr + 1];
  }

  @Override
  public int edgeFrom(int edge) {
    return from[checkEdge(edge)];
  }

  @Override
  public int edgeTo(int edge) {
    return to[checkEdge(edge)];
  }

  @Override
  public int edgeType(int edge) {
    return type[checkEdge(edge)];
  }

  private int checkEdge(int edge) {
    if (edge >= m) {
      throw new IndexOutOfBoundsException("edge " + edge + " of " + m);
    }
    return edge;
  }

  @Override
  public int edgeSince(int edge) {
    return since[edge];
  }

  @Override
  public int edgeUntil(int edge) {
    return until[edge] == Projection.OPEN ? GraphView.OPEN_UNTIL : until[edge];
  }

  @Override
  public double edgeRatio(int edge) {
    return ratio[edge];
  }

  @Override
  public boolean numbersNodesAs(GraphView earlier) {
    return earlier == this
        || earlier instanceof GraphSnapshot s && s.numbering == numbering && s.n <= n;
  }

  @Override
  public Optional<CreditRecord> record(String id) {
    Integer i = id == null ? null : recIndex.get(id);
    return i == null || i >= r ? Optional.empty() : Optional.of(recs[i]);
  }

  @Override
  public void forEachRecord(Consumer<CreditRecord> action) {
    for (int i = 0; i < r; i++) {
      action.accept(recs[i]);
    }
  }

  /**
   * Every subject with the attributes the projection keeps (kind, key, name, legal form, status,
   * registration date, district, industry); without the exchange's free-form attributes and
   * provenance, which only the store holds.
   */
  @Override
  public void forEachSubject(Consumer<Subject> action) {
    for (int i = 0; i < n; i++) {
      action.accept(subject(i));
    }
  }

  /** The subject of {@code node} as {@link #forEachSubject} gives it. */
  public Subject subject(int node) {
    return new Subject(
        ids[node],
        KINDS[kind[check(node)]],
        keys[node],
        names[node],
        form[node] < 0 ? Optional.empty() : Optional.of(FORMS[form[node]]),
        status[node] < 0 ? Optional.empty() : Optional.of(STATUSES[status[node]]),
        registered[node] == Projection.NEVER
            ? Optional.empty()
            : Optional.of(LocalDate.ofEpochDay(registered[node])),
        word(district[node]),
        word(industry[node]),
        Map.of(),
        List.of());
  }

  private Optional<String> word(int code) {
    return code == 0 ? Optional.empty() : Optional.of(words[code]);
  }
}
