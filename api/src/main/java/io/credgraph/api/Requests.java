package io.credgraph.api;

import io.credgraph.api.audit.AuditLog;
import io.credgraph.api.auth.Caller;
import io.credgraph.api.error.ErrorMapping;
import io.credgraph.api.view.Masking;
import io.javalin.http.Context;
import java.util.List;

/** Per-request helpers for controllers: who is calling, and appending what they saw to the audit log. */
public final class Requests {
  static final String CALLER = "credgraph.caller";

  private Requests() {}

  /** The authenticated caller (anonymous on public routes without a key). */
  public static Caller caller(Context ctx) {
    Caller c = ctx.attribute(CALLER);
    return c == null ? Caller.ANONYMOUS : c;
  }

  /** Appends an entry for this request: the caller, the route, the subjects the answer shows, the outcome. */
  public static void audit(Context ctx, AuditLog log, List<String> subjects, int status, String outcome) {
    log.append(caller(ctx), ctx.method().name(), ErrorMapping.route(ctx), Masking.scrub(ctx.path()), subjects,
        status, outcome);
  }
}
