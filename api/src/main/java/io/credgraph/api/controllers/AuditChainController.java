package io.credgraph.api.controllers;

import io.credgraph.api.audit.AuditChainException;
import io.credgraph.api.audit.AuditLog;
import io.credgraph.api.view.AuditChainView;
import io.javalin.http.Context;
import java.util.Optional;

/**
 * {@code GET /api/v1/audit/chain} (ADMIN): verifies the audit log's hash chain now and tells its
 * state.
 */
public final class AuditChainController {
  private final AuditLog log;

  public AuditChainController(AuditLog log) {
    this.log = log;
  }

  public void get(Context ctx) {
    try {
      AuditLog.Verification v = log.verifyNow();
      ctx.json(
          new AuditChainView(
              true, v.entries(), v.head(), v.bytes(), Optional.empty(), Optional.empty()));
    } catch (AuditChainException e) {
      ctx.json(
          new AuditChainView(
              false,
              log.size(),
              log.head(),
              0,
              Optional.of(e.line()),
              Optional.of(e.getMessage())));
    }
  }
}
