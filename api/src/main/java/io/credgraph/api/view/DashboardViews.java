package io.credgraph.api.view;

import io.credgraph.engine.AlertKind;
import io.credgraph.model.ListKind;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The answers of the dashboard's time series and alert counts ({@code /api/v1/stats/months}, {@code
 * /stats/alerts}).
 */
public final class DashboardViews {
  private DashboardViews() {}

  /**
   * {@code GET /stats/months}: records that took effect (effectiveFrom) in each of the {@code
   * months} months ending with the month of {@code asOf}, one series per list, in the order of
   * {@code months} (oldest first).
   *
   * @param before records that took effect before the first month shown (not in any series)
   */
  public record MonthsAnswer(
      LocalDate asOf, List<String> months, List<MonthSeries> series, long total, long before) {}

  /** One list's new records per month; {@code counts[i]} belongs to {@code months[i]}. */
  public record MonthSeries(
      String list, String listName, Optional<ListKind> listKind, List<Long> counts, long total) {}

  /**
   * {@code GET /stats/alerts}: the alerts that hold on {@code asOf} by kind (SITTING_OFFICER and
   * ESCALATION for the whole city, WATCH for the caller's watchlist only).
   */
  public record AlertCountsAnswer(LocalDate asOf, Map<AlertKind, Long> byKind, long total) {}
}
