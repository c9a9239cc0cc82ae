package io.credgraph.api;

import io.credgraph.api.audit.AuditLog;
import io.credgraph.catalogue.ListCatalogue;
import io.credgraph.engine.CredgraphEngine;
import io.credgraph.store.BatchWriter;
import io.credgraph.store.GraphStore;
import io.credgraph.store.WriteBatch;
import io.credgraph.store.WriteResult;
import java.time.Clock;
import java.util.Objects;

/**
 * What the API serves from: the engine (and through it the graph store and the list catalogue), the
 * audit log, and the investigation services (graph analysis, watchlists). Every write goes through
 * {@link #write} (the engine, then the watchlists), so the projection, every cached answer and the
 * WATCH alerts stay current. The API neither opens nor closes them; whoever built the backend does.
 */
public record ApiBackend(
    CredgraphEngine engine, AuditLog audit, InvestigationBackend investigations) {
  public ApiBackend {
    Objects.requireNonNull(engine, "engine");
    Objects.requireNonNull(audit, "audit");
    Objects.requireNonNull(investigations, "investigations");
  }

  /** A backend whose watchlists live in memory only. */
  public ApiBackend(CredgraphEngine engine, AuditLog audit) {
    this(engine, audit, InvestigationBackend.inMemory(engine, Clock.systemUTC()));
  }

  public GraphStore store() {
    return engine.store();
  }

  public ListCatalogue catalogue() {
    return engine.lists();
  }

  /** Commits a batch through the engine and raises the WATCH alerts it causes. */
  public WriteResult write(WriteBatch batch) {
    return investigations.write(batch);
  }

  /**
   * {@link #write} as a writer for loaders; call {@code investigations().recordAlerts()} once the
   * load is done.
   */
  public BatchWriter writer() {
    return investigations.writer();
  }
}
