package io.credgraph.analysis;

import io.credgraph.NotFoundException;
import io.credgraph.model.SubjectId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Breadth-first expansion of a subject's neighbourhood over a {@link GraphView}, relations followed
 * in both directions. A node whose in-force neighbours of one relation type and direction exceed
 * the supernode threshold (a nominee representing 80 enterprises) has that group summarised as a
 * {@link Neighbourhood.Supernode} and not expanded. Cost: O(sum of the degrees of the expanded
 * nodes); the node limit bounds the answer, not the scan.
 */
public final class NeighbourhoodExplorer {
  private final GraphView view;

  public NeighbourhoodExplorer(GraphView view) {
    this.view = view;
  }

  public Neighbourhood expand(SubjectId root, Neighbourhood.Query q) {
    int v = view.node(root);
    if (v < 0) {
      throw new NotFoundException("no subject with id " + root);
    }
    return expand(v, q);
  }

  public Neighbourhood expand(int root, Neighbourhood.Query q) {
    int day = GraphView.day(q.asOf());
    int mask = GraphView.mask(q.types());
    int groups = Ordinals.TYPES.length * 2;
    IntIntMap depthOf = new IntIntMap(64);
    List<Neighbourhood.Node> nodes = new ArrayList<>();
    List<EdgeRef> edges = new ArrayList<>();
    Set<Integer> edgeSeen = new HashSet<>();
    List<Neighbourhood.Supernode> supernodes = new ArrayList<>();
    depthOf.put(root, 0);
    nodes.add(new Neighbourhood.Node(view.ref(root), 0));
    List<Integer> order = new ArrayList<>();
    order.add(root);
    boolean truncated = false;
    int[] counts = new int[groups];
    for (int head = 0; head < nodes.size(); head++) {
      int u = order.get(head);
      int d = nodes.get(head).depth();
      if (d >= q.depth()) {
        continue;
      }
      Arrays.fill(counts, 0);
      int out = view.outDegree(u);
      int in = view.inDegree(u);
      for (int i = 0; i < out + in; i++) {
        int e = i < out ? view.outEdge(u, i) : view.inEdge(u, i - out);
        if (accept(e, mask, day)) {
          counts[view.edgeType(e) * 2 + (i < out ? 0 : 1)]++;
        }
      }
      for (int g = 0; g < groups; g++) {
        if (counts[g] > q.supernodeThreshold()) {
          supernodes.add(
              new Neighbourhood.Supernode(
                  nodes.get(head).subject(),
                  GraphView.relationType(g / 2),
                  g % 2 == 0 ? Neighbourhood.Direction.OUTGOING : Neighbourhood.Direction.INCOMING,
                  counts[g]));
        }
      }
      for (int i = 0; i < out + in; i++) {
        int e = i < out ? view.outEdge(u, i) : view.inEdge(u, i - out);
        if (!accept(e, mask, day)
            || counts[view.edgeType(e) * 2 + (i < out ? 0 : 1)] > q.supernodeThreshold()) {
          continue;
        }
        int w = view.other(e, u);
        if (!depthOf.containsKey(w)) {
          if (nodes.size() >= q.limit()) {
            truncated = true;
            continue;
          }
          depthOf.put(w, d + 1);
          nodes.add(new Neighbourhood.Node(view.ref(w), d + 1));
          order.add(w);
        }
        if (edgeSeen.add(e)) {
          edges.add(EdgeRef.of(view, e));
        }
      }
    }
    return new Neighbourhood(nodes.get(0).subject(), q.asOf(), nodes, edges, supernodes, truncated);
  }

  private boolean accept(int e, int mask, int day) {
    return (mask & (1 << view.edgeType(e))) != 0 && view.inForce(e, day);
  }
}
