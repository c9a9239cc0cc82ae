package io.credgraph;

/** Something addressed by key or id that the store does not hold. */
public final class NotFoundException extends CredgraphException {
  private static final long serialVersionUID = 1L;

  public NotFoundException(String message) {
    super(message);
  }
}
