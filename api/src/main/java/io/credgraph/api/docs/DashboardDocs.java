package io.credgraph.api.docs;

import static io.credgraph.api.docs.ApiDocs.AUTH_401;
import static io.credgraph.api.docs.ApiDocs.ROLE_403;
import static io.credgraph.api.docs.ApiDocs.errors;

import io.credgraph.api.auth.Role;
import io.credgraph.api.view.DashboardViews;
import io.credgraph.api.view.InvestigationViews;
import java.time.LocalDate;
import java.util.Optional;

/**
 * The description of the dashboard series and of reading and trimming the watchlist (the explorer's
 * pages).
 */
final class DashboardDocs {
  private DashboardDocs() {}

  static void describe(ApiDescription d) {
    Optional<Role> investigator = Optional.of(Role.INVESTIGATOR);
    d.op("GET", "/api/v1/stats/months")
        .summary(
            "investigation",
            "New records per month and list",
            "For each list, how many records took effect (effectiveFrom) in each of the last months up to the month of "
                + "asOf (whatever their status today), oldest month first; lists with the most records first.")
        .access(investigator)
        .query("months", Integer.class, false, "how many months, 1-120 (default 24)")
        .query(
            "asOf",
            LocalDate.class,
            false,
            "the last day counted (default today, China Standard Time)")
        .ok(DashboardViews.MonthsAnswer.class, "the months and one series per list")
        .errors(errors(400, "months or asOf is invalid", 401, AUTH_401, 403, ROLE_403))
        .done();
    d.op("GET", "/api/v1/stats/alerts")
        .summary(
            "investigation",
            "Alerts by kind",
            "How many alerts of the history were raised by asOf, by kind (as GET /api/v1/alerts lists them): sitting "
                + "officers and escalations for the city, WATCH alerts of the caller's own watchlist. Every kind is "
                + "present (0 when none).")
        .access(investigator)
        .query("asOf", LocalDate.class, false, "the day (default today, China Standard Time)")
        .ok(DashboardViews.AlertCountsAnswer.class, "counts by kind")
        .errors(errors(400, "asOf is invalid", 401, AUTH_401, 403, ROLE_403))
        .done();
    d.op("GET", "/api/v1/watchlist")
        .summary(
            "investigation",
            "The caller's watchlist",
            "The subjects the caller's key watches (see POST /api/v1/watchlist).")
        .access(investigator)
        .ok(InvestigationViews.WatchlistAnswer.class, "the caller's watchlist")
        .errors(errors(401, AUTH_401, 403, ROLE_403))
        .done();
    d.op("DELETE", "/api/v1/watchlist/{id}")
        .summary(
            "investigation",
            "Stop watching a subject",
            "Removes one subject from the caller's watchlist (a subject not on it is no error) and answers the rest; "
                + "alerts already raised stay.")
        .access(investigator)
        .pathParam("id", "the opaque subject id (s...)")
        .ok(InvestigationViews.WatchlistAnswer.class, "the caller's watchlist after the removal")
        .errors(
            errors(
                400,
                "id is a USCC or an ID number, not a subject id",
                401,
                AUTH_401,
                403,
                ROLE_403,
                404,
                "no subject with this id"))
        .done();
  }
}
