package io.credgraph.analysis;

import io.credgraph.ValidationException;
import io.credgraph.model.RelationType;
import io.credgraph.model.SubjectRef;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The shortest paths between two subjects (查关系), or none with the reason.
 *
 * @param hops the length of every path in {@code paths}; 0 when there is none
 * @param reason why {@code paths} is empty; absent when paths were found
 * @param truncated whether more shortest paths exist than {@link Query#maxPaths()}
 */
public record PathResult(
    SubjectRef from,
    SubjectRef to,
    LocalDate asOf,
    int hops,
    List<Path> paths,
    Optional<String> reason,
    boolean truncated) {
  public PathResult {
    Objects.requireNonNull(from, "from");
    Objects.requireNonNull(to, "to");
    Objects.requireNonNull(asOf, "asOf");
    paths = List.copyOf(paths);
    reason = reason == null ? Optional.empty() : reason;
    if (paths.isEmpty() && reason.isEmpty()) {
      throw new IllegalArgumentException("an empty path answer needs its reason");
    }
  }

  /**
   * One path: {@code subjects} from the first to the last, and for each hop {@code i} the relations
   * in force between {@code subjects[i]} and {@code subjects[i+1]} (one or more: a person may be
   * both legal representative and shareholder of the same company), in either direction.
   */
  public record Path(List<SubjectRef> subjects, List<List<EdgeRef>> hops) {
    public Path {
      subjects = List.copyOf(subjects);
      hops = hops.stream().map(List::copyOf).toList();
      if (hops.size() != subjects.size() - 1) {
        throw new IllegalArgumentException(
            "a path of "
                + subjects.size()
                + " subjects has "
                + (subjects.size() - 1)
                + " hops, not "
                + hops.size());
      }
    }
  }

  /**
   * What to look for.
   *
   * @param maxHops 1 to 6
   * @param types relation types to follow (either direction); empty for all
   * @param maxPaths at most this many of the shortest paths (1 to 100)
   */
  public record Query(int maxHops, Set<RelationType> types, LocalDate asOf, int maxPaths) {
    public static final int MAX_HOPS = 6;
    public static final int DEFAULT_MAX_PATHS = 20;

    public Query {
      if (maxHops < 1 || maxHops > MAX_HOPS) {
        throw new ValidationException(
            "maxHops", "maxHops must be between 1 and " + MAX_HOPS + ", not " + maxHops);
      }
      types = types == null ? Set.of() : Set.copyOf(types);
      Objects.requireNonNull(asOf, "asOf");
      if (maxPaths < 1 || maxPaths > 100) {
        throw new ValidationException(
            "maxPaths", "maxPaths must be between 1 and 100, not " + maxPaths);
      }
    }

    public static Query of(int maxHops, Set<RelationType> types, LocalDate asOf) {
      return new Query(maxHops, types, asOf, DEFAULT_MAX_PATHS);
    }
  }
}
