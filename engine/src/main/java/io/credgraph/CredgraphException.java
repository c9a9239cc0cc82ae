package io.credgraph;

/**
 * Root of every exception credgraph throws on purpose. Subtypes say what went wrong; the message
 * says what to fix. The HTTP layer maps them centrally to problem+json.
 */
public class CredgraphException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public CredgraphException(String message) {
    super(message);
  }

  public CredgraphException(String message, Throwable cause) {
    super(message, cause);
  }
}
