package io.credgraph.api.docs;

import io.credgraph.api.audit.AuditEntry;
import io.credgraph.api.auth.Role;
import io.credgraph.api.requests.AppointmentRequest;
import io.credgraph.api.requests.SanctionsRequest;
import io.credgraph.api.requests.SimulationRequest;
import io.credgraph.api.requests.StatusRequest;
import io.credgraph.api.view.AlertView;
import io.credgraph.api.view.AppointmentAnswer;
import io.credgraph.api.view.Health;
import io.credgraph.api.view.Page;
import io.credgraph.api.view.PublishedList;
import io.credgraph.api.view.RecordView;
import io.credgraph.api.view.SanctionsAnswer;
import io.credgraph.api.view.SimulationView;
import io.credgraph.api.view.SubjectProfile;
import io.credgraph.api.view.SubjectView;
import io.credgraph.engine.AlertKind;
import io.credgraph.exchange.LoadReport;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The description of every route the API serves, written by hand next to (not generated from) the
 * routes, so that a test can compare the two: a route served but not described, or described but
 * not served, fails it.
 */
public final class ApiDocs {
  private ApiDocs() {}

  static final String AUTH_401 =
      "no key, or a key this server does not know (send Authorization: Bearer <key>)";
  static final String ROLE_403 = "the key's role may not call this route";

  public static ApiDescription describe(String version) {
    ApiDescription d =
        new ApiDescription(
            "credgraph API",
            version,
            """
        The credit graph of a city: published red and black lists, subject profiles, appointment and joint-sanctions \
        checks that explain themselves, batch ingestion. Errors are application/problem+json (RFC 9457). Subjects \
        in URLs are opaque ids (s...), never ID numbers; request bodies address subjects by natural key \
        ({"uscc": ...} or {"idNumber": ...}). Dates are YYYY-MM-DD; asOf defaults to today in China Standard Time. \
        Every check and every look at a person is written to a tamper-evident audit log.""");

    d.op("GET", "/health")
        .summary(
            "operations",
            "Health",
            "200 once the store is open: its backend, counts and version, and the audit log's head hash. 503 with "
                + "status DOWN and the reason when the in-memory graph no longer matches the store (a committed batch "
                + "could not be applied and the rebuild from the store failed); graph answers are refused until a "
                + "rebuild succeeds (the next batch tries one first, or restart the server).")
        .access(Optional.empty())
        .ok(Health.class, "the server is up")
        .json(503, Health.class, "the server is DOWN: reason says why")
        .done();
    d.op("GET", "/metrics")
        .summary(
            "operations",
            "Metrics",
            "Prometheus text: JVM, HTTP requests by route and status, cache sizes and hit rates.")
        .access(Optional.of(Role.ADMIN))
        .answer(200, "text/plain", stringSchema(), "Prometheus exposition format 0.0.4")
        .errors(errors(401, AUTH_401, 403, ROLE_403))
        .done();
    d.op("GET", "/openapi.json")
        .summary("operations", "OpenAPI description", "This document.")
        .access(Optional.empty())
        .answer(200, "application/json", objectSchema(), "OpenAPI 3")
        .done();
    d.op("GET", "/docs")
        .summary("operations", "API documentation page", "Swagger UI reading /openapi.json.")
        .access(Optional.empty())
        .answer(200, "text/html", stringSchema(), "an HTML page")
        .done();

    d.op("GET", "/api/v1/lists/{code}")
        .summary(
            "lists",
            "Published list",
            "A RED or BLACK list as in force on asOf, newest decision first; persons' ID numbers are masked. "
                + "WATCH and EVENT lists are not published.")
        .access(Optional.empty())
        .pathParam("code", "list code, e.g. DISHONEST_JUDGMENT_DEBTOR or A_TAXPAYER")
        .query("asOf", LocalDate.class, false, "the day (default today, China Standard Time)")
        .query(
            "q",
            String.class,
            false,
            "only entries whose subject's name contains this text, or whose USCC it is "
                + "(an ID number is refused: it would sit in the address)")
        .query("limit", Integer.class, false, "entries per page, 1-500 (default 50)")
        .query("cursor", String.class, false, "the 'next' value of the previous page")
        .ok(PublishedList.class, "a page of the list")
        .errors(
            errors(
                400,
                "a parameter is invalid (field names it)",
                404,
                "no such list, or it is not published"))
        .done();

    d.op("GET", "/api/v1/subjects")
        .summary(
            "subjects",
            "Search subjects",
            "By USCC or by a name or part of one, ranked: exact name, prefix, substring, then names sharing most "
                + "character pairs. Matches carry the subject ids used in other routes. An ID number is refused here "
                + "(400: it would sit in the URL); search by ID number with POST /api/v1/subjects/search.")
        .access(Optional.of(Role.INVESTIGATOR))
        .query("q", String.class, true, "a name or part of one, or a USCC")
        .query("limit", Integer.class, false, "matches per page, 1-200 (default 20)")
        .query("cursor", String.class, false, "the 'next' value of the previous page")
        .ok(type(Page.class, SubjectView.class), "matches, best first")
        .errors(
            errors(
                400,
                "q is missing or shaped like an ID number, or a paging parameter is invalid",
                401,
                AUTH_401,
                403,
                ROLE_403))
        .done();
    d.op("GET", "/api/v1/subjects/{id}")
        .summary(
            "subjects",
            "Subject profile",
            "Attributes, relations (each marked in force or not on asOf), records with their status on asOf and, "
                + "for organisations, the credit grade on asOf with the conditions and records that set it. "
                + "DEPARTMENT and REGISTRY keys see the organisations they have checked, with persons masked and "
                + "without names; INVESTIGATOR and above see all, persons too, with full ID numbers.")
        .access(Optional.of(Role.DEPARTMENT))
        .pathParam("id", "the opaque subject id (s...) from a search or a check")
        .query("asOf", LocalDate.class, false, "the day (default today, China Standard Time)")
        .query(
            "limit",
            Integer.class,
            false,
            "relations and records listed, each, 1-1000 (default 200); "
                + "relationsTotal, recordsTotal and truncated tell what was left out")
        .ok(SubjectProfile.class, "the profile")
        .errors(
            errors(
                400,
                "the id is not a subject id, or asOf is not a date",
                401,
                AUTH_401,
                403,
                "a DEPARTMENT or REGISTRY key that has not checked this organisation, or asks for a person (persons' "
                    + "profiles are for INVESTIGATOR and above)",
                404,
                "no subject with this id"))
        .done();

    d.op("GET", "/api/v1/audit")
        .summary(
            "audit",
            "Audit log",
            "Entries oldest first, each linked to the previous line (prev: its SHA-256, or hmac: and its "
                + "HMAC-SHA256 under the audit key); subjects asked about, and the other subjects the answer showed "
                + "(shown). Filters combine; subject matches both.")
        .access(Optional.of(Role.ADMIN))
        .query("who", String.class, false, "key name")
        .query(
            "subject",
            String.class,
            false,
            "subject id (or masked key of a subject the store does not hold)")
        .query(
            "from",
            String.class,
            false,
            "date (YYYY-MM-DD, China Standard Time) or ISO-8601 instant, inclusive")
        .query(
            "to",
            String.class,
            false,
            "date (inclusive, whole day) or ISO-8601 instant (exclusive)")
        .query("limit", Integer.class, false, "entries per page, 1-1000 (default 100)")
        .query("cursor", String.class, false, "the 'next' value of the previous page")
        .ok(type(Page.class, AuditEntry.class), "a page of entries")
        .errors(errors(400, "a filter is invalid (field names it)", 401, AUTH_401, 403, ROLE_403))
        .done();
    d.op("POST", "/api/v1/batches")
        .summary(
            "ingestion",
            "Load a batch",
            "A batch in the exchange format (EXCHANGE.md): one JSON object per line, streamed to the loader. Bad "
                + "lines are set aside with their line, field and reason; good lines are never lost; the same batch "
                + "sent twice changes nothing; an interrupted batch sent again resumes. Content-Encoding: gzip is "
                + "accepted. Size (after decompression) and time are limited by the server's configuration.")
        .access(Optional.of(Role.STEWARD))
        .query(
            "name",
            String.class,
            false,
            "the batch name, e.g. MARKET_REGULATION-2026-11-27.jsonl (the "
                + "department is taken from it when not given)")
        .query(
            "department",
            String.class,
            false,
            "the delivering department for lines without their own")
        .header("Content-Encoding", false, "gzip, or none")
        .rawBody("application/x-ndjson", "the batch, one JSON object per line")
        .ok(
            LoadReport.class,
            "the load report: counts accepted, rejected (with line, field, reason), pending, "
                + "conflicts")
        .errors(
            errors(
                400,
                "the body is not a readable batch (e.g. broken gzip)",
                401,
                AUTH_401,
                403,
                ROLE_403,
                408,
                "the upload took longer than the configured limit; lines committed so far stay stored",
                413,
                "the batch is larger than the configured limit",
                415,
                "not application/x-ndjson, or an " + "unsupported Content-Encoding"))
        .done();
    d.op("POST", "/api/v1/checks/appointment")
        .summary(
            "checks",
            "Appointment check",
            "May the person hold the role (in the enterprise, or in a company when none is named) on asOf? Every "
                + "reason against names the rule, its legal basis, the record, the first and last day of the "
                + "restriction and the evidence path. Audited.")
        .access(Optional.of(Role.REGISTRY))
        .jsonBody(
            AppointmentRequest.class, "the person, the role, optionally the enterprise and asOf")
        .ok(AppointmentAnswer.class, "eligible, or not with every reason")
        .errors(
            errors(
                400,
                "malformed JSON, a missing or wrong field, an unknown role, or an ID number or USCC "
                    + "that fails its check character (expected gives the right one)",
                401,
                AUTH_401,
                403,
                ROLE_403,
                404,
                "the enterprise named is not known",
                413,
                "the body is larger than the configured limit"))
        .done();
    d.op("POST", "/api/v1/checks/sanctions")
        .summary(
            "checks",
            "Sanctions check",
            "The measures that apply on asOf to each subject (1 to 1,000), in one domain or all, directly or through "
                + "related subjects, one result per subject in the order asked. Audited.")
        .access(Optional.of(Role.DEPARTMENT))
        .jsonBody(
            SanctionsRequest.class, "the subjects by natural key, optionally a domain and asOf")
        .ok(SanctionsAnswer.class, "one result per subject")
        .errors(
            errors(
                400,
                "malformed JSON, a missing or wrong field, an unknown domain, more than 1,000 "
                    + "subjects, or a key that fails its check character",
                401,
                AUTH_401,
                403,
                ROLE_403,
                413,
                "the body is larger than the configured limit"))
        .done();
    d.op("POST", "/api/v1/records/{id}/status")
        .summary(
            "records",
            "Change a record's status",
            "Objection (OBJECTED), its resolution (ACTIVE), repair (REPAIRED), revocation (REVOKED) or a court's "
                + "release of one person (RELEASED, with person), dated; nothing is deleted. Audited.")
        .access(Optional.of(Role.STEWARD))
        .pathParam("id", "the record id given by the issuing department")
        .jsonBody(
            StatusRequest.class,
            "the new status, the date it takes effect, a note, the person released")
        .ok(RecordView.class, "the record with its whole history")
        .errors(
            errors(
                400,
                "malformed JSON, an unknown status, a date before the last change, or a transition "
                    + "that is not allowed (REVOKED is final)",
                401,
                AUTH_401,
                403,
                ROLE_403,
                404,
                "no record with this id",
                413,
                "the body is larger than the configured limit"))
        .done();
    d.op("POST", "/api/v1/simulations")
        .summary(
            "checks",
            "What-if simulation",
            "The measures, appointment restrictions and sitting-officer alerts a hypothetical record would add on "
                + "asOf, the subjects they reach, and the credit grades it would change (grades). Nothing is stored.")
        .access(Optional.of(Role.INVESTIGATOR))
        .query(
            "asOf",
            LocalDate.class,
            false,
            "the day (default: the body's asOf, else today, China Standard Time)")
        .jsonBody(
            SimulationRequest.class,
            "one record line of the exchange format ({\"type\": \"record\", ...}, "
                + "EXCHANGE.md), checked as in a batch (severity of an ADMINISTRATIVE_PENALTY, crime of a "
                + "CRIMINAL_PENALTY); id, department and decidedOn may be left out")
        .ok(SimulationView.class, "what the record would do")
        .errors(
            errors(
                400,
                "malformed JSON, not a record line, or a field the exchange format refuses (field names "
                    + "it), or an unknown list",
                401,
                AUTH_401,
                403,
                ROLE_403,
                404,
                "the record's subject is not known",
                413,
                "the body is larger than the configured limit"))
        .done();
    d.op("GET", "/api/v1/alerts")
        .summary(
            "alerts",
            "Alerts",
            "The alert history raised up to asOf (raisedOn <= asOf): SITTING_OFFICER (a person holds a role they are "
                + "no longer eligible for), ESCALATION (a watch record in force long enough to be escalated), and the "
                + "caller's WATCH alerts (a record, status change or credit grade change on or near a watched subject, see "
                + "POST /api/v1/watchlist), most recent first (raisedOn, then createdAt). raisedOn is the day the cause "
                + "took effect, createdAt the instant the product created the alert: an alert is recorded the first time "
                + "the product sees it (after the write that raised it, at the first start after an offline load, or when "
                + "a list first asks about a past day it held on) and stays listed whatever later happens to its cause.")
        .access(Optional.of(Role.INVESTIGATOR))
        .query("kind", AlertKind.class, false, "one kind of alert (default all)")
        .query(
            "since",
            String.class,
            false,
            "an ISO-8601 instant: alerts created after it (poll with the newest "
                + "createdAt seen); or a day (YYYY-MM-DD): alerts created from its start on (China Standard Time)")
        .query(
            "asOf",
            LocalDate.class,
            false,
            "the day (default today, China Standard Time): alerts raised up to it")
        .query("limit", Integer.class, false, "alerts per page, 1-500 (default 50)")
        .query("cursor", String.class, false, "the 'next' value of the previous page")
        .ok(type(Page.class, AlertView.class), "a page of alerts")
        .errors(
            errors(400, "a parameter is invalid (field names it)", 401, AUTH_401, 403, ROLE_403))
        .done();
    InvestigationDocs.describe(d);
    LoopDocs.describe(d);
    DashboardDocs.describe(d);
    WebDocs.describe(d);
    return d;
  }

  static Map<Integer, String> errors(Object... pairs) {
    Map<Integer, String> m = new LinkedHashMap<>();
    for (int i = 0; i < pairs.length; i += 2) {
      m.put((Integer) pairs[i], (String) pairs[i + 1]);
    }
    m.putIfAbsent(
        429, "too many requests from this address or key; Retry-After gives the seconds to wait");
    m.putIfAbsent(500, "an internal failure; the answer carries an incidentId to quote");
    m.putIfAbsent(
        503,
        "audit-unavailable (the audit log cannot be written, so nothing is answered unaudited), "
            + "store-busy (Retry-After says when to try again) or out-of-sync (a committed batch could not be applied "
            + "to the in-memory graph and the rebuild from the store failed: /health says DOWN)");
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
    return com.fasterxml.jackson.databind.node.JsonNodeFactory.instance
        .objectNode()
        .put("type", "string");
  }

  private static com.fasterxml.jackson.databind.node.ObjectNode objectSchema() {
    return com.fasterxml.jackson.databind.node.JsonNodeFactory.instance
        .objectNode()
        .put("type", "object");
  }
}
