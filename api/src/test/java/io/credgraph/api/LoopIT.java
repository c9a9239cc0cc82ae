package io.credgraph.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.credgraph.api.auth.Role;
import io.credgraph.model.CreditRecord;
import io.credgraph.model.SubjectKey;
import io.credgraph.store.WriteBatch;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The joint-sanction loop over HTTP on the fixture city ({@link Fixtures}); the server's clock says
 * 2025-06-01. 阿尔法 holds SERIOUS_ILLEGAL_DISHONEST record SAMR-2023-0042 decided 2023-05-10
 * (objected to on 2025-01-10, still in force), whose measures reach 阿尔法 itself and 张三, its legal
 * representative; 张三 holds the court's DISHONEST_JUDGMENT_DEBTOR record COURT-2024-0001. The
 * DEPARTMENT key belongs to MARKET_REGULATION.
 */
class LoopIT {
  static final String TAX_KEY = "tax-department-key-0123456789abcdefghij";

  record City(ApiServer server, String alphaId, String zhangId, String betaId)
      implements AutoCloseable {
    static City open(Path dir) {
      ApiServer s = new ApiServer(dir);
      Fixtures.load(s.engine.writer());
      return new City(
          s,
          id(s, SubjectKey.uscc(Fixtures.ALPHA_USCC)),
          id(s, SubjectKey.resident(Fixtures.ZHANG_ID)),
          id(s, SubjectKey.uscc(Fixtures.BETA_USCC)));
    }

    static String id(ApiServer s, SubjectKey k) {
      return s.subjectId(k);
    }

    @Override
    public void close() {
      server.close();
    }
  }

  static String sanctions(String uscc, String asOf) {
    return "{\"subjects\":[{\"uscc\":\"" + uscc + "\"}],\"asOf\":\"" + asOf + "\"}";
  }

  static JsonNode check(ApiServer s, String asOf) {
    ApiServer.Answer a =
        s.post("/api/v1/checks/sanctions", Role.DEPARTMENT, sanctions(Fixtures.ALPHA_USCC, asOf));
    assertEquals(200, a.status(), a.body());
    return a.json();
  }

  /**
   * Only a department's checks take feedback, so only they are remembered: an investigator's and a
   * registry clerk's checks that found the same measures leave no line in the journal and no check
   * to report on (a registry at its counter would otherwise grow the journal and the server's
   * memory with every restricted person, for nothing).
   */
  @Test
  void checksByKeysOfNoDepartmentAreNotRemembered(@TempDir Path dir) throws Exception {
    try (City c = City.open(dir)) {
      ApiServer s = c.server();
      Path journal = dir.resolve("checks.jsonl");
      ApiServer.Answer byInvestigator =
          s.post(
              "/api/v1/checks/sanctions",
              Role.INVESTIGATOR,
              sanctions(Fixtures.ALPHA_USCC, "2025-06-01"));
      assertEquals(200, byInvestigator.status(), byInvestigator.body());
      assertTrue(
          byInvestigator.json().path("results").get(0).path("measures").size() >= 2,
          "the same measures as a department's check: " + byInvestigator.body());
      ApiServer.Answer byRegistry =
          s.checkAppointment(Role.REGISTRY, Fixtures.ZHANG_ID, "LEGAL_REP", "2025-06-01");
      assertEquals(200, byRegistry.status(), byRegistry.body());
      assertFalse(byRegistry.json().path("eligible").asBoolean(), byRegistry.body());
      for (ApiServer.Answer a : List.of(byInvestigator, byRegistry)) {
        String id = a.json().path("checkId").asText();
        assertTrue(id.startsWith("chk-"), "every check answer carries a checkId: " + a.body());
        ApiServer.Answer read = s.get("/api/v1/checks/" + id + "/feedback", Role.ADMIN);
        assertEquals(404, read.status(), read.body());
      }
      assertEquals(0, Files.exists(journal) ? Files.readAllLines(journal).size() : 0);

      String departments = check(s, "2025-06-01").path("checkId").asText();
      assertEquals(1, Files.readAllLines(journal).size(), "the department's check is remembered");
      assertEquals(200, s.get("/api/v1/checks/" + departments + "/feedback", Role.ADMIN).status());
    }
  }

  @Test
  void theDepartmentThatCheckedFeedsBackCorrectsAndTheReportCountsIt(@TempDir Path dir) {
    try (City c = City.open(dir)) {
      ApiServer s = c.server();
      JsonNode answer = check(s, "2025-06-01");
      String checkId = answer.path("checkId").asText();
      assertTrue(checkId.startsWith("chk-"), answer.toString());
      JsonNode measures = answer.path("results").get(0).path("measures");
      assertTrue(measures.size() >= 2, "阿尔法 is under several measures: " + measures);
      String m1 = measures.get(0).path("measure").asText();
      String m2 = measures.get(1).path("measure").asText();

      ApiServer.Answer first =
          s.post(
              "/api/v1/checks/" + checkId + "/feedback",
              Role.DEPARTMENT,
              "{\"feedback\":[{\"measure\":\""
                  + m1
                  + "\",\"subject\":\""
                  + c.alphaId()
                  + "\",\"outcome\":\"APPLIED\"},"
                  + "{\"measure\":\""
                  + m2
                  + "\",\"subject\":\""
                  + c.alphaId()
                  + "\",\"outcome\":\"NOT_APPLIED\","
                  + "\"reason\":\"NOT_IN_SCOPE\",\"note\":\"the tender is not public procurement\"}]}");
      assertEquals(200, first.status(), first.body());
      assertEquals(1, first.json().path("versions").size());
      // a correction: the second measure was applied after all
      ApiServer.Answer second =
          s.post(
              "/api/v1/checks/" + checkId + "/feedback",
              Role.DEPARTMENT,
              "{\"feedback\":[{\"measure\":\""
                  + m2
                  + "\",\"subject\":\""
                  + c.alphaId()
                  + "\",\"outcome\":\"APPLIED\"}]}");
      assertEquals(200, second.status(), second.body());
      JsonNode fb = second.json();
      assertEquals(2, fb.path("versions").size(), "every version is kept");
      assertEquals(
          "NOT_APPLIED",
          fb.path("versions").get(0).path("feedback").get(1).path("outcome").asText());
      for (JsonNode item : fb.path("items")) {
        if (item.path("subject").asText().equals(c.alphaId())
            && (item.path("measure").asText().equals(m1)
                || item.path("measure").asText().equals(m2))) {
          assertEquals("APPLIED", item.path("outcome").asText(), item.toString());
        }
      }

      JsonNode report =
          s.get("/api/v1/feedback?from=2025-06-01&to=2025-06-01", Role.STEWARD).json();
      JsonNode dept = report.path("groups").get(0);
      assertEquals(ApiServer.DEPARTMENT, dept.path("key").asText(), report.toString());
      assertTrue(dept.path("counts").path("applied").asInt() >= 2, report.toString());
      assertEquals(
          0,
          dept.path("counts").path("notApplied").asInt(),
          "the correction counts, not the first word");
      assertEquals(1.0, dept.path("counts").path("shareApplied").asDouble(), 1e-9);
      JsonNode byMonth = s.get("/api/v1/feedback?by=month&to=2025-06-01", Role.STEWARD).json();
      assertEquals("2025-06", byMonth.path("groups").get(0).path("key").asText());

      // audited, with the checkId as reference of the check's audit entry
      JsonNode audit = s.get("/api/v1/audit?who=department", Role.ADMIN).json().path("items");
      List<String> outcomes = new ArrayList<>();
      audit.forEach(e -> outcomes.add(e.path("outcome").asText()));
      assertTrue(
          outcomes.stream().anyMatch(o -> o.contains("checkId=" + checkId)), outcomes.toString());
      assertTrue(
          outcomes.stream().anyMatch(o -> o.startsWith("feedback v2 on " + checkId)),
          outcomes.toString());
    }
  }

  @Test
  void feedbackComesOnlyFromTheDepartmentThatCheckedAndOnlyOnMeasuresFound(@TempDir Path dir) {
    try (City c = City.open(dir)) {
      ApiServer s = c.server();
      s.addKey("tax:" + TAX_KEY + ":DEPARTMENT:TAX");
      String checkId = check(s, "2025-06-01").path("checkId").asText();
      String measure =
          check(s, "2025-06-01")
              .path("results")
              .get(0)
              .path("measures")
              .get(0)
              .path("measure")
              .asText();
      String body =
          "{\"feedback\":[{\"measure\":\""
              + measure
              + "\",\"subject\":\""
              + c.alphaId()
              + "\",\"outcome\":\"APPLIED\"}]}";
      ApiServer.Answer other =
          s.send("POST", "/api/v1/checks/" + checkId + "/feedback", TAX_KEY, body);
      assertEquals(403, other.status(), other.body());
      assertTrue(
          other.json().path("detail").asText().contains("not run by department TAX"), other.body());
      assertEquals(
          403,
          s.post("/api/v1/checks/" + checkId + "/feedback", Role.STEWARD, body).status(),
          "a steward belongs to no department");
      assertEquals(
          404,
          s.post("/api/v1/checks/chk-0000000000000000/feedback", Role.DEPARTMENT, body).status());
      ApiServer.Answer wrong =
          s.post(
              "/api/v1/checks/" + checkId + "/feedback",
              Role.DEPARTMENT,
              "{\"feedback\":[{\"measure\":\"NO-SUCH-MEASURE\",\"subject\":\""
                  + c.alphaId()
                  + "\",\"outcome\":\"APPLIED\"}]}");
      assertEquals(400, wrong.status(), wrong.body());
      assertTrue(
          wrong.json().path("detail").asText().contains("found no measure NO-SUCH-MEASURE"),
          wrong.body());
      ApiServer.Answer noReason =
          s.post(
              "/api/v1/checks/" + checkId + "/feedback",
              Role.DEPARTMENT,
              "{\"feedback\":[{\"measure\":\""
                  + measure
                  + "\",\"subject\":\""
                  + c.alphaId()
                  + "\",\"outcome\":\"NOT_APPLIED\"}]}");
      assertEquals(400, noReason.status(), noReason.body());
      assertEquals(
          200, s.post("/api/v1/checks/" + checkId + "/feedback", Role.DEPARTMENT, body).status());
    }
  }

  @Test
  void checksWithoutFeedbackAreOverdueAfterFeedbackDaysAndRememberedAcrossRestarts(
      @TempDir Path dir) {
    String checkId;
    try (City c = City.open(dir)) {
      checkId = check(c.server(), "2025-06-01").path("checkId").asText();
      // checked 2025-06-01, 10 feedback days: due 2025-06-11, overdue from 2025-06-12
      JsonNode onDue =
          c.server().get("/api/v1/feedback?to=2025-06-11&overdue=true", Role.STEWARD).json();
      assertEquals(0, onDue.path("overdue").size(), onDue.toString());
      JsonNode after =
          c.server().get("/api/v1/feedback?to=2025-06-12&overdue=true", Role.STEWARD).json();
      assertEquals(1, after.path("overdue").size(), after.toString());
      assertEquals(checkId, after.path("overdue").get(0).path("checkId").asText());
      assertEquals("2025-06-11", after.path("overdue").get(0).path("dueOn").asText());
      assertEquals(0, after.path("groups").size());
    }
    assertTrue(Files.exists(dir.resolve("checks.jsonl")));
    try (City again = City.open(dir)) {
      JsonNode after = again.server().get("/api/v1/feedback?to=2025-06-12", Role.STEWARD).json();
      assertEquals(
          checkId,
          after.path("overdue").get(0).path("checkId").asText(),
          "the check survived the restart");
    }
  }

  @Test
  void aSubjectSeesItsOwnFileAndNothingElse(@TempDir Path dir) {
    try (City c = City.open(dir)) {
      ApiServer s = c.server();
      s.bindSubject(c.zhangId());
      ApiServer.Answer me = s.get("/api/v1/me?asOf=2025-06-01", Role.SUBJECT);
      assertEquals(200, me.status(), me.body());
      JsonNode j = me.json();
      assertEquals(
          Fixtures.ZHANG_ID,
          j.path("subject").path("idNumber").asText(),
          "its own ID number, unmasked");
      List<String> records = new ArrayList<>();
      j.path("records").forEach(r -> records.add(r.path("record").path("id").asText()));
      assertEquals(List.of("COURT-2024-0001"), records);
      assertTrue(j.path("records").get(0).path("published").asBoolean());
      assertFalse(
          j.path("records").get(0).path("repairable").asBoolean(),
          "a court list ends by the court");
      List<String> rules = new ArrayList<>();
      j.path("measures").forEach(m -> rules.add(m.path("rule").asText()));
      assertFalse(
          rules.isEmpty(), "measures in force on 张三 with their rules: " + j.path("measures"));
      assertFalse(
          me.body().contains(Fixtures.LI_ID) || me.body().contains("李四"), "nobody else's data");

      assertEquals(403, s.get("/api/v1/subjects/" + c.betaId(), Role.SUBJECT).status());
      assertEquals(
          403,
          s.get("/api/v1/subjects/" + c.zhangId(), Role.SUBJECT).status(),
          "its own profile is /api/v1/me, not the departments' route");
      assertEquals(
          403,
          s.post(
                  "/api/v1/checks/sanctions",
                  Role.SUBJECT,
                  sanctions(Fixtures.BETA_USCC, "2025-06-01"))
              .status());
      assertEquals(403, s.get("/api/v1/applications", Role.SUBJECT).status());
      assertEquals(
          200,
          s.get("/api/v1/lists/DISHONEST_JUDGMENT_DEBTOR", Role.SUBJECT).status(),
          "public routes");
      assertEquals(
          403,
          s.get("/api/v1/me", Role.ADMIN).status(),
          "the file answers the subject's own key only");
    }
  }

  @Test
  void aRepairGrantedEndsTheRestrictionOnTheDecisionDay(@TempDir Path dir) {
    try (City c = City.open(dir)) {
      ApiServer s = c.server();
      s.bindSubject(c.alphaId());
      ApiServer.Answer filed =
          s.post(
              "/api/v1/me/applications",
              Role.SUBJECT,
              "{\"type\":\"REPAIR\","
                  + "\"record\":\"SAMR-2023-0042\",\"grounds\":\"the violation is corrected and a commitment published\"}");
      assertEquals(201, filed.status(), filed.body());
      String id = filed.json().path("id").asText();
      assertEquals("FILED", filed.json().path("state").asText());
      assertEquals(
          "2025-06-16",
          filed.json().path("dueOn").asText(),
          "filed 2025-06-01 + 15 repairDecisionDays");
      assertEquals(
          409,
          s.post(
                  "/api/v1/me/applications",
                  Role.SUBJECT,
                  "{\"type\":\"REPAIR\"," + "\"record\":\"SAMR-2023-0042\",\"grounds\":\"again\"}")
              .status(),
          "one repair at a time");

      JsonNode queue = s.get("/api/v1/applications?state=FILED", Role.STEWARD).json();
      assertEquals(id, queue.path("items").get(0).path("id").asText());
      assertEquals(
          0, s.get("/api/v1/applications?overdue=true", Role.STEWARD).json().path("items").size());

      ApiServer.Answer wrongKind =
          s.post(
              "/api/v1/applications/" + id + "/decision",
              Role.STEWARD,
              "{\"decision\":\"UPHELD\",\"reasons\":[\"x\"]}");
      assertEquals(422, wrongKind.status(), wrongKind.body());
      ApiServer.Answer granted =
          s.post(
              "/api/v1/applications/" + id + "/decision",
              Role.STEWARD,
              "{\"decision\":\"GRANTED\",\"on\":\"2025-06-05\",\"reasons\":[\"correction verified on site\"]}");
      assertEquals(200, granted.status(), granted.body());
      assertEquals("REPAIRED", granted.json().path("record").path("status").asText());
      assertEquals(
          409,
          s.post(
                  "/api/v1/applications/" + id + "/decision",
                  Role.STEWARD,
                  "{\"decision\":\"REFUSED\",\"reasons\":[\"x\"]}")
              .status(),
          "decided once");

      // 2025-06-04 still restricted; from the decision day 2025-06-05 the record no longer applies
      assertTrue(check(s, "2025-06-04").path("results").get(0).path("restricted").asBoolean());
      JsonNode on = check(s, "2025-06-05").path("results").get(0);
      assertFalse(on.path("restricted").asBoolean(), on.toString());
      assertEquals(0, on.path("measures").size(), on.toString());

      JsonNode me = s.get("/api/v1/me?asOf=2025-06-05", Role.SUBJECT).json();
      JsonNode app = me.path("applications").get(0);
      assertEquals("DECIDED", app.path("state").asText());
      assertEquals("GRANTED", app.path("decision").path("decision").asText());
      assertEquals(
          "correction verified on site", app.path("decision").path("reasons").get(0).asText());
      assertEquals(2, app.path("steps").size(), "the subject sees every step");
      assertEquals("REPAIRED", me.path("records").get(0).path("record").path("status").asText());
    }
  }

  @Test
  void repairsWaitForTheMinimumPublicationAndObjectionsPutTheRecordInObjected(@TempDir Path dir) {
    try (City c = City.open(dir)) {
      ApiServer s = c.server();
      s.write(
          WriteBatch.builder()
              .record(
                  CreditRecord.of(
                      "SAMR-2025-0100",
                      SubjectKey.uscc(Fixtures.ALPHA_USCC),
                      "SERIOUS_ILLEGAL_DISHONEST",
                      "MARKET_REGULATION",
                      LocalDate.of(2025, 3, 1)))
              .build());
      s.bindSubject(c.alphaId());
      ApiServer.Answer early =
          s.post(
              "/api/v1/me/applications",
              Role.SUBJECT,
              "{\"type\":\"REPAIR\"," + "\"record\":\"SAMR-2025-0100\",\"grounds\":\"corrected\"}");
      assertEquals(422, early.status(), early.body());
      assertEquals(
          "2026-03-01", early.json().path("firstAllowedOn").asText(), "decided 2025-03-01 + P1Y");
      assertTrue(early.json().path("detail").asText().contains("2026-03-01"));
      assertEquals(
          404,
          s.post(
                  "/api/v1/me/applications",
                  Role.SUBJECT,
                  "{\"type\":\"OBJECTION\","
                      + "\"record\":\"COURT-2024-0001\",\"grounds\":\"not mine\"}")
              .status(),
          "another subject's record");

      ApiServer.Answer objection =
          s.post(
              "/api/v1/me/applications",
              Role.SUBJECT,
              "{\"type\":\"OBJECTION\","
                  + "\"record\":\"SAMR-2025-0100\",\"grounds\":\"the decision names the wrong company\"}");
      assertEquals(201, objection.status(), objection.body());
      assertEquals(
          "2025-06-16",
          objection.json().path("dueOn").asText(),
          "filed 2025-06-01 + 15 objectionDays");
      assertEquals("OBJECTED", objection.json().path("recordStatus").asText());
      String id = objection.json().path("id").asText();
      JsonNode disputed = check(s, "2025-06-01").path("results").get(0).path("measures");
      boolean anyDisputedFromNew = false;
      for (JsonNode m : disputed) {
        anyDisputedFromNew |=
            m.path("records").toString().contains("SAMR-2025-0100")
                && m.path("disputed").asBoolean();
      }
      assertTrue(anyDisputedFromNew, disputed.toString());
      // overdue after its due day, judged on today: the server's clock is fixed on 2025-06-01, so
      // none yet
      assertEquals(
          0, s.get("/api/v1/applications?overdue=true", Role.STEWARD).json().path("items").size());

      ApiServer.Answer upheld =
          s.post(
              "/api/v1/applications/" + id + "/decision",
              Role.STEWARD,
              "{\"decision\":\"UPHELD\",\"on\":\"2025-06-03\",\"reasons\":[\"the register shows another company\"]}");
      assertEquals(200, upheld.status(), upheld.body());
      assertEquals("REVOKED", upheld.json().path("application").path("recordStatus").asText());
      // REVOKED: as if it never applied, for every date
      JsonNode before = check(s, "2025-04-01").path("results").get(0).path("measures");
      assertFalse(before.toString().contains("SAMR-2025-0100"), before.toString());
    }
  }

  @Test
  void aKeyAddedToTheKeysFileWorksWithoutARestart(@TempDir Path dir) {
    try (City c = City.open(dir)) {
      ApiServer s = c.server();
      assertEquals(401, s.send("GET", "/api/v1/feedback", TAX_KEY, null).status());
      s.addKey("ops:" + TAX_KEY + ":STEWARD");
      assertEquals(200, s.send("GET", "/api/v1/feedback", TAX_KEY, null).status());
    }
  }
}
