package io.credgraph.model;

import io.credgraph.ValidationException;
import java.security.SecureRandom;

/**
 * The opaque handle of a subject in URLs and answers: random, assigned once when the subject is
 * first stored, and never derived from its key (an ID number must not be recoverable from a URL).
 */
public record SubjectId(String value) {
  private static final String ALPHABET = "0123456789abcdefghjkmnpqrstvwxyz";
  private static final SecureRandom RANDOM = new SecureRandom();

  public SubjectId {
    if (!wellFormed(value)) {
      throw new ValidationException(
          "id", "'" + value + "' is not a subject id (subject ids look like s1x2y3z4...)");
    }
  }

  /** {@code s} and 6 to 40 of {@code [0-9a-z]} (by hand: a start reads millions of them). */
  private static boolean wellFormed(String v) {
    if (v == null || v.length() < 7 || v.length() > 41 || v.charAt(0) != 's') {
      return false;
    }
    for (int i = 1; i < v.length(); i++) {
      char c = v.charAt(i);
      if (!(c >= '0' && c <= '9' || c >= 'a' && c <= 'z')) {
        return false;
      }
    }
    return true;
  }

  /** A fresh random id: {@code s} followed by 16 base-32 characters (80 bits). */
  public static SubjectId random() {
    StringBuilder b = new StringBuilder(17).append('s');
    for (int i = 0; i < 16; i++) {
      b.append(ALPHABET.charAt(RANDOM.nextInt(32)));
    }
    return new SubjectId(b.toString());
  }

  @Override
  public String toString() {
    return value;
  }
}
