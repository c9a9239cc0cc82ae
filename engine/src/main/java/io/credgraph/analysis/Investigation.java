package io.credgraph.analysis;

import io.credgraph.catalogue.ListCatalogue;
import io.credgraph.model.SubjectId;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * The investigation services over the current graph, for the HTTP layer: one call per route. The
 * graph comes from {@code view} on every call (a store snapshot or the sanction engine's
 * projection); the search index is rebuilt only when the view's {@link GraphView#version()}
 * changes. Thread-safe.
 */
public final class Investigation {
  private final Supplier<? extends GraphView> view;
  private final ListCatalogue catalogue;
  private final RecordSource records;
  private final Statistics.SubjectSource subjects;
  private volatile Statistics.MeasureSource measures = Statistics.MeasureSource.NONE;
  private volatile Statistics.GradeSource grades = Statistics.GradeSource.NONE;
  private volatile SubjectSearch search;

  /**
   * @param records all records (e.g. {@code store::forEachRecord}), read by clusters and statistics
   * @param subjects all subjects (e.g. {@code store::forEachSubject}), read by statistics
   */
  public Investigation(
      Supplier<? extends GraphView> view,
      ListCatalogue catalogue,
      RecordSource records,
      Statistics.SubjectSource subjects) {
    this.view = Objects.requireNonNull(view, "view");
    this.catalogue = Objects.requireNonNull(catalogue, "catalogue");
    this.records = Objects.requireNonNull(records, "records");
    this.subjects = Objects.requireNonNull(subjects, "subjects");
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
    return new NeighbourhoodExplorer(view.get()).expand(subject, query);
  }

  /** {@code GET /paths}. */
  public PathResult paths(SubjectId from, SubjectId to, PathResult.Query query) {
    return new PathFinder(view.get()).find(from, to, query);
  }

  /** {@code GET /subjects/{id}/controllers}. */
  public Controllers controllers(SubjectId subject, LocalDate asOf, double threshold) {
    return new OwnershipAnalysis(view.get()).controllers(subject, asOf, threshold);
  }

  /** {@code GET /clusters}. */
  public RiskCluster.Report clusters(LocalDate asOf, int top) {
    return new RiskClusters(view.get(), catalogue).compute(asOf, records, top);
  }

  /** {@code GET /stats}. */
  public Statistics.StatsReport stats(LocalDate asOf, Statistics.Dimension by) {
    return new Statistics(catalogue).compute(subjects, records, measures, grades, asOf, by);
  }

  private SubjectSearch index() {
    GraphView g = view.get();
    SubjectSearch s = search;
    if (s == null || s.view() != g && s.view().version() != g.version()) {
      synchronized (this) {
        s = search;
        if (s == null || s.view() != g && s.view().version() != g.version()) {
          s = SubjectSearch.index(g);
          search = s;
        }
      }
    }
    return s;
  }
}
