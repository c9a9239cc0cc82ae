package io.credgraph.analysis;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class LouvainTest {

  /** An undirected graph from an edge list, each edge in both rows. */
  static Louvain.Graph graph(int n, int[][] edges) {
    List<List<Integer>> rows = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      rows.add(new ArrayList<>());
    }
    for (int[] e : edges) {
      rows.get(e[0]).add(e[1]);
      rows.get(e[1]).add(e[0]);
    }
    int[] start = new int[n + 1];
    for (int i = 0; i < n; i++) {
      start[i + 1] = start[i] + rows.get(i).size();
    }
    int[] adj = new int[start[n]];
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < rows.get(i).size(); j++) {
        adj[start[i] + j] = rows.get(i).get(j);
      }
    }
    double[] w = new double[adj.length];
    Arrays.fill(w, 1);
    return new Louvain.Graph(n, start, adj, w);
  }

  static List<int[]> clique(int from, int size) {
    List<int[]> e = new ArrayList<>();
    for (int i = from; i < from + size; i++) {
      for (int j = i + 1; j < from + size; j++) {
        e.add(new int[] {i, j});
      }
    }
    return e;
  }

  @Test
  void twoCliquesJoinedByOneEdgeAreTwoCommunities() {
    List<int[]> e = new ArrayList<>(clique(0, 5));
    e.addAll(clique(5, 5));
    e.add(new int[] {4, 5});
    Louvain.Graph g = graph(10, e.toArray(new int[0][]));

    int[] comm = Louvain.communities(g);

    assertArrayEquals(new int[] {0, 0, 0, 0, 0, 1, 1, 1, 1, 1}, comm);
    // 21 edges, 2m = 42; each community has 10 internal edges (in = 20) and degree sum tot = 21:
    // Q = 2 * (20/42 - (21/42)^2) = 0.452380...
    assertEquals(2 * (20.0 / 42 - 0.25), Louvain.modularity(g, comm), 1e-12);
  }

  @Test
  void aRingOfCliquesSplitsIntoItsCliquesAndBeatsTheTrivialPartitions() {
    int cliques = 12;
    int size = 6;
    List<int[]> e = new ArrayList<>();
    for (int c = 0; c < cliques; c++) {
      e.addAll(clique(c * size, size));
      e.add(new int[] {c * size, ((c + 1) % cliques) * size + 1});
    }
    Louvain.Graph g = graph(cliques * size, e.toArray(new int[0][]));

    int[] comm = Louvain.communities(g);

    for (int c = 0; c < cliques; c++) {
      for (int i = 1; i < size; i++) {
        assertEquals(comm[c * size], comm[c * size + i], "clique " + c + " stays together");
      }
    }
    assertEquals(cliques, Arrays.stream(comm).max().getAsInt() + 1);
    double q = Louvain.modularity(g, comm);
    assertTrue(q > Louvain.modularity(g, new int[cliques * size]), "better than one community");
    int[] singletons = new int[cliques * size];
    Arrays.setAll(singletons, i -> i);
    assertTrue(q > Louvain.modularity(g, singletons), "better than singletons");
  }

  @Test
  void deterministicOnARandomGraph() {
    Random r = new Random(42);
    int[][] edges = new int[600][];
    for (int i = 0; i < edges.length; i++) {
      int a = r.nextInt(300);
      int b = (a + 1 + r.nextInt(299)) % 300;
      edges[i] = new int[] {a, b};
    }
    Louvain.Graph g = graph(300, edges);
    int[] first = Louvain.communities(g);
    assertArrayEquals(first, Louvain.communities(g));
    int[] singletons = new int[300];
    Arrays.setAll(singletons, i -> i);
    assertTrue(
        Louvain.modularity(g, first) > 0.3, "a sparse random graph has clear modular structure");
  }
}
