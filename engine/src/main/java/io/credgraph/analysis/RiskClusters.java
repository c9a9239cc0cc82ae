package io.credgraph.analysis;

import io.credgraph.ValidationException;
import io.credgraph.catalogue.ListCatalogue;
import io.credgraph.catalogue.ListDefinition;
import io.credgraph.model.CreditRecord;
import io.credgraph.model.ListKind;
import io.credgraph.model.RelationType;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Risk clusters (DOMAIN.md 6.6): connected components of the control graph on a day (LEGAL_REP,
 * DIRECTOR, SENIOR_MANAGER, MAIN_RESPONSIBLE, ACTUAL_CONTROLLER, BRANCH_OF, and SHAREHOLDER from a
 * known ratio of 25 percent, all in force, direction ignored) that contain subjects with BLACK
 * records in force, ranked by the sum of the severities of those records. A component of more than
 * {@link #COMMUNITY_THRESHOLD} subjects is split into its Louvain communities.
 *
 * <p>Components come from union-find with path halving over every edge: O(edges * inverse
 * Ackermann), no recursion.
 */
public final class RiskClusters {
  /** Components with more subjects than this are split into communities. */
  public static final int COMMUNITY_THRESHOLD = 200;

  private final GraphView view;
  private final ListCatalogue catalogue;

  public RiskClusters(GraphView view, ListCatalogue catalogue) {
    this.view = view;
    this.catalogue = catalogue;
  }

  /** Whether {@code edge} is a control relation in force on {@code day}. */
  public static boolean isControl(GraphView view, int edge, int day) {
    int t = view.edgeType(edge);
    if ((Ordinals.CONTROL_MASK >>> t & 1) == 0 || !view.inForce(edge, day)) {
      return false;
    }
    return t != Ordinals.SHAREHOLDER || view.edgeRatio(edge) >= RelationType.CONTROL_RATIO;
  }

  /**
   * The component of every node in the control graph on {@code asOf}: a representative node id per
   * node (equal for nodes of one component).
   */
  public int[] components(LocalDate asOf) {
    int day = GraphView.day(asOf);
    int n = view.nodeCount();
    int[] parent = new int[n];
    for (int i = 0; i < n; i++) {
      parent[i] = i;
    }
    for (int e = 0; e < view.edgeCount(); e++) {
      if (isControl(view, e, day)) {
        int a = find(parent, view.edgeFrom(e));
        int b = find(parent, view.edgeTo(e));
        if (a != b) {
          if (a < b) {
            parent[b] = a;
          } else {
            parent[a] = b;
          }
        }
      }
    }
    for (int i = 0; i < n; i++) {
      parent[i] = find(parent, i);
    }
    return parent;
  }

  private static int find(int[] parent, int x) {
    while (parent[x] != x) {
      parent[x] = parent[parent[x]];
      x = parent[x];
    }
    return x;
  }

  /** The {@code top} riskiest clusters on {@code asOf} (1..1000). */
  public RiskCluster.Report compute(LocalDate asOf, RecordSource records, int top) {
    if (top < 1 || top > 1000) {
      throw new ValidationException("top", "top must be between 1 and 1000, not " + top);
    }
    int n = view.nodeCount();
    int day = GraphView.day(asOf);
    int[] comp = components(asOf);
    Map<Integer, Black> black = new HashMap<>();
    records.forEachRecord(
        r -> {
          Optional<ListDefinition> def = catalogue.find(r.list());
          if (def.isEmpty()
              || def.get().kind() != ListKind.BLACK
              || !r.inForceOn(asOf, def.get().objectedInForce())) {
            return;
          }
          int v = view.node(r.subject());
          if (v >= 0) {
            black.computeIfAbsent(v, x -> new Black()).add(def.get(), r);
          }
        });
    int components = 0;
    int[] size = new int[n];
    for (int i = 0; i < n; i++) {
      if (comp[i] == i) {
        components++;
      }
      size[comp[i]]++;
    }
    int[] slot = new int[n];
    Arrays.fill(slot, -1);
    List<List<Integer>> risky = new ArrayList<>();
    for (int v : black.keySet()) {
      if (slot[comp[v]] < 0) {
        slot[comp[v]] = risky.size();
        risky.add(new ArrayList<>());
      }
    }
    for (int i = 0; i < n; i++) {
      int k = slot[comp[i]];
      if (k >= 0) {
        risky.get(k).add(i);
      }
    }
    List<Candidate> candidates = new ArrayList<>();
    for (List<Integer> members : risky) {
      if (members.size() <= COMMUNITY_THRESHOLD) {
        candidates.add(candidate(members, black, null, members.size()));
        continue;
      }
      for (List<Integer> community : communities(members, day)) {
        if (community.stream().anyMatch(black::containsKey)) {
          candidates.add(candidate(community, black, members, members.size()));
        }
      }
    }
    candidates.sort(
        Comparator.comparingDouble((Candidate c) -> -c.risk)
            .thenComparingInt(c -> -c.records)
            .thenComparingInt(c -> c.members.size())
            .thenComparing(c -> c.tieKey));
    List<RiskCluster> clusters = new ArrayList<>();
    Map<List<Integer>, String> componentIds = new java.util.IdentityHashMap<>();
    for (Candidate c : candidates.subList(0, Math.min(top, candidates.size()))) {
      Optional<String> componentId =
          c.component == null
              ? Optional.empty()
              : Optional.of(componentIds.computeIfAbsent(c.component, this::clusterId));
      clusters.add(cluster(clusterId(c.members), c.members, black, componentId, c.componentSize));
    }
    return new RiskCluster.Report(asOf, components, risky.size(), candidates.size(), clusters);
  }

  /**
   * A cluster before it is named: ranked by risk, BLACK records, size, then its smallest subject id
   * (stable).
   */
  private record Candidate(
      List<Integer> members,
      double risk,
      int records,
      String tieKey,
      List<Integer> component,
      int componentSize) {}

  private Candidate candidate(
      List<Integer> members,
      Map<Integer, Black> black,
      List<Integer> component,
      int componentSize) {
    double risk = 0;
    int records = 0;
    String min = null;
    for (int v : members) {
      Black b = black.get(v);
      if (b != null) {
        risk += b.severity;
        records += b.records;
      }
      String id = view.id(v).value();
      if (min == null || id.compareTo(min) < 0) {
        min = id;
      }
    }
    return new Candidate(members, risk, records, min, component, componentSize);
  }

  /**
   * The Louvain communities of the control subgraph induced by {@code members}, each sorted by
   * node.
   */
  List<List<Integer>> communities(List<Integer> members, int day) {
    IntIntMap local = new IntIntMap(members.size());
    for (int i = 0; i < members.size(); i++) {
      local.put(members.get(i), i);
    }
    int k = members.size();
    int[] start = new int[k + 1];
    List<int[]> rows = new ArrayList<>(k);
    for (int i = 0; i < k; i++) {
      int v = members.get(i);
      int[] row = new int[view.outDegree(v) + view.inDegree(v)];
      int t = 0;
      for (int j = 0; j < row.length; j++) {
        int e = j < view.outDegree(v) ? view.outEdge(v, j) : view.inEdge(v, j - view.outDegree(v));
        if (isControl(view, e, day)) {
          row[t++] = local.get(view.other(e, v));
        }
      }
      rows.add(Arrays.copyOf(row, t));
      start[i + 1] = start[i] + t;
    }
    int[] adj = new int[start[k]];
    double[] weight = new double[start[k]];
    for (int i = 0; i < k; i++) {
      System.arraycopy(rows.get(i), 0, adj, start[i], rows.get(i).length);
    }
    Arrays.fill(weight, 1.0);
    int[] comm = Louvain.communities(new Louvain.Graph(k, start, adj, weight));
    int count = Arrays.stream(comm).max().orElse(-1) + 1;
    List<List<Integer>> out = new ArrayList<>(count);
    for (int c = 0; c < count; c++) {
      out.add(new ArrayList<>());
    }
    for (int i = 0; i < k; i++) {
      out.get(comm[i]).add(members.get(i));
    }
    return out;
  }

  private RiskCluster cluster(
      String id,
      List<Integer> members,
      Map<Integer, Black> black,
      Optional<String> componentId,
      int componentSize) {
    List<RiskCluster.BlackMember> blacks = new ArrayList<>();
    Map<String, Integer> byList = new TreeMap<>();
    int records = 0;
    double risk = 0;
    for (int v : members) {
      Black b = black.get(v);
      if (b != null) {
        blacks.add(
            new RiskCluster.BlackMember(
                view.ref(v), b.records, b.severity, List.copyOf(b.lists.keySet())));
        b.lists.forEach((list, count) -> byList.merge(list, count, Integer::sum));
        records += b.records;
        risk += b.severity;
      }
    }
    blacks.sort(
        Comparator.comparingDouble((RiskCluster.BlackMember m) -> -m.severity())
            .thenComparing(m -> m.subject().id().value()));
    return new RiskCluster(
        id, members.size(), records, risk, blacks, byList, componentId, componentSize);
  }

  /**
   * {@code c} and 16 hex characters of the SHA-256 of the members' sorted subject ids: unchanged
   * while membership is. Subject ids are opaque, so the id reveals no ID number.
   */
  String clusterId(List<Integer> members) {
    String[] ids = new String[members.size()];
    for (int i = 0; i < ids.length; i++) {
      ids[i] = view.id(members.get(i)).value();
    }
    Arrays.sort(ids);
    try {
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      for (String s : ids) {
        sha.update(s.getBytes(StandardCharsets.US_ASCII));
        sha.update((byte) ',');
      }
      return "c" + HexFormat.of().formatHex(sha.digest(), 0, 8);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is required of every Java platform", e);
    }
  }

  private static final class Black {
    int records;
    double severity;
    final Map<String, Integer> lists = new TreeMap<>();

    void add(ListDefinition def, CreditRecord r) {
      records++;
      severity += def.severity();
      lists.merge(r.list(), 1, Integer::sum);
    }
  }
}
