package io.credgraph.analysis;

import io.credgraph.NotFoundException;
import io.credgraph.model.SubjectId;
import io.credgraph.model.SubjectRef;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * All shortest paths between two subjects by bidirectional breadth-first search over the relations
 * in force on a day, followed in either direction. Each round expands the whole next layer of the
 * side with the smaller frontier; the first round that reaches the other side fixes the length L,
 * and every shortest path crosses that round's layer at a node known to both sides, so the paths
 * are the products of the two sides' shortest-path trees through those nodes. Cost: O(edges scanned
 * by both searches), which on sparse graphs is about the square root of a one-sided search.
 */
public final class PathFinder {
  private final GraphView view;

  public PathFinder(GraphView view) {
    this.view = view;
  }

  public PathResult find(SubjectId from, SubjectId to, PathResult.Query q) {
    int a = view.node(from);
    if (a < 0) {
      throw new NotFoundException("no subject with id " + from + " (from)");
    }
    int b = view.node(to);
    if (b < 0) {
      throw new NotFoundException("no subject with id " + to + " (to)");
    }
    return find(a, b, q);
  }

  public PathResult find(int from, int to, PathResult.Query q) {
    SubjectRef fromRef = view.ref(from);
    SubjectRef toRef = view.ref(to);
    if (from == to) {
      return new PathResult(
          fromRef,
          toRef,
          q.asOf(),
          0,
          List.of(),
          Optional.of("from and to are the same subject"),
          false);
    }
    int day = GraphView.day(q.asOf());
    int mask = GraphView.mask(q.types());
    IntIntMap distF = new IntIntMap(256);
    IntIntMap distB = new IntIntMap(256);
    distF.put(from, 0);
    distB.put(to, 0);
    int[] frontF = {from};
    int[] frontB = {to};
    int depthF = 0;
    int depthB = 0;
    List<Integer> meeting = new ArrayList<>();
    while (depthF + depthB < q.maxHops() && frontF.length > 0 && frontB.length > 0) {
      boolean forward = frontF.length <= frontB.length;
      IntIntMap mine = forward ? distF : distB;
      IntIntMap theirs = forward ? distB : distF;
      int depth = forward ? depthF : depthB;
      int[] next = new int[16];
      int size = 0;
      List<Integer> met = new ArrayList<>();
      for (int u : forward ? frontF : frontB) {
        int out = view.outDegree(u);
        int in = view.inDegree(u);
        for (int i = 0; i < out + in; i++) {
          int e = i < out ? view.outEdge(u, i) : view.inEdge(u, i - out);
          if (!accept(e, mask, day)) {
            continue;
          }
          int w = view.other(e, u);
          if (mine.containsKey(w)) {
            continue;
          }
          mine.put(w, depth + 1);
          if (size == next.length) {
            next = Arrays.copyOf(next, size * 2);
          }
          next[size++] = w;
          if (theirs.containsKey(w)) {
            met.add(w);
          }
        }
      }
      next = Arrays.copyOf(next, size);
      if (forward) {
        depthF++;
        frontF = next;
      } else {
        depthB++;
        frontB = next;
      }
      if (!met.isEmpty()) {
        int best = Integer.MAX_VALUE;
        for (int w : met) {
          best = Math.min(best, distF.get(w) + distB.get(w));
        }
        for (int w : met) {
          if (distF.get(w) + distB.get(w) == best) {
            meeting.add(w);
          }
        }
        break;
      }
    }
    if (meeting.isEmpty()) {
      String why =
          frontF.length == 0 || frontB.length == 0
              ? "the two subjects are not connected by " + describe(q) + " in force on " + q.asOf()
              : "no path within "
                  + q.maxHops()
                  + " hops by "
                  + describe(q)
                  + " in force on "
                  + q.asOf();
      return new PathResult(fromRef, toRef, q.asOf(), 0, List.of(), Optional.of(why), false);
    }
    meeting.sort(null);
    List<PathResult.Path> paths = new ArrayList<>();
    boolean truncated = false;
    int hops = distF.get(meeting.get(0)) + distB.get(meeting.get(0));
    outer:
    for (int m : meeting) {
      List<int[]> heads = halves(m, distF, mask, day, q.maxPaths() + 1);
      List<int[]> tails = halves(m, distB, mask, day, q.maxPaths() + 1);
      for (int[] head : heads) {
        for (int[] tail : tails) {
          if (paths.size() == q.maxPaths()) {
            truncated = true;
            break outer;
          }
          int[] nodes = new int[head.length + tail.length - 1];
          for (int i = 0; i < head.length; i++) {
            nodes[i] = head[head.length - 1 - i];
          }
          System.arraycopy(tail, 1, nodes, head.length, tail.length - 1);
          paths.add(toPath(nodes, mask, day));
        }
      }
    }
    return new PathResult(fromRef, toRef, q.asOf(), hops, paths, Optional.empty(), truncated);
  }

  /**
   * Shortest-path-tree walks from {@code m} back to the side's origin (distance 0), as node arrays
   * m..origin.
   */
  private List<int[]> halves(int m, IntIntMap dist, int mask, int day, int max) {
    List<int[]> out = new ArrayList<>();
    int len = dist.get(m);
    int[] stack = new int[len + 1];
    stack[0] = m;
    descend(stack, 0, dist, mask, day, max, out);
    return out;
  }

  private void descend(
      int[] stack, int pos, IntIntMap dist, int mask, int day, int max, List<int[]> out) {
    if (out.size() >= max) {
      return;
    }
    int u = stack[pos];
    int d = dist.get(u);
    if (d == 0) {
      out.add(stack.clone());
      return;
    }
    int out0 = view.outDegree(u);
    int in = view.inDegree(u);
    IntIntMap tried = new IntIntMap(8);
    for (int i = 0; i < out0 + in; i++) {
      int e = i < out0 ? view.outEdge(u, i) : view.inEdge(u, i - out0);
      if (!accept(e, mask, day)) {
        continue;
      }
      int w = view.other(e, u);
      if (dist.get(w) != d - 1 || tried.put(w, 1) != IntIntMap.MISSING) {
        continue;
      }
      stack[pos + 1] = w;
      descend(stack, pos + 1, dist, mask, day, max, out);
    }
  }

  private PathResult.Path toPath(int[] nodes, int mask, int day) {
    List<SubjectRef> subjects = new ArrayList<>(nodes.length);
    List<List<EdgeRef>> hops = new ArrayList<>(nodes.length - 1);
    for (int i = 0; i < nodes.length; i++) {
      subjects.add(view.ref(nodes[i]));
      if (i + 1 < nodes.length) {
        List<EdgeRef> between = new ArrayList<>(1);
        int u = nodes[i];
        int out = view.outDegree(u);
        int in = view.inDegree(u);
        for (int k = 0; k < out + in; k++) {
          int e = k < out ? view.outEdge(u, k) : view.inEdge(u, k - out);
          if (accept(e, mask, day) && view.other(e, u) == nodes[i + 1]) {
            between.add(EdgeRef.of(view, e));
          }
        }
        hops.add(between);
      }
    }
    return new PathResult.Path(subjects, hops);
  }

  private boolean accept(int e, int mask, int day) {
    return (mask & (1 << view.edgeType(e))) != 0 && view.inForce(e, day);
  }

  private static String describe(PathResult.Query q) {
    return q.types().isEmpty()
        ? "any relation"
        : "relations " + q.types().stream().sorted().toList();
  }
}
