package io.credgraph.engine;

import io.credgraph.CredgraphException;

/**
 * The engine's in-memory graph no longer matches the store: a committed batch could not be applied
 * to it and the rebuild from the store that follows failed as well. Nothing is answered from that
 * graph until a rebuild succeeds (the next write tries one first, and so does {@link
 * CredgraphEngine#rebuild()}).
 */
public final class OutOfSyncException extends CredgraphException {
  private static final long serialVersionUID = 1L;

  public OutOfSyncException(String message, Throwable cause) {
    super(message, cause);
  }
}
