package io.credgraph.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.credgraph.api.auth.Role;
import io.credgraph.model.SubjectKey;
import java.net.http.HttpRequest;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Every role boundary of every served route (API.md's access table, written out here by hand): no
 * key, an unknown key and each role against each route; 401 without or with an unknown key, 403
 * below the route's role, success from it up.
 */
class AccessIT {
  @RegisterExtension static final ApiServerExtension SERVER = ApiServerExtension.fixtures();
  static ApiServer server;
  static String alphaId;

  /** The least role of each route; empty for public routes. */
  static final Map<String, Optional<Role>> ACCESS = new LinkedHashMap<>();

  static {
    ACCESS.put("GET /health", Optional.empty());
    ACCESS.put("GET /openapi.json", Optional.empty());
    ACCESS.put("GET /docs", Optional.empty());
    ACCESS.put("GET /api/v1/lists/{code}", Optional.empty());
    ACCESS.put("GET /metrics", Optional.of(Role.ADMIN));
    ACCESS.put("GET /api/v1/subjects", Optional.of(Role.INVESTIGATOR));
    ACCESS.put("GET /api/v1/subjects/{id}", Optional.of(Role.INVESTIGATOR));
    ACCESS.put("GET /api/v1/audit", Optional.of(Role.ADMIN));
    ACCESS.put("POST /api/v1/checks/sanctions", Optional.of(Role.DEPARTMENT));
    ACCESS.put("POST /api/v1/checks/appointment", Optional.of(Role.REGISTRY));
    ACCESS.put("GET /api/v1/alerts", Optional.of(Role.INVESTIGATOR));
    ACCESS.put("POST /api/v1/simulations", Optional.of(Role.INVESTIGATOR));
    ACCESS.put("POST /api/v1/records/{id}/status", Optional.of(Role.STEWARD));
    ACCESS.put("POST /api/v1/batches", Optional.of(Role.STEWARD));
    ACCESS.put("GET /api/v1/subjects/{id}/graph", Optional.of(Role.INVESTIGATOR));
    ACCESS.put("GET /api/v1/subjects/{id}/controllers", Optional.of(Role.INVESTIGATOR));
    ACCESS.put("GET /api/v1/paths", Optional.of(Role.INVESTIGATOR));
    ACCESS.put("GET /api/v1/clusters", Optional.of(Role.INVESTIGATOR));
    ACCESS.put("GET /api/v1/stats", Optional.of(Role.INVESTIGATOR));
    ACCESS.put("POST /api/v1/watchlist", Optional.of(Role.INVESTIGATOR));
    ACCESS.put("POST /api/v1/checks/{checkId}/feedback", Optional.of(Role.DEPARTMENT));
    ACCESS.put("GET /api/v1/feedback", Optional.of(Role.STEWARD));
    ACCESS.put("GET /api/v1/checks/{checkId}/feedback", Optional.of(Role.DEPARTMENT));
    ACCESS.put("GET /api/v1/me", Optional.of(Role.SUBJECT));
    ACCESS.put("POST /api/v1/me/applications", Optional.of(Role.SUBJECT));
    ACCESS.put("GET /api/v1/applications", Optional.of(Role.STEWARD));
    ACCESS.put("POST /api/v1/applications/{id}/decision", Optional.of(Role.STEWARD));
    ACCESS.put("POST /api/v1/subjects/search", Optional.of(Role.INVESTIGATOR));
    ACCESS.put("GET /api/v1/stats/months", Optional.of(Role.INVESTIGATOR));
    ACCESS.put("GET /api/v1/stats/alerts", Optional.of(Role.INVESTIGATOR));
    ACCESS.put("GET /api/v1/watchlist", Optional.of(Role.INVESTIGATOR));
    ACCESS.put("DELETE /api/v1/watchlist/{id}", Optional.of(Role.INVESTIGATOR));
    ACCESS.put("GET /api/v1/session", Optional.empty());
    ACCESS.put("GET /api/v1/lists", Optional.empty());
    ACCESS.put("GET /api/v1/rules", Optional.of(Role.ADMIN));
    ACCESS.put("GET /api/v1/audit/chain", Optional.of(Role.ADMIN));
    io.credgraph.api.web.WebPages.PAGES.forEach(
        p -> ACCESS.put("GET " + p.path(), Optional.empty()));
  }

  /**
   * What a role that may call the route gets when it is not 200: past access, the request finds
   * nothing.
   */
  static final Map<String, Integer> ALLOWED_STATUS =
      Map.of(
          "POST /api/v1/me/applications", 201,
          "POST /api/v1/checks/{checkId}/feedback", 404,
          "GET /api/v1/checks/{checkId}/feedback", 404,
          "POST /api/v1/applications/{id}/decision", 404);

  /** A request that succeeds for a role that may call the route. */
  static HttpRequest request(String route, Role role) {
    int space = route.indexOf(' ');
    String method = route.substring(0, space);
    String path = concrete(route.substring(space + 1));
    HttpRequest.Builder b = server.builder(path, role);
    if (method.equals("GET")) {
      return b.GET().build();
    }
    if (method.equals("DELETE")) {
      return b.DELETE().build();
    }
    String body;
    String type = "application/json";
    switch (route) {
      case "POST /api/v1/checks/sanctions" ->
          body = "{\"subjects\":[{\"uscc\":\"" + Fixtures.BETA_USCC + "\"}]}";
      case "POST /api/v1/checks/appointment" ->
          body = "{\"person\":{\"idNumber\":\"" + Fixtures.LI_ID + "\"},\"role\":\"DIRECTOR\"}";
      case "POST /api/v1/simulations" ->
          body =
              "{\"subject\":{\"uscc\":\""
                  + Fixtures.BETA_USCC
                  + "\"},\"list\":\"ABNORMAL_OPERATION\"}";
      case "POST /api/v1/checks/{checkId}/feedback" ->
          body =
              "{\"feedback\":[{\"measure\":\"GP-BAN\","
                  + "\"subject\":\""
                  + alphaId
                  + "\",\"outcome\":\"APPLIED\"}]}";
      case "POST /api/v1/me/applications" ->
          body =
              "{\"type\":\"REPAIR\",\"record\":\"SAMR-2023-0042\","
                  + "\"grounds\":\"the fine is paid and the commitment published\"}";
      case "POST /api/v1/applications/{id}/decision" ->
          body = "{\"decision\":\"GRANTED\",\"reasons\":[\"ok\"]}";
      case "POST /api/v1/subjects/search" -> body = "{\"q\":\"" + Fixtures.LI_ID + "\"}";
      case "POST /api/v1/watchlist" ->
          body = "{\"subjects\":[{\"uscc\":\"" + Fixtures.BETA_USCC + "\"}]}";
      case "POST /api/v1/records/{id}/status" ->
          body = "{\"status\":\"OBJECTED\",\"on\":\"2025-06-01\"}";
      case "POST /api/v1/batches" -> {
        body =
            "{\"type\":\"subject\",\"kind\":\"ENTERPRISE\",\"uscc\":\""
                + Fixtures.BETA_USCC
                + "\",\"name\":\""
                + Fixtures.BETA_NAME
                + "\"}\n";
        type = "application/x-ndjson";
      }
      default -> throw new AssertionError("no request for " + route);
    }
    return b.header("Content-Type", type).POST(HttpRequest.BodyPublishers.ofString(body)).build();
  }

  @BeforeAll
  static void start() {
    // every route for every role and twice without a valid key, quickly: more than an anonymous
    // client's burst; the rate limits have their own test (GuardsIT), the test server has none
    server = SERVER.server();
    alphaId = server.subjectId(SubjectKey.uscc(Fixtures.ALPHA_USCC));
    server.bindSubject(alphaId);
  }

  @Test
  void everyServedRouteHasAnExpectedAccess() {
    for (CredgraphApi.Route r : server.api.routes()) {
      assertTrue(
          ACCESS.containsKey(r.method() + " " + r.path()),
          "add " + r.method() + " " + r.path() + " to the access table of this test");
    }
    assertEquals(ACCESS.size(), server.api.routes().size());
  }

  @Test
  void eachRoleGetsWhatTheTableSays() {
    List<String> failures = new ArrayList<>();
    for (Map.Entry<String, Optional<Role>> e : ACCESS.entrySet()) {
      for (Role role : Role.values()) {
        int status = server.send(request(e.getKey(), role)).status();
        boolean allowed = e.getValue().map(role::atLeast).orElse(true);
        int expected = allowed ? ALLOWED_STATUS.getOrDefault(e.getKey(), 200) : 403;
        if (status != expected) {
          failures.add(e.getKey() + " as " + role + ": " + status + " (expected " + expected + ")");
        }
      }
      int anonymous = server.send(request(e.getKey(), null)).status();
      int expectedAnonymous = e.getValue().isPresent() ? 401 : 200;
      if (anonymous != expectedAnonymous) {
        failures.add(
            e.getKey() + " without a key: " + anonymous + " (expected " + expectedAnonymous + ")");
      }
      HttpRequest unknown =
          HttpRequest.newBuilder(request(e.getKey(), null), (n, v) -> true)
              .header("Authorization", "Bearer not-a-key-at-all")
              .build();
      if (server.send(unknown).status() != 401) {
        failures.add(e.getKey() + " with an unknown key: not 401");
      }
    }
    assertEquals(List.of(), failures);
  }

  @Test
  void unauthorizedAnswersSayHowToAuthenticate() {
    ApiServer.Answer a = server.get("/api/v1/audit", null);
    assertEquals(401, a.status());
    assertTrue(a.contentType().startsWith("application/problem+json"), a.contentType());
    assertTrue(a.json().path("detail").asText().contains("Authorization: Bearer"));
    assertEquals(
        "Bearer realm=\"credgraph\"", a.raw().headers().firstValue("WWW-Authenticate").orElse(""));
    ApiServer.Answer basic =
        server.send(
            HttpRequest.newBuilder(server.uri("/api/v1/audit"))
                .header("Authorization", "Basic YWRtaW46YWRtaW4=")
                .GET()
                .build());
    assertEquals(401, basic.status());
  }

  @Test
  void forbiddenAnswersNameTheNeededRole() {
    ApiServer.Answer a = server.get("/api/v1/audit", Role.STEWARD);
    assertEquals(403, a.status());
    assertTrue(a.json().path("detail").asText().contains("ADMIN"), a.body());
    assertTrue(a.json().path("detail").asText().contains("STEWARD"), a.body());
  }

  @Test
  void departmentAndRegistrySeeProfilesOnlyOfSubjectsTheyChecked() {
    for (Role r : List.of(Role.DEPARTMENT, Role.REGISTRY)) {
      ApiServer.Answer a = server.get("/api/v1/subjects/" + alphaId, r);
      assertEquals(403, a.status(), r.name());
      assertTrue(a.json().path("detail").asText().contains("checked"));
    }
  }

  @Test
  void aKeyForAPublicRouteMustStillBeValid() {
    ApiServer.Answer a =
        server.send(
            HttpRequest.newBuilder(server.uri("/health"))
                .header("Authorization", "Bearer key-wrong")
                .GET()
                .build());
    assertEquals(401, a.status());
  }

  private static String concrete(String template) {
    if (template.equals("/api/v1/records/{id}/status")) {
      return "/api/v1/records/TAX-2024-0007/status";
    }
    if (template.equals("/api/v1/applications/{id}/decision")) {
      return "/api/v1/applications/app-0000000000000000/decision";
    }
    if (template.equals("/api/v1/checks/{checkId}/feedback")) {
      return "/api/v1/checks/chk-0000000000000000/feedback";
    }
    return template
        .replace("{id}", alphaId)
        .replace("{code}", "DISHONEST_JUDGMENT_DEBTOR")
        .concat(template.equals("/api/v1/subjects") ? "?q=abc" : "")
        .concat(template.equals("/api/v1/paths") ? "?from=" + alphaId + "&to=" + alphaId : "");
  }
}
