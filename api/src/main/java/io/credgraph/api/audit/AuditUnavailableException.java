package io.credgraph.api.audit;

import io.credgraph.CredgraphException;

/**
 * An entry could not be written to the audit log (a full disk, an I/O error, a closed log). Nothing
 * that depends on it may be answered: the API turns this into 503 audit-unavailable.
 */
public final class AuditUnavailableException extends CredgraphException {
  private static final long serialVersionUID = 1L;

  public AuditUnavailableException(String message, Throwable cause) {
    super(message, cause);
  }
}
