package io.credgraph;

/**
 * A failure of the storage backend (I/O, transaction, connection). {@link #retryable()} says
 * whether to try again.
 */
public class StoreException extends CredgraphException {
  private static final long serialVersionUID = 1L;
  private final boolean retryable;

  public StoreException(String message, Throwable cause, boolean retryable) {
    super(message, cause);
    this.retryable = retryable;
  }

  public StoreException(String message) {
    this(message, null, false);
  }

  public boolean retryable() {
    return retryable;
  }
}
