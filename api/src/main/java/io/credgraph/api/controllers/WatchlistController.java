package io.credgraph.api.controllers;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.credgraph.NotFoundException;
import io.credgraph.ValidationException;
import io.credgraph.analysis.WatchAlert;
import io.credgraph.analysis.WatchlistService;
import io.credgraph.api.ApiBackend;
import io.credgraph.api.Requests;
import io.credgraph.api.auth.Caller;
import io.credgraph.api.error.Bodies;
import io.credgraph.api.requests.WatchRequest;
import io.credgraph.api.view.AlertView;
import io.credgraph.api.view.InvestigationViews.WatchlistAnswer;
import io.credgraph.api.view.SubjectParam;
import io.credgraph.api.view.SubjectView;
import io.credgraph.model.Dates;
import io.credgraph.model.Subject;
import io.credgraph.model.SubjectId;
import io.credgraph.model.SubjectKey;
import io.credgraph.store.GraphStore;
import io.javalin.http.Context;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * {@code POST /api/v1/watchlist} (INVESTIGATOR): adds subjects to the caller's watchlist (kept per
 * key name) and answers the whole list. A new record or status change on a watched subject, or
 * within two control hops of it, raises a WATCH alert, listed by {@code GET /api/v1/alerts}.
 */
public final class WatchlistController {
  private final ApiBackend backend;
  private final ObjectMapper mapper;

  public WatchlistController(ApiBackend backend, ObjectMapper mapper) {
    this.backend = backend;
    this.mapper = mapper;
  }

  public void watch(Context ctx) {
    WatchRequest req = Bodies.read(ctx, mapper, WatchRequest.class);
    Caller caller = Requests.caller(ctx);
    GraphStore store = backend.store();
    List<SubjectKey> keys = new ArrayList<>();
    for (int i = 0; i < req.subjects().size(); i++) {
      SubjectParam t = req.subjects().get(i);
      Optional<Subject> s;
      if (t.id().isPresent()) {
        SubjectId id;
        try {
          id = SubjectController.subjectId(t.id().get());
        } catch (ValidationException e) {
          throw e.under("subjects[" + i + "]");
        }
        s = store.subject(id);
      } else {
        s = store.subject(t.naturalKey().orElseThrow());
      }
      int index = i;
      keys.add(
          s.orElseThrow(
                  () ->
                      new NotFoundException(
                          "subjects["
                              + index
                              + "]: no such subject; watch subjects "
                              + "the city holds (find them with GET /api/v1/subjects?q=)"))
              .key());
    }
    WatchlistService watchlists = backend.investigations().watchlists();
    List<SubjectKey> list = watchlists.watch(caller.name(), keys);
    Function<SubjectKey, SubjectView> views = views(backend, caller.seesIdNumbers());
    List<SubjectView> subjects = list.stream().map(views).toList();
    Requests.audit(
        ctx,
        backend.audit(),
        subjects.stream().map(SubjectView::id).toList(),
        200,
        "watchlist: " + keys.size() + " added, " + subjects.size() + " watched");
    ctx.json(new WatchlistAnswer(caller.name(), subjects));
  }

  /** {@code GET /api/v1/watchlist}: the caller's watchlist. */
  public void list(Context ctx) {
    Caller caller = Requests.caller(ctx);
    answer(
        ctx, caller, backend.investigations().watchlists().watchlist(caller.name()), "watchlist: ");
  }

  /**
   * {@code DELETE /api/v1/watchlist/{id}}: stops watching one subject (idempotent: a subject not on
   * the list is not an error); answers the rest of the list.
   */
  public void unwatch(Context ctx) {
    Caller caller = Requests.caller(ctx);
    Subject s =
        backend
            .store()
            .subject(SubjectController.subjectId(ctx.pathParam("id")))
            .orElseThrow(() -> new NotFoundException("no subject with id " + ctx.pathParam("id")));
    WatchlistService watchlists = backend.investigations().watchlists();
    answer(
        ctx,
        caller,
        watchlists.unwatch(caller.name(), List.of(s.key())),
        "watchlist: unwatched 1, ");
  }

  private void answer(Context ctx, Caller caller, List<SubjectKey> list, String note) {
    Function<SubjectKey, SubjectView> views = views(backend, caller.seesIdNumbers());
    List<SubjectView> subjects = list.stream().map(views).toList();
    Requests.audit(
        ctx,
        backend.audit(),
        subjects.stream().map(SubjectView::id).toList(),
        200,
        note + subjects.size() + " watched");
    ctx.json(new WatchlistAnswer(caller.name(), subjects));
  }

  /**
   * The caller's WATCH alerts raised on or after {@code since} (a day in China Standard Time),
   * newest first.
   */
  static List<AlertView> watchAlerts(
      ApiBackend backend, Caller caller, Optional<LocalDate> since, boolean unmasked) {
    return watchAlertsCreated(
        backend, caller, since.map(d -> d.atStartOfDay(Dates.CHINA).toInstant()), unmasked);
  }

  /** The caller's WATCH alerts created at or after {@code from}, newest first. */
  static List<AlertView> watchAlertsCreated(
      ApiBackend backend, Caller caller, Optional<Instant> from, boolean unmasked) {
    WatchlistService watchlists = backend.investigations().watchlists();
    List<WatchAlert> all = new ArrayList<>();
    for (int offset = 0; ; offset += 1000) {
      List<WatchAlert> page = watchlists.alerts(caller.name(), from, offset, 1000);
      all.addAll(page);
      if (page.size() < 1000) {
        break;
      }
    }
    Function<SubjectKey, SubjectView> views = views(backend, unmasked);
    List<AlertView> out = new ArrayList<>(all.size());
    for (int i = all.size() - 1; i >= 0; i--) {
      out.add(AlertView.of(all.get(i), views));
    }
    return out;
  }

  private static Function<SubjectKey, SubjectView> views(ApiBackend backend, boolean unmasked) {
    return k ->
        backend
            .store()
            .subject(k)
            .map(s -> SubjectView.of(s, unmasked))
            .orElseThrow(
                () ->
                    new IllegalStateException("a watched or alerted subject is no longer stored"));
  }
}
