package io.credgraph.api;

import io.credgraph.api.audit.AuditLog;
import io.credgraph.catalogue.ListCatalogue;
import io.credgraph.store.GraphStore;
import java.util.Objects;

/**
 * What the API serves from: the graph store, the list catalogue and the audit log. The API neither opens nor closes
 * them; whoever built the backend does.
 */
public record ApiBackend(GraphStore store, ListCatalogue catalogue, AuditLog audit) {
  public ApiBackend {
    Objects.requireNonNull(store, "store");
    Objects.requireNonNull(catalogue, "catalogue");
    Objects.requireNonNull(audit, "audit");
  }
}
