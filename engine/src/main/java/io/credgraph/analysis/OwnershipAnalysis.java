package io.credgraph.analysis;

import io.credgraph.NotFoundException;
import io.credgraph.model.RelationType;
import io.credgraph.model.SubjectId;
import io.credgraph.model.SubjectRef;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.PriorityQueue;

/**
 * Effective (integrated) ownership and ultimate owners, DOMAIN.md 6.4.
 *
 * <p>With {@code A[h][j]} the ratio h holds in j (SHAREHOLDER relations in force with a known
 * ratio; relations of unknown ratio add nothing), the effective ownership of h in the target t is
 * {@code phi[h][t]}, phi = A (I - A)^-1: the sum over every walk from h to t of the product of its
 * ratios, cross-holdings included. Only the subgraph upstream of t matters, so the computation
 * solves {@code y = e_t + A y} on it ({@code y[h] = phi[h][t]} for h other than t) strongly
 * connected component by component, downstream first (Tarjan's order): an acyclic component is one
 * sum, a cyclic one is first tested for convergence (Collatz-Wielandt bounds on the spectral radius
 * of its block of A) and then solved exactly (Gaussian elimination up to 400 members, Gauss-Seidel
 * beyond). A block whose spectral radius reaches 1 (a cycle's product of 1: shares summing above
 * 100 percent) has no finite series; it is reported as a {@link
 * Controllers.Conflict.Kind#DIVERGENT_CYCLE} and every owner upstream of it gets no number.
 *
 * <p>Treasury shares (库存股): a SHAREHOLDER relation from an enterprise to itself enters A like any
 * other ratio, so every walk may loop on it and the stakes of the other holders are divided by (1 -
 * the treasury ratio). A walk does not begin with the owner's own treasury holding: the stake of
 * owner o is {@code (1 - A[o][o]) y[o]}, the walks from o less those that begin with its self-loop.
 * An enterprise whose only holder in force is itself counts as having no holder, so it can be an
 * ultimate owner.
 *
 * <p>Cost: O(upstream edges) for acyclic ownership, plus O(k^3) for a cyclic component of k members
 * up to 400.
 */
public final class OwnershipAnalysis {
  /** How many of an owner's walks are reported, largest product first. */
  public static final int TOP_WALKS = 3;

  private static final int SHAREHOLDER = RelationType.SHAREHOLDER.ordinal();
  private static final int ACTUAL_CONTROLLER = RelationType.ACTUAL_CONTROLLER.ordinal();
  private static final int DENSE_LIMIT = 400;
  private static final double EPS = 1e-9;

  private final GraphView view;

  public OwnershipAnalysis(GraphView view) {
    this.view = view;
  }

  public Controllers controllers(SubjectId subject, LocalDate asOf, double threshold) {
    int v = view.node(subject);
    if (v < 0) {
      throw new NotFoundException("no subject with id " + subject);
    }
    return controllers(v, asOf, threshold);
  }

  public Controllers controllers(int target, LocalDate asOf, double threshold) {
    Controllers.checkThreshold(threshold);
    int day = GraphView.day(asOf);
    Upstream up = new Upstream(target, day);
    int n = up.size;
    double[] y = new double[n];
    int[] conflictOf = new int[n];
    Arrays.fill(conflictOf, -1);
    List<Controllers.Conflict> conflicts = new ArrayList<>();
    List<List<SubjectRef>> affected = new ArrayList<>();
    for (int[] comp : up.components()) {
      solve(up, comp, y, conflictOf, conflicts, affected);
    }
    for (int j = 0; j < n; j++) {
      double sum = 0;
      for (int k = up.inStart[j]; k < up.inStart[j + 1]; k++) {
        sum += up.ratio[up.inOrder[k]];
      }
      if (sum > 1 + EPS) {
        conflicts.add(
            new Controllers.Conflict(
                Controllers.Conflict.Kind.SHARES_ABOVE_100,
                List.of(view.ref(up.global[j])),
                sum,
                "the shares held in "
                    + view.name(up.global[j])
                    + " sum to "
                    + percent(sum)
                    + ", above 100 %: effective ownership through it is overstated",
                List.of()));
        affected.add(List.of());
      }
    }
    // the stake of an owner: its walks less those that begin with its own treasury holding
    double[] stake = new double[n];
    for (int i = 1; i < n; i++) {
      stake[i] = Double.isNaN(y[i]) ? Double.NaN : (1 - up.selfRatio(i)) * y[i];
    }
    List<Controllers.Owner> owners = new ArrayList<>();
    int best = -1;
    for (int i = 1; i < n; i++) {
      if (up.hasOtherHolder(i)) {
        continue;
      }
      if (Double.isNaN(stake[i])) {
        affected.get(conflictOf[i]).add(view.ref(up.global[i]));
        continue;
      }
      if (stake[i] > 0.5 + EPS && (best < 0 || stake[i] > stake[best])) {
        best = i;
      }
      if (stake[i] >= threshold - EPS) {
        owners.add(new Controllers.Owner(view.ref(up.global[i]), stake[i], topWalks(up, i)));
      }
    }
    owners.sort(
        Comparator.comparingDouble((Controllers.Owner o) -> -Math.rint(o.ratio() * 1e9))
            .thenComparing(o -> o.subject().name())
            .thenComparingInt(o -> view.node(o.subject().id())));
    List<Controllers.Conflict> withAffected = new ArrayList<>();
    for (int c = 0; c < conflicts.size(); c++) {
      Controllers.Conflict k = conflicts.get(c);
      withAffected.add(
          new Controllers.Conflict(k.kind(), k.cycle(), k.product(), k.reason(), affected.get(c)));
    }
    return new Controllers(
        view.ref(target),
        asOf,
        threshold,
        owners,
        actualController(target, day, up, stake, best),
        withAffected);
  }

  private Optional<Controllers.ActualController> actualController(
      int target, int day, Upstream up, double[] y, int best) {
    int declared = -1;
    for (int i = 0; i < view.inDegree(target); i++) {
      int e = view.inEdge(target, i);
      if (view.edgeType(e) == ACTUAL_CONTROLLER
          && view.inForce(e, day)
          && (declared < 0 || view.edgeSince(e) > view.edgeSince(declared))) {
        declared = e;
      }
    }
    if (declared >= 0) {
      int who = view.edgeFrom(declared);
      int local = up.local.get(who);
      OptionalDouble ratio =
          local == IntIntMap.MISSING || local == 0 || Double.isNaN(y[local])
              ? OptionalDouble.empty()
              : OptionalDouble.of(y[local]);
      return Optional.of(
          new Controllers.ActualController(
              view.ref(who),
              Controllers.Basis.DECLARED,
              ratio,
              Optional.of(EdgeRef.of(view, declared))));
    }
    if (best >= 0) {
      return Optional.of(
          new Controllers.ActualController(
              view.ref(up.global[best]),
              Controllers.Basis.OWNERSHIP,
              OptionalDouble.of(y[best]),
              Optional.empty()));
    }
    return Optional.empty();
  }

  private void solve(
      Upstream up,
      int[] comp,
      double[] y,
      int[] conflictOf,
      List<Controllers.Conflict> conflicts,
      List<List<SubjectRef>> affected) {
    int k = comp.length;
    double[] c = new double[k];
    int inherited = -1;
    for (int p = 0; p < k; p++) {
      int i = comp[p];
      double s = i == 0 ? 1 : 0;
      for (int q = up.outStart[i]; q < up.outStart[i + 1]; q++) {
        int j = up.to[q];
        if (up.comp[j] == up.comp[i]) {
          continue;
        }
        if (Double.isNaN(y[j])) {
          inherited = conflictOf[j];
        } else {
          s += up.ratio[q] * y[j];
        }
      }
      c[p] = s;
    }
    if (inherited >= 0) {
      for (int i : comp) {
        y[i] = Double.NaN;
        conflictOf[i] = inherited;
      }
      return;
    }
    if (k == 1 && up.selfRatio(comp[0]) == 0) {
      y[comp[0]] = c[0];
      return;
    }
    int[] pos = up.positions(comp);
    double rho = spectralRadiusBound(up, comp, pos);
    if (rho >= 1 - EPS) {
      int index = conflicts.size();
      conflicts.add(divergentCycle(up, comp, pos, rho));
      affected.add(new ArrayList<>());
      for (int i : comp) {
        y[i] = Double.NaN;
        conflictOf[i] = index;
      }
      return;
    }
    double[] sol = k <= DENSE_LIMIT ? dense(up, comp, pos, c) : gaussSeidel(up, comp, pos, c);
    for (int p = 0; p < k; p++) {
      y[comp[p]] = sol[p];
    }
  }

  /**
   * An upper bound of the spectral radius of the component's block of A, tight enough to decide
   * convergence: the Collatz-Wielandt bounds of the primitive matrix A + I under power iteration.
   * Returns 1 when it cannot show that the radius is below 1 - 1e-9.
   */
  private static double spectralRadiusBound(Upstream up, int[] comp, int[] pos) {
    int k = comp.length;
    double[] v = new double[k];
    Arrays.fill(v, 1);
    double[] w = new double[k];
    for (int iter = 0; iter < 5000; iter++) {
      double lo = Double.MAX_VALUE;
      double hi = 0;
      double max = 0;
      for (int p = 0; p < k; p++) {
        int i = comp[p];
        double s = v[p];
        for (int q = up.outStart[i]; q < up.outStart[i + 1]; q++) {
          int j = up.to[q];
          if (up.comp[j] == up.comp[i]) {
            s += up.ratio[q] * v[pos[j]];
          }
        }
        w[p] = s;
        lo = Math.min(lo, s / v[p]);
        hi = Math.max(hi, s / v[p]);
        max = Math.max(max, s);
      }
      if (hi - 1 < 1 - EPS) {
        return hi - 1;
      }
      if (lo - 1 >= 1 - EPS) {
        return lo - 1;
      }
      for (int p = 0; p < k; p++) {
        v[p] = w[p] / max;
      }
    }
    return 1;
  }

  private Controllers.Conflict divergentCycle(Upstream up, int[] comp, int[] pos, double rho) {
    int[] seenAt = new int[comp.length];
    Arrays.fill(seenAt, -1);
    List<Integer> walk = new ArrayList<>();
    List<Double> ratios = new ArrayList<>();
    int i = comp[0];
    while (seenAt[pos[i]] < 0) {
      seenAt[pos[i]] = walk.size();
      walk.add(i);
      int bestQ = -1;
      for (int q = up.outStart[i]; q < up.outStart[i + 1]; q++) {
        if (up.comp[up.to[q]] == up.comp[i] && (bestQ < 0 || up.ratio[q] > up.ratio[bestQ])) {
          bestQ = q;
        }
      }
      ratios.add(up.ratio[bestQ]);
      i = up.to[bestQ];
    }
    int start = seenAt[pos[i]];
    List<SubjectRef> cycle = new ArrayList<>();
    double product = 1;
    StringBuilder names = new StringBuilder();
    for (int p = start; p < walk.size(); p++) {
      cycle.add(view.ref(up.global[walk.get(p)]));
      product *= ratios.get(p);
      names.append(view.name(up.global[walk.get(p)])).append(" -> ");
    }
    names.append(view.name(up.global[walk.get(start)]));
    return new Controllers.Conflict(
        Controllers.Conflict.Kind.DIVERGENT_CYCLE,
        cycle,
        product,
        "cross-holdings "
            + names
            + " (and "
            + comp.length
            + " subjects in all) do not converge: the spectral radius"
            + " of their holdings is "
            + String.format(java.util.Locale.ROOT, "%.4f", Math.max(rho, 1))
            + " >= 1 (shares summing above 100 %), so effective ownership through them is undefined",
        List.of());
  }

  private static double[] dense(Upstream up, int[] comp, int[] pos, double[] c) {
    int k = comp.length;
    double[][] m = new double[k][k + 1];
    for (int p = 0; p < k; p++) {
      m[p][p] = 1;
      int i = comp[p];
      for (int q = up.outStart[i]; q < up.outStart[i + 1]; q++) {
        int j = up.to[q];
        if (up.comp[j] == up.comp[i]) {
          m[p][pos[j]] -= up.ratio[q];
        }
      }
      m[p][k] = c[p];
    }
    for (int col = 0; col < k; col++) {
      int piv = col;
      for (int r = col + 1; r < k; r++) {
        if (Math.abs(m[r][col]) > Math.abs(m[piv][col])) {
          piv = r;
        }
      }
      double[] t = m[col];
      m[col] = m[piv];
      m[piv] = t;
      for (int r = col + 1; r < k; r++) {
        double f = m[r][col] / m[col][col];
        if (f != 0) {
          for (int cc = col; cc <= k; cc++) {
            m[r][cc] -= f * m[col][cc];
          }
        }
      }
    }
    double[] x = new double[k];
    for (int r = k - 1; r >= 0; r--) {
      double s = m[r][k];
      for (int cc = r + 1; cc < k; cc++) {
        s -= m[r][cc] * x[cc];
      }
      x[r] = s / m[r][r];
    }
    return x;
  }

  private static double[] gaussSeidel(Upstream up, int[] comp, int[] pos, double[] c) {
    int k = comp.length;
    double[] x = c.clone();
    for (int sweep = 0; sweep < 100_000; sweep++) {
      double delta = 0;
      for (int p = 0; p < k; p++) {
        int i = comp[p];
        double s = c[p];
        for (int q = up.outStart[i]; q < up.outStart[i + 1]; q++) {
          int j = up.to[q];
          if (up.comp[j] == up.comp[i]) {
            s += up.ratio[q] * x[pos[j]];
          }
        }
        delta = Math.max(delta, Math.abs(s - x[p]));
        x[p] = s;
      }
      if (delta < 1e-13) {
        break;
      }
    }
    return x;
  }

  /** The walks from local {@code owner} to the target with the largest products, best-first. */
  private List<Controllers.Walk> topWalks(Upstream up, int owner) {
    record Step(int node, double product, int edge, int length, Step prev) {}
    PriorityQueue<Step> queue =
        new PriorityQueue<>(Comparator.comparingDouble(Step::product).reversed());
    queue.add(new Step(owner, 1, -1, 0, null));
    List<Controllers.Walk> out = new ArrayList<>();
    int pops = 0;
    while (!queue.isEmpty() && out.size() < TOP_WALKS && pops++ < 20_000) {
      Step s = queue.poll();
      if (s.node == 0 && s.length > 0) {
        List<SubjectRef> subjects = new ArrayList<>();
        List<EdgeRef> relations = new ArrayList<>();
        for (Step t = s; t != null; t = t.prev) {
          subjects.add(0, view.ref(up.global[t.node]));
          if (t.edge >= 0) {
            relations.add(0, EdgeRef.of(view, up.edge[t.edge]));
          }
        }
        out.add(new Controllers.Walk(subjects, relations, s.product));
      }
      if (s.length >= 64) {
        continue;
      }
      for (int q = up.outStart[s.node]; q < up.outStart[s.node + 1]; q++) {
        if (s.length == 0 && up.to[q] == owner) {
          continue; // a walk does not begin with the owner's own treasury holding
        }
        double p = s.product * up.ratio[q];
        if (p >= 1e-9) {
          queue.add(new Step(up.to[q], p, q, s.length + 1, s));
        }
      }
    }
    return out;
  }

  private static String percent(double r) {
    return String.format(java.util.Locale.ROOT, "%.2f %%", r * 100);
  }

  /**
   * The subjects upstream of the target along SHAREHOLDER relations of known ratio in force; local
   * node 0 is the target. Edges in compressed rows by holder ({@code outStart}) with an index by
   * held subject ({@code inOrder}).
   */
  private final class Upstream {
    int size;
    int[] global = new int[8];
    final IntIntMap local = new IntIntMap(16);
    int[] outStart;
    int[] to;
    double[] ratio;
    int[] edge;
    int[] inStart;
    int[] inOrder;
    int[] comp;

    Upstream(int target, int day) {
      int m = 0;
      int[] ef = new int[8];
      int[] et = new int[8];
      int[] ee = new int[8];
      add(target);
      for (int head = 0; head < size; head++) {
        int g = global[head];
        for (int i = 0; i < view.inDegree(g); i++) {
          int e = view.inEdge(g, i);
          if (view.edgeType(e) != SHAREHOLDER
              || Double.isNaN(view.edgeRatio(e))
              || !view.inForce(e, day)) {
            continue;
          }
          int h = view.edgeFrom(e);
          int lh = local.get(h);
          if (lh == IntIntMap.MISSING) {
            lh = add(h);
          }
          if (m == ef.length) {
            ef = Arrays.copyOf(ef, m * 2);
            et = Arrays.copyOf(et, m * 2);
            ee = Arrays.copyOf(ee, m * 2);
          }
          ef[m] = lh;
          et[m] = head;
          ee[m] = e;
          m++;
        }
      }
      outStart = new int[size + 1];
      inStart = new int[size + 1];
      for (int q = 0; q < m; q++) {
        outStart[ef[q] + 1]++;
        inStart[et[q] + 1]++;
      }
      for (int i = 0; i < size; i++) {
        outStart[i + 1] += outStart[i];
        inStart[i + 1] += inStart[i];
      }
      to = new int[m];
      ratio = new double[m];
      edge = new int[m];
      inOrder = new int[m];
      int[] fill = Arrays.copyOf(outStart, size);
      int[] inFill = Arrays.copyOf(inStart, size);
      int[] placed = new int[m];
      for (int q = 0; q < m; q++) {
        int slot = fill[ef[q]]++;
        to[slot] = et[q];
        ratio[slot] = view.edgeRatio(ee[q]);
        edge[slot] = ee[q];
        placed[q] = slot;
      }
      for (int q = 0; q < m; q++) {
        inOrder[inFill[et[q]]++] = placed[q];
      }
    }

    private int add(int g) {
      if (size == global.length) {
        global = Arrays.copyOf(global, size * 2);
      }
      global[size] = g;
      local.put(g, size);
      return size++;
    }

    /** The ratio local {@code i} holds in itself (treasury shares), 0 when none. */
    double selfRatio(int i) {
      double s = 0;
      for (int q = outStart[i]; q < outStart[i + 1]; q++) {
        if (to[q] == i) {
          s += ratio[q];
        }
      }
      return s;
    }

    /** Whether local {@code j} has a holder in force other than itself. */
    boolean hasOtherHolder(int j) {
      for (int k = inStart[j]; k < inStart[j + 1]; k++) {
        if (to[inOrder[k]] == j && ownerOf(inOrder[k]) != j) {
          return true;
        }
      }
      return false;
    }

    /** The holder of compressed edge {@code q}. */
    private int ownerOf(int q) {
      int lo = 0;
      int hi = size - 1;
      while (lo < hi) {
        int mid = (lo + hi + 1) >>> 1;
        if (outStart[mid] <= q) {
          lo = mid;
        } else {
          hi = mid - 1;
        }
      }
      return lo;
    }

    int[] positions(int[] members) {
      int[] pos = new int[size];
      for (int p = 0; p < members.length; p++) {
        pos[members[p]] = p;
      }
      return pos;
    }

    /** Strongly connected components, downstream first (Tarjan's order); sets {@link #comp}. */
    List<int[]> components() {
      comp = new int[size];
      int[] index = new int[size];
      int[] low = new int[size];
      int[] it = new int[size];
      boolean[] onStack = new boolean[size];
      int[] stack = new int[size];
      int[] call = new int[size];
      Arrays.fill(index, -1);
      int counter = 0;
      int sp = 0;
      List<int[]> out = new ArrayList<>();
      for (int s = 0; s < size; s++) {
        if (index[s] >= 0) {
          continue;
        }
        int cp = 0;
        call[cp++] = s;
        index[s] = low[s] = counter++;
        stack[sp++] = s;
        onStack[s] = true;
        it[s] = outStart[s];
        while (cp > 0) {
          int v = call[cp - 1];
          if (it[v] < outStart[v + 1]) {
            int w = to[it[v]++];
            if (index[w] < 0) {
              index[w] = low[w] = counter++;
              stack[sp++] = w;
              onStack[w] = true;
              it[w] = outStart[w];
              call[cp++] = w;
            } else if (onStack[w]) {
              low[v] = Math.min(low[v], index[w]);
            }
          } else {
            cp--;
            if (cp > 0) {
              int u = call[cp - 1];
              low[u] = Math.min(low[u], low[v]);
            }
            if (low[v] == index[v]) {
              int start = sp;
              do {
                start--;
              } while (stack[start] != v);
              int[] members = Arrays.copyOfRange(stack, start, sp);
              for (int w : members) {
                onStack[w] = false;
                comp[w] = out.size();
              }
              sp = start;
              out.add(members);
            }
          }
        }
      }
      return out;
    }
  }
}
