package io.credgraph.analysis;

import io.credgraph.catalogue.ListCatalogue;
import io.credgraph.model.SubjectId;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * The investigation services over the current graph, for the HTTP layer: one call per route. Every
 * call reads one {@link GraphData} version from {@code data} (the engine's snapshot of the graph
 * its checks answer from) and answers wholly from it, so an answer never mixes two versions; the
 * search index follows the versions incrementally ({@link SubjectSearch#update}). Thread-safe.
 */
public final class Investigation {
  private final Supplier<? extends GraphData> data;
  private final ListCatalogue catalogue;
  private volatile Statistics.MeasureSource measures = Statistics.MeasureSource.NONE;
  private volatile Statistics.GradeSource grades = Statistics.GradeSource.NONE;
  private volatile SubjectSearch search;

  /**
   * @param data the current version of the graph, its records and subjects (e.g. {@code
   *     engine::snapshot}), asked once per call
   */
  public Investigation(Supplier<? extends GraphData> data, ListCatalogue catalogue) {
    this.data = Objects.requireNonNull(data, "data");
    this.catalogue = Objects.requireNonNull(catalogue, "catalogue");
  }

  /** Connects the sanction engine's measures to {@link #stats}. */
  public void measures(Statistics.MeasureSource source) {
    this.measures = Objects.requireNonNull(source, "source");
  }

  /** Connects the credit grades (DOMAIN.md 9) to {@link #stats} {@code by=GRADE}. */
  public void grades(Statistics.GradeSource source) {
    this.grades = Objects.requireNonNull(source, "source");
  }

  /** {@code GET /subjects?q=}: name, USCC, or (when {@code mayUseIdNumber}) ID number. */
  public List<SearchHit> search(String q, boolean mayUseIdNumber, int limit) {
    return index().search(q, mayUseIdNumber, limit);
  }

  /** {@code GET /subjects/{id}/graph}. */
  public Neighbourhood neighbourhood(SubjectId subject, Neighbourhood.Query query) {
    return new NeighbourhoodExplorer(data.get()).expand(subject, query);
  }

  /** {@code GET /paths}. */
  public PathResult paths(SubjectId from, SubjectId to, PathResult.Query query) {
    return new PathFinder(data.get()).find(from, to, query);
  }

  /** {@code GET /subjects/{id}/controllers}. */
  public Controllers controllers(SubjectId subject, LocalDate asOf, double threshold) {
    return new OwnershipAnalysis(data.get()).controllers(subject, asOf, threshold);
  }

  /** {@code GET /clusters}. */
  public RiskCluster.Report clusters(LocalDate asOf, int top) {
    GraphData g = data.get();
    return new RiskClusters(g, catalogue).compute(asOf, g, top);
  }

  /** {@code GET /stats}. */
  public Statistics.StatsReport stats(LocalDate asOf, Statistics.Dimension by) {
    GraphData g = data.get();
    return new Statistics(catalogue).compute(g, g, measures, grades, asOf, by);
  }

  private SubjectSearch index() {
    GraphView g = data.get();
    SubjectSearch s = search;
    if (s == null || s.view().version() != g.version()) {
      synchronized (this) {
        s = search;
        if (s == null || s.view().version() != g.version()) {
          s = s == null ? SubjectSearch.index(g) : SubjectSearch.update(s, g);
          search = s;
        }
      }
    }
    return s;
  }
}
