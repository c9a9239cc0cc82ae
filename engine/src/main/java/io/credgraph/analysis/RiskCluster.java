package io.credgraph.analysis;

import io.credgraph.model.SubjectRef;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A risk cluster: a connected component of the control graph that holds subjects with BLACK records
 * in force, or, for a component above the community threshold, one of its Louvain communities that
 * does.
 *
 * @param id stable while the membership is unchanged: derived from the sorted subject ids of the
 *     members
 * @param risk the sum of the severities of the members' BLACK records in force
 * @param blackMembers the members with BLACK records in force, riskiest first
 * @param byList BLACK records in force by list code
 * @param componentId for a community: the id of the component it was split from
 */
public record RiskCluster(
    String id,
    int size,
    int blackRecords,
    double risk,
    List<BlackMember> blackMembers,
    Map<String, Integer> byList,
    Optional<String> componentId,
    int componentSize) {
  public RiskCluster {
    Objects.requireNonNull(id, "id");
    blackMembers = List.copyOf(blackMembers);
    byList = Map.copyOf(byList);
    componentId = componentId == null ? Optional.empty() : componentId;
  }

  /** A member with BLACK records in force: how many, the sum of their severities, and the lists. */
  public record BlackMember(SubjectRef subject, int records, double severity, List<String> lists) {
    public BlackMember {
      lists = List.copyOf(lists);
    }
  }

  /**
   * The ranked clusters of one day.
   *
   * @param components connected components of the control graph (isolated subjects included)
   * @param riskyComponents components holding at least one BLACK record in force
   * @param clusters the top clusters, by risk, then BLACK records, then size ascending, then the
   *     smallest member id
   */
  public record Report(
      LocalDate asOf,
      int components,
      int riskyComponents,
      int totalClusters,
      List<RiskCluster> clusters) {
    public Report {
      Objects.requireNonNull(asOf, "asOf");
      clusters = List.copyOf(clusters);
    }
  }
}
