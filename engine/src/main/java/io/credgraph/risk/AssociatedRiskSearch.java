package io.credgraph.risk;

import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Associated risk (关联风险, DOMAIN.md 6.3): the largest severity of a BLACK record in force held by a
 * subject reached through control relations in force within {@code maxHops} hops (the subject
 * itself at hop 0), multiplied by {@code 0.5} per hop, with the path that gives it. An
 * investigative signal, never a sanction.
 *
 * <p>Breadth-first over the undirected control graph: a subject's first visit is by a shortest
 * path, and a shorter path always scores at least as high, so the first visit is the one that
 * counts. Ties keep the first found (stable adjacency order). Cost: O(subjects and relations within
 * {@code maxHops}).
 */
public final class AssociatedRiskSearch {
  public static final int DEFAULT_HOPS = 3;
  public static final double DECAY = 0.5;

  private AssociatedRiskSearch() {}

  /**
   * The best risk source for {@code start} on {@code day}, or empty when nothing within reach holds
   * a BLACK record in force.
   */
  public static Optional<Found> search(ControlGraph g, int start, int day, int maxHops) {
    Map<Integer, int[]> parent = new HashMap<>();
    parent.put(start, new int[] {-1, -1, 0});
    ArrayDeque<Integer> queue = new ArrayDeque<>();
    queue.add(start);
    Found best = null;
    while (!queue.isEmpty()) {
      int node = queue.poll();
      int hops = parent.get(node)[2];
      long strongest = g.strongestBlackRecord(node, day);
      double sev = ControlGraph.severityOf(strongest);
      if (sev > 0) {
        double score = sev * Math.pow(DECAY, hops);
        if (best == null || score > best.score()) {
          best =
              new Found(
                  score,
                  sev,
                  hops,
                  ControlGraph.recordOf(strongest),
                  trace(parent, node, true),
                  trace(parent, node, false));
        }
      }
      if (hops < maxHops) {
        g.forEachControlNeighbour(
            node,
            day,
            (nb, edge) -> {
              if (!parent.containsKey(nb)) {
                parent.put(nb, new int[] {node, edge, hops + 1});
                queue.add(nb);
              }
            });
      }
    }
    return Optional.ofNullable(best);
  }

  private static int[] trace(Map<Integer, int[]> parent, int node, boolean nodes) {
    int hops = parent.get(node)[2];
    int[] out = new int[nodes ? hops + 1 : hops];
    int cur = node;
    for (int i = hops; i >= 0; i--) {
      int[] p = parent.get(cur);
      if (nodes) {
        out[i] = cur;
      } else if (i > 0) {
        out[i - 1] = p[1];
      }
      cur = p[0];
    }
    return out;
  }

  /**
   * A risk source: {@code nodes} from the start subject to the holder, {@code edges} between them.
   */
  public record Found(
      double score, double severity, int hops, int record, int[] nodes, int[] edges) {}
}
