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
  private static final java.util.regex.Pattern FORM =
      java.util.regex.Pattern.compile("s[0-9a-z]{6,40}");

  public SubjectId {
    if (value == null || !FORM.matcher(value).matches()) {
      throw new ValidationException(
          "id", "'" + value + "' is not a subject id (subject ids look like s1x2y3z4...)");
    }
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
