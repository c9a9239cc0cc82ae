package io.credgraph.api;

import io.credgraph.api.audit.AuditLog;
import io.credgraph.catalogue.ListCatalogue;
import io.credgraph.engine.CredgraphEngine;
import io.credgraph.store.GraphStore;
import java.util.Objects;

/**
 * What the API serves from: the engine (and through it the graph store and the list catalogue) and the audit log.
 * Every write goes through the engine, so its projection and every cached answer stay current. The API neither opens
 * nor closes them; whoever built the backend does.
 */
public record ApiBackend(CredgraphEngine engine, AuditLog audit) {
  public ApiBackend {
    Objects.requireNonNull(engine, "engine");
    Objects.requireNonNull(audit, "audit");
  }

  public GraphStore store() {
    return engine.store();
  }

  public ListCatalogue catalogue() {
    return engine.lists();
  }
}
