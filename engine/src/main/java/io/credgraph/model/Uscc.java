package io.credgraph.model;

import io.credgraph.InvalidKeyException;
import java.util.Locale;

/**
 * A Unified Social Credit Code (统一社会信用代码, GB 32100-2015): 18 characters of the alphabet {@code 0-9
 * A-H J-N P-R T U W-Y} (never I, O, Z, S, V), the last a check character over the first 17. An
 * instance always holds a valid, upper-case code.
 */
public record Uscc(String value) {
  /** The 31 characters of GB 32100, in the order of their values 0..30. */
  public static final String ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY";

  private static final int[] WEIGHTS = {
    1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28
  };

  public Uscc {
    requireValid(value, "uscc");
  }

  /** Trims and upper-cases {@code raw}, then checks it. */
  public static Uscc parse(String raw) {
    return new Uscc(normalise(raw));
  }

  /** Like {@link #parse} but attributes a failure to {@code field}. */
  public static Uscc parse(String raw, String field) {
    String v = normalise(raw);
    requireValid(v, field);
    return new Uscc(v);
  }

  public static boolean isValid(String raw) {
    try {
      parse(raw);
      return true;
    } catch (InvalidKeyException e) {
      return false;
    }
  }

  /**
   * The check character for the first 17 characters of {@code body} (which must use the alphabet).
   */
  public static char checkCharacter(CharSequence body) {
    int sum = 0;
    for (int i = 0; i < 17; i++) {
      sum += ALPHABET.indexOf(body.charAt(i)) * WEIGHTS[i];
    }
    return ALPHABET.charAt((31 - sum % 31) % 31);
  }

  static String normalise(String raw) {
    return raw == null ? null : raw.trim().toUpperCase(Locale.ROOT);
  }

  private static void requireValid(String v, String field) {
    if (v == null || v.isEmpty()) {
      throw new InvalidKeyException(field, "a USCC is required (18 characters)", 0, null);
    }
    if (v.length() != 18) {
      throw new InvalidKeyException(
          field, "a USCC has 18 characters, '" + v + "' has " + v.length(), 0, null);
    }
    for (int i = 0; i < 18; i++) {
      char c = v.charAt(i);
      if (ALPHABET.indexOf(c) < 0) {
        throw new InvalidKeyException(
            field,
            "character "
                + (i + 1)
                + " of USCC '"
                + v
                + "' is '"
                + c
                + "', which GB 32100 never uses (allowed: 0-9 and A-Y without I, O, S, V, Z)",
            i + 1,
            null);
      }
    }
    char expected = checkCharacter(v);
    if (v.charAt(17) != expected) {
      throw new InvalidKeyException(
          field,
          "check character (position 18) of USCC '"
              + v
              + "' is '"
              + v.charAt(17)
              + "' but should be '"
              + expected
              + "'",
          18,
          expected);
    }
  }

  @Override
  public String toString() {
    return value;
  }
}
