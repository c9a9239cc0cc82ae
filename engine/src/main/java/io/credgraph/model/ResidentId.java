package io.credgraph.model;

import io.credgraph.InvalidKeyException;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.Locale;

/**
 * An 18-character resident identity number (GB 11643-1999): 6 digits of region, 8 of birth date, 3
 * of sequence and a check character {@code 0-9} or {@code X} (ISO 7064 MOD 11-2). An instance
 * always holds a valid, upper-case number with a real birth date. Personal data: {@link
 * #toString()} is masked; use {@link #value()} only where the full number is needed.
 */
public record ResidentId(String value) {
  private static final int[] WEIGHTS = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
  private static final String CHECKS = "10X98765432";
  private static final LocalDate EARLIEST_BIRTH = LocalDate.of(1850, 1, 1);

  public ResidentId {
    requireValid(value, "idNumber");
  }

  public static ResidentId parse(String raw) {
    return new ResidentId(normalise(raw));
  }

  public static ResidentId parse(String raw, String field) {
    String v = normalise(raw);
    requireValid(v, field);
    return new ResidentId(v);
  }

  public static boolean isValid(String raw) {
    try {
      parse(raw);
      return true;
    } catch (InvalidKeyException e) {
      return false;
    }
  }

  /** The check character for the first 17 digits of {@code body}. */
  public static char checkCharacter(CharSequence body) {
    int sum = 0;
    for (int i = 0; i < 17; i++) {
      sum += (body.charAt(i) - '0') * WEIGHTS[i];
    }
    return CHECKS.charAt(sum % 11);
  }

  public LocalDate birthDate() {
    return birthDateOf(value);
  }

  /** {@code 4420**********123X}: the first four and the last four characters. */
  public String masked() {
    return mask(value);
  }

  /**
   * Masks any document number: keeps the first four and last four characters of 18, fewer for short
   * numbers.
   */
  public static String mask(String number) {
    if (number == null) {
      return null;
    }
    int n = number.length();
    int keep = n >= 12 ? 4 : n >= 6 ? 2 : 0;
    return number.substring(0, keep) + "*".repeat(n - 2 * keep) + number.substring(n - keep);
  }

  static String normalise(String raw) {
    return raw == null ? null : raw.trim().toUpperCase(Locale.ROOT);
  }

  private static LocalDate birthDateOf(String v) {
    return LocalDate.of(
        Integer.parseInt(v.substring(6, 10)),
        Integer.parseInt(v.substring(10, 12)),
        Integer.parseInt(v.substring(12, 14)));
  }

  private static void requireValid(String v, String field) {
    if (v == null || v.isEmpty()) {
      throw new InvalidKeyException(
          field, "a resident ID number is required (18 characters)", 0, null);
    }
    if (v.length() != 18) {
      throw new InvalidKeyException(
          field,
          "a resident ID number has 18 characters, this one has "
              + v.length()
              + (v.length() == 15 ? " (15-digit first-generation numbers are not accepted)" : ""),
          0,
          null);
    }
    for (int i = 0; i < 17; i++) {
      if (v.charAt(i) < '0' || v.charAt(i) > '9') {
        throw new InvalidKeyException(
            field,
            "character "
                + (i + 1)
                + " of the resident ID number must be a digit, not '"
                + v.charAt(i)
                + "'",
            i + 1,
            null);
      }
    }
    char last = v.charAt(17);
    if ((last < '0' || last > '9') && last != 'X') {
      throw new InvalidKeyException(
          field,
          "character 18 of the resident ID number must be a digit or X, not '" + last + "'",
          18,
          null);
    }
    LocalDate birth;
    try {
      birth = birthDateOf(v);
    } catch (DateTimeException e) {
      throw new InvalidKeyException(
          field,
          "characters 7-14 of the resident ID number ('"
              + v.substring(6, 14)
              + "') are not a real birth date",
          7,
          null);
    }
    if (birth.isBefore(EARLIEST_BIRTH) || birth.isAfter(Dates.today())) {
      throw new InvalidKeyException(
          field,
          "characters 7-14 of the resident ID number give the birth date "
              + birth
              + ", which is impossible",
          7,
          null);
    }
    char expected = checkCharacter(v);
    if (last != expected) {
      throw new InvalidKeyException(
          field,
          "check character (position 18) of resident ID number "
              + mask(v)
              + " is '"
              + last
              + "' but should be '"
              + expected
              + "'",
          18,
          expected);
    }
  }

  @Override
  public String toString() {
    return masked();
  }
}
