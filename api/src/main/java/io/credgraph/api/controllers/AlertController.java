package io.credgraph.api.controllers;

import io.credgraph.ValidationException;
import io.credgraph.api.ApiBackend;
import io.credgraph.api.ApiConfig;
import io.credgraph.api.Params;
import io.credgraph.api.Requests;
import io.credgraph.api.alerts.AlertHistory;
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
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * {@code GET /api/v1/alerts} (INVESTIGATOR): the alert history (DOMAIN.md 10) raised up to {@code
 * asOf} ({@code raisedOn <= asOf}): the engine's alerts (sitting officers who became ineligible,
 * escalations) as the product recorded them when it first saw them, kept whatever later happens to
 * their cause ({@link AlertHistory}), and the caller's WATCH alerts; of one {@code kind} or all,
 * most recent first (raisedOn, then createdAt), paged ({@code limit} up to 500, {@code cursor}).
 * {@code since}: an instant (alerts created after it, for polling on {@code createdAt}) or a day
 * (alerts created from its start on, China Standard Time).
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
    Optional<Instant> since = sinceText.map(AlertController::since);
    // a day: from its start on; an instant (a createdAt seen): strictly after it
    boolean sinceInclusive = sinceText.map(t -> !t.contains("T")).orElse(false);
    int limit = Params.limit(ctx, 50, MAX_LIMIT);
    int offset = Params.offsetCursor(ctx);
    Caller caller = Requests.caller(ctx);
    boolean unmasked = caller.seesIdNumbers();
    List<AlertView> all = new ArrayList<>();
    if (kind.isEmpty() || kind.get() != AlertKind.WATCH) {
      all.addAll(history(backend, config, asOf).list(kind, asOf, since, sinceInclusive));
    }
    if (kind.isEmpty() || kind.get() == AlertKind.WATCH) {
      WatchlistController.watchAlertsCreated(backend, caller, since, unmasked).stream()
          .filter(a -> !a.raisedOn().isAfter(asOf))
          .filter(
              a ->
                  sinceInclusive
                      || since.isEmpty()
                      || a.createdAt().orElseThrow().isAfter(since.get()))
          .forEach(all::add);
      all.sort(AlertHistory.ORDER);
    }
    int from = Math.min(offset, all.size());
    int to = Math.min(from + limit, all.size());
    List<AlertView> items =
        all.subList(from, to).stream()
            .map(a -> AlertHistory.shown(a, unmasked, backend.store()))
            .toList();
    Requests.audit(
        ctx,
        backend.audit(),
        items.stream().map(a -> a.subject().id()).distinct().toList(),
        200,
        "alerts: " + items.size() + " of " + all.size());
    ctx.json(
        new Page<>(items, to < all.size() ? Optional.of(Integer.toString(to)) : Optional.empty()));
  }

  /**
   * The alert history, first brought up to date with the alerts that hold on {@code asOf} (up to
   * today): the product sees them when asked, so an alert that held only on a past day is recorded
   * when that day is first asked about.
   */
  static AlertHistory history(ApiBackend backend, ApiConfig config, LocalDate asOf) {
    AlertHistory h = backend.investigations().alertHistory();
    h.seen(backend.engine(), asOf, config.clock());
    return h;
  }

  /**
   * {@code since}: a day (YYYY-MM-DD, from its start in China Standard Time) or an ISO-8601
   * instant, e.g. the {@code createdAt} of the newest alert a poller has seen.
   */
  static Instant since(String text) {
    if (text.contains("T")) {
      try {
        return Instant.parse(text);
      } catch (java.time.format.DateTimeParseException e) {
        throw new ValidationException(
            "since",
            "since '"
                + text
                + "' is neither a date (YYYY-MM-DD) nor an ISO-8601 "
                + "instant (e.g. 2025-06-01T08:00:00Z)");
      }
    }
    return Dates.parse(text, "since").atStartOfDay(Dates.CHINA).toInstant();
  }

  private static AlertKind kind(String text) {
    try {
      return AlertKind.valueOf(text.toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new ValidationException(
          "kind", "kind '" + text + "' is not one of " + Arrays.toString(AlertKind.values()));
    }
  }
}
