package io.credgraph.api.audit;

import io.credgraph.CredgraphException;

/** The audit log's hash chain is broken: a line was edited, removed, inserted, or is incomplete. */
public final class AuditChainException extends CredgraphException {
  private static final long serialVersionUID = 1L;
  private final long line;

  public AuditChainException(long line, String message) {
    super(message);
    this.line = line;
  }

  /** The 1-based line where the chain first breaks. */
  public long line() {
    return line;
  }
}
