package io.credgraph.analysis;

import io.credgraph.ValidationException;
import io.credgraph.model.RelationType;
import io.credgraph.model.SubjectRef;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * The subjects around one subject, for drawing: the nodes reached within {@code depth} hops
 * (relations in force on {@code asOf}, followed in both directions), the relations between them,
 * and the groups that were summarised.
 *
 * @param nodes the root first, then in breadth-first order, each with its hop distance
 * @param supernodes groups of more than the threshold of neighbours of one type and direction,
 *     counted not listed
 * @param truncated whether the node limit cut the expansion short
 */
public record Neighbourhood(
    SubjectRef root,
    LocalDate asOf,
    List<Node> nodes,
    List<EdgeRef> edges,
    List<Supernode> supernodes,
    boolean truncated) {
  public Neighbourhood {
    Objects.requireNonNull(root, "root");
    Objects.requireNonNull(asOf, "asOf");
    nodes = List.copyOf(nodes);
    edges = List.copyOf(edges);
    supernodes = List.copyOf(supernodes);
  }

  /** A reached subject and its distance in hops from the root. */
  public record Node(SubjectRef subject, int depth) {}

  /**
   * {@code subject} has {@code count} neighbours through {@code type} relations in {@code
   * direction}, more than the threshold: they are not listed (expand that subject on its own to see
   * them).
   */
  public record Supernode(SubjectRef subject, RelationType type, Direction direction, int count) {}

  /**
   * OUTGOING: the subject is the relation's from (e.g. the legal representative); INCOMING: its to.
   */
  public enum Direction {
    OUTGOING,
    INCOMING
  }

  /**
   * What to expand.
   *
   * @param depth 1 to 3 hops
   * @param types the relation types to follow; empty for all
   * @param limit at most this many nodes (1 to 5,000), root included
   * @param supernodeThreshold a group of more neighbours than this (of one type and direction) is
   *     summarised
   */
  public record Query(
      int depth, Set<RelationType> types, int limit, LocalDate asOf, int supernodeThreshold) {
    public static final int DEFAULT_LIMIT = 200;
    public static final int DEFAULT_SUPERNODE_THRESHOLD = 25;

    public Query {
      if (depth < 1 || depth > 3) {
        throw new ValidationException("depth", "depth must be 1, 2 or 3, not " + depth);
      }
      types = types == null ? Set.of() : Set.copyOf(types);
      if (limit < 1 || limit > 5000) {
        throw new ValidationException("limit", "limit must be between 1 and 5000, not " + limit);
      }
      Objects.requireNonNull(asOf, "asOf");
      if (supernodeThreshold < 1) {
        throw new ValidationException(
            "supernodeThreshold", "the supernode threshold must be at least 1");
      }
    }

    public static Query of(int depth, Set<RelationType> types, LocalDate asOf) {
      return new Query(depth, types, DEFAULT_LIMIT, asOf, DEFAULT_SUPERNODE_THRESHOLD);
    }
  }
}
