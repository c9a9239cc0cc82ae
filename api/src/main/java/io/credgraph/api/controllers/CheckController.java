package io.credgraph.api.controllers;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.benmanes.caffeine.cache.Cache;
import io.credgraph.api.ApiBackend;
import io.credgraph.api.ApiConfig;
import io.credgraph.api.Requests;
import io.credgraph.api.auth.Caller;
import io.credgraph.api.error.Bodies;
import io.credgraph.api.loop.CheckMemory;
import io.credgraph.api.loop.LoopStore;
import io.credgraph.api.requests.AppointmentRequest;
import io.credgraph.api.requests.SanctionsRequest;
import io.credgraph.api.view.AppointmentAnswer;
import io.credgraph.api.view.SanctionsAnswer;
import io.credgraph.engine.AppointmentCheck;
import io.credgraph.engine.CredgraphEngine;
import io.credgraph.engine.SanctionResult;
import io.credgraph.engine.SanctionsCheck;
import io.credgraph.model.Dates;
import io.credgraph.model.SubjectKey;
import io.credgraph.rules.Domain;
import io.credgraph.rules.Role;
import io.javalin.http.Context;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The checks: {@code POST /api/v1/checks/appointment} (REGISTRY) and {@code POST
 * /api/v1/checks/sanctions} (DEPARTMENT). Answers come from caches keyed by the question and the
 * engine's version, so any write that can change an answer makes them miss; every check is audited,
 * cache hit or not.
 */
public final class CheckController {
  private final ApiBackend backend;
  private final ApiConfig config;
  private final ObjectMapper mapper;
  private final Cache<AppointmentKey, AppointmentCheck> appointments;
  private final Cache<SanctionKey, SanctionResult> sanctions;
  private final LoopStore loop;

  /** The cache key of an appointment check. */
  public record AppointmentKey(
      SubjectKey person,
      Role role,
      Optional<SubjectKey> enterprise,
      LocalDate asOf,
      long version) {}

  /** The cache key of one subject of a sanctions check. */
  public record SanctionKey(
      SubjectKey subject, Optional<Domain> domain, LocalDate asOf, long version) {}

  public CheckController(
      ApiBackend backend,
      ApiConfig config,
      ObjectMapper mapper,
      Cache<AppointmentKey, AppointmentCheck> appointments,
      Cache<SanctionKey, SanctionResult> sanctions,
      LoopStore loop) {
    this.backend = backend;
    this.config = config;
    this.mapper = mapper;
    this.appointments = appointments;
    this.sanctions = sanctions;
    this.loop = loop;
  }

  private io.credgraph.api.guard.PersonWatch watch;

  /**
   * Counts the distinct persons each key checks; past the threshold an ADMIN alert goes to the
   * audit log.
   */
  public CheckController watching(io.credgraph.api.guard.PersonWatch w) {
    this.watch = w;
    return this;
  }

  private void watch(Context ctx, List<SubjectKey> keys) {
    if (watch != null) {
      watch
          .saw(Requests.caller(ctx), keys)
          .ifPresent(alert -> Requests.audit(ctx, backend.audit(), List.of(), 200, alert));
    }
  }

  public void appointment(Context ctx) {
    AppointmentRequest req = Bodies.read(ctx, mapper, AppointmentRequest.class);
    Caller caller = Requests.caller(ctx);
    CredgraphEngine engine = backend.engine();
    LocalDate asOf = req.asOf().orElseGet(this::today);
    Optional<SubjectKey> enterprise = req.enterprise().map(r -> r.key(backend.store()));
    AppointmentKey key =
        new AppointmentKey(
            req.person().key(backend.store()), req.role(), enterprise, asOf, engine.version());
    AppointmentCheck check =
        appointments.get(
            key, k -> engine.checkAppointment(k.person(), k.role(), k.enterprise(), k.asOf()));
    List<String> subjects = new ArrayList<>();
    subjects.add(check.person().map(p -> p.id().value()).orElse(check.key().masked()));
    check.enterprise().ifPresent(e -> subjects.add(e.id().value()));
    String checkId = CheckMemory.remember(loop, config, caller, asOf, check);
    Requests.audit(
        ctx,
        backend.audit(),
        subjects,
        io.credgraph.api.AuditShown.of().appointment(check).ids(),
        200,
        "eligible="
            + check.eligible()
            + (check.eligible()
                ? ""
                : " " + String.join(",", check.reasons().stream().map(r -> r.rule()).toList()))
            + " role="
            + req.role()
            + " asOf="
            + asOf
            + " checkId="
            + checkId);
    watch(ctx, List.of(check.key()));
    ctx.json(AppointmentAnswer.of(check, caller.seesIdNumbers(), checkId));
  }

  public void sanctions(Context ctx) {
    SanctionsRequest req = Bodies.read(ctx, mapper, SanctionsRequest.class);
    Caller caller = Requests.caller(ctx);
    CredgraphEngine engine = backend.engine();
    LocalDate asOf = req.asOf().orElseGet(this::today);
    long version = engine.version();
    List<SubjectKey> keys = req.subjects().stream().map(r -> r.key(backend.store())).toList();
    Map<SubjectKey, SanctionResult> found = new HashMap<>();
    List<SubjectKey> missing = new ArrayList<>();
    for (SubjectKey k : keys) {
      SanctionResult hit = sanctions.getIfPresent(new SanctionKey(k, req.domain(), asOf, version));
      if (hit != null) {
        found.put(k, hit);
      } else if (!found.containsKey(k) && !missing.contains(k)) {
        missing.add(k);
      }
    }
    if (!missing.isEmpty()) {
      SanctionsCheck computed = engine.checkSanctions(missing, req.domain(), asOf);
      for (SanctionResult r : computed.results()) {
        found.put(r.key(), r);
        sanctions.put(new SanctionKey(r.key(), req.domain(), asOf, version), r);
      }
    }
    boolean unmasked = caller.seesIdNumbers();
    List<SanctionsAnswer.Result> results = new ArrayList<>(keys.size());
    List<String> subjects = new ArrayList<>(keys.size());
    List<SanctionResult> answered = new ArrayList<>(keys.size());
    int restricted = 0;
    for (SubjectKey k : keys) {
      SanctionResult r = found.get(k);
      answered.add(r);
      results.add(SanctionsAnswer.Result.of(r, unmasked));
      subjects.add(r.subject().map(s -> s.id().value()).orElse(k.masked()));
      restricted += r.restricted() ? 1 : 0;
    }
    String checkId = CheckMemory.remember(loop, config, caller, asOf, answered);
    Requests.audit(
        ctx,
        backend.audit(),
        subjects,
        io.credgraph.api.AuditShown.of().sanctions(found.values()).ids(),
        200,
        "restricted "
            + restricted
            + " of "
            + keys.size()
            + req.domain().map(d -> " in " + d).orElse("")
            + " asOf="
            + asOf
            + " checkId="
            + checkId);
    watch(ctx, keys);
    ctx.json(new SanctionsAnswer(asOf, req.domain(), results, checkId));
  }

  private LocalDate today() {
    return LocalDate.now(config.clock().withZone(Dates.CHINA));
  }
}
