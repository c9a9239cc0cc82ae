package io.credgraph.api.controllers;

import io.credgraph.ValidationException;
import io.credgraph.api.ApiBackend;
import io.credgraph.api.ApiConfig;
import io.credgraph.api.Params;
import io.credgraph.api.Requests;
import io.credgraph.api.auth.Caller;
import io.credgraph.api.view.AlertView;
import io.credgraph.api.view.Page;
import io.credgraph.engine.AlertKind;
import io.credgraph.model.Dates;
import io.javalin.http.Context;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * {@code GET /api/v1/alerts} (INVESTIGATOR): the alerts that hold on {@code asOf} (sitting officers who became
 * ineligible, escalations) and the caller's WATCH alerts raised up to {@code asOf} (records, status and grade changes
 * on or near watched subjects: {@code raisedOn <= asOf}, DOMAIN.md 10), of one {@code kind} or all, most recent
 * first, paged. {@code since}: a day (alerts raised, or WATCH alerts created, from it on) or an instant (WATCH alerts
 * created at or after it, for polling on {@code createdAt}).
 */
public final class AlertController {
  static final int MAX_LIMIT = 500;
  private final ApiBackend backend;
  private final ApiConfig config;

  public AlertController(ApiBackend backend, ApiConfig config) {
    this.backend = backend;
    this.config = config;
  }

  public void list(Context ctx) {
    Optional<AlertKind> kind = Params.text(ctx, "kind").map(AlertController::kind);
    LocalDate asOf = Params.asOf(ctx, config.clock());
    Optional<String> sinceText = Params.text(ctx, "since");
    Optional<Instant> sinceInstant = sinceText.map(AlertController::since);
    Optional<LocalDate> since = sinceInstant.map(i -> LocalDate.ofInstant(i, Dates.CHINA));
    int limit = Params.limit(ctx, 50, MAX_LIMIT);
    int offset = Params.offsetCursor(ctx);
    Caller caller = Requests.caller(ctx);
    boolean unmasked = caller.seesIdNumbers();
    List<AlertView> all = new ArrayList<>();
    if (kind.isEmpty() || kind.get() != AlertKind.WATCH) {
      backend.engine().alerts(kind, asOf, since).forEach(a -> all.add(AlertView.of(a, unmasked)));
    }
    if (kind.isEmpty() || kind.get() == AlertKind.WATCH) {
      WatchlistController.watchAlertsCreated(backend, caller, sinceInstant, unmasked).stream()
          .filter(a -> !a.raisedOn().isAfter(asOf)).forEach(all::add);
      all.sort(Comparator.comparing(AlertView::raisedOn).reversed());
    }
    int from = Math.min(offset, all.size());
    int to = Math.min(from + limit, all.size());
    List<AlertView> items = all.subList(from, to);
    Requests.audit(ctx, backend.audit(), items.stream().map(a -> a.subject().id()).distinct().toList(), 200,
        "alerts: " + items.size() + " of " + all.size());
    ctx.json(new Page<>(items, to < all.size() ? Optional.of(Integer.toString(to)) : Optional.empty()));
  }

  /**
   * {@code since}: a day (YYYY-MM-DD, from its start in China Standard Time) or an ISO-8601 instant, e.g. the
   * {@code createdAt} of the newest alert a poller has seen.
   */
  static Instant since(String text) {
    if (text.contains("T")) {
      try {
        return Instant.parse(text);
      } catch (java.time.format.DateTimeParseException e) {
        throw new ValidationException("since", "since '" + text + "' is neither a date (YYYY-MM-DD) nor an ISO-8601 "
            + "instant (e.g. 2025-06-01T08:00:00Z)");
      }
    }
    return Dates.parse(text, "since").atStartOfDay(Dates.CHINA).toInstant();
  }

  private static AlertKind kind(String text) {
    try {
      return AlertKind.valueOf(text.toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new ValidationException("kind", "kind '" + text + "' is not one of "
          + Arrays.toString(AlertKind.values()));
    }
  }
}
