package io.credgraph.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.credgraph.api.auth.Role;
import io.credgraph.model.SubjectKey;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The checks, the record lifecycle, what-if and alerts over HTTP, on the fixture city ({@link
 * Fixtures}): 张三 has a DISHONEST_JUDGMENT_DEBTOR record decided 2024-03-01 and has been LEGAL_REP
 * of 阿尔法 since 2016-04-12; 阿尔法 has a SERIOUS_ILLEGAL_DISHONEST record decided 2023-05-10, objected
 * to on 2025-01-10 (still in force, disputed); 贝塔 is an A-grade taxpayer since 2024-04-01. Each
 * test states the day it asks about.
 */
class ChecksIT {
  @RegisterExtension static final ApiServerExtension SERVER = ApiServerExtension.fixtures();
  static ApiServer server;
  static String alphaId;
  static String zhangId;

  @BeforeAll
  static void start() {
    server = SERVER.server();
    alphaId = server.subjectId(SubjectKey.uscc(Fixtures.ALPHA_USCC));
    zhangId = server.subjectId(SubjectKey.resident(Fixtures.ZHANG_ID));
  }

  static String appointment(String idNumber, String role, String asOf) {
    return "{\"person\":{\"idNumber\":\""
        + idNumber
        + "\"},\"role\":\""
        + role
        + "\""
        + (asOf == null ? "" : ",\"asOf\":\"" + asOf + "\"")
        + "}";
  }

  @Test
  void judgmentDebtorMayNotBeLegalRepUnderCompanyLaw2023() {
    // 2025-06-01: the 2023 Company Law (art. 178) applies; the judgment-debtor record is in force
    // since 2024-03-01
    ApiServer.Answer a =
        server.post(
            "/api/v1/checks/appointment",
            Role.REGISTRY,
            appointment(Fixtures.ZHANG_ID, "LEGAL_REP", "2025-06-01"));
    assertEquals(200, a.status(), a.body());
    JsonNode j = a.json();
    assertFalse(j.path("eligible").asBoolean());
    assertEquals("2025-06-01", j.path("asOf").asText());
    List<String> rules = new ArrayList<>();
    j.path("reasons").forEach(r -> rules.add(r.path("rule").asText()));
    assertTrue(rules.contains("CL178-5"), rules.toString());
    JsonNode r = find(j.path("reasons"), "rule", "CL178-5");
    assertEquals("COURT-2024-0001", r.path("record").asText());
    assertEquals("2024-03-01", r.path("restrictedFrom").asText());
    assertFalse(r.has("restrictedUntil"), "open-ended while the record is in force");
    assertTrue(r.path("basis").asText().contains("公司法"), r.path("basis").asText());
    assertEquals(zhangId, r.path("path").get(0).path("id").asText());
    assertEquals(
        "1101**********002X",
        j.path("key").path("idNumber").asText(),
        "REGISTRY sees masked numbers");
    assertFalse(a.body().contains(Fixtures.ZHANG_ID));
  }

  @Test
  void beforeJuly2024TheOldCompanyLawArticleApplies() {
    // 2024-05-01: Company Law 2018, art. 146
    JsonNode j =
        server
            .post(
                "/api/v1/checks/appointment",
                Role.REGISTRY,
                appointment(Fixtures.ZHANG_ID, "DIRECTOR", "2024-05-01"))
            .json();
    assertFalse(j.path("eligible").asBoolean());
    assertEquals(
        "CL146-5", find(j.path("reasons"), "record", "COURT-2024-0001").path("rule").asText());
  }

  @Test
  void theDayBeforeTheDecisionThePersonIsEligible() {
    // 2024-02-29: the record does not exist yet; the 阿尔法 record (EIP17) restricts only LEGAL_REP
    // elsewhere
    JsonNode j =
        server
            .post(
                "/api/v1/checks/appointment",
                Role.REGISTRY,
                appointment(Fixtures.ZHANG_ID, "SUPERVISOR", "2024-02-29"))
            .json();
    assertTrue(j.path("eligible").asBoolean(), j.toString());
    assertEquals(0, j.path("reasons").size());
  }

  @Test
  void aPersonWithoutRecordsIsEligibleAndInvestigatorsSeeTheFullNumber() {
    JsonNode j =
        server
            .post(
                "/api/v1/checks/appointment",
                Role.INVESTIGATOR,
                appointment(Fixtures.LI_ID, "LEGAL_REP", "2025-06-01"))
            .json();
    assertTrue(j.path("eligible").asBoolean());
    assertEquals(Fixtures.LI_ID, j.path("key").path("idNumber").asText());
  }

  @Test
  void sanctionsAnswerOneResultPerSubjectInOrder() {
    // 2025-06-01, GOV_PROCUREMENT: 阿尔法's serious-illegal record is objected to but stays in force
    // (disputed)
    String unknown = Fixtures.uscc("91440000000000999");
    ApiServer.Answer a =
        server.post(
            "/api/v1/checks/sanctions",
            Role.DEPARTMENT,
            "{\"subjects\":[{\"uscc\":\""
                + Fixtures.ALPHA_USCC
                + "\"},{\"uscc\":\""
                + Fixtures.BETA_USCC
                + "\"},"
                + "{\"uscc\":\""
                + unknown
                + "\"}],\"domain\":\"GOV_PROCUREMENT\",\"asOf\":\"2025-06-01\"}");
    assertEquals(200, a.status(), a.body());
    JsonNode results = a.json().path("results");
    assertEquals(3, results.size());
    JsonNode alpha = results.get(0);
    assertEquals(alphaId, alpha.path("subject").path("id").asText());
    assertTrue(alpha.path("restricted").asBoolean());
    JsonNode m = find(alpha.path("measures"), "rule", "JS-SID");
    assertEquals("GOV_PROCUREMENT", m.path("domain").asText());
    assertEquals("RESTRICT", m.path("kind").asText());
    assertEquals("SAMR-2023-0042", m.path("records").get(0).asText());
    assertTrue(m.path("disputed").asBoolean());
    assertEquals("2023-05-10", m.path("from").asText());
    assertFalse(results.get(1).path("restricted").asBoolean());
    assertEquals(Fixtures.BETA_USCC, results.get(1).path("subject").path("uscc").asText());
    assertFalse(results.get(2).has("subject"), "an unknown USCC has no subject");
    assertEquals(unknown, results.get(2).path("key").path("uscc").asText());
    assertFalse(results.get(2).path("restricted").asBoolean());
  }

  @Test
  void aLegalRepReachedThroughThePathCarriesTheRelation() {
    // 张三 was LEGAL_REP of 阿尔法 on 2023-05-10, the day of its serious-illegal record: JS-SID-REP
    // (HONOURS)
    JsonNode r =
        server
            .post(
                "/api/v1/checks/sanctions",
                Role.DEPARTMENT,
                "{\"subjects\":[{\"idNumber\":\""
                    + Fixtures.ZHANG_ID
                    + "\"}],\"domain\":\"HONOURS\",\"asOf\":\"2025-06-01\"}")
            .json()
            .path("results")
            .get(0);
    JsonNode m = find(r.path("measures"), "rule", "JS-SID-REP");
    JsonNode path = m.path("path");
    assertEquals(3, path.size(), path.toString());
    assertEquals(zhangId, path.get(0).path("id").asText());
    assertEquals("LEGAL_REP", path.get(1).path("rel").asText());
    assertEquals("2016-04-12", path.get(1).path("since").asText());
    assertEquals(alphaId, path.get(2).path("id").asText());
    assertEquals("1101**********002X", path.get(0).path("idNumber").asText());
  }

  @Test
  void aDepartmentSeesTheProfileOfASubjectItHasChecked() {
    assertEquals(403, server.get("/api/v1/subjects/" + alphaId, Role.DEPARTMENT).status());
    server.post(
        "/api/v1/checks/sanctions",
        Role.DEPARTMENT,
        "{\"subjects\":[{\"uscc\":\"" + Fixtures.ALPHA_USCC + "\"}]}");
    ApiServer.Answer a = server.get("/api/v1/subjects/" + alphaId, Role.DEPARTMENT);
    assertEquals(200, a.status(), a.body());
    assertTrue(a.json().path("measures").size() > 0, "measures in force on the profile");
    assertFalse(a.json().has("associatedRisk"), "associated risk is for investigators");
    assertFalse(
        a.body().contains(Fixtures.ZHANG_ID), "the legal representative's number is masked");
    assertEquals(
        403,
        server.get("/api/v1/subjects/" + alphaId, Role.REGISTRY).status(),
        "another key has not checked it");
  }

  @Test
  void investigatorsSeeAssociatedRiskOnProfiles() {
    JsonNode p =
        server.get("/api/v1/subjects/" + zhangId + "?asOf=2025-06-01", Role.INVESTIGATOR).json();
    assertTrue(
        p.path("associatedRisk").path("score").asDouble() > 0, p.path("associatedRisk").toString());
    assertTrue(p.path("appointmentRestrictions").size() > 0);
  }

  @Test
  void everyCheckIsAudited() {
    long before = server.audit.size();
    server.post(
        "/api/v1/checks/appointment",
        Role.REGISTRY,
        appointment(Fixtures.LI_ID, "DIRECTOR", "2025-06-01"));
    server.post(
        "/api/v1/checks/appointment",
        Role.REGISTRY,
        appointment(Fixtures.LI_ID, "DIRECTOR", "2025-06-01"));
    assertEquals(before + 2, server.audit.size(), "a cache hit is audited too");
    String metrics = server.get("/metrics", Role.ADMIN).body();
    assertTrue(
        metrics.contains("credgraph_audit_entries_total " + (before + 2) + ".0"),
        "the entries in /metrics: " + metrics);
    double groups =
        metrics
            .lines()
            .filter(l -> l.startsWith("credgraph_audit_groups_total "))
            .mapToDouble(l -> Double.parseDouble(l.substring(l.indexOf(' ') + 1)))
            .findFirst()
            .orElseThrow();
    assertTrue(groups >= 2, "two checks one after the other are two fsyncs at least: " + groups);
    JsonNode last =
        server.get("/api/v1/audit?who=registry&cursor=" + before, Role.ADMIN).json().path("items");
    assertEquals("/api/v1/checks/appointment", last.get(0).path("route").asText());
    assertTrue(last.get(0).path("outcome").asText().startsWith("eligible=true"));
  }

  @Test
  void aCachedAnswerIsRecomputedAfterAStatusChange(@TempDir Path other) {
    // a server of its own: the record is revoked on 2025-05-01, after which 张三's judgment-debtor
    // restriction is gone
    try (ApiServer s = new ApiServer(other)) {
      Fixtures.load(s.engine.writer());
      String check = appointment(Fixtures.ZHANG_ID, "DIRECTOR", "2025-06-01");
      assertFalse(
          s.post("/api/v1/checks/appointment", Role.REGISTRY, check)
              .json()
              .path("eligible")
              .asBoolean());
      assertFalse(
          s.post("/api/v1/checks/appointment", Role.REGISTRY, check)
              .json()
              .path("eligible")
              .asBoolean());
      String metrics = s.get("/metrics", Role.ADMIN).body();
      assertTrue(
          metrics.contains("cache_gets_total{cache=\"appointment_checks\",result=\"hit\"} 1.0"),
          metrics);
      ApiServer.Answer revoke =
          s.post(
              "/api/v1/records/COURT-2024-0001/status",
              Role.STEWARD,
              "{\"status\":\"REVOKED\",\"on\":\"2025-05-01\",\"note\":\"decision annulled on appeal\"}");
      assertEquals(200, revoke.status(), revoke.body());
      assertEquals("REVOKED", revoke.json().path("status").asText());
      assertEquals("REVOKED", revoke.json().path("history").get(0).path("event").asText());
      JsonNode after = s.post("/api/v1/checks/appointment", Role.REGISTRY, check).json();
      assertTrue(after.path("eligible").asBoolean(), "a revoked record never restricts: " + after);
      ApiServer.Answer again =
          s.post(
              "/api/v1/records/COURT-2024-0001/status",
              Role.STEWARD,
              "{\"status\":\"ACTIVE\",\"on\":\"2025-05-02\"}");
      assertEquals(400, again.status(), "REVOKED is final");
      assertEquals("status", again.json().path("field").asText());
      assertEquals(
          404,
          s.post(
                  "/api/v1/records/NO-SUCH/status",
                  Role.STEWARD,
                  "{\"status\":\"OBJECTED\",\"on\":\"2025-05-02\"}")
              .status());
      assertEquals(
          403,
          s.post(
                  "/api/v1/records/COURT-2024-0001/status",
                  Role.INVESTIGATOR,
                  "{\"status\":\"OBJECTED\",\"on\":\"2025-05-02\"}")
              .status());
    }
  }

  @Test
  void whatIfShowsWhoAHypotheticalRecordWouldReachWithoutStoringIt() {
    // a judgment-debtor record on 阿尔法 decided 2025-06-01: its legal representative 张三 is reached
    // (JS-CONSUMPTION)
    long version = server.store.version();
    ApiServer.Answer a =
        server.post(
            "/api/v1/simulations",
            Role.INVESTIGATOR,
            "{\"subject\":{\"uscc\":\""
                + Fixtures.ALPHA_USCC
                + "\"},\"list\":\"DISHONEST_JUDGMENT_DEBTOR\","
                + "\"asOf\":\"2025-06-01\"}");
    assertEquals(200, a.status(), a.body());
    List<String> reached = new ArrayList<>();
    a.json().path("affected").forEach(i -> reached.add(i.path("subject").path("id").asText()));
    assertTrue(reached.contains(alphaId) && reached.contains(zhangId), reached.toString());
    assertEquals(version, server.store.version(), "nothing stored");
    assertEquals(403, server.post("/api/v1/simulations", Role.REGISTRY, "{}").status());
  }

  @Test
  void alertsListSittingOfficersWhoBecameIneligible() {
    // 2025-06-01: 张三 is LEGAL_REP of 阿尔法 while a judgment debtor: a SITTING_OFFICER alert
    ApiServer.Answer a =
        server.get("/api/v1/alerts?kind=SITTING_OFFICER&asOf=2025-06-01", Role.INVESTIGATOR);
    assertEquals(200, a.status(), a.body());
    JsonNode alert = a.json().path("items").get(0);
    assertEquals("SITTING_OFFICER", alert.path("kind").asText());
    assertEquals(zhangId, alert.path("subject").path("id").asText());
    assertEquals(alphaId, alert.path("organisation").path("id").asText());
    assertEquals("LEGAL_REP", alert.path("role").asText());
    ApiServer.Answer bad = server.get("/api/v1/alerts?kind=NOPE", Role.INVESTIGATOR);
    assertEquals(400, bad.status());
    assertEquals("kind", bad.json().path("field").asText());
  }

  static JsonNode find(JsonNode array, String field, String value) {
    for (JsonNode n : array) {
      if (n.path(field).asText().equals(value)) {
        return n;
      }
    }
    throw new AssertionError("no element with " + field + "=" + value + " in " + array);
  }
}
