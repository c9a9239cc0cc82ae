package io.credgraph.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.credgraph.api.auth.Role;
import io.credgraph.model.ResidentId;
import io.credgraph.model.SubjectKey;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * No enumeration (issue #13 item 3), on the fixtures city with the server's clock at 2025-06-01
 * 10:00 China Standard Time: rate limits per address and per key answer 429 with Retry-After
 * (/health exempt); the public lists answer only from the earliest configured day to today; a
 * DEPARTMENT key learns no person's name from a check and reads no person's profile; a key that
 * checks many distinct persons raises an ALERT in the audit log.
 */
class GuardsIT {
  static final String LIST = "/api/v1/lists/DISHONEST_JUDGMENT_DEBTOR";

  static ApiServer server(Path dir, Protections p) {
    return ApiServer.withFixtures(dir, p, c -> c);
  }

  @Test
  void beyondItsBucketAnAddressOrAKeyGets429WithRetryAfterAndHealthIsExempt(@TempDir Path dir) {
    // anonymous: 0.05 request/s with bursts of 4; a key: 0.05 request/s (a burst of 1)
    try (ApiServer s = server(dir, Protections.defaults().withRates(0.05, 4, 0.05))) {
      s.get(
          "/health",
          null); // the test client reads /openapi.json once (anonymous): 3 tokens are left
      for (int i = 0; i < 3; i++) {
        assertEquals(
            200, s.get(LIST, null).status(), "request " + (i + 1) + " is within the burst");
      }
      ApiServer.Answer limited = s.get(LIST, null);
      assertEquals(429, limited.status(), limited.body());
      assertEquals("urn:credgraph:problem:too-many-requests", limited.json().path("type").asText());
      long retry = Long.parseLong(limited.raw().headers().firstValue("Retry-After").orElseThrow());
      assertTrue(
          retry >= 1 && retry <= 20, "Retry-After " + retry + " s: one token comes back in 20 s");
      assertTrue(
          limited.json().path("detail").asText().contains("0.05 requests per second"),
          limited.body());
      for (int i = 0; i < 20; i++) {
        assertEquals(200, s.get("/health", null).status(), "/health is never limited");
      }
      String check = "{\"person\":{\"idNumber\":\"" + Fixtures.LI_ID + "\"},\"role\":\"DIRECTOR\"}";
      assertEquals(200, s.post("/api/v1/checks/appointment", Role.REGISTRY, check).status());
      ApiServer.Answer keyed = s.post("/api/v1/checks/appointment", Role.REGISTRY, check);
      assertEquals(429, keyed.status(), keyed.body());
      assertTrue(keyed.raw().headers().firstValue("Retry-After").isPresent());
      assertEquals(
          200,
          s.post("/api/v1/checks/appointment", Role.STEWARD, check).status(),
          "each key has its own bucket");
    }
  }

  @Test
  void thePublicListsAnswerFromTheEarliestDayToTodayOnly(@TempDir Path dir) {
    try (ApiServer s = server(dir, Protections.defaults())) {
      assertEquals(
          200, s.get(LIST + "?asOf=2025-06-01", null).status(), "today in China Standard Time");
      assertEquals(200, s.get(LIST + "?asOf=2014-01-01", null).status(), "the earliest day");
      for (String day : new String[] {"2025-06-02", "2999-01-01", "2013-12-31", "1900-01-01"}) {
        ApiServer.Answer a = s.get(LIST + "?asOf=" + day, null);
        assertEquals(400, a.status(), day + ": " + a.body());
        assertEquals("asOf", a.json().path("field").asText(), a.body());
      }
    }
  }

  @Test
  void aDepartmentKeyLearnsNoPersonsNameAndReadsNoPersonsProfile(@TempDir Path dir) {
    try (ApiServer s = server(dir, Protections.defaults())) {
      String zhang = s.subjectId(SubjectKey.resident(Fixtures.ZHANG_ID));
      String alpha = s.subjectId(SubjectKey.uscc(Fixtures.ALPHA_USCC));
      String body =
          "{\"subjects\":[{\"idNumber\":\""
              + Fixtures.ZHANG_ID
              + "\"},{\"uscc\":\""
              + Fixtures.ALPHA_USCC
              + "\"}]}";
      ApiServer.Answer dept = s.post("/api/v1/checks/sanctions", Role.DEPARTMENT, body);
      assertEquals(200, dept.status(), dept.body());
      // 张三 is a judgment debtor since 2024-03-01: restricted, and the answer says so with the
      // masked key only
      assertTrue(dept.json().path("results").get(0).path("restricted").asBoolean(), dept.body());
      assertFalse(
          dept.body().contains("张三"), "no person's name for a DEPARTMENT key: " + dept.body());
      assertTrue(dept.body().contains(ResidentId.mask(Fixtures.ZHANG_ID)), dept.body());
      assertTrue(dept.body().contains(Fixtures.ALPHA_NAME), "organisations keep their names");
      ApiServer.Answer inv = s.post("/api/v1/checks/sanctions", Role.INVESTIGATOR, body);
      assertTrue(inv.body().contains("张三"), "an INVESTIGATOR sees the name");

      ApiServer.Answer profile = s.get("/api/v1/subjects/" + zhang, Role.DEPARTMENT);
      assertEquals(
          403,
          profile.status(),
          "a person's profile is for INVESTIGATOR and above, even after a check");
      assertFalse(profile.body().contains("张三"));
      assertEquals(200, s.get("/api/v1/subjects/" + zhang, Role.INVESTIGATOR).status());
      ApiServer.Answer company = s.get("/api/v1/subjects/" + alpha, Role.DEPARTMENT);
      assertEquals(200, company.status(), company.body());
      assertFalse(
          company.body().contains("张三"),
          "its legal representative is shown masked, without a name");
    }
  }

  @Test
  void aProfileListsRelationsAndRecordsUpToItsLimitAndSaysWhatWasLeftOut(@TempDir Path dir) {
    try (ApiServer s = server(dir, Protections.defaults())) {
      // 张三: LEGAL_REP of 阿尔法 since 2016-04-12, and (written here) DIRECTOR of 贝塔 since 2020-01-01
      s.write(
          io.credgraph.store.WriteBatch.builder()
              .relation(
                  io.credgraph.model.Relation.of(
                      io.credgraph.model.RelationType.DIRECTOR,
                      SubjectKey.resident(Fixtures.ZHANG_ID),
                      SubjectKey.uscc(Fixtures.BETA_USCC),
                      java.time.LocalDate.of(2020, 1, 1)))
              .build());
      String zhang = s.subjectId(SubjectKey.resident(Fixtures.ZHANG_ID));
      ApiServer.Answer all = s.get("/api/v1/subjects/" + zhang, Role.INVESTIGATOR);
      assertEquals(2, all.json().path("relations").size(), all.body());
      assertFalse(all.json().path("truncated").asBoolean());
      ApiServer.Answer one = s.get("/api/v1/subjects/" + zhang + "?limit=1", Role.INVESTIGATOR);
      assertEquals(1, one.json().path("relations").size(), one.body());
      assertEquals(2, one.json().path("relationsTotal").asInt());
      assertEquals(1, one.json().path("recordsTotal").asInt());
      assertTrue(one.json().path("truncated").asBoolean());
      assertEquals(
          400, s.get("/api/v1/subjects/" + zhang + "?limit=1001", Role.INVESTIGATOR).status());
    }
  }

  @Test
  void aKeyThatChecksManyDistinctPersonsRaisesAnAlert(@TempDir Path dir) throws Exception {
    try (ApiServer s = server(dir, Protections.defaults().withDistinctPersonsAlert(3))) {
      StringBuilder body = new StringBuilder("{\"subjects\":[");
      for (int i = 0; i < 5; i++) {
        body.append(i == 0 ? "" : ",")
            .append("{\"idNumber\":\"")
            .append(Fixtures.resident("4420001990010" + (1000 + i)))
            .append("\"}");
      }
      // the same two persons again and again: no alert
      for (int i = 0; i < 3; i++) {
        s.post(
            "/api/v1/checks/sanctions",
            Role.DEPARTMENT,
            "{\"subjects\":[{\"idNumber\":\""
                + Fixtures.ZHANG_ID
                + "\"},{\"idNumber\":\""
                + Fixtures.LI_ID
                + "\"}]}");
      }
      assertFalse(Files.readString(dir.resolve("audit").resolve("audit.jsonl")).contains("ALERT"));
      assertEquals(200, s.post("/api/v1/checks/sanctions", Role.DEPARTMENT, body + "]}").status());
      String audit = Files.readString(dir.resolve("audit").resolve("audit.jsonl"));
      assertTrue(
          audit.contains(
              "ALERT key 'department' checked more than 3 distinct persons on 2025-06-01"),
          audit);
      assertEquals(1, audit.split("ALERT", -1).length - 1, "one alert per key and day");
      s.post("/api/v1/checks/sanctions", Role.DEPARTMENT, body + "]}");
      assertEquals(
          1,
          Files.readString(dir.resolve("audit").resolve("audit.jsonl")).split("ALERT", -1).length
              - 1);
    }
  }
}
