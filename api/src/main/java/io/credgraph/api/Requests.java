package io.credgraph.api;

import io.credgraph.api.audit.AuditEntry;
import io.credgraph.api.audit.AuditLog;
import io.credgraph.api.audit.AuditUnavailableException;
import io.credgraph.api.auth.Caller;
import io.credgraph.api.error.ApiException;
import io.credgraph.api.error.ErrorMapping;
import io.credgraph.api.view.Masking;
import io.javalin.http.Context;
import java.util.List;

/**
 * Per-request helpers for controllers: who is calling, and appending what they saw to the audit
 * log.
 */
public final class Requests {
  static final String CALLER = "credgraph.caller";
  private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(Requests.class);

  private Requests() {}

  /** The authenticated caller (anonymous on public routes without a key). */
  public static Caller caller(Context ctx) {
    Caller c = ctx.attribute(CALLER);
    return c == null ? Caller.ANONYMOUS : c;
  }

  /**
   * Appends an entry for this request: the caller, the route, the subjects the answer shows, the
   * outcome.
   */
  public static AuditEntry audit(
      Context ctx, AuditLog log, List<String> subjects, int status, String outcome) {
    return audit(ctx, log, subjects, List.of(), status, outcome);
  }

  /**
   * Appends an entry for this request naming the subjects asked about and the other subjects the
   * answer shows (related persons in profiles, graphs, paths and evidence), and returns it once it
   * is on disk. When the log cannot be written the request fails with 503 audit-unavailable:
   * nothing is answered unaudited.
   */
  public static AuditEntry audit(
      Context ctx,
      AuditLog log,
      List<String> subjects,
      List<String> shown,
      int status,
      String outcome) {
    try {
      return log.append(
          caller(ctx),
          ctx.method().name(),
          ErrorMapping.route(ctx),
          Masking.scrub(ctx.path()),
          subjects,
          shown,
          status,
          outcome);
    } catch (AuditUnavailableException e) {
      LOG.error(
          "audit log unavailable, {} {} refused: {}",
          ctx.method(),
          ErrorMapping.route(ctx),
          e.getMessage());
      ctx.header("Retry-After", "5");
      throw ApiException.auditUnavailable(
          "the audit log cannot be written, so nothing can be answered "
              + "unaudited; the operator has been told (see the server log); try again later");
    }
  }
}
