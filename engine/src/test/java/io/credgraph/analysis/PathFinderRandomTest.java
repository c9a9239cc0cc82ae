package io.credgraph.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.credgraph.model.RelationType;
import io.credgraph.model.SubjectId;
import io.credgraph.model.SubjectKey;
import io.credgraph.model.SubjectKind;
import java.time.LocalDate;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * Bidirectional search against a one-sided breadth-first count of shortest paths, on random sparse
 * graphs.
 */
class PathFinderRandomTest {
  static final LocalDate ASOF = LocalDate.of(2024, 6, 30);

  @Test
  void sameLengthAndSameShortestPathsAsAOneSidedSearch() {
    SplittableRandom r = new SplittableRandom(11);
    for (int round = 0; round < 30; round++) {
      int n = 40 + r.nextInt(60);
      StoreGraphView.Builder b = StoreGraphView.builder();
      for (int i = 0; i < n; i++) {
        b.addNode(
            new SubjectId(String.format("s%08d", i)),
            SubjectKind.ENTERPRISE,
            SubjectKey.uscc(Fixture.uscc(i + 1)),
            "c" + i);
      }
      int m = n + r.nextInt(n);
      for (int k = 0; k < m; k++) {
        int from = r.nextInt(n);
        int to = (from + 1 + r.nextInt(n - 1)) % n;
        boolean ended = r.nextInt(8) == 0;
        b.addEdge(
            from,
            to,
            RelationType.BRANCH_OF,
            GraphView.day(LocalDate.of(2020, 1, 1)),
            ended ? GraphView.day(LocalDate.of(2021, 1, 1)) : GraphView.OPEN_UNTIL,
            Double.NaN);
      }
      StoreGraphView v = b.build(1);
      PathFinder finder = new PathFinder(v);
      for (int q = 0; q < 20; q++) {
        int s = r.nextInt(n);
        int t = r.nextInt(n);
        if (s == t) {
          continue;
        }
        long[] count = new long[n];
        int[] dist = bfs(v, s, count);
        PathResult res = finder.find(s, t, PathResult.Query.of(6, Set.of(), ASOF));
        if (dist[t] < 0 || dist[t] > 6) {
          assertTrue(res.paths().isEmpty(), "no path within 6 hops");
          continue;
        }
        assertEquals(dist[t], res.hops());
        assertEquals(
            Math.min(count[t], 20), res.paths().size(), "round " + round + " " + s + " -> " + t);
        assertEquals(count[t] > 20, res.truncated());
        Set<List<Integer>> distinct = new HashSet<>();
        for (PathResult.Path p : res.paths()) {
          List<Integer> nodes = p.subjects().stream().map(x -> v.node(x.id())).toList();
          assertEquals(s, nodes.get(0));
          assertEquals(t, nodes.get(nodes.size() - 1));
          assertEquals(dist[t] + 1, nodes.size());
          for (List<EdgeRef> hop : p.hops()) {
            assertTrue(
                !hop.isEmpty() && hop.stream().allMatch(e -> e.until().isEmpty()), "hops in force");
          }
          assertTrue(distinct.add(nodes), "paths are distinct");
        }
      }
    }
  }

  /**
   * Undirected BFS over relations in force on ASOF, counting shortest paths by distinct node
   * sequences.
   */
  static int[] bfs(GraphView v, int s, long[] count) {
    int day = GraphView.day(ASOF);
    int[] dist = new int[v.nodeCount()];
    Arrays.fill(dist, -1);
    dist[s] = 0;
    count[s] = 1;
    ArrayDeque<Integer> queue = new ArrayDeque<>(List.of(s));
    while (!queue.isEmpty()) {
      int u = queue.poll();
      Set<Integer> neighbours = new HashSet<>();
      for (int i = 0; i < v.outDegree(u) + v.inDegree(u); i++) {
        int e = i < v.outDegree(u) ? v.outEdge(u, i) : v.inEdge(u, i - v.outDegree(u));
        if (v.inForce(e, day)) {
          neighbours.add(v.other(e, u));
        }
      }
      for (int w : neighbours) {
        if (dist[w] < 0) {
          dist[w] = dist[u] + 1;
          queue.add(w);
        }
        if (dist[w] == dist[u] + 1) {
          count[w] += count[u];
        }
      }
    }
    return dist;
  }
}
