package io.credgraph.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.credgraph.api.auth.Role;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code GET /api/v1/checks/{checkId}/feedback} (what a page shows after a reload) and the
 * session's {@code feedback} (what the pages offer), over HTTP on the fixture city of {@link
 * LoopIT}: the DEPARTMENT key belongs to MARKET_REGULATION and checks 阿尔法 on 2025-06-01, the
 * server's day.
 */
class FeedbackReadIT {
  @Test
  void theDepartmentThatCheckedReadsItsFeedbackAnotherDepartmentMayNot(@TempDir Path dir) {
    try (LoopIT.City c = LoopIT.City.open(dir)) {
      ApiServer s = c.server();
      s.addKey("tax:" + LoopIT.TAX_KEY + ":DEPARTMENT:TAX");
      JsonNode check = LoopIT.check(s, "2025-06-01");
      String checkId = check.path("checkId").asText();
      String measure =
          check.path("results").get(0).path("measures").get(0).path("measure").asText();
      String rule = check.path("results").get(0).path("measures").get(0).path("rule").asText();

      ApiServer.Answer before = s.get("/api/v1/checks/" + checkId + "/feedback", Role.DEPARTMENT);
      assertEquals(200, before.status(), before.body());
      assertEquals(0, before.json().path("versions").size());
      assertTrue(before.json().path("items").size() >= 1);
      assertTrue(
          before.json().path("items").get(0).path("outcome").isMissingNode()
              || before.json().path("items").get(0).path("outcome").isNull(),
          "no outcome before any feedback");

      String body =
          "{\"feedback\":[{\"measure\":\""
              + measure
              + "\",\"subject\":\""
              + c.alphaId()
              + "\",\"rule\":\""
              + rule
              + "\",\"outcome\":\"APPLIED\"}]}";
      assertEquals(
          200, s.post("/api/v1/checks/" + checkId + "/feedback", Role.DEPARTMENT, body).status());
      JsonNode after = s.get("/api/v1/checks/" + checkId + "/feedback", Role.DEPARTMENT).json();
      assertEquals(1, after.path("versions").size());
      boolean found = false;
      for (JsonNode i : after.path("items")) {
        if (i.path("measure").asText().equals(measure)
            && i.path("rule").asText().equals(rule)
            && i.path("subject").asText().equals(c.alphaId())) {
          assertEquals("APPLIED", i.path("outcome").asText());
          assertEquals(1, i.path("version").asInt());
          found = true;
        }
      }
      assertTrue(found, after.toString());

      ApiServer.Answer other =
          s.send("GET", "/api/v1/checks/" + checkId + "/feedback", LoopIT.TAX_KEY, null);
      assertEquals(403, other.status(), other.body());
      assertTrue(
          other.json().path("detail").asText().contains("not run by department TAX"), other.body());
      assertEquals(
          403,
          s.get("/api/v1/checks/" + checkId + "/feedback", Role.REGISTRY).status(),
          "a key of no department, below the report's role");
      assertEquals(
          200,
          s.get("/api/v1/checks/" + checkId + "/feedback", Role.STEWARD).status(),
          "the coordinating office reads every check's feedback (it reads the whole report)");
      assertEquals(
          404, s.get("/api/v1/checks/chk-0000000000000000/feedback", Role.DEPARTMENT).status());
      JsonNode audit = s.get("/api/v1/audit?who=department", Role.ADMIN).json().path("items");
      boolean audited = false;
      for (JsonNode e : audit) {
        audited |= e.path("outcome").asText().startsWith("feedback read on " + checkId);
      }
      assertTrue(audited, "reading a check's feedback is audited");
    }
  }

  @Test
  void theSessionSaysWhichKeysMaySendFeedbackAndWhichMayReadTheReport(@TempDir Path dir) {
    try (ApiServer s = new ApiServer(dir)) {
      JsonNode dept = s.get("/api/v1/session", Role.DEPARTMENT).json().path("feedback");
      assertEquals(ApiServer.DEPARTMENT, dept.path("department").asText());
      assertTrue(dept.path("send").asBoolean());
      assertFalse(dept.path("report").asBoolean());
      JsonNode registry = s.get("/api/v1/session", Role.REGISTRY).json().path("feedback");
      assertFalse(registry.path("send").asBoolean(), "a REGISTRY key belongs to no department");
      assertFalse(registry.path("report").asBoolean());
      JsonNode steward = s.get("/api/v1/session", Role.STEWARD).json().path("feedback");
      assertFalse(steward.path("send").asBoolean());
      assertTrue(steward.path("report").asBoolean());
      assertEquals(200, s.get("/api/v1/feedback", Role.STEWARD).status());
      assertEquals(403, s.get("/api/v1/feedback", Role.REGISTRY).status());
      JsonNode anonymous =
          s.send(java.net.http.HttpRequest.newBuilder(s.uri("/api/v1/session")).GET().build())
              .json()
              .path("feedback");
      assertFalse(anonymous.path("send").asBoolean());
      assertFalse(anonymous.path("report").asBoolean());
    }
  }
}
