package io.credgraph.api.docs;

import static io.credgraph.api.docs.ApiDocs.AUTH_401;
import static io.credgraph.api.docs.ApiDocs.ROLE_403;
import static io.credgraph.api.docs.ApiDocs.errors;
import static io.credgraph.api.docs.ApiDocs.type;

import io.credgraph.api.auth.Role;
import io.credgraph.api.loop.Application;
import io.credgraph.api.loop.FeedbackAnswer;
import io.credgraph.api.loop.FeedbackReport;
import io.credgraph.api.loop.MeView;
import io.credgraph.api.requests.ApplicationRequest;
import io.credgraph.api.requests.DecisionRequest;
import io.credgraph.api.requests.FeedbackRequest;
import io.credgraph.api.view.Page;
import java.time.LocalDate;
import java.util.Optional;

/**
 * The description of the joint-sanction loop: enforcement feedback, a subject's own file, its
 * applications.
 */
final class LoopDocs {
  private LoopDocs() {}

  static void describe(ApiDescription d) {
    d.op("POST", "/api/v1/checks/{checkId}/feedback")
        .summary(
            "feedback",
            "Enforcement feedback on a check",
            "What the department that ran a check did about each measure it found, per subject, rule and measure: "
                + "APPLIED, NOT_APPLIED with a reason code (NOT_IN_SCOPE, RECORD_ENDED, RELEASED, OVERRIDDEN, OTHER) "
                + "and a note, or NOT_APPLICABLE. Without rule, an item covers the measure under every rule that found "
                + "it for the subject. Sending items again corrects them: every version is kept and audited, the latest "
                + "counts. Only a DEPARTMENT key bound to the department that ran the check may send it.")
        .access(Optional.of(Role.DEPARTMENT))
        .pathParam("checkId", "the checkId of the check's answer (chk-...)")
        .jsonBody(FeedbackRequest.class, "the outcomes")
        .ok(
            FeedbackAnswer.class,
            "every measure the check found with its latest outcome, and every version")
        .errors(
            errors(
                400,
                "malformed JSON, a missing field, NOT_APPLIED without reason and note, or an item the "
                    + "check did not find (field names it)",
                401,
                AUTH_401,
                403,
                "the key belongs to no department, or " + "not to the one that ran the check",
                404,
                "no remembered check with this id (only checks that found "
                    + "measures take feedback)"))
        .done();
    d.op("GET", "/api/v1/checks/{checkId}/feedback")
        .summary(
            "feedback",
            "A check's enforcement feedback",
            "Every measure the check found with its latest outcome (and the sending that gave it), and every version "
                + "sent, as the sending answers: for the department that ran the check (a DEPARTMENT key bound to it), "
                + "or a key that may read the whole report. Audited.")
        .access(Optional.of(Role.DEPARTMENT))
        .pathParam("checkId", "the checkId of the check's answer (chk-...)")
        .ok(
            FeedbackAnswer.class,
            "every measure the check found with its latest outcome, and every version")
        .errors(
            errors(
                401,
                AUTH_401,
                403,
                "the key belongs to another department or to none (and may not read "
                    + "the whole report)",
                404,
                "no remembered check with this id (only checks that found measures take "
                    + "feedback)"))
        .done();
    d.op("GET", "/api/v1/feedback")
        .summary(
            "feedback",
            "Enforcement feedback report",
            "For checks made with a department's key from from to to: counts of each outcome, measures still without "
                + "one, and the share applied, APPLIED / (APPLIED + NOT_APPLIED), in total and by department, measure, "
                + "domain or month; and the overdue checks (some measure without feedback, and to after the check's day "
                + "plus the server's feedbackDays). Judged on to: feedback sent later does not count.")
        .access(Optional.of(io.credgraph.api.controllers.FeedbackController.REPORT))
        .query(
            "from",
            LocalDate.class,
            false,
            "first day of checks counted (default: the first check)")
        .query(
            "to",
            LocalDate.class,
            false,
            "last day of checks counted, and the day judged on (default today)")
        .query("by", String.class, false, "department (default), measure, domain or month")
        .query("overdue", Boolean.class, false, "true: only the overdue checks (groups left empty)")
        .ok(FeedbackReport.class, "the report")
        .errors(
            errors(
                400,
                "a date, by or overdue is invalid, or from is after to",
                401,
                AUTH_401,
                403,
                ROLE_403))
        .done();
    d.op("GET", "/api/v1/me")
        .summary(
            "me",
            "My credit file",
            "The caller's own credit file on asOf (a SUBJECT key, bound to one subject; no other key): itself with "
                + "its own ID number, every record about it with status, history and whether it is still published, "
                + "the measures and appointment restrictions in force on it with rule, basis, path and until-date "
                + "(other persons masked), its grade once graded, and its applications with every step. Audited.")
        .access(Optional.of(Role.SUBJECT))
        .query("asOf", LocalDate.class, false, "the day (default today, China Standard Time)")
        .ok(MeView.class, "the file")
        .errors(
            errors(
                400,
                "asOf is invalid",
                401,
                AUTH_401,
                403,
                "not a SUBJECT key",
                404,
                "the subject the key is bound to is not in the store"))
        .done();
    d.op("POST", "/api/v1/me/applications")
        .summary(
            "me",
            "File an objection or a repair application",
            "OBJECTION (异议) to an ACTIVE record of the caller's: the record is OBJECTED from today, a steward decides "
                + "within the list's objectionDays. REPAIR (信用修复) for a record of a repairable list, from decidedOn "
                + "plus the list's minPublication (earlier: 422 with firstAllowedOn): a steward decides within "
                + "repairDecisionDays. Audited.")
        .access(Optional.of(Role.SUBJECT))
        .jsonBody(ApplicationRequest.class, "type, record id, grounds")
        .json(201, Application.class, "the application with its state and due date")
        .errors(
            errors(
                400,
                "malformed JSON or a missing field",
                401,
                AUTH_401,
                403,
                "not a SUBJECT key",
                404,
                "no such record in the caller's file",
                409,
                "the record is not in a state for it, or the same "
                    + "kind of application on it is still being handled",
                422,
                "the list is not repairable, or too early: firstAllowedOn gives the first day"))
        .done();
    d.op("GET", "/api/v1/applications")
        .summary(
            "applications",
            "Application queue",
            "Objections and repair applications, those still to decide first, earliest due date first.")
        .access(Optional.of(Role.STEWARD))
        .query("state", Application.State.class, false, "FILED or DECIDED (default both)")
        .query("overdue", Boolean.class, false, "true: only FILED applications past their due date")
        .query("limit", Integer.class, false, "applications per page, 1-200 (default 50)")
        .query("cursor", String.class, false, "the 'next' value of the previous page")
        .ok(type(Page.class, Application.class), "a page of the queue")
        .errors(
            errors(400, "a parameter is invalid (field names it)", 401, AUTH_401, 403, ROLE_403))
        .done();
    d.op("POST", "/api/v1/applications/{id}/decision")
        .summary(
            "applications",
            "Decide an application",
            "UPHELD (the record is REVOKED, as if it never applied) or DISMISSED (back to ACTIVE) for an objection; "
                + "GRANTED (the record is REPAIRED from the decision day) or REFUSED for a repair application; on a "
                + "day (default today), with reasons the subject reads. Written through the engine: checks see it at "
                + "once. Audited.")
        .access(Optional.of(Role.STEWARD))
        .pathParam("id", "the application id (app-...)")
        .jsonBody(DecisionRequest.class, "decision, on, reasons")
        .ok(
            MeView.DecisionAnswer.class,
            "the application as decided and the record with its new status")
        .errors(
            errors(
                400,
                "malformed JSON, a missing field, no reasons, on before the filing day",
                401,
                AUTH_401,
                403,
                ROLE_403,
                404,
                "no such application",
                409,
                "already decided",
                422,
                "the decision does not fit the application's type"))
        .done();
  }
}
