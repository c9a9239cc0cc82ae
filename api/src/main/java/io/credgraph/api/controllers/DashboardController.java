package io.credgraph.api.controllers;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.credgraph.api.ApiBackend;
import io.credgraph.api.ApiConfig;
import io.credgraph.api.Params;
import io.credgraph.api.Requests;
import io.credgraph.api.auth.Caller;
import io.credgraph.api.view.DashboardViews.AlertCountsAnswer;
import io.credgraph.api.view.DashboardViews.MonthSeries;
import io.credgraph.api.view.DashboardViews.MonthsAnswer;
import io.credgraph.catalogue.ListDefinition;
import io.credgraph.engine.AlertKind;
import io.javalin.http.Context;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The dashboard's series that {@code GET /api/v1/stats} does not give (INVESTIGATOR): new records
 * per month per list and the alerts that hold on a day by kind. Answers are cached per graph
 * version.
 */
public final class DashboardController {
  static final int MAX_MONTHS = 120;

  private final ApiBackend backend;
  private final ApiConfig config;
  private final Cache<List<Object>, Object> reports = Caffeine.newBuilder().maximumSize(64).build();

  public DashboardController(ApiBackend backend, ApiConfig config) {
    this.backend = backend;
    this.config = config;
  }

  /** {@code GET /api/v1/stats/months}: months (1-120, default 24), asOf. */
  public void months(Context ctx) {
    int n = InvestigationController.intParam(ctx, "months", 24, 1, MAX_MONTHS);
    LocalDate asOf = Params.asOf(ctx, config.clock());
    MonthsAnswer answer =
        (MonthsAnswer)
            reports.get(
                List.of("months", backend.engine().version(), asOf, n), k -> months(asOf, n));
    Requests.audit(
        ctx,
        backend.audit(),
        List.of(),
        200,
        "stats by month and list: "
            + answer.series().size()
            + " lists, "
            + answer.total()
            + " records");
    ctx.json(answer);
  }

  private MonthsAnswer months(LocalDate asOf, int n) {
    YearMonth last = YearMonth.from(asOf);
    YearMonth first = last.minusMonths(n - 1L);
    List<String> labels = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      labels.add(first.plusMonths(i).toString());
    }
    Map<String, long[]> counts = new TreeMap<>();
    long[] before = new long[1];
    backend
        .engine()
        .snapshot()
        .forEachRecord(
            r -> {
              LocalDate from = r.effectiveFrom();
              if (from.isAfter(asOf)) {
                return;
              }
              YearMonth m = YearMonth.from(from);
              if (m.isBefore(first)) {
                before[0]++;
                return;
              }
              counts
                  .computeIfAbsent(r.list(), x -> new long[n])[
                  (int) first.until(m, ChronoUnit.MONTHS)]++;
            });
    List<MonthSeries> series = new ArrayList<>();
    long total = 0;
    for (Map.Entry<String, long[]> e : counts.entrySet()) {
      Optional<ListDefinition> def = backend.catalogue().find(e.getKey());
      List<Long> values = new ArrayList<>(n);
      long sum = 0;
      for (long v : e.getValue()) {
        values.add(v);
        sum += v;
      }
      total += sum;
      series.add(
          new MonthSeries(
              e.getKey(),
              def.map(ListDefinition::name).orElse(e.getKey()),
              def.map(ListDefinition::kind),
              values,
              sum));
    }
    series.sort((a, b) -> Long.compare(b.total(), a.total()));
    return new MonthsAnswer(asOf, labels, series, total, before[0]);
  }

  /**
   * {@code GET /api/v1/stats/alerts}: asOf. The alerts of the history raised by asOf, by kind;
   * WATCH counts the caller's own.
   */
  public void alerts(Context ctx) {
    LocalDate asOf = Params.asOf(ctx, config.clock());
    Caller caller = Requests.caller(ctx);
    // the alert history (DOMAIN.md 10), as GET /api/v1/alerts lists it: raised on or before asOf
    Map<AlertKind, Long> city = new HashMap<>();
    AlertController.history(backend, config, asOf)
        .list(Optional.empty(), asOf, Optional.empty(), false)
        .forEach(a -> city.merge(a.kind(), 1L, Long::sum));
    Map<AlertKind, Long> byKind = new EnumMap<>(AlertKind.class);
    for (AlertKind kind : AlertKind.values()) {
      byKind.put(kind, city.getOrDefault(kind, 0L));
    }
    long watch =
        WatchlistController.watchAlerts(backend, caller, Optional.empty(), false).stream()
            .filter(a -> !a.raisedOn().isAfter(asOf))
            .count();
    byKind.put(AlertKind.WATCH, watch);
    long total = byKind.values().stream().mapToLong(Long::longValue).sum();
    Requests.audit(ctx, backend.audit(), List.of(), 200, "alerts by kind: " + total);
    ctx.json(new AlertCountsAnswer(asOf, byKind, total));
  }
}
