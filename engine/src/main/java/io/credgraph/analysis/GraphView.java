package io.credgraph.analysis;

import io.credgraph.model.RelationType;
import io.credgraph.model.SubjectId;
import io.credgraph.model.SubjectKey;
import io.credgraph.model.SubjectKind;
import io.credgraph.model.SubjectRef;
import java.time.LocalDate;

/**
 * The read-only graph the analysis algorithms run on: dense node ids {@code 0..nodeCount()-1},
 * dense edge ids {@code 0..edgeCount()-1}, and for every node the ids of its outgoing and incoming
 * edges. Everything an algorithm reads in its inner loop is a primitive (dates as epoch days,
 * ratios as doubles), so traversals do not box.
 *
 * <p>An edge is one stored relation, directed {@code from -> to} as DOMAIN.md section 3 states it.
 * Its dates are epoch days, {@code since} inclusive and {@code until} inclusive; an open end is
 * {@link #OPEN_UNTIL}. Its ratio is {@link Double#NaN} when unknown or not a SHAREHOLDER relation.
 *
 * <p>Implementations are immutable snapshots, safe to share between threads: the engine's {@code
 * GraphSnapshot} (the projection frozen per committed version) is the one the server reads; {@link
 * StoreGraphView} builds one from any {@link io.credgraph.store.GraphStore} for tests.
 */
public interface GraphView {
  /** {@link #edgeUntil(int)} of a relation that still holds. */
  int OPEN_UNTIL = Integer.MAX_VALUE;

  int nodeCount();

  int edgeCount();

  SubjectKind kind(int node);

  SubjectKey key(int node);

  SubjectId id(int node);

  String name(int node);

  /** The subject at {@code node} as answers name it. */
  default SubjectRef ref(int node) {
    return new SubjectRef(id(node), kind(node), name(node), key(node));
  }

  /** The node of this key, or -1 when the graph does not hold it. */
  int node(SubjectKey key);

  /** The node of this opaque id, or -1 when the graph does not hold it. */
  int node(SubjectId id);

  int outDegree(int node);

  /** The {@code i}-th outgoing edge of {@code node}, {@code 0 <= i < outDegree(node)}. */
  int outEdge(int node, int i);

  int inDegree(int node);

  /** The {@code i}-th incoming edge of {@code node}, {@code 0 <= i < inDegree(node)}. */
  int inEdge(int node, int i);

  int edgeFrom(int edge);

  int edgeTo(int edge);

  /** The {@link RelationType#ordinal()} of the edge. */
  int edgeType(int edge);

  /** First day in force, as epoch day. */
  int edgeSince(int edge);

  /** Last day in force, as epoch day; {@link #OPEN_UNTIL} while it holds. */
  int edgeUntil(int edge);

  /** SHAREHOLDER ratio in (0, 1], or NaN when unknown. */
  double edgeRatio(int edge);

  /** The store version this snapshot reflects (caches key on it). */
  long version();

  /**
   * Whether every node of {@code earlier} has the same number here (the nodes of {@code earlier}
   * are a prefix of this view's nodes, keyed alike), so that what was computed per node on {@code
   * earlier} can be carried over and only new or changed nodes computed again. By default only a
   * view numbers nodes as itself.
   */
  default boolean numbersNodesAs(GraphView earlier) {
    return earlier == this;
  }

  /** Whether {@code edge} is in force on {@code epochDay} ({@code since <= day <= until}). */
  default boolean inForce(int edge, int epochDay) {
    return edgeSince(edge) <= epochDay && epochDay <= edgeUntil(edge);
  }

  /** The node at the other end of {@code edge} seen from {@code node}. */
  default int other(int edge, int node) {
    int f = edgeFrom(edge);
    return f == node ? edgeTo(edge) : f;
  }

  /** The key of {@code node} in a form fit for logs and answers (masked for persons). */
  default String maskedKey(int node) {
    return key(node).masked();
  }

  /** The relation type of an {@link #edgeType(int)} ordinal. */
  static RelationType relationType(int ordinal) {
    return Ordinals.TYPES[ordinal];
  }

  /** A date as the epoch day this interface uses. */
  static int day(LocalDate date) {
    return Math.toIntExact(date.toEpochDay());
  }

  /**
   * An epoch day as a date; {@code null} never: open ends must be tested with {@link #OPEN_UNTIL}
   * first.
   */
  static LocalDate date(int epochDay) {
    return LocalDate.ofEpochDay(epochDay);
  }

  /** A bit mask of relation types, bit {@code ordinal}; an empty set means all types. */
  static int mask(java.util.Collection<RelationType> types) {
    if (types == null || types.isEmpty()) {
      return -1;
    }
    int m = 0;
    for (RelationType t : types) {
      m |= 1 << t.ordinal();
    }
    return m;
  }
}
