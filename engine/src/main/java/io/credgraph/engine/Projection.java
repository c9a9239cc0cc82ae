package io.credgraph.engine;

import io.credgraph.catalogue.ListCatalogue;
import io.credgraph.catalogue.ListDefinition;
import io.credgraph.model.CreditRecord;
import io.credgraph.model.LegalForm;
import io.credgraph.model.ListKind;
import io.credgraph.model.Relation;
import io.credgraph.model.RelationType;
import io.credgraph.model.Subject;
import io.credgraph.model.SubjectId;
import io.credgraph.model.SubjectKey;
import io.credgraph.model.SubjectKind;
import io.credgraph.risk.ControlGraph;
import io.credgraph.store.GraphStore;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The in-memory projection of the credit graph the engine answers from, in compact primitive arrays
 * in the manner of Neo4j's Graph Data Science projections: subjects are dense ints; relations are
 * parallel arrays (from, to, type, since and until as epoch days, ratio); adjacency is CSR (an
 * offsets array and an edge-id array per direction) built once at start-up, plus small per-subject
 * overflow arrays for relations added since; records are indexed per subject with their in-force
 * spans precomputed. Built from a {@link GraphStore} and kept current by the engine's write path.
 * Not thread-safe: the engine guards it with a read-write lock. A {@link GraphSnapshot} freezes one
 * version of it for readers that run without that lock; for that, everything a snapshot shares
 * without copying is append-only (keys, relation ends and types, the CSR arrays, which are replaced
 * and never changed in place) and the lookup maps are concurrent, their entries never removed.
 */
final class Projection implements ControlGraph {
  static final int OPEN = Integer.MAX_VALUE;
  static final int NEVER = Integer.MIN_VALUE;
  private static final RelationType[] TYPES = RelationType.values();
  private static final SubjectKind[] KINDS = SubjectKind.values();
  private static final LegalForm[] FORMS = LegalForm.values();

  final ListCatalogue lists;

  // subjects
  int n;
  SubjectKey[] keys;
  SubjectId[] ids;
  String[] names;
  byte[] kind;
  byte[] form;
  byte[] status;
  int[] registered;
  int[] district;
  int[] industry;
  final ConcurrentHashMap<SubjectKey, Integer> index;
  final ConcurrentHashMap<SubjectId, Integer> byId;

  /** District and industry codes, by position (0 is "none"); append-only. */
  final List<String> words = new ArrayList<>(List.of(""));

  private final HashMap<String, Integer> wordIndex = new HashMap<>();

  // relations
  int m;
  int[] rFrom;
  int[] rTo;
  byte[] rType;
  int[] rSince;
  int[] rUntil;
  double[] rRatio;

  // adjacency: CSR for the nodes below csrNodes, overflow arrays for edges added after the build
  int csrNodes;
  int[] outStart = new int[1];
  int[] outEdge = new int[0];
  int[] inStart = new int[1];
  int[] inEdge = new int[0];
  int[][] outMore;
  int[][] inMore;
  int overflowEdges;

  // records
  int r;
  CreditRecord[] recs;
  int[] recHolder;
  int[][] recSpans;
  final ConcurrentHashMap<String, Integer> recIndex;
  int[][] recsOf;

  Projection(ListCatalogue lists) {
    this(lists, 0, 0, 0);
  }

  /** An empty projection sized for {@code subjects}, {@code relations} and {@code records}. */
  Projection(ListCatalogue lists, int subjects, int relations, int records) {
    this.lists = lists;
    // room to grow, as doubling from a small start would leave it: an exact fit would make the
    // first
    // writes after start copy every array under the write lock (and the GC pay for it)
    int cap = roomFor(subjects, 1024);
    keys = new SubjectKey[cap];
    ids = new SubjectId[cap];
    names = new String[cap];
    kind = new byte[cap];
    form = new byte[cap];
    status = new byte[cap];
    registered = new int[cap];
    district = new int[cap];
    industry = new int[cap];
    outMore = new int[cap][];
    inMore = new int[cap][];
    recsOf = new int[cap][];
    int ecap = roomFor(relations, 1024);
    rFrom = new int[ecap];
    rTo = new int[ecap];
    rType = new byte[ecap];
    rSince = new int[ecap];
    rUntil = new int[ecap];
    rRatio = new double[ecap];
    int rcap = roomFor(records, 256);
    recs = new CreditRecord[rcap];
    recHolder = new int[rcap];
    recSpans = new int[rcap][];
    index = new ConcurrentHashMap<>(Math.max(16, subjects * 4 / 3 + 1));
    byId = new ConcurrentHashMap<>(Math.max(16, subjects * 4 / 3 + 1));
    recIndex = new ConcurrentHashMap<>(Math.max(16, records * 4 / 3 + 1));
  }

  /** Reads everything from {@code store} and builds the CSR adjacency. */
  static Projection build(GraphStore store, ListCatalogue lists) {
    io.credgraph.store.StoreCounts c = store.counts();
    Projection p =
        new Projection(
            lists,
            (int) Math.min(c.subjects(), 1 << 30),
            (int) Math.min(c.relations(), 1 << 30),
            (int) Math.min(c.records(), 1 << 30));
    store.forEachSubject(p::putSubject);
    store.forEachRelation(rel -> p.appendEdge(rel, false));
    store.forEachRecord(rec -> p.putRecord(rec));
    p.buildCsr();
    return p;
  }

  /** The power of two above {@code n} (at least {@code min}): capacity with room to grow. */
  private static int roomFor(int n, int min) {
    if (n >= 1 << 29) {
      return n + (n >> 3);
    }
    return Math.max(min, Integer.highestOneBit(Math.max(1, n)) << 1);
  }

  static int day(LocalDate d) {
    return (int) d.toEpochDay();
  }

  static LocalDate date(int day) {
    return LocalDate.ofEpochDay(day);
  }

  static Optional<LocalDate> until(int day) {
    return day == OPEN ? Optional.empty() : Optional.of(LocalDate.ofEpochDay(day));
  }

  // ---------------------------------------------------------------- subjects

  /**
   * Adds or updates a subject; returns its int id and whether a rule-relevant attribute changed.
   */
  int putSubject(Subject s) {
    Integer existing = index.get(s.key());
    int i;
    if (existing == null) {
      i = newSubject();
      keys[i] = s.key();
      index.put(s.key(), i);
    } else {
      i = existing;
    }
    setSubject(i, s.id(), s.name(), s.kind(), s.legalForm(), s.status(), s.registeredOn());
    district[i] = word(s.district());
    industry[i] = word(s.industry());
    return i;
  }

  private int newSubject() {
    int i = n++;
    if (i == keys.length) {
      int cap = keys.length * 2;
      keys = Arrays.copyOf(keys, cap);
      ids = Arrays.copyOf(ids, cap);
      names = Arrays.copyOf(names, cap);
      kind = Arrays.copyOf(kind, cap);
      form = Arrays.copyOf(form, cap);
      status = Arrays.copyOf(status, cap);
      registered = Arrays.copyOf(registered, cap);
      district = Arrays.copyOf(district, cap);
      industry = Arrays.copyOf(industry, cap);
      outMore = Arrays.copyOf(outMore, cap);
      inMore = Arrays.copyOf(inMore, cap);
      recsOf = Arrays.copyOf(recsOf, cap);
    }
    return i;
  }

  private void setSubject(
      int i,
      SubjectId id,
      String name,
      SubjectKind k,
      Optional<LegalForm> f,
      Optional<io.credgraph.model.SubjectStatus> st,
      Optional<LocalDate> reg) {
    ids[i] = id;
    byId.put(id, i);
    names[i] = name;
    kind[i] = (byte) k.ordinal();
    form[i] = (byte) f.map(Enum::ordinal).orElse(-1).intValue();
    status[i] = (byte) st.map(Enum::ordinal).orElse(-1).intValue();
    registered[i] = reg.map(Projection::day).orElse(NEVER);
  }

  /**
   * Appends a subject read back from a {@link ProjectionFile} into a fresh projection: the same
   * state {@link #putSubject} leaves (once {@link #indexRestored} has run), without a {@link
   * Subject}.
   */
  void restoreSubject(
      SubjectKey key,
      SubjectId id,
      String name,
      byte kindOrdinal,
      byte formOrdinal,
      byte statusOrdinal,
      int registeredDay,
      Optional<String> districtWord,
      Optional<String> industryWord) {
    int i = newSubject();
    keys[i] = key;
    ids[i] = id;
    names[i] = name;
    kind[i] = kindOrdinal;
    form[i] = formOrdinal;
    status[i] = statusOrdinal;
    registered[i] = registeredDay;
    district[i] = word(districtWord);
    industry[i] = word(industryWord);
  }

  /**
   * Fills the lookup maps of the subjects {@link #restoreSubject} appended, the key map on this
   * thread and the id map on another (a start has two cores for them).
   *
   * @throws IllegalStateException when a key appears twice
   */
  void indexRestored() {
    Thread ids = new Thread(() -> fillById(), "projection-ids");
    ids.start();
    try {
      for (int i = 0; i < n; i++) {
        if (index.putIfAbsent(keys[i], i) != null) {
          throw new IllegalStateException("the projection file holds a subject twice");
        }
      }
    } finally {
      try {
        ids.join();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("interrupted while indexing the projection", e);
      }
    }
  }

  private void fillById() {
    for (int i = 0; i < n; i++) {
      byId.put(ids[i], i);
    }
  }

  /** Appends a relation read back from a {@link ProjectionFile} (before {@link #buildCsr}). */
  void restoreEdge(int a, int b, byte type, int since, int until, double ratio) {
    if (a < 0 || a >= n || b < 0 || b >= n) {
      throw new IllegalStateException("the projection file holds a relation to no subject");
    }
    int e = newEdge();
    rFrom[e] = a;
    rTo[e] = b;
    rType[e] = type;
    rSince[e] = since;
    rUntil[e] = until;
    rRatio[e] = ratio;
  }

  private int word(Optional<String> w) {
    if (w.isEmpty()) {
      return 0;
    }
    return wordIndex.computeIfAbsent(
        w.get(),
        k -> {
          words.add(k);
          return words.size() - 1;
        });
  }

  int indexOf(SubjectKey key) {
    Integer i = index.get(key);
    return i == null ? -1 : i;
  }

  SubjectKind kindOf(int s) {
    return KINDS[kind[s]];
  }

  Optional<LegalForm> formOf(int s) {
    return form[s] < 0 ? Optional.empty() : Optional.of(FORMS[form[s]]);
  }

  // ---------------------------------------------------------------- relations

  /**
   * Appends a relation; with {@code linked}, also to the overflow adjacency (after the CSR is
   * built). Returns false when an end is not a known subject.
   */
  boolean appendEdge(Relation rel, boolean linked) {
    int a = indexOf(rel.from());
    int b = indexOf(rel.to());
    if (a < 0 || b < 0) {
      return false;
    }
    int e = newEdge();
    rFrom[e] = a;
    rTo[e] = b;
    rType[e] = (byte) rel.type().ordinal();
    setDates(e, rel);
    if (linked) {
      outMore[a] = append(outMore[a], e);
      inMore[b] = append(inMore[b], e);
      overflowEdges++;
    }
    return true;
  }

  private int newEdge() {
    int e = m++;
    if (e == rFrom.length) {
      int cap = rFrom.length * 2;
      rFrom = Arrays.copyOf(rFrom, cap);
      rTo = Arrays.copyOf(rTo, cap);
      rType = Arrays.copyOf(rType, cap);
      rSince = Arrays.copyOf(rSince, cap);
      rUntil = Arrays.copyOf(rUntil, cap);
      rRatio = Arrays.copyOf(rRatio, cap);
    }
    return e;
  }

  private void setDates(int e, Relation rel) {
    rSince[e] = day(rel.since());
    rUntil[e] = rel.until().map(Projection::day).orElse(OPEN);
    rRatio[e] = rel.ratio().isPresent() ? rel.ratio().getAsDouble() : Double.NaN;
  }

  /**
   * Makes the projection hold {@code rel} as the store now has it: updates the edge with the same
   * identity (type, from, to, since) or appends a new one. Returns the edge, or -1 when an end is
   * unknown.
   */
  int upsertEdge(Relation rel) {
    if (indexOf(rel.from()) < 0 || indexOf(rel.to()) < 0) {
      return -1;
    }
    int found = findEdge(rel);
    if (found >= 0) {
      setDates(found, rel);
      return found;
    }
    appendEdge(rel, true);
    return m - 1;
  }

  /**
   * The edge with the identity of {@code rel} (type, from, to, since), or -1 when the projection
   * has none.
   */
  int findEdge(Relation rel) {
    int a = indexOf(rel.from());
    int b = indexOf(rel.to());
    if (a < 0 || b < 0) {
      return -1;
    }
    int type = rel.type().ordinal();
    int since = day(rel.since());
    int[] found = {-1};
    forEachOut(
        a,
        e -> {
          if (rTo[e] == b && rType[e] == type && rSince[e] == since) {
            found[0] = e;
          }
        });
    return found[0];
  }

  boolean hasRecord(String id) {
    return recIndex.containsKey(id);
  }

  RelationType typeOf(int e) {
    return TYPES[rType[e]];
  }

  private static int[] append(int[] arr, int v) {
    if (arr == null) {
      return new int[] {1, v};
    }
    int len = arr[0];
    if (len + 1 == arr.length) {
      arr = Arrays.copyOf(arr, arr.length * 2);
    }
    arr[len + 1] = v;
    arr[0] = len + 1;
    return arr;
  }

  /** (Re)builds the CSR adjacency over every edge; the overflow arrays are emptied. */
  void buildCsr() {
    outStart = new int[n + 1];
    inStart = new int[n + 1];
    for (int e = 0; e < m; e++) {
      outStart[rFrom[e] + 1]++;
      inStart[rTo[e] + 1]++;
    }
    for (int i = 0; i < n; i++) {
      outStart[i + 1] += outStart[i];
      inStart[i + 1] += inStart[i];
    }
    outEdge = new int[m];
    inEdge = new int[m];
    int[] o = Arrays.copyOf(outStart, n);
    int[] in = Arrays.copyOf(inStart, n);
    for (int e = 0; e < m; e++) {
      outEdge[o[rFrom[e]]++] = e;
      inEdge[in[rTo[e]]++] = e;
    }
    csrNodes = n;
    Arrays.fill(outMore, null);
    Arrays.fill(inMore, null);
    overflowEdges = 0;
  }

  /**
   * Folds the overflow arrays back into the CSR once they hold more than an eighth of the edges.
   */
  void compactIfWorthIt() {
    if (overflowEdges > Math.max(4096, m / 8)) {
      buildCsr();
    }
  }

  interface EdgeVisitor {
    void visit(int edge);
  }

  void forEachOut(int node, EdgeVisitor v) {
    if (node < csrNodes) {
      for (int i = outStart[node], end = outStart[node + 1]; i < end; i++) {
        v.visit(outEdge[i]);
      }
    }
    int[] more = outMore[node];
    if (more != null) {
      for (int i = 1; i <= more[0]; i++) {
        v.visit(more[i]);
      }
    }
  }

  void forEachIn(int node, EdgeVisitor v) {
    if (node < csrNodes) {
      for (int i = inStart[node], end = inStart[node + 1]; i < end; i++) {
        v.visit(inEdge[i]);
      }
    }
    int[] more = inMore[node];
    if (more != null) {
      for (int i = 1; i <= more[0]; i++) {
        v.visit(more[i]);
      }
    }
  }

  boolean edgeInForce(int e, int day) {
    return rSince[e] <= day && day <= rUntil[e];
  }

  /**
   * Control relation: LEGAL_REP, DIRECTOR, SENIOR_MANAGER, MAIN_RESPONSIBLE, ACTUAL_CONTROLLER,
   * BRANCH_OF, and SHAREHOLDER with a known ratio of at least 0.25.
   */
  boolean isControl(int e) {
    RelationType t = TYPES[rType[e]];
    if (t == RelationType.SHAREHOLDER) {
      return !Double.isNaN(rRatio[e]) && rRatio[e] >= RelationType.CONTROL_RATIO - 1e-6;
    }
    return t.isControl();
  }

  @Override
  public void forEachControlNeighbour(int node, int day, NeighbourVisitor visit) {
    forEachOut(
        node,
        e -> {
          if (isControl(e) && edgeInForce(e, day)) {
            visit.visit(rTo[e], e);
          }
        });
    forEachIn(
        node,
        e -> {
          if (isControl(e) && edgeInForce(e, day)) {
            visit.visit(rFrom[e], e);
          }
        });
  }

  @Override
  public long strongestBlackRecord(int node, int day) {
    int[] rs = recsOf[node];
    long best = 0;
    if (rs == null) {
      return 0;
    }
    for (int i = 1; i <= rs[0]; i++) {
      int rec = rs[i];
      Optional<ListDefinition> def = lists.find(recs[rec].list());
      if (def.isPresent() && def.get().kind() == ListKind.BLACK && inForce(rec, day)) {
        long p = ControlGraph.pack(def.get().severity(), rec);
        if (best == 0 || ControlGraph.severityOf(p) > ControlGraph.severityOf(best)) {
          best = p;
        }
      }
    }
    return best;
  }

  // ---------------------------------------------------------------- records

  /**
   * Adds or replaces a record (as the store now has it); returns its int id, or -1 when its subject
   * is unknown.
   */
  int putRecord(CreditRecord rec) {
    int holder = indexOf(rec.subject());
    if (holder < 0) {
      return -1;
    }
    Integer existing = recIndex.get(rec.id());
    int i;
    if (existing == null) {
      i = r++;
      if (i == recs.length) {
        int cap = recs.length * 2;
        recs = Arrays.copyOf(recs, cap);
        recHolder = Arrays.copyOf(recHolder, cap);
        recSpans = Arrays.copyOf(recSpans, cap);
      }
      recIndex.put(rec.id(), i);
      recHolder[i] = holder;
      recsOf[holder] = append(recsOf[holder], i);
    } else {
      i = existing;
    }
    recs[i] = rec;
    recSpans[i] = spans(rec, objectedInForce(rec.list()));
    return i;
  }

  boolean objectedInForce(String list) {
    return lists.find(list).map(ListDefinition::objectedInForce).orElse(true);
  }

  boolean inForce(int rec, int day) {
    return Spans.contains(recSpans[rec], day);
  }

  /** The records of subject {@code s}, as int ids. */
  int[] recordsOf(int s) {
    int[] rs = recsOf[s];
    return rs == null ? new int[0] : Arrays.copyOfRange(rs, 1, rs[0] + 1);
  }

  /**
   * The days {@code rec} is in force, as sorted disjoint {@code [first, last]} pairs of epoch days
   * ({@link #OPEN} for an open end). Computed from {@link CreditRecord#inForceOn}: the status can
   * only change on {@code effectiveFrom}, on the date of a status change, and on the day after
   * {@code effectiveUntil}, so the record's state on each such day holds until the next one.
   */
  static int[] spans(CreditRecord rec, boolean objectedInForce) {
    TreeSet<LocalDate> points = new TreeSet<>();
    points.add(rec.effectiveFrom());
    rec.history()
        .forEach(
            c -> {
              if (c.on().isAfter(rec.effectiveFrom())) {
                points.add(c.on());
              }
            });
    rec.effectiveUntil().ifPresent(u -> points.add(u.plusDays(1)));
    int[] out = new int[2 * points.size()];
    int len = 0;
    LocalDate[] ps = points.toArray(new LocalDate[0]);
    for (int i = 0; i < ps.length; i++) {
      if (!rec.inForceOn(ps[i], objectedInForce)) {
        continue;
      }
      int first = day(ps[i]);
      int last = i + 1 < ps.length ? day(ps[i + 1]) - 1 : OPEN;
      if (len > 0 && out[len - 1] != OPEN && out[len - 1] + 1 == first) {
        out[len - 1] = last;
      } else {
        out[len++] = first;
        out[len++] = last;
      }
    }
    return Arrays.copyOf(out, len);
  }
}
