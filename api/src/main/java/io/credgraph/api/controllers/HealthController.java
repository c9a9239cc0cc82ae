package io.credgraph.api.controllers;

import io.credgraph.api.ApiBackend;
import io.credgraph.api.ApiConfig;
import io.credgraph.api.view.Health;
import io.credgraph.store.GraphStore;
import io.credgraph.store.StoreInfo;
import io.javalin.http.Context;
import java.time.Instant;
import java.util.Optional;

/**
 * {@code GET /health}: 200 with the store's backend, counts and version once the store is open; 503
 * DOWN with the reason while the engine's graph no longer matches the store.
 */
public final class HealthController {
  private final ApiBackend backend;
  private final ApiConfig config;
  private final Instant startedAt;

  private final io.credgraph.api.StoreFollower follower;

  public HealthController(
      ApiBackend backend, ApiConfig config, io.credgraph.api.StoreFollower follower) {
    this.backend = backend;
    this.follower = follower;
    this.config = config;
    this.startedAt = config.clock().instant();
  }

  public void get(Context ctx) {
    GraphStore store = backend.store();
    StoreInfo info = store.info();
    Optional<String> down = backend.engine().outOfSync();
    long storeVersion = store.version();
    ctx.status(down.isPresent() ? 503 : 200);
    ctx.json(
        new Health(
            down.isPresent() ? "DOWN" : "UP",
            down,
            config.version(),
            startedAt,
            new Health.Store(
                info.backend(), info.location(), info.capabilities(), store.counts(), storeVersion),
            new Health.Audit(backend.audit().size(), backend.audit().head()),
            graph(storeVersion)));
  }

  private Health.Graph graph(long storeVersion) {
    long version = backend.engine().version();
    return new Health.Graph(version, Math.max(0, storeVersion - version), follower.caughtUpAt());
  }
}
