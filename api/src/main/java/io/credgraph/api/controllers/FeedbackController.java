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
import io.credgraph.api.loop.Checks;
import io.credgraph.api.loop.FeedbackAnswer;
import io.credgraph.api.loop.FeedbackReport;
import io.credgraph.api.loop.LoopStore;
import io.credgraph.api.requests.FeedbackRequest;
import io.credgraph.model.Dates;
import io.javalin.http.Context;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Enforcement feedback (DOMAIN.md section 7): {@code POST /api/v1/checks/{checkId}/feedback} from
 * the department that ran the check, every version kept and audited; {@code GET /api/v1/feedback}
 * (STEWARD), the report.
 */
public final class FeedbackController {
  /**
   * The role that may read the whole report ({@code GET /api/v1/feedback}): the coordinating
   * office.
   */
  public static final io.credgraph.api.auth.Role REPORT = io.credgraph.api.auth.Role.STEWARD;

  private final ApiBackend backend;
  private final ApiConfig config;
  private final ObjectMapper mapper;
  private final LoopStore loop;

  public FeedbackController(
      ApiBackend backend, ApiConfig config, ObjectMapper mapper, LoopStore loop) {
    this.backend = backend;
    this.config = config;
    this.mapper = mapper;
    this.loop = loop;
  }

  public void send(Context ctx) {
    String checkId = ctx.pathParam("checkId");
    Caller caller = Requests.caller(ctx);
    Checks.Check check =
        loop.check(checkId)
            .orElseThrow(
                () ->
                    ApiException.notFound(
                        "no check '"
                            + checkId
                            + "' takes feedback: only checks that found measures are remembered, by the checkId of their answer"));
    if (caller.department().isEmpty()) {
      throw ApiException.forbidden(
          "feedback comes from the department that ran the check: key '"
              + caller.name()
              + "' belongs to no department (a DEPARTMENT key bound in the keys file, name:key:DEPARTMENT:CODE)");
    }
    if (check.department().isEmpty() || !check.department().equals(caller.department())) {
      throw ApiException.forbidden(
          "check "
              + checkId
              + " was not run by department "
              + caller.department().get()
              + "; feedback comes from the department that ran it");
    }
    FeedbackRequest req = Bodies.read(ctx, mapper, FeedbackRequest.class);
    List<Checks.Feedback> items = resolve(check, req);
    List<Checks.FeedbackVersion> versions;
    Checks.FeedbackVersion v;
    synchronized (loop) {
      v =
          new Checks.FeedbackVersion(
              checkId,
              loop.feedback(checkId).size() + 1,
              config.clock().instant(),
              caller.name(),
              caller.department().get(),
              items);
      loop.addFeedback(v);
      versions = loop.feedback(checkId);
    }
    Map<Checks.Outcome, Integer> counts = new EnumMap<>(Checks.Outcome.class);
    Set<String> subjects = new LinkedHashSet<>();
    for (Checks.Feedback f : items) {
      counts.merge(f.outcome(), 1, Integer::sum);
      subjects.add(f.subject());
    }
    Requests.audit(
        ctx,
        backend.audit(),
        List.copyOf(subjects),
        200,
        "feedback v" + v.version() + " on " + checkId + " " + counts);
    ctx.json(FeedbackAnswer.of(check, versions, config.feedbackDays()));
  }

  /**
   * {@code GET /api/v1/checks/{checkId}/feedback}: the check's measures with their latest outcome
   * and every version, for the department that ran it (as the sending answers), or for a role that
   * may read the whole report.
   */
  public void read(Context ctx) {
    String checkId = ctx.pathParam("checkId");
    Caller caller = Requests.caller(ctx);
    Checks.Check check =
        loop.check(checkId)
            .orElseThrow(
                () ->
                    ApiException.notFound(
                        "no check '"
                            + checkId
                            + "' takes feedback: only checks that found measures are remembered, by the checkId of their answer"));
    if (!caller.atLeast(REPORT)
        && (caller.department().isEmpty()
            || check.department().isEmpty()
            || !check.department().equals(caller.department()))) {
      throw ApiException.forbidden(
          "check "
              + checkId
              + " was not run by "
              + caller
                  .department()
                  .map(d -> "department " + d)
                  .orElse("key '" + caller.name() + "' (no department)")
              + "; its feedback is read by the department that ran it, or a role "
              + REPORT
              + " or above");
    }
    List<Checks.FeedbackVersion> versions = loop.feedback(checkId);
    Set<String> subjects = new LinkedHashSet<>();
    check.items().forEach(i -> subjects.add(i.subject()));
    Requests.audit(
        ctx,
        backend.audit(),
        List.copyOf(subjects),
        200,
        "feedback read on " + checkId + " (" + versions.size() + " versions)");
    ctx.json(FeedbackAnswer.of(check, versions, config.feedbackDays()));
  }

  /**
   * Each item matched to the measures the check found; a rule left out means every rule that found
   * the measure.
   */
  static List<Checks.Feedback> resolve(Checks.Check check, FeedbackRequest req) {
    Map<String, Checks.Feedback> out = new LinkedHashMap<>();
    for (int i = 0; i < req.feedback().size(); i++) {
      FeedbackRequest.Item it = req.feedback().get(i);
      List<Checks.Item> found = new ArrayList<>();
      for (Checks.Item c : check.items()) {
        if (c.subject().equals(it.subject())
            && c.measure().equals(it.measure())
            && it.rule().map(r -> r.equals(c.rule())).orElse(true)) {
          found.add(c);
        }
      }
      if (found.isEmpty()) {
        throw new ValidationException(
            "feedback[" + i + "]",
            "feedback["
                + i
                + "]: check "
                + check.checkId()
                + " found no measure "
                + it.measure()
                + it.rule().map(r -> " by rule " + r).orElse("")
                + " on subject "
                + it.subject()
                + " (it found: "
                + String.join(
                    ", ",
                    check.items().stream()
                        .map(c -> c.subject() + " " + c.rule() + " " + c.measure())
                        .toList())
                + ")");
      }
      for (Checks.Item c : found) {
        String key = c.subject() + "|" + c.rule() + "|" + c.measure();
        if (out.containsKey(key)) {
          throw new ValidationException(
              "feedback[" + i + "]",
              "feedback["
                  + i
                  + "]: "
                  + c.measure()
                  + " by rule "
                  + c.rule()
                  + " on "
                  + c.subject()
                  + " is given twice in one sending");
        }
        out.put(
            key,
            new Checks.Feedback(
                c.subject(), c.rule(), c.measure(), it.outcome(), it.reason(), it.note()));
      }
    }
    return List.copyOf(out.values());
  }

  public void report(Context ctx) {
    LocalDate today = LocalDate.now(config.clock().withZone(Dates.CHINA));
    Optional<LocalDate> from = date(ctx, "from");
    LocalDate to = date(ctx, "to").orElse(today);
    if (from.isPresent() && from.get().isAfter(to)) {
      throw new ValidationException("from", "from (" + from.get() + ") is after to (" + to + ")");
    }
    FeedbackReport.By by =
        Params.text(ctx, "by").map(FeedbackReport.By::parse).orElse(FeedbackReport.By.DEPARTMENT);
    boolean overdueOnly = Params.text(ctx, "overdue").map(FeedbackController::bool).orElse(false);
    FeedbackReport r =
        FeedbackReport.of(loop.checks(), loop.allFeedback(), from, to, by, config.feedbackDays());
    if (overdueOnly) {
      r =
          new FeedbackReport(
              r.from(), r.to(), r.by(), r.feedbackDays(), r.total(), List.of(), r.overdue());
    }
    Requests.audit(
        ctx,
        backend.audit(),
        List.of(),
        200,
        "feedback report by " + by + " to " + to + (overdueOnly ? " overdue" : ""));
    ctx.json(r);
  }

  static Optional<LocalDate> date(Context ctx, String name) {
    return Params.text(ctx, name)
        .map(
            t -> {
              try {
                return LocalDate.parse(t);
              } catch (DateTimeParseException e) {
                throw new ValidationException(
                    name, name + " is a date YYYY-MM-DD, not '" + t + "'");
              }
            });
  }

  static boolean bool(String t) {
    if (t.equalsIgnoreCase("true")) {
      return true;
    }
    if (t.equalsIgnoreCase("false")) {
      return false;
    }
    throw new ValidationException("overdue", "overdue is true or false, not '" + t + "'");
  }
}
