package io.credgraph.api.controllers;

import io.credgraph.api.Params;
import io.credgraph.api.audit.AuditEntry;
import io.credgraph.api.audit.AuditLog;
import io.credgraph.api.audit.AuditQuery;
import io.credgraph.api.view.Page;
import io.javalin.http.Context;
import java.util.List;
import java.util.Optional;

/**
 * {@code GET /api/v1/audit} (ADMIN): audit entries filtered by who, subject and time, oldest first,
 * paged.
 */
public final class AuditController {
  private final AuditLog log;

  public AuditController(AuditLog log) {
    this.log = log;
  }

  public void get(Context ctx) {
    AuditQuery q =
        new AuditQuery(
            Params.text(ctx, "who"),
            Params.text(ctx, "subject"),
            Params.instant(ctx, "from", false),
            Params.instant(ctx, "to", true),
            Params.longCursor(ctx),
            Params.limit(ctx, 100, AuditQuery.MAX_LIMIT));
    AuditLog.Result r = log.query(q);
    List<AuditEntry> items = r.entries();
    Optional<String> next =
        r.more() && !items.isEmpty()
            ? Optional.of(Long.toString(items.get(items.size() - 1).seq()))
            : Optional.empty();
    ctx.json(new Page<>(items, next));
  }
}
