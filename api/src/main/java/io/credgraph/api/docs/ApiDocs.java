package io.credgraph.api.docs;

import io.credgraph.api.audit.AuditEntry;
import io.credgraph.api.auth.Role;
import io.credgraph.api.view.Health;
import io.credgraph.api.view.Page;
import io.credgraph.api.view.PublishedList;
import io.credgraph.api.view.SubjectProfile;
import io.credgraph.api.view.SubjectView;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The description of every route the API serves, written by hand next to (not generated from) the routes, so that a
 * test can compare the two: a route served but not described, or described but not served, fails it.
 */
public final class ApiDocs {
  private ApiDocs() {}

  static final String AUTH_401 = "no key, or a key this server does not know (send Authorization: Bearer <key>)";
  static final String ROLE_403 = "the key's role may not call this route";

  public static ApiDescription describe(String version) {
    ApiDescription d = new ApiDescription("credgraph API", version, """
        The credit graph of a city: published red and black lists, subject profiles, appointment and joint-sanctions \
        checks that explain themselves, batch ingestion. Errors are application/problem+json (RFC 9457). Subjects \
        in URLs are opaque ids (s...), never ID numbers; request bodies address subjects by natural key \
        ({"uscc": ...} or {"idNumber": ...}). Dates are YYYY-MM-DD; asOf defaults to today in China Standard Time. \
        Every check and every look at a person is written to a tamper-evident audit log.""");

    d.op("GET", "/health").summary("operations", "Health",
        "200 once the store is open: its backend, counts and version, and the audit log's head hash.")
        .access(Optional.empty()).ok(Health.class, "the server is up").done();
    d.op("GET", "/metrics").summary("operations", "Metrics",
        "Prometheus text: JVM, HTTP requests by route and status, cache sizes and hit rates.")
        .access(Optional.of(Role.ADMIN))
        .answer(200, "text/plain", stringSchema(), "Prometheus exposition format 0.0.4")
        .errors(errors(401, AUTH_401, 403, ROLE_403)).done();
    d.op("GET", "/openapi.json").summary("operations", "OpenAPI description", "This document.")
        .access(Optional.empty()).answer(200, "application/json", objectSchema(), "OpenAPI 3").done();
    d.op("GET", "/docs").summary("operations", "API documentation page", "Swagger UI reading /openapi.json.")
        .access(Optional.empty()).answer(200, "text/html", stringSchema(), "an HTML page").done();

    d.op("GET", "/api/v1/lists/{code}").summary("lists", "Published list",
        "A RED or BLACK list as in force on asOf, newest decision first; persons' ID numbers are masked. "
            + "WATCH and EVENT lists are not published.")
        .access(Optional.empty())
        .pathParam("code", "list code, e.g. DISHONEST_JUDGMENT_DEBTOR or A_TAXPAYER")
        .query("asOf", LocalDate.class, false, "the day (default today, China Standard Time)")
        .query("limit", Integer.class, false, "entries per page, 1-500 (default 50)")
        .query("cursor", String.class, false, "the 'next' value of the previous page")
        .ok(PublishedList.class, "a page of the list")
        .errors(errors(400, "a parameter is invalid (field names it)", 404, "no such list, or it is not published"))
        .done();

    d.op("GET", "/api/v1/subjects").summary("subjects", "Search subjects",
        "By USCC, by ID number, or by a part of the name (case-insensitive). Matches carry the subject ids used "
            + "in other routes.")
        .access(Optional.of(Role.INVESTIGATOR))
        .query("q", String.class, true, "a name or part of one (2+ characters), a USCC or an ID number")
        .query("limit", Integer.class, false, "matches per page, 1-200 (default 20)")
        .query("cursor", String.class, false, "the 'next' value of the previous page")
        .ok(type(Page.class, SubjectView.class), "matches, by name")
        .errors(errors(400, "q is missing or too short, or a paging parameter is invalid", 401, AUTH_401,
            403, ROLE_403))
        .done();
    d.op("GET", "/api/v1/subjects/{id}").summary("subjects", "Subject profile",
        "Attributes, relations (each marked in force or not on asOf) and records with their status on asOf. "
            + "DEPARTMENT and REGISTRY keys see the subjects they have checked; INVESTIGATOR and above see all, "
            + "with full ID numbers.")
        .access(Optional.of(Role.DEPARTMENT))
        .pathParam("id", "the opaque subject id (s...) from a search or a check")
        .query("asOf", LocalDate.class, false, "the day (default today, China Standard Time)")
        .ok(SubjectProfile.class, "the profile")
        .errors(errors(400, "the id is not a subject id, or asOf is not a date", 401, AUTH_401,
            403, "a DEPARTMENT or REGISTRY key that has not checked this subject", 404, "no subject with this id"))
        .done();

    d.op("GET", "/api/v1/audit").summary("audit", "Audit log",
        "Entries oldest first, each with the SHA-256 of the previous line (prev). Filters combine.")
        .access(Optional.of(Role.ADMIN))
        .query("who", String.class, false, "key name")
        .query("subject", String.class, false, "subject id (or masked key of a subject the store does not hold)")
        .query("from", String.class, false, "date (YYYY-MM-DD, China Standard Time) or ISO-8601 instant, inclusive")
        .query("to", String.class, false, "date (inclusive, whole day) or ISO-8601 instant (exclusive)")
        .query("limit", Integer.class, false, "entries per page, 1-1000 (default 100)")
        .query("cursor", String.class, false, "the 'next' value of the previous page")
        .ok(type(Page.class, AuditEntry.class), "a page of entries")
        .errors(errors(400, "a filter is invalid (field names it)", 401, AUTH_401, 403, ROLE_403)).done();
    return d;
  }

  static Map<Integer, String> errors(Object... pairs) {
    Map<Integer, String> m = new LinkedHashMap<>();
    for (int i = 0; i < pairs.length; i += 2) {
      m.put((Integer) pairs[i], (String) pairs[i + 1]);
    }
    m.putIfAbsent(500, "an internal failure; the answer carries an incidentId to quote");
    return m;
  }

  static Type type(Class<?> raw, Type... args) {
    return new ParameterizedType() {
      @Override
      public Type[] getActualTypeArguments() {
        return args.clone();
      }

      @Override
      public Type getRawType() {
        return raw;
      }

      @Override
      public Type getOwnerType() {
        return null;
      }
    };
  }

  private static com.fasterxml.jackson.databind.node.ObjectNode stringSchema() {
    return com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.objectNode().put("type", "string");
  }

  private static com.fasterxml.jackson.databind.node.ObjectNode objectSchema() {
    return com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.objectNode().put("type", "object");
  }
}
