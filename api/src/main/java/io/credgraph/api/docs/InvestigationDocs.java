package io.credgraph.api.docs;

import static io.credgraph.api.docs.ApiDocs.AUTH_401;
import static io.credgraph.api.docs.ApiDocs.ROLE_403;
import static io.credgraph.api.docs.ApiDocs.errors;

import io.credgraph.analysis.Statistics;
import io.credgraph.api.auth.Role;
import io.credgraph.api.requests.WatchRequest;
import io.credgraph.api.view.InvestigationViews;
import io.credgraph.model.RelationType;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Optional;

/**
 * The description of the investigation routes (graph, controllers, paths, clusters, stats,
 * watchlist).
 */
final class InvestigationDocs {
  private InvestigationDocs() {}

  private static final String AS_OF =
      "the day whose relations and records count (default today, China Standard " + "Time)";
  private static final String REL =
      "relation types to follow, repeated or comma-separated (default all): "
          + Arrays.toString(RelationType.values());

  static void describe(ApiDescription d) {
    Optional<Role> investigator = Optional.of(Role.INVESTIGATOR);
    d.op("GET", "/api/v1/subjects/{id}/graph")
        .summary(
            "investigation",
            "Neighbourhood graph",
            "The subjects within depth hops of the subject (relations in force on asOf, both directions) and the "
                + "relations between them, for drawing. A subject with more neighbours of one relation type and "
                + "direction than supernodeThreshold (a nominee representing dozens of enterprises) is summarised in "
                + "supernodes with the count; expand it on its own to see them.")
        .access(investigator)
        .pathParam("id", "the opaque subject id (s...)")
        .query("depth", Integer.class, false, "hops, 1-3 (default 1)")
        .query("rel", String.class, false, REL)
        .query("limit", Integer.class, false, "most nodes, root included, 1-5000 (default 200)")
        .query(
            "supernodeThreshold",
            Integer.class,
            false,
            "neighbours of one type and direction above which they "
                + "are counted, not listed, 1-5000 (default 25)")
        .query("asOf", LocalDate.class, false, AS_OF)
        .ok(InvestigationViews.GraphAnswer.class, "nodes, edges and supernodes")
        .errors(
            errors(
                400,
                "depth, rel, limit, supernodeThreshold or asOf is invalid (field names it)",
                401,
                AUTH_401,
                403,
                ROLE_403,
                404,
                "no subject with this id"))
        .done();
    d.op("GET", "/api/v1/subjects/{id}/controllers")
        .summary(
            "investigation",
            "Ultimate controllers",
            "Effective ownership along SHAREHOLDER chains in force on asOf (products of ratios summed over every chain; "
                + "cross-holding cycles summed as a series, not dropped): the owners at or above threshold by ratio "
                + "descending with the chains that give it, the actual controller (declared, else an owner above 50 %), "
                + "and data conflicts (a cycle that does not converge, shares above 100 %).")
        .access(investigator)
        .pathParam("id", "the opaque subject id (s...)")
        .query(
            "threshold",
            Double.class,
            false,
            "smallest effective ownership listed, in (0, 1] (default 0.25)")
        .query("asOf", LocalDate.class, false, AS_OF)
        .ok(InvestigationViews.ControllersAnswer.class, "owners, actual controller, conflicts")
        .errors(
            errors(
                400,
                "threshold or asOf is invalid",
                401,
                AUTH_401,
                403,
                ROLE_403,
                404,
                "no subject with this id"))
        .done();
    d.op("GET", "/api/v1/paths")
        .summary(
            "investigation",
            "Paths between two subjects",
            "The shortest chains of relations in force on asOf between two subjects (either direction), all of them "
                + "when tied (up to limit); none with the reason when they are not connected within maxHops.")
        .access(investigator)
        .query("from", String.class, true, "subject id where the paths start")
        .query("to", String.class, true, "subject id where the paths end")
        .query("maxHops", Integer.class, false, "longest path, 1-6 (default 4)")
        .query("rel", String.class, false, REL)
        .query("limit", Integer.class, false, "most paths, 1-100 (default 20)")
        .query("asOf", LocalDate.class, false, AS_OF)
        .ok(InvestigationViews.PathsAnswer.class, "the shortest paths, or none and the reason")
        .errors(
            errors(
                400,
                "from or to missing or not a subject id, maxHops above 6, an unknown rel, a bad date",
                401,
                AUTH_401,
                403,
                ROLE_403,
                404,
                "from or to is not a known subject"))
        .done();
    d.op("GET", "/api/v1/clusters")
        .summary(
            "investigation",
            "Risk clusters",
            "Connected components of the control graph (legal representatives, officers, shareholders, controllers, "
                + "branches in force on asOf) that hold BLACK records in force, large ones split into Louvain "
                + "communities, ranked by risk (the severities of the BLACK records in force). Cluster ids stay the "
                + "same while the membership does.")
        .access(investigator)
        .query("top", Integer.class, false, "how many clusters, 1-100 (default 10)")
        .query("asOf", LocalDate.class, false, AS_OF)
        .ok(InvestigationViews.ClustersAnswer.class, "the top clusters")
        .errors(errors(400, "top or asOf is invalid", 401, AUTH_401, 403, ROLE_403))
        .done();
    d.op("GET", "/api/v1/stats")
        .summary(
            "investigation",
            "Statistics",
            "Counts for dashboards on asOf: subjects by kind, records in force by list kind, measures in force as the "
                + "sanction engine derives them, and rows grouped by list, department, district, industry, the "
                + "month a record took effect, or the credit grade (A-D) of the organisation on asOf.")
        .access(investigator)
        .query(
            "by", Statistics.Dimension.class, false, "grouping (default LIST; lower case accepted)")
        .query("asOf", LocalDate.class, false, AS_OF)
        .ok(InvestigationViews.StatsAnswer.class, "the counts")
        .errors(errors(400, "by or asOf is invalid", 401, AUTH_401, 403, ROLE_403))
        .done();
    d.op("POST", "/api/v1/subjects/search")
        .summary(
            "subjects",
            "Search subjects (query in the body)",
            "As GET /api/v1/subjects, with the query in the body, where an ID number may travel: by USCC, by ID number "
                + "or by a name or part of one, ranked. Matches carry the subject ids used in other routes. Audited.")
        .access(investigator)
        .jsonBody(
            io.credgraph.api.requests.SearchRequest.class,
            "q (a name, a USCC or an ID number, up to 200 "
                + "characters), limit (1-200, default 20), cursor (the 'next' value of the previous page)")
        .ok(
            ApiDocs.type(io.credgraph.api.view.Page.class, io.credgraph.api.view.SubjectView.class),
            "matches, best first")
        .errors(
            errors(
                400,
                "malformed JSON, q missing, an ID number with a wrong check digit, or a paging field "
                    + "is invalid (field names it)",
                401,
                AUTH_401,
                403,
                ROLE_403,
                413,
                "the body is larger than the configured limit"))
        .done();
    d.op("POST", "/api/v1/watchlist")
        .summary(
            "investigation",
            "Watch subjects",
            "Adds subjects to the caller's watchlist (one per key) and answers the whole list. A new record or a "
                + "status change on a watched subject, or on a subject within two control hops of it, raises a WATCH "
                + "alert (GET /api/v1/alerts?kind=WATCH) with the path from the watched subject.")
        .access(investigator)
        .jsonBody(WatchRequest.class, "subjects by id, uscc or idNumber (1-1000)")
        .ok(InvestigationViews.WatchlistAnswer.class, "the caller's watchlist")
        .errors(
            errors(
                400,
                "malformed JSON or a wrong key (field names it)",
                401,
                AUTH_401,
                403,
                ROLE_403,
                404,
                "a subject the city does not hold",
                413,
                "the body is larger than the configured limit"))
        .done();
  }
}
