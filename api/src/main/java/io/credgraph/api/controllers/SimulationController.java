package io.credgraph.api.controllers;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.credgraph.api.ApiBackend;
import io.credgraph.api.ApiConfig;
import io.credgraph.api.Params;
import io.credgraph.api.Requests;
import io.credgraph.api.error.Bodies;
import io.credgraph.api.view.SimulationView;
import io.credgraph.engine.Simulation;
import io.credgraph.exchange.RecordLines;
import io.credgraph.model.CreditRecord;
import io.credgraph.model.Dates;
import io.javalin.http.Context;
import java.time.LocalDate;
import java.util.List;

/**
 * {@code POST /api/v1/simulations} (INVESTIGATOR): what a hypothetical record would do, nothing
 * stored. The body is one record line of the exchange format, read by the exchange's line parser
 * ({@link RecordLines}); {@code asOf} is the query parameter, else the body's {@code asOf}, else
 * today.
 */
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
    JsonNode line = Bodies.read(ctx, mapper, JsonNode.class);
    LocalDate asOf;
    String query = ctx.queryParam("asOf");
    if (query != null && !query.isBlank()) {
      asOf = Params.asOf(ctx, config.clock());
    } else if (line != null && line.hasNonNull("asOf")) {
      asOf = Dates.parse(line.get("asOf").asText(), "asOf");
    } else {
      asOf = LocalDate.now(config.clock().withZone(Dates.CHINA));
    }
    CreditRecord record = RecordLines.hypothetical(line, backend.catalogue(), asOf);
    Simulation s = backend.engine().simulate(record, asOf);
    List<String> subjects = s.affected().stream().map(i -> i.subject().id().value()).toList();
    Requests.audit(
        ctx,
        backend.audit(),
        subjects,
        200,
        "what-if " + record.list() + ": " + subjects.size() + " subjects affected");
    ctx.json(SimulationView.of(s, Requests.caller(ctx).seesIdNumbers()));
  }
}
