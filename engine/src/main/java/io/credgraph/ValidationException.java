package io.credgraph;

import java.util.Optional;

/**
 * A value that breaks a rule of the domain: an invalid key, a date out of order, a ratio outside
 * (0, 1], an impossible status transition. {@link #field()} names the offending field where one is
 * known.
 */
public class ValidationException extends CredgraphException {
  private static final long serialVersionUID = 1L;
  private final String field;

  public ValidationException(String field, String message) {
    super(message);
    this.field = field;
  }

  public static ValidationException of(String field, String format, Object... args) {
    return new ValidationException(field, String.format(format, args));
  }

  public Optional<String> field() {
    return Optional.ofNullable(field);
  }

  /**
   * The same problem, attributed to a field path in an enclosing structure (e.g. {@code
   * from.uscc}).
   */
  public ValidationException under(String parent) {
    String f = field == null ? parent : parent + "." + field;
    return new ValidationException(f, getMessage());
  }
}
