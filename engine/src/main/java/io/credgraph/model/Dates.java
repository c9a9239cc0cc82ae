package io.credgraph.model;

import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.regex.Pattern;

/** Calendar dates in China Standard Time, as every date in the domain is. */
public final class Dates {
  public static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");
  private static final Pattern ISO_DAY = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");

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
    return strict(text)
        .orElseThrow(
            () ->
                new io.credgraph.ValidationException(
                    field, field + " '" + text + "' is not a date of the form YYYY-MM-DD"));
  }

  /**
   * The day {@code text} names when it is exactly {@code YYYY-MM-DD} (four digits of year, a real
   * day; surrounding blanks ignored), otherwise empty: {@link LocalDate#parse} alone would also
   * take {@code +999999999-12-31}.
   */
  public static Optional<LocalDate> strict(String text) {
    if (text == null) {
      return Optional.empty();
    }
    String t = text.trim();
    if (!ISO_DAY.matcher(t).matches()) {
      return Optional.empty();
    }
    try {
      return Optional.of(LocalDate.parse(t));
    } catch (DateTimeParseException e) {
      return Optional.empty();
    }
  }
}
