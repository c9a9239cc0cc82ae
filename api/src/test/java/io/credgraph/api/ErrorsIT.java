package io.credgraph.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.credgraph.api.auth.Role;
import io.credgraph.model.SubjectId;
import io.credgraph.store.memory.InMemoryGraphStore;
import java.net.http.HttpRequest;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** Every class of error is application/problem+json with a detail that says what to fix. */
class ErrorsIT {
  @RegisterExtension static final ApiServerExtension SERVER = ApiServerExtension.fixtures();
  static ApiServer server;

  @BeforeAll
  static void start() {
    server = SERVER.server();
  }

  static void assertProblem(ApiServer.Answer a, int status, String type) {
    assertEquals(status, a.status(), a.body());
    assertTrue(a.contentType().startsWith("application/problem+json"), a.contentType());
    assertEquals("urn:credgraph:problem:" + type, a.json().path("type").asText());
    assertEquals(status, a.json().path("status").asInt());
    assertFalse(a.json().path("title").asText().isEmpty());
    assertFalse(a.json().path("detail").asText().isEmpty());
    assertFalse(
        a.body().contains("at io.") || a.body().contains("Exception"),
        "no stack trace: " + a.body());
  }

  @Test
  void unknownRouteIs404() {
    ApiServer.Answer a = server.get("/api/v1/nothing-here", Role.ADMIN);
    assertProblem(a, 404, "no-route");
    assertTrue(a.json().path("detail").asText().contains("/openapi.json"));
    assertEquals("/api/v1/nothing-here", a.json().path("instance").asText());
  }

  @Test
  void wrongMethodIs405WithTheAllowedOnes() {
    ApiServer.Answer a =
        server.send(
            server
                .builder("/health", null)
                .POST(HttpRequest.BodyPublishers.ofString("{}"))
                .build());
    assertProblem(a, 405, "method-not-allowed");
    assertTrue(
        a.raw().headers().firstValue("Allow").orElse("").contains("GET"),
        a.raw().headers().toString());
  }

  @Test
  void anInvalidDateNamesTheParameter() {
    ApiServer.Answer a = server.get("/api/v1/lists/A_TAXPAYER?asOf=2025-02-30", null);
    assertProblem(a, 400, "invalid-field");
    assertEquals("asOf", a.json().path("field").asText());
    assertTrue(a.json().path("detail").asText().contains("YYYY-MM-DD"));
  }

  @Test
  void anInvalidLimitOrCursorNamesTheParameter() {
    ApiServer.Answer a = server.get("/api/v1/lists/A_TAXPAYER?limit=0", null);
    assertProblem(a, 400, "invalid-field");
    assertEquals("limit", a.json().path("field").asText());
    ApiServer.Answer c = server.get("/api/v1/audit?cursor=abc", Role.ADMIN);
    assertProblem(c, 400, "invalid-field");
    assertEquals("cursor", c.json().path("field").asText());
    ApiServer.Answer f = server.get("/api/v1/audit?from=yesterday", Role.ADMIN);
    assertEquals("from", f.json().path("field").asText());
  }

  @Test
  void unknownSubjectIs404() {
    ApiServer.Answer a =
        server.get("/api/v1/subjects/" + SubjectId.random().value(), Role.INVESTIGATOR);
    assertProblem(a, 404, "not-found");
  }

  @Test
  void anIdNumberInTheUrlIsRefusedWithoutEchoingIt() {
    ApiServer.Answer a = server.get("/api/v1/subjects/" + Fixtures.ZHANG_ID, Role.INVESTIGATOR);
    assertProblem(a, 400, "invalid-field");
    assertTrue(a.json().path("detail").asText().contains("opaque id"));
    assertFalse(a.body().contains(Fixtures.ZHANG_ID), a.body());
  }

  @Test
  void aMalformedSubjectIdSaysWhatIdsLookLike() {
    ApiServer.Answer a = server.get("/api/v1/subjects/not_an_id", Role.INVESTIGATOR);
    assertProblem(a, 400, "invalid-field");
    assertEquals("id", a.json().path("field").asText());
  }

  @Test
  void searchWithoutQueryNamesQ() {
    ApiServer.Answer a = server.get("/api/v1/subjects", Role.INVESTIGATOR);
    assertProblem(a, 400, "invalid-field");
    assertEquals("q", a.json().path("field").asText());
  }

  @Test
  void anInternalFailureIs500WithAnIncidentIdAndNoStackTrace(@TempDir Path other) {
    InMemoryGraphStore store = InMemoryGraphStore.create();
    try (ApiServer broken = new ApiServer(other, store, ApiConfig.DEFAULT_MAX_BODY)) {
      store.close();
      // a profile reads the store (published lists read the engine's graph, which still answers)
      ApiServer.Answer a = broken.get("/api/v1/subjects/s0000000000000000", Role.INVESTIGATOR);
      assertProblem(a, 500, "internal");
      String incident = a.json().path("incidentId").asText();
      assertEquals(12, incident.length());
      assertTrue(a.json().path("detail").asText().contains(incident));
    }
  }

  static String appointment(String person) {
    return "{\"person\":{\"idNumber\":\"" + person + "\"},\"role\":\"LEGAL_REP\"}";
  }

  @Test
  void malformedJsonSaysWhere() {
    ApiServer.Answer a =
        server.post("/api/v1/checks/appointment", Role.REGISTRY, "{\"person\": {\"idNumber\": ");
    assertProblem(a, 400, "malformed-json");
    assertTrue(a.json().path("detail").asText().contains("line 1"), a.body());
    assertProblem(
        server.post("/api/v1/checks/appointment", Role.REGISTRY, ""), 400, "malformed-json");
  }

  @Test
  void anUnknownEnumListsTheAllowedValues() {
    ApiServer.Answer a =
        server.post(
            "/api/v1/checks/appointment",
            Role.REGISTRY,
            "{\"person\":{\"idNumber\":\"" + Fixtures.ZHANG_ID + "\"},\"role\":\"CHAIRMAN\"}");
    assertProblem(a, 400, "invalid-field");
    assertEquals("role", a.json().path("field").asText());
    assertTrue(a.json().path("expected").toString().contains("SENIOR_MANAGER"), a.body());
    ApiServer.Answer d =
        server.post(
            "/api/v1/checks/sanctions",
            Role.DEPARTMENT,
            "{\"subjects\":[{\"uscc\":\"" + Fixtures.ALPHA_USCC + "\"}],\"domain\":\"LOTTERY\"}");
    assertEquals("domain", d.json().path("field").asText());
    // a number is not an enum's name (Jackson would take it as the ordinal: 0 -> LEGAL_REP)
    ApiServer.Answer n =
        server.post(
            "/api/v1/checks/appointment",
            Role.REGISTRY,
            "{\"person\":{\"idNumber\":\"" + Fixtures.ZHANG_ID + "\"},\"role\":0}");
    assertProblem(n, 400, "invalid-field");
    assertEquals("role", n.json().path("field").asText(), n.body());
  }

  @Test
  void aWrongTypeNamesTheFieldAndTheExpectedType() {
    ApiServer.Answer a =
        server.post("/api/v1/checks/sanctions", Role.DEPARTMENT, "{\"subjects\":\"all\"}");
    assertProblem(a, 400, "invalid-field");
    assertEquals("subjects", a.json().path("field").asText());
    assertTrue(a.json().path("detail").asText().contains("array"), a.body());
    ApiServer.Answer date =
        server.post(
            "/api/v1/checks/appointment",
            Role.REGISTRY,
            "{\"person\":{\"idNumber\":\""
                + Fixtures.ZHANG_ID
                + "\"},\"role\":\"LEGAL_REP\",\"asOf\":\"1 June\"}");
    assertEquals("asOf", date.json().path("field").asText());
    assertTrue(date.json().path("detail").asText().contains("YYYY-MM-DD"), date.body());
  }

  @Test
  void anInvalidIdNumberGivesTheExpectedCheckCharacterWithoutEchoingTheNumber() {
    String wrong = Fixtures.ZHANG_ID.substring(0, 17) + "3";
    ApiServer.Answer a =
        server.post("/api/v1/checks/appointment", Role.REGISTRY, appointment(wrong));
    assertProblem(a, 400, "invalid-key");
    assertEquals("person.idNumber", a.json().path("field").asText());
    assertEquals("X", a.json().path("expected").asText());
    assertEquals(18, a.json().path("position").asInt());
    assertFalse(a.body().contains(wrong), a.body());
  }

  @Test
  void anInvalidUsccInAListNamesItsIndex() {
    String wrong = Fixtures.ALPHA_USCC.substring(0, 17) + "0";
    ApiServer.Answer a =
        server.post(
            "/api/v1/checks/sanctions",
            Role.DEPARTMENT,
            "{\"subjects\":[{\"uscc\":\""
                + Fixtures.BETA_USCC
                + "\"},{\"uscc\":\""
                + wrong
                + "\"}]}");
    assertProblem(a, 400, "invalid-key");
    assertEquals("subjects[1].uscc", a.json().path("field").asText());
    assertEquals("3", a.json().path("expected").asText());
  }

  @Test
  void anUnknownFieldIsNamedWithTheKnownOnes() {
    ApiServer.Answer a =
        server.post(
            "/api/v1/checks/appointment",
            Role.REGISTRY,
            "{\"person\":{\"idNumber\":\""
                + Fixtures.ZHANG_ID
                + "\"},\"role\":\"LEGAL_REP\",\"date\":\"2025-01-01\"}");
    assertProblem(a, 400, "invalid-field");
    assertTrue(a.json().path("detail").asText().contains("'date'"), a.body());
    assertTrue(a.json().path("expected").toString().contains("asOf"), a.body());
  }

  @Test
  void missingFieldsAreNamed() {
    ApiServer.Answer a =
        server.post(
            "/api/v1/checks/appointment",
            Role.REGISTRY,
            "{\"person\":{\"idNumber\":\"" + Fixtures.ZHANG_ID + "\"}}");
    assertEquals("role", a.json().path("field").asText());
    ApiServer.Answer both =
        server.post(
            "/api/v1/checks/sanctions",
            Role.DEPARTMENT,
            "{\"subjects\":[{\"uscc\":\""
                + Fixtures.ALPHA_USCC
                + "\",\"idNumber\":\""
                + Fixtures.ZHANG_ID
                + "\"}]}");
    assertProblem(both, 400, "invalid-field");
    assertEquals("subjects[0]", both.json().path("field").asText());
  }

  @Test
  void tooManySubjectsAreRefused() {
    StringBuilder b = new StringBuilder("{\"subjects\":[");
    for (int i = 0; i < 1001; i++) {
      b.append(i == 0 ? "" : ",").append("{\"uscc\":\"").append(Fixtures.ALPHA_USCC).append("\"}");
    }
    ApiServer.Answer a =
        server.post("/api/v1/checks/sanctions", Role.DEPARTMENT, b.append("]}").toString());
    assertProblem(a, 400, "invalid-field");
    assertEquals("subjects", a.json().path("field").asText());
    assertTrue(a.json().path("detail").asText().contains("1000"), a.body());
  }

  @Test
  void aTooLargeBodyIs413(@TempDir Path other) {
    try (ApiServer small = new ApiServer(other, InMemoryGraphStore.create(), 2048)) {
      String padding = "x".repeat(4096);
      ApiServer.Answer a =
          small.post(
              "/api/v1/checks/appointment",
              Role.REGISTRY,
              "{\"person\":{\"idNumber\":\""
                  + Fixtures.ZHANG_ID
                  + "\"},\"role\":\"LEGAL_REP\",\"note\":\""
                  + padding
                  + "\"}");
      assertProblem(a, 413, "payload-too-large");
    }
  }
}
