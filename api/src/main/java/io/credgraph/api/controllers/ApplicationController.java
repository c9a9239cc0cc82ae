package io.credgraph.api.controllers;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.credgraph.ValidationException;
import io.credgraph.api.ApiBackend;
import io.credgraph.api.ApiConfig;
import io.credgraph.api.Params;
import io.credgraph.api.Requests;
import io.credgraph.api.auth.Caller;
import io.credgraph.api.error.ApiException;
import io.credgraph.api.error.Bodies;
import io.credgraph.api.loop.Application;
import io.credgraph.api.loop.Ids;
import io.credgraph.api.loop.LoopStore;
import io.credgraph.api.loop.MeView;
import io.credgraph.api.requests.ApplicationRequest;
import io.credgraph.api.requests.DecisionRequest;
import io.credgraph.api.view.MeasureView;
import io.credgraph.api.view.Page;
import io.credgraph.api.view.ReasonView;
import io.credgraph.api.view.RecordView;
import io.credgraph.api.view.SubjectView;
import io.credgraph.catalogue.ApplicationSettings;
import io.credgraph.catalogue.ListDefinition;
import io.credgraph.engine.SubjectMeasures;
import io.credgraph.model.CreditRecord;
import io.credgraph.model.Dates;
import io.credgraph.model.Provenance;
import io.credgraph.model.RecordStatus;
import io.credgraph.model.StatusChange;
import io.credgraph.model.StatusEvent;
import io.credgraph.model.Subject;
import io.credgraph.model.SubjectId;
import io.credgraph.store.WriteBatch;
import io.credgraph.store.WriteOp;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * A subject's own credit file and its applications (DOMAIN.md section 8): {@code GET /api/v1/me}
 * and {@code POST /api/v1/me/applications} (SUBJECT, the key's one subject only), the stewards'
 * queue {@code GET /api/v1/applications} and {@code POST /api/v1/applications/{id}/decision}
 * (STEWARD). Filing an objection puts the record in OBJECTED; deciding writes the record's new
 * status through the engine, so every check sees it at once; every step is journalled, audited and
 * shown to the subject.
 */
public final class ApplicationController {
  static final int MAX_LIMIT = 200;

  private final ApiBackend backend;
  private final ApiConfig config;
  private final ObjectMapper mapper;
  private final LoopStore loop;
  private final ApplicationSettings settings;

  public ApplicationController(
      ApiBackend backend,
      ApiConfig config,
      ObjectMapper mapper,
      LoopStore loop,
      ApplicationSettings settings) {
    this.backend = backend;
    this.config = config;
    this.mapper = mapper;
    this.loop = loop;
    this.settings = settings;
  }

  /** The caller's own subject: the one its SUBJECT key is bound to. */
  private Subject own(Caller caller) {
    String id =
        caller
            .subject()
            .orElseThrow(() -> ApiException.forbidden("this route answers a subject's own key"));
    return backend
        .store()
        .subject(new SubjectId(id))
        .orElseThrow(
            () ->
                ApiException.notFound(
                    "the subject key '"
                        + caller.name()
                        + "' is bound to ("
                        + id
                        + ") is not in the store; ask the operator to issue the key again"));
  }

  private LocalDate today() {
    return LocalDate.now(config.clock().withZone(Dates.CHINA));
  }

  public void me(Context ctx) {
    Caller caller = Requests.caller(ctx);
    Subject s = own(caller);
    LocalDate asOf = Params.asOf(ctx, config.clock());
    List<MeView.MyRecord> records = new ArrayList<>();
    for (CreditRecord r :
        backend.store().records(s.key()).stream()
            .sorted(
                Comparator.comparing(CreditRecord::decidedOn)
                    .reversed()
                    .thenComparing(CreditRecord::id))
            .toList()) {
      ApplicationSettings.Settings set = settings.of(r.list(), severity(r));
      boolean objectedInForce =
          backend.catalogue().find(r.list()).map(ListDefinition::objectedInForce).orElse(true);
      boolean inForce = r.inForceOn(asOf, objectedInForce);
      records.add(
          new MeView.MyRecord(
              RecordView.of(r, backend.catalogue(), asOf, false),
              set.published(r.decidedOn(), inForce, asOf),
              set.repairable(),
              set.repairable()
                  ? Optional.of(set.firstRepairDay(r.decidedOn()))
                  : Optional.empty()));
    }
    SubjectMeasures measures = backend.engine().subjectMeasures(s.key(), asOf);
    String id = s.id().value();
    List<Application> apps =
        loop.applications().stream()
            .filter(a -> a.subject().equals(id))
            .sorted(
                Comparator.comparing(Application::filedOn)
                    .reversed()
                    .thenComparing(Application::id))
            .toList();
    Requests.audit(ctx, backend.audit(), List.of(id), 200, "own file asOf=" + asOf);
    ctx.json(
        new MeView(
            SubjectView.of(s, true),
            asOf,
            records,
            measures.measures().stream().map(m -> MeasureView.of(m, false)).toList(),
            measures.appointmentRestrictions().stream().map(r -> ReasonView.of(r, false)).toList(),
            grade(s, asOf),
            apps));
  }

  /**
   * The subject's credit grade on {@code asOf} (DOMAIN.md section 9): grade, title, the conditions
   * that set it and the records behind them; persons are not graded.
   */
  private Optional<com.fasterxml.jackson.databind.JsonNode> grade(Subject s, LocalDate asOf) {
    return backend.engine().grade(s.key(), asOf).map(g -> mapper.valueToTree(g));
  }

  public void file(Context ctx) {
    Caller caller = Requests.caller(ctx);
    Subject s = own(caller);
    ApplicationRequest req = Bodies.read(ctx, mapper, ApplicationRequest.class);
    CreditRecord r =
        backend
            .store()
            .record(req.record())
            .filter(x -> x.subject().equals(s.key()))
            .orElseThrow(
                () -> ApiException.notFound("no record '" + req.record() + "' in your file"));
    LocalDate today = today();
    ApplicationSettings.Settings set = settings.of(r.list(), severity(r));
    String name = backend.catalogue().find(r.list()).map(ListDefinition::name).orElse(r.list());
    Application a;
    synchronized (loop) {
      RecordStatus status = r.statusOn(today);
      for (Application other : loop.applications()) {
        if (other.record().equals(r.id())
            && other.type() == req.type()
            && other.state() == Application.State.FILED) {
          throw ApiException.conflict(
              "application "
                  + other.id()
                  + " ("
                  + req.type()
                  + ") on record "
                  + r.id()
                  + " is still being handled; it is due by "
                  + other.dueOn());
        }
      }
      LocalDate due;
      RecordStatus after = status;
      if (req.type() == Application.Type.OBJECTION) {
        if (status != RecordStatus.ACTIVE) {
          throw ApiException.conflict(
              "record "
                  + r.id()
                  + " is "
                  + status
                  + " on "
                  + today
                  + "; an objection is to an ACTIVE record");
        }
        due = today.plusDays(set.objectionDays());
        after = RecordStatus.OBJECTED;
      } else {
        if (!set.repairable()) {
          throw ApiException.unprocessable(
              "records of "
                  + r.list()
                  + " ("
                  + name
                  + ") cannot be repaired: they end "
                  + "by the decision of the body that made them, or are facts");
        }
        LocalDate first = set.firstRepairDay(r.decidedOn());
        if (today.isBefore(first)) {
          throw ApiException.unprocessable(
                  "a repair application for record "
                      + r.id()
                      + " may be filed from "
                      + first
                      + " (decided "
                      + r.decidedOn()
                      + ", minimum publication "
                      + set.minPublication().orElseThrow()
                      + " for "
                      + r.list()
                      + ")")
              .with("firstAllowedOn", first.toString());
        }
        if (status != RecordStatus.ACTIVE && status != RecordStatus.OBJECTED) {
          throw ApiException.conflict(
              "record "
                  + r.id()
                  + " is "
                  + status
                  + " on "
                  + today
                  + "; only a record in force can be repaired");
        }
        if (r.effectiveUntil().map(u -> u.isBefore(today)).orElse(false)) {
          throw ApiException.conflict(
              "record "
                  + r.id()
                  + " ended on "
                  + r.effectiveUntil().get()
                  + "; there is nothing to repair");
        }
        due = today.plusDays(set.repairDecisionDays());
      }
      String id = Ids.application();
      if (req.type() == Application.Type.OBJECTION) {
        backend.write(
            WriteBatch.of(
                new WriteOp.AppendStatus(
                    r.id(),
                    new StatusChange(
                        StatusEvent.OBJECTED,
                        today,
                        Optional.of("objection " + id),
                        Optional.empty(),
                        provenance(caller)))));
      }
      Instant now = config.clock().instant();
      a =
          new Application(
              id,
              req.type(),
              r.id(),
              r.list(),
              s.id().value(),
              req.grounds(),
              today,
              due,
              Application.State.FILED,
              Optional.empty(),
              after,
              List.of(
                  new Application.Step(
                      "FILED", today, now, caller.name(), after, Optional.empty())));
      loop.put(a);
    }
    Requests.audit(
        ctx,
        backend.audit(),
        List.of(s.id().value()),
        201,
        a.type() + " " + a.id() + " on record " + r.id() + " due " + a.dueOn());
    ctx.status(HttpStatus.CREATED).json(a);
  }

  /**
   * The record's severity where its list has one (ADMINISTRATIVE_PENALTY), for settings per
   * severity.
   */
  private static Optional<String> severity(CreditRecord r) {
    return Optional.ofNullable(r.attributes().get("severity"));
  }

  private static Provenance provenance(Caller caller) {
    return new Provenance(caller.name(), "api:" + caller.name(), "", 0);
  }

  public void queue(Context ctx) {
    Optional<Application.State> state =
        Params.text(ctx, "state")
            .map(
                t -> {
                  try {
                    return Application.State.valueOf(t.toUpperCase(Locale.ROOT));
                  } catch (IllegalArgumentException e) {
                    throw new ValidationException(
                        "state", "state is FILED or DECIDED, not '" + t + "'");
                  }
                });
    boolean overdue = Params.text(ctx, "overdue").map(FeedbackController::bool).orElse(false);
    int limit = Params.limit(ctx, 50, MAX_LIMIT);
    int offset = Params.offsetCursor(ctx);
    LocalDate today = today();
    List<Application> all =
        loop.applications().stream()
            .filter(a -> state.map(st -> a.state() == st).orElse(true))
            .filter(a -> !overdue || a.overdueOn(today))
            .sorted(
                Comparator.comparing((Application a) -> a.state() != Application.State.FILED)
                    .thenComparing(Application::dueOn)
                    .thenComparing(Application::filedOn)
                    .thenComparing(Application::id))
            .toList();
    List<Application> page =
        all.subList(Math.min(offset, all.size()), Math.min(offset + limit, all.size()));
    Optional<String> next =
        offset + limit < all.size()
            ? Optional.of(Integer.toString(offset + limit))
            : Optional.empty();
    Requests.audit(
        ctx,
        backend.audit(),
        page.stream().map(Application::subject).distinct().toList(),
        200,
        "application queue"
            + state.map(st -> " state=" + st).orElse("")
            + (overdue ? " overdue" : ""));
    ctx.json(new Page<>(page, next));
  }

  public void decide(Context ctx) {
    String id = ctx.pathParam("id");
    Caller caller = Requests.caller(ctx);
    DecisionRequest req = Bodies.read(ctx, mapper, DecisionRequest.class);
    LocalDate on = req.on().orElseGet(this::today);
    Application decided;
    CreditRecord after;
    synchronized (loop) {
      Application a =
          loop.application(id)
              .orElseThrow(() -> ApiException.notFound("no application '" + id + "'"));
      if (a.state() == Application.State.DECIDED) {
        throw ApiException.conflict(
            "application "
                + id
                + " was decided on "
                + a.decision().map(d -> d.on().toString()).orElse("?")
                + "; it is not decided twice");
      }
      if (req.decision().decides() != a.type()) {
        throw ApiException.unprocessable(
            req.decision()
                + " decides "
                + req.decision().decides()
                + " applications; "
                + id
                + " is "
                + a.type()
                + " ("
                + (a.type() == Application.Type.OBJECTION
                    ? "UPHELD or DISMISSED"
                    : "GRANTED or REFUSED")
                + ")");
      }
      if (on.isBefore(a.filedOn())) {
        throw new ValidationException(
            "on", "on (" + on + ") is before the application was filed (" + a.filedOn() + ")");
      }
      Optional<StatusEvent> event =
          switch (req.decision()) {
            case UPHELD -> Optional.of(StatusEvent.REVOKED);
            case DISMISSED -> Optional.of(StatusEvent.ACTIVE);
            case GRANTED -> Optional.of(StatusEvent.REPAIRED);
            case REFUSED -> Optional.empty();
          };
      CreditRecord r =
          backend
              .store()
              .record(a.record())
              .orElseThrow(
                  () ->
                      ApiException.conflict("record " + a.record() + " is no longer in the store"));
      if (req.decision() == Application.Outcome.DISMISSED
          && r.statusOn(on) != RecordStatus.OBJECTED) {
        event = Optional.empty();
      }
      if (event.isPresent()) {
        backend.write(
            WriteBatch.of(
                new WriteOp.AppendStatus(
                    r.id(),
                    new StatusChange(
                        event.get(),
                        on,
                        Optional.of(
                            req.decision() + " " + id + ": " + String.join("; ", req.reasons())),
                        Optional.empty(),
                        provenance(caller)))));
      }
      after = backend.store().record(r.id()).orElseThrow();
      RecordStatus status = after.statusOn(on);
      List<Application.Step> steps = new ArrayList<>(a.steps());
      steps.add(
          new Application.Step(
              req.decision().name(),
              on,
              config.clock().instant(),
              caller.name(),
              status,
              Optional.of(String.join("; ", req.reasons()))));
      decided =
          new Application(
              a.id(),
              a.type(),
              a.record(),
              a.list(),
              a.subject(),
              a.grounds(),
              a.filedOn(),
              a.dueOn(),
              Application.State.DECIDED,
              Optional.of(
                  new Application.Decision(req.decision(), on, req.reasons(), caller.name())),
              status,
              steps);
      loop.put(decided);
    }
    Requests.audit(
        ctx,
        backend.audit(),
        List.of(decided.subject()),
        200,
        decided.type()
            + " "
            + id
            + " "
            + req.decision()
            + " on "
            + on
            + ", record "
            + decided.record()
            + " "
            + decided.recordStatus());
    ctx.json(
        new MeView.DecisionAnswer(
            decided, RecordView.of(after, backend.catalogue(), on, caller.seesIdNumbers())));
  }
}
