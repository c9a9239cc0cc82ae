package io.credgraph.api.controllers;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.credgraph.NotFoundException;
import io.credgraph.api.ApiBackend;
import io.credgraph.api.ApiConfig;
import io.credgraph.api.Requests;
import io.credgraph.api.auth.Caller;
import io.credgraph.api.error.Bodies;
import io.credgraph.api.requests.StatusRequest;
import io.credgraph.api.view.RecordView;
import io.credgraph.model.CreditRecord;
import io.credgraph.model.Dates;
import io.credgraph.model.Provenance;
import io.credgraph.model.StatusChange;
import io.credgraph.store.WriteBatch;
import io.credgraph.store.WriteOp;
import io.javalin.http.Context;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code POST /api/v1/records/{id}/status} (STEWARD): objections, their resolution, repair,
 * revocation and a court's release of one person, dated, written through the engine (so every check
 * sees it at once) and audited. The change carries the provenance {@code api:<key name>}.
 */
public final class RecordController {
  private final ApiBackend backend;
  private final ApiConfig config;
  private final ObjectMapper mapper;

  public RecordController(ApiBackend backend, ApiConfig config, ObjectMapper mapper) {
    this.backend = backend;
    this.config = config;
    this.mapper = mapper;
  }

  public void status(Context ctx) {
    String id = ctx.pathParam("id");
    StatusRequest req = Bodies.read(ctx, mapper, StatusRequest.class);
    Caller caller = Requests.caller(ctx);
    CreditRecord before =
        backend
            .store()
            .record(id)
            .orElseThrow(() -> new NotFoundException("no record with id '" + id + "'"));
    StatusChange change =
        new StatusChange(
            req.status(),
            req.on(),
            req.note(),
            req.person().map(p -> p.key(backend.store())),
            new Provenance(caller.name(), "api:" + caller.name(), "", 0));
    backend.write(WriteBatch.of(new WriteOp.AppendStatus(id, change)));
    CreditRecord after = backend.store().record(id).orElseThrow();
    List<String> subjects = new ArrayList<>();
    backend.store().subject(after.subject()).ifPresent(s -> subjects.add(s.id().value()));
    req.person()
        .flatMap(p -> backend.store().subject(p.key(backend.store())))
        .ifPresent(s -> subjects.add(s.id().value()));
    Requests.audit(
        ctx,
        backend.audit(),
        subjects,
        200,
        "record " + id + " " + before.status() + " -> " + req.status() + " on " + req.on());
    LocalDate today = LocalDate.now(config.clock().withZone(Dates.CHINA));
    ctx.json(RecordView.of(after, backend.catalogue(), today, caller.seesIdNumbers()));
  }
}
