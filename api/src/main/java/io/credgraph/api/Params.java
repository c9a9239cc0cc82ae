package io.credgraph.api;

import io.credgraph.ValidationException;
import io.credgraph.model.Dates;
import io.javalin.http.Context;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/** Typed query parameters: each failure names the parameter and says what it should be. */
public final class Params {
  private Params() {}

  /** {@code asOf} as a date, or today in China Standard Time by {@code clock}. */
  public static LocalDate asOf(Context ctx, Clock clock) {
    String v = ctx.queryParam("asOf");
    return v == null || v.isBlank()
        ? LocalDate.now(clock.withZone(Dates.CHINA))
        : Dates.parse(v, "asOf");
  }

  public static int limit(Context ctx, int def, int max) {
    String v = ctx.queryParam("limit");
    if (v == null || v.isBlank()) {
      return def;
    }
    int n;
    try {
      n = Integer.parseInt(v.trim());
    } catch (NumberFormatException e) {
      throw new ValidationException(
          "limit", "limit must be a whole number from 1 to " + max + ", not '" + v + "'");
    }
    if (n < 1 || n > max) {
      throw new ValidationException("limit", "limit must be from 1 to " + max + ", not " + n);
    }
    return n;
  }

  /** An offset cursor as handed out in {@code next}; 0 when absent. */
  public static int offsetCursor(Context ctx) {
    String v = ctx.queryParam("cursor");
    if (v == null || v.isBlank()) {
      return 0;
    }
    try {
      int n = Integer.parseInt(v.trim());
      if (n >= 0) {
        return n;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw new ValidationException(
        "cursor",
        "cursor '"
            + v
            + "' is not one this API handed out (use the 'next' "
            + "value of the previous page)");
  }

  public static long longCursor(Context ctx) {
    String v = ctx.queryParam("cursor");
    if (v == null || v.isBlank()) {
      return 0;
    }
    try {
      long n = Long.parseLong(v.trim());
      if (n >= 0) {
        return n;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw new ValidationException(
        "cursor",
        "cursor '"
            + v
            + "' is not one this API handed out (use the 'next' "
            + "value of the previous page)");
  }

  public static Optional<String> text(Context ctx, String name) {
    String v = ctx.queryParam(name);
    return v == null || v.isBlank() ? Optional.empty() : Optional.of(v.trim());
  }

  /**
   * An instant given as an ISO-8601 instant ({@code 2026-11-27T08:00:00Z}) or a date (the start of
   * that day in China Standard Time; with {@code endOfDay}, the start of the next day).
   */
  public static Optional<Instant> instant(Context ctx, String name, boolean endOfDay) {
    Optional<String> v = text(ctx, name);
    if (v.isEmpty()) {
      return Optional.empty();
    }
    String s = v.get();
    try {
      if (s.length() == 10) {
        LocalDate d = LocalDate.parse(s);
        return Optional.of((endOfDay ? d.plusDays(1) : d).atStartOfDay(Dates.CHINA).toInstant());
      }
      return Optional.of(Instant.parse(s));
    } catch (DateTimeParseException e) {
      throw new ValidationException(
          name,
          name
              + " '"
              + s
              + "' is neither a date YYYY-MM-DD nor an ISO-8601 instant "
              + "such as 2026-11-27T08:00:00Z");
    }
  }
}
