package io.credgraph.api.guard;

import io.credgraph.ValidationException;
import io.credgraph.model.Dates;
import io.javalin.http.Context;
import java.time.Clock;
import java.time.LocalDate;

/**
 * The days the public lists answer: from the configured earliest day ({@code --lists-earliest}) to
 * today in China Standard Time. Anything else is refused with 400 before any scan, so that
 * anonymous callers cannot make the server scan, cache and audit a list for ever new dates.
 */
public final class ListBounds {
  private ListBounds() {}

  public static void check(Context ctx, Clock clock, LocalDate earliest) {
    String v = ctx.queryParam("asOf");
    if (v == null || v.isBlank()) {
      return;
    }
    LocalDate asOf = Dates.parse(v, "asOf");
    LocalDate today = LocalDate.now(clock.withZone(Dates.CHINA));
    if (asOf.isAfter(today)) {
      throw new ValidationException(
          "asOf",
          "the published lists answer up to today ("
              + today
              + ", China Standard "
              + "Time), not "
              + asOf);
    }
    if (asOf.isBefore(earliest)) {
      throw new ValidationException(
          "asOf", "the published lists answer from " + earliest + ", not " + asOf);
    }
  }
}
