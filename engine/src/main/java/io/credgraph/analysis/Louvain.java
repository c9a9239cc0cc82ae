package io.credgraph.analysis;

import java.util.Arrays;

/**
 * Louvain community detection (Blondel, Guillaume, Lambiotte, Lefebvre 2008) on an undirected
 * weighted graph given in compressed rows: every edge appears in the rows of both its ends, a
 * self-loop once. Deterministic: nodes are visited in id order, a node moves only for a strictly
 * larger modularity gain, ties go to the lower community id.
 *
 * <p>Each level moves nodes between neighbouring communities until no move gains (with the queue of
 * fast local moving: after the first sweep only neighbours of moved nodes are revisited), then
 * folds every community into one node (its internal weight as a self-loop) and starts again, until
 * a level changes nothing. Cost: O(edges) per sweep, a few sweeps' worth of visits per level, and a
 * handful of levels.
 */
final class Louvain {
  private static final double MIN_GAIN = 1e-12;

  /** At most this many visits per node and level (a guard; the queue empties long before). */
  private static final int MAX_PASSES = 100;

  private Louvain() {}

  /**
   * A graph in compressed rows: the neighbours of {@code v} are {@code adj[start[v]..start[v+1])}.
   */
  record Graph(int n, int[] start, int[] adj, double[] weight) {
    double degree(int v) {
      double k = 0;
      for (int p = start[v]; p < start[v + 1]; p++) {
        k += weight[p];
      }
      return k;
    }

    double total() {
      double m2 = 0;
      for (double w : weight) {
        m2 += w;
      }
      return m2;
    }
  }

  /** The community of every node, numbered 0.. in the order of each community's smallest node. */
  static int[] communities(Graph g) {
    int[] membership = new int[g.n()];
    for (int i = 0; i < g.n(); i++) {
      membership[i] = i;
    }
    Graph level = g;
    while (true) {
      int[] comm = moveNodes(level);
      int count = renumber(comm);
      if (count == level.n()) {
        break;
      }
      for (int i = 0; i < membership.length; i++) {
        membership[i] = comm[membership[i]];
      }
      level = fold(level, comm, count);
    }
    renumber(membership);
    return membership;
  }

  /** Modularity of a partition: the sum over communities of in/2m - (tot/2m)^2. */
  static double modularity(Graph g, int[] comm) {
    double m2 = g.total();
    if (m2 == 0) {
      return 0;
    }
    int k = Arrays.stream(comm).max().orElse(-1) + 1;
    double[] in = new double[k];
    double[] tot = new double[k];
    for (int v = 0; v < g.n(); v++) {
      for (int p = g.start()[v]; p < g.start()[v + 1]; p++) {
        tot[comm[v]] += g.weight()[p];
        if (comm[g.adj()[p]] == comm[v]) {
          in[comm[v]] += g.weight()[p];
        }
      }
    }
    double q = 0;
    for (int c = 0; c < k; c++) {
      q += in[c] / m2 - (tot[c] / m2) * (tot[c] / m2);
    }
    return q;
  }

  private static int[] moveNodes(Graph g) {
    int n = g.n();
    double m2 = g.total();
    int[] comm = new int[n];
    double[] tot = new double[n];
    double[] k = new double[n];
    for (int v = 0; v < n; v++) {
      comm[v] = v;
      k[v] = g.degree(v);
      tot[v] = k[v];
    }
    if (m2 == 0) {
      return comm;
    }
    double[] toComm = new double[n];
    Arrays.fill(toComm, -1);
    int[] touched = new int[n];
    // fast local moving (Traag 2015): a queue of nodes to visit, first all in id order, then the
    // neighbours of every
    // node that moved and are not in its new community; stops when the queue is empty
    int[] queue = new int[n];
    boolean[] queued = new boolean[n];
    for (int v = 0; v < n; v++) {
      queue[v] = v;
      queued[v] = true;
    }
    int head = 0;
    int size = n;
    long budget = (long) MAX_PASSES * n;
    while (size > 0 && budget-- > 0) {
      int v = queue[head];
      head = head + 1 == n ? 0 : head + 1;
      size--;
      queued[v] = false;
      int own = comm[v];
      int t = 0;
      toComm[own] = 0;
      touched[t++] = own;
      for (int p = g.start()[v]; p < g.start()[v + 1]; p++) {
        int u = g.adj()[p];
        if (u == v) {
          continue;
        }
        int c = comm[u];
        if (toComm[c] < 0) {
          toComm[c] = 0;
          touched[t++] = c;
        }
        toComm[c] += g.weight()[p];
      }
      tot[own] -= k[v];
      int best = own;
      double bestGain = toComm[own] - tot[own] * k[v] / m2;
      for (int i = 0; i < t; i++) {
        int c = touched[i];
        double gain = toComm[c] - tot[c] * k[v] / m2;
        if (gain > bestGain + MIN_GAIN
            || (best != own && gain >= bestGain - MIN_GAIN && c < best)) {
          best = c;
          bestGain = gain;
        }
      }
      tot[best] += k[v];
      if (best != own) {
        comm[v] = best;
        for (int p = g.start()[v]; p < g.start()[v + 1]; p++) {
          int u = g.adj()[p];
          if (!queued[u] && comm[u] != best) {
            queued[u] = true;
            queue[(head + size) % n] = u;
            size++;
          }
        }
      }
      for (int i = 0; i < t; i++) {
        toComm[touched[i]] = -1;
      }
    }
    return comm;
  }

  /** Renumbers labels in place to 0..k-1 in order of first appearance; returns k. */
  private static int renumber(int[] comm) {
    int[] map = new int[comm.length];
    Arrays.fill(map, -1);
    int k = 0;
    for (int i = 0; i < comm.length; i++) {
      if (map[comm[i]] < 0) {
        map[comm[i]] = k++;
      }
      comm[i] = map[comm[i]];
    }
    return k;
  }

  private static Graph fold(Graph g, int[] comm, int count) {
    int[] order = new int[g.n()];
    int[] cstart = new int[count + 1];
    for (int v = 0; v < g.n(); v++) {
      cstart[comm[v] + 1]++;
    }
    for (int c = 0; c < count; c++) {
      cstart[c + 1] += cstart[c];
    }
    int[] fill = Arrays.copyOf(cstart, count);
    for (int v = 0; v < g.n(); v++) {
      order[fill[comm[v]]++] = v;
    }
    double[] acc = new double[count];
    Arrays.fill(acc, -1);
    int[] touched = new int[count];
    int[] start = new int[count + 1];
    int[] adj = new int[Math.max(16, g.adj().length)];
    double[] weight = new double[adj.length];
    int m = 0;
    for (int c = 0; c < count; c++) {
      int t = 0;
      for (int i = cstart[c]; i < cstart[c + 1]; i++) {
        int v = order[i];
        for (int p = g.start()[v]; p < g.start()[v + 1]; p++) {
          int d = comm[g.adj()[p]];
          if (acc[d] < 0) {
            acc[d] = 0;
            touched[t++] = d;
          }
          acc[d] += g.weight()[p];
        }
      }
      Arrays.sort(touched, 0, t);
      for (int i = 0; i < t; i++) {
        adj[m] = touched[i];
        weight[m] = acc[touched[i]];
        m++;
        acc[touched[i]] = -1;
      }
      start[c + 1] = m;
    }
    return new Graph(count, start, Arrays.copyOf(adj, m), Arrays.copyOf(weight, m));
  }
}
