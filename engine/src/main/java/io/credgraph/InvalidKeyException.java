package io.credgraph;

import java.util.Optional;

/**
 * A natural key (USCC or resident ID number) that fails its format or check character. When the
 * check character is wrong, {@link #expectedCheck()} gives the one it should be.
 */
public final class InvalidKeyException extends ValidationException {
  private static final long serialVersionUID = 1L;
  private final int position;
  private final Character expected;

  public InvalidKeyException(String field, String message, int position, Character expected) {
    super(field, message);
    this.position = position;
    this.expected = expected;
  }

  /** 1-based position of the first wrong character, or 0 when the problem is the length. */
  public int position() {
    return position;
  }

  public Optional<Character> expectedCheck() {
    return Optional.ofNullable(expected);
  }

  @Override
  public InvalidKeyException under(String parent) {
    String f = field().map(x -> parent + "." + x).orElse(parent);
    return new InvalidKeyException(f, getMessage(), position, expected);
  }
}
