package io.credgraph.analysis;

import io.credgraph.CredgraphException;

/**
 * A search the caller's role may not make (by ID number below INVESTIGATOR); the API answers 403.
 */
public final class SearchNotPermittedException extends CredgraphException {
  private static final long serialVersionUID = 1L;

  public SearchNotPermittedException(String message) {
    super(message);
  }
}
