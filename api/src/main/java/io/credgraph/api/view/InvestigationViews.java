package io.credgraph.api.view;

import io.credgraph.analysis.Controllers;
import io.credgraph.analysis.EdgeRef;
import io.credgraph.analysis.Neighbourhood;
import io.credgraph.analysis.PathResult;
import io.credgraph.analysis.RiskCluster;
import io.credgraph.analysis.Statistics;
import io.credgraph.analysis.WatchAlert;
import io.credgraph.model.ListKind;
import io.credgraph.model.RelationType;
import io.credgraph.model.SubjectId;
import io.credgraph.model.SubjectKey;
import io.credgraph.model.SubjectKind;
import io.credgraph.model.SubjectRef;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * The answers of the investigation routes (graph, controllers, paths, clusters, stats, watchlist,
 * WATCH alerts). Subjects appear as {@link SubjectView} ({@code id, kind, name}, {@code uscc}, a
 * person's {@code idNumber} masked unless the caller may see it); paths as {@link PathElement}
 * lists alternating subjects and relations.
 */
public final class InvestigationViews {
  private InvestigationViews() {}

  /** The view of an analysis subject. */
  public static SubjectView subjectView(SubjectRef s, boolean unmasked) {
    return SubjectView.of(s.id(), s.kind(), s.name(), s.key(), unmasked);
  }

  // ------------------------------------------------------------------ graph

  /**
   * {@code GET /subjects/{id}/graph}: the nodes (the root first, each with its hop distance), the
   * relations in force between them, and the supernodes whose neighbours were counted rather than
   * listed.
   *
   * @param truncated the node limit cut the expansion short
   * @param relationCounts relations by type: the edges listed plus those counted in supernodes
   */
  public record GraphAnswer(
      SubjectView subject,
      LocalDate asOf,
      int depth,
      List<GraphNode> nodes,
      List<GraphEdge> edges,
      List<SupernodeView> supernodes,
      boolean truncated,
      Map<RelationType, Integer> relationCounts) {
    public static GraphAnswer of(Neighbourhood n, int depth, boolean unmasked) {
      return of(
          n,
          depth,
          unmasked,
          s ->
              new GraphNode(
                  subjectView(s.subject(), unmasked), s.depth(), List.of(), false, false, 0));
    }

    /** With each node marked by {@code nodes} (its lists in force and associated risk). */
    public static GraphAnswer of(
        Neighbourhood n,
        int depth,
        boolean unmasked,
        Function<Neighbourhood.Node, GraphNode> nodes) {
      List<GraphEdge> edges = n.edges().stream().map(GraphEdge::of).toList();
      List<SupernodeView> supers =
          n.supernodes().stream()
              .map(
                  s ->
                      new SupernodeView(
                          subjectView(s.subject(), unmasked), s.type(), s.direction(), s.count()))
              .toList();
      Map<RelationType, Integer> counts = new java.util.EnumMap<>(RelationType.class);
      edges.forEach(e -> counts.merge(e.rel(), 1, Integer::sum));
      supers.forEach(s -> counts.merge(s.rel(), s.count(), Integer::sum));
      return new GraphAnswer(
          subjectView(n.root(), unmasked),
          n.asOf(),
          depth,
          n.nodes().stream().map(nodes).toList(),
          edges,
          supers,
          n.truncated(),
          new java.util.TreeMap<>(counts));
    }
  }

  /**
   * A node for drawing: the subject, its distance in hops from the root, the lists of its records
   * in force on the day ({@code black}, {@code red}: one of them is a BLACK, a RED list) and its
   * associated risk score (0 when none).
   */
  public record GraphNode(
      SubjectView subject,
      int depth,
      List<String> lists,
      boolean black,
      boolean red,
      double risk) {}

  /**
   * A relation for drawing, directed as stored ({@code from} is e.g. the shareholder or legal
   * representative), with the SHAREHOLDER ratio when known.
   */
  public record GraphEdge(
      String from,
      String to,
      RelationType rel,
      LocalDate since,
      Optional<LocalDate> until,
      Optional<Double> ratio) {
    public static GraphEdge of(EdgeRef e) {
      return new GraphEdge(
          e.from().value(),
          e.to().value(),
          e.type(),
          e.since(),
          e.until(),
          e.ratio().isPresent() ? Optional.of(e.ratio().getAsDouble()) : Optional.empty());
    }
  }

  /**
   * {@code subject} has {@code count} neighbours through {@code rel} in {@code direction}
   * (OUTGOING: the subject is the relation's from), more than the supernode threshold: counted, not
   * listed.
   */
  public record SupernodeView(
      SubjectView subject, RelationType rel, Neighbourhood.Direction direction, int count) {}

  // ------------------------------------------------------------------ controllers

  /**
   * {@code GET /subjects/{id}/controllers}: the ultimate owners at or above {@code threshold} by
   * effective ownership descending, each with the SHAREHOLDER chains that contribute most; the
   * actual controller; data conflicts.
   */
  public record ControllersAnswer(
      SubjectView subject,
      LocalDate asOf,
      double threshold,
      List<OwnerView> owners,
      Optional<ActualControllerView> actualController,
      List<ConflictView> conflicts) {
    public static ControllersAnswer of(Controllers c, boolean unmasked) {
      return new ControllersAnswer(
          subjectView(c.subject(), unmasked),
          c.asOf(),
          c.threshold(),
          c.owners().stream()
              .map(
                  o ->
                      new OwnerView(
                          subjectView(o.subject(), unmasked),
                          o.ratio(),
                          o.paths().stream().map(w -> WalkView.of(w, unmasked)).toList()))
              .toList(),
          c.actualController()
              .map(
                  a ->
                      new ActualControllerView(
                          subjectView(a.subject(), unmasked),
                          a.basis(),
                          a.ratio().isPresent()
                              ? Optional.of(a.ratio().getAsDouble())
                              : Optional.empty(),
                          a.declaration().map(GraphEdge::of))),
          c.conflicts().stream()
              .map(
                  x ->
                      new ConflictView(
                          x.kind(),
                          x.cycle().stream().map(s -> subjectView(s, unmasked)).toList(),
                          x.product(),
                          x.reason(),
                          x.affectedOwners().stream().map(s -> subjectView(s, unmasked)).toList()))
              .toList());
    }
  }

  /**
   * An ultimate owner and its effective ownership (the sum over every chain of the product of the
   * ratios).
   */
  public record OwnerView(SubjectView subject, double ratio, List<WalkView> paths) {}

  /**
   * One chain of SHAREHOLDER relations from the owner to the subject: the path (owner first), the
   * ratio of each relation in order, and their product.
   */
  public record WalkView(double product, List<Double> ratios, List<PathElement> path) {
    static WalkView of(Controllers.Walk w, boolean unmasked) {
      List<Double> ratios =
          w.relations().stream()
              .map(e -> e.ratio().isPresent() ? e.ratio().getAsDouble() : Double.NaN)
              .toList();
      return new WalkView(w.product(), ratios, pathOf(w.subjects(), w.relations(), unmasked));
    }
  }

  /**
   * The actual controller: DECLARED (the ACTUAL_CONTROLLER relation, in {@code declaration}) or
   * OWNERSHIP (> 50 %).
   */
  public record ActualControllerView(
      SubjectView subject,
      Controllers.Basis basis,
      Optional<Double> ratio,
      Optional<GraphEdge> declaration) {}

  /**
   * Data that makes an ownership number impossible (DIVERGENT_CYCLE) or doubtful
   * (SHARES_ABOVE_100).
   */
  public record ConflictView(
      Controllers.Conflict.Kind kind,
      List<SubjectView> cycle,
      double product,
      String reason,
      List<SubjectView> affectedOwners) {}

  // ------------------------------------------------------------------ paths

  /**
   * {@code GET /paths}: the shortest paths of {@code hops} relations (several when tied), or none
   * and the {@code reason}.
   *
   * @param truncated more shortest paths exist than were returned
   */
  public record PathsAnswer(
      SubjectView from,
      SubjectView to,
      LocalDate asOf,
      int maxHops,
      int hops,
      List<PathView> paths,
      Optional<String> reason,
      boolean truncated) {
    public static PathsAnswer of(PathResult r, int maxHops, boolean unmasked) {
      return new PathsAnswer(
          subjectView(r.from(), unmasked),
          subjectView(r.to(), unmasked),
          r.asOf(),
          maxHops,
          r.hops(),
          r.paths().stream().map(p -> PathView.of(p, unmasked)).toList(),
          r.reason(),
          r.truncated());
    }
  }

  /**
   * One path: {@code path} alternates subjects and one relation per hop (from the first subject to
   * the last); {@code hops} lists, per hop, every relation in force between the two subjects (a
   * person can be both legal representative and shareholder of one company).
   */
  public record PathView(List<PathElement> path, List<List<GraphEdge>> hops) {
    static PathView of(PathResult.Path p, boolean unmasked) {
      List<EdgeRef> first = p.hops().stream().map(h -> h.get(0)).toList();
      return new PathView(
          pathOf(p.subjects(), first, unmasked),
          p.hops().stream().map(h -> h.stream().map(GraphEdge::of).toList()).toList());
    }
  }

  private static List<PathElement> pathOf(
      List<SubjectRef> subjects, List<EdgeRef> relations, boolean unmasked) {
    List<PathElement> out = new ArrayList<>(subjects.size() * 2);
    for (int i = 0; i < subjects.size(); i++) {
      out.add(PathElement.subject(subjectView(subjects.get(i), unmasked)));
      if (i < relations.size()) {
        EdgeRef e = relations.get(i);
        SubjectId here = subjects.get(i).id();
        out.add(
            new PathElement(
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                Optional.of(e.type()),
                Optional.of(e.since()),
                e.until(),
                Optional.of(e.from().equals(here))));
      }
    }
    return out;
  }

  // ------------------------------------------------------------------ clusters

  /**
   * {@code GET /clusters}: the top risk clusters of {@code asOf}, riskiest first.
   *
   * @param components connected components of the control graph (isolated subjects included)
   * @param riskyComponents components holding a BLACK record in force
   */
  public record ClustersAnswer(
      LocalDate asOf,
      int components,
      int riskyComponents,
      int totalClusters,
      List<ClusterView> clusters) {
    public static ClustersAnswer of(RiskCluster.Report r, boolean unmasked) {
      return new ClustersAnswer(
          r.asOf(),
          r.components(),
          r.riskyComponents(),
          r.totalClusters(),
          r.clusters().stream()
              .map(
                  c ->
                      new ClusterView(
                          c.id(),
                          c.size(),
                          c.blackRecords(),
                          c.risk(),
                          c.blackMembers().stream()
                              .map(
                                  m ->
                                      new BlackMemberView(
                                          subjectView(m.subject(), unmasked),
                                          m.records(),
                                          m.severity(),
                                          m.lists()))
                              .toList(),
                          c.byList(),
                          c.componentId(),
                          c.componentSize()))
              .toList());
    }
  }

  /**
   * A risk cluster: a connected component of the control graph with BLACK records in force, or one
   * of the Louvain communities of a large component ({@code componentId}). {@code id} is stable
   * while the membership is.
   *
   * @param risk the sum of the severities of the members' BLACK records in force
   */
  public record ClusterView(
      String id,
      int size,
      int blackRecords,
      double risk,
      List<BlackMemberView> blackMembers,
      Map<String, Integer> byList,
      Optional<String> componentId,
      int componentSize) {}

  /** A member with BLACK records in force: how many, their severity, the lists. */
  public record BlackMemberView(
      SubjectView subject, int records, double severity, List<String> lists) {}

  // ------------------------------------------------------------------ statistics

  /**
   * {@code GET /stats}: subjects registered by {@code asOf} by kind, records in force by list kind,
   * measures in force (as the sanction engine derives them), and one row per group of {@code by}.
   */
  public record StatsAnswer(
      LocalDate asOf,
      Statistics.Dimension by,
      Map<SubjectKind, Long> subjects,
      Map<ListKind, Long> recordsInForce,
      long subjectsWithRecords,
      long measuresInForce,
      List<StatsRow> rows) {
    public static StatsAnswer of(Statistics.StatsReport r) {
      return new StatsAnswer(
          r.asOf(),
          r.by(),
          r.subjects(),
          r.recordsInForce(),
          r.subjectsWithRecords(),
          r.measuresInForce(),
          r.rows().stream()
              .map(x -> new StatsRow(x.key(), x.records(), x.subjects(), x.measures()))
              .toList());
    }
  }

  /**
   * One group: records in force, distinct subjects holding them, measures in force they trigger.
   */
  public record StatsRow(String key, long records, long subjects, long measures) {}

  // ------------------------------------------------------------------ watchlist

  /**
   * The caller's watchlist: the subjects whose records (and their control neighbourhood's) raise
   * WATCH alerts.
   */
  public record WatchlistAnswer(String investigator, List<SubjectView> subjects) {}

  /**
   * What raised a WATCH alert: the watched subject, the event (a NEW_RECORD or a STATUS_CHANGE of
   * record {@code record} on {@code list}, on day {@code on}), and the path of control relations
   * from the watched subject to the event's subject.
   */
  public record WatchView(
      String id, SubjectView watched, WatchEventView event, List<PathElement> path) {
    /**
     * {@code views} gives the view of a stored subject (every subject an alert names is stored).
     */
    public static WatchView of(WatchAlert a, Function<SubjectKey, SubjectView> views) {
      List<PathElement> path = new ArrayList<>();
      for (int i = 0; i < a.subjects().size(); i++) {
        path.add(PathElement.subject(views.apply(a.subjects().get(i))));
        if (i < a.relations().size()) {
          path.add(
              new PathElement(
                  Optional.empty(),
                  Optional.empty(),
                  Optional.empty(),
                  Optional.empty(),
                  Optional.empty(),
                  Optional.empty(),
                  Optional.of(a.relations().get(i)),
                  Optional.empty(),
                  Optional.empty(),
                  Optional.empty()));
        }
      }
      WatchAlert.Event e = a.event();
      return new WatchView(
          a.id(),
          views.apply(a.watched()),
          new WatchEventView(
              e.type(),
              e.recordId(),
              e.list(),
              views.apply(e.subject()),
              e.status(),
              e.on(),
              e.note()),
          path);
    }
  }

  /** The event of a WATCH alert. */
  public record WatchEventView(
      WatchAlert.Type type,
      String record,
      String list,
      SubjectView subject,
      String status,
      LocalDate on,
      Optional<String> note) {}
}
