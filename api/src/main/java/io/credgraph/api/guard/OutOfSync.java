package io.credgraph.api.guard;

import io.credgraph.engine.CredgraphEngine;
import io.credgraph.engine.OutOfSyncException;
import io.javalin.http.Context;
import java.util.Set;

/**
 * While the engine's in-memory graph no longer matches the store (a committed batch could not be
 * applied and the rebuild failed), every route that answers from the graph is refused with 503
 * out-of-sync before its handler, so that no cached answer of the last good version is served
 * either. Left open: {@code /health} (says DOWN and why), the session, the audit log and its chain,
 * the rule catalogue, feedback, and batch uploads (the next batch first tries the rebuild that
 * brings the graph back).
 */
public final class OutOfSync {
  private static final Set<String> OPEN =
      Set.of(
          "/health",
          "/metrics",
          "/openapi.json",
          "/docs",
          "/api/v1/session",
          "/api/v1/audit",
          "/api/v1/audit/chain",
          "/api/v1/rules",
          "/api/v1/batches",
          "/api/v1/feedback");

  private OutOfSync() {}

  public static void refuse(Context ctx, CredgraphEngine engine) {
    engine
        .outOfSync()
        .ifPresent(
            why -> {
              String path = ctx.endpointHandlerPath();
              if (path.startsWith("/api/") && !OPEN.contains(path)) {
                throw new OutOfSyncException(why, null);
              }
            });
  }
}
