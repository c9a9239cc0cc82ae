package io.credgraph.api.controllers;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.credgraph.api.ApiBackend;
import io.credgraph.api.ApiConfig;
import io.credgraph.api.Requests;
import io.credgraph.api.error.Bodies;
import io.credgraph.api.requests.SimulationRequest;
import io.credgraph.api.view.SimulationView;
import io.credgraph.engine.Simulation;
import io.credgraph.model.Dates;
import io.javalin.http.Context;
import java.time.LocalDate;
import java.util.List;

/** {@code POST /api/v1/simulations} (INVESTIGATOR): what a hypothetical record would do, nothing stored. */
public final class SimulationController {
  private final ApiBackend backend;
  private final ApiConfig config;
  private final ObjectMapper mapper;

  public SimulationController(ApiBackend backend, ApiConfig config, ObjectMapper mapper) {
    this.backend = backend;
    this.config = config;
    this.mapper = mapper;
  }

  public void simulate(Context ctx) {
    SimulationRequest req = Bodies.read(ctx, mapper, SimulationRequest.class);
    LocalDate asOf = req.asOf().orElseGet(() -> LocalDate.now(config.clock().withZone(Dates.CHINA)));
    Simulation s = backend.engine().simulate(req.toRecord(asOf, backend.store()), asOf);
    List<String> subjects = s.affected().stream().map(i -> i.subject().id().value()).toList();
    Requests.audit(ctx, backend.audit(), subjects, 200, "what-if " + req.list() + ": " + subjects.size()
        + " subjects affected");
    ctx.json(SimulationView.of(s, Requests.caller(ctx).seesIdNumbers()));
  }
}
