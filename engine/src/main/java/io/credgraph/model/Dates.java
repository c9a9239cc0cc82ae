package io.credgraph.model;

import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;

/** Calendar dates in China Standard Time, as every date in the domain is. */
public final class Dates {
  public static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

  private Dates() {}

  /** Today in China Standard Time. */
  public static LocalDate today() {
    return LocalDate.now(CHINA);
  }

  /**
   * "Within N years of D": {@code D <= day <= D.plusYears(N)}, both ends inclusive (29 February
   * plus one year is 28 February).
   */
  public static boolean within(LocalDate day, LocalDate from, LocalDate until) {
    return !day.isBefore(from) && (until == null || !day.isAfter(until));
  }

  /** Parses {@code YYYY-MM-DD} strictly; the message names the field. */
  public static LocalDate parse(String text, String field) {
    if (text == null || text.isBlank()) {
      throw new io.credgraph.ValidationException(field, field + " is required (YYYY-MM-DD)");
    }
    try {
      String t = text.trim();
      // exactly four digits of year: LocalDate.parse would also take +999999999-12-31
      if (t.length() != 10 || t.charAt(0) < '0' || t.charAt(0) > '9') {
        throw new DateTimeParseException("not YYYY-MM-DD", t, 0);
      }
      return LocalDate.parse(t);
    } catch (DateTimeParseException e) {
      throw new io.credgraph.ValidationException(
          field, field + " '" + text + "' is not a date of the form YYYY-MM-DD");
    }
  }
}
