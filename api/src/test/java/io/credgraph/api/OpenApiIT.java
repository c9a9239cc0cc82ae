package io.credgraph.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * /openapi.json describes exactly the routes served, each with its answers and errors; /docs shows
 * it.
 */
class OpenApiIT {
  @RegisterExtension static final ApiServerExtension SERVER = ApiServerExtension.empty();
  static ApiServer server;
  static JsonNode doc;

  @BeforeAll
  static void start() {
    server = SERVER.server();
    doc = server.get("/openapi.json", null).json();
  }

  @Test
  void describedRoutesAreExactlyTheServedRoutes() {
    Set<String> described = new TreeSet<>();
    for (Map.Entry<String, JsonNode> p : doc.path("paths").properties()) {
      p.getValue()
          .fieldNames()
          .forEachRemaining(m -> described.add(m.toUpperCase() + " " + p.getKey()));
    }
    Set<String> served = new TreeSet<>();
    server.api.routes().forEach(r -> served.add(r.method() + " " + r.path()));
    Set<String> undescribed = new TreeSet<>(served);
    undescribed.removeAll(described);
    Set<String> unserved = new TreeSet<>(described);
    unserved.removeAll(served);
    assertEquals(Set.of(), undescribed, "served but not described in /openapi.json");
    assertEquals(Set.of(), unserved, "described in /openapi.json but not served");
  }

  @Test
  void everyOperationHasASuccessAnswerAndEveryProtectedOneItsAuthErrors() {
    doc.path("paths")
        .properties()
        .forEach(
            p ->
                p.getValue()
                    .properties()
                    .forEach(
                        op -> {
                          String name = op.getKey() + " " + p.getKey();
                          JsonNode responses = op.getValue().path("responses");
                          assertTrue(
                              responses.has("200") || responses.has("201") || responses.has("202"),
                              name);
                          boolean secured = op.getValue().path("security").size() > 0;
                          if (secured) {
                            assertTrue(
                                responses.has("401") && responses.has("403"),
                                name + " lists 401 and 403");
                            assertEquals(
                                "#/components/schemas/Problem",
                                responses
                                    .path("401")
                                    .path("content")
                                    .path("application/problem+json")
                                    .path("schema")
                                    .path("$ref")
                                    .asText(),
                                name);
                          }
                        }));
  }

  @Test
  void schemasDescribeTheAnswerBodies() {
    JsonNode schemas = doc.path("components").path("schemas");
    JsonNode profile = schemas.path("SubjectProfile").path("properties");
    assertTrue(profile.has("relations") && profile.has("records") && profile.has("subject"));
    assertEquals("date", profile.path("asOf").path("format").asText());
    JsonNode subject = schemas.path("SubjectView");
    assertTrue(subject.path("required").toString().contains("\"id\""));
    assertFalse(
        subject.path("required").toString().contains("idNumber"),
        "idNumber is optional (persons only)");
    assertTrue(
        schemas
            .path("RecordView")
            .path("properties")
            .path("status")
            .path("enum")
            .toString()
            .contains("OBJECTED"));
    assertTrue(schemas.has("Problem"));
  }

  /**
   * Every answer the HTTP tests receive through {@link ApiServer#send} is held to the served
   * document ({@link OpenApiContract}); this shows the contract catches what a client would trip
   * over.
   */
  @Test
  void theContractCatchesAnswersThatBreakTheDescription() throws Exception {
    OpenApiContract contract = server.contract();
    String check = "/api/v1/checks/appointment";
    String good =
        "{\"eligible\":true,\"asOf\":\"2025-06-01\",\"role\":\"LEGAL_REP\",\"rulesApplied\":[],"
            + "\"reasons\":[]}";
    java.util.List<String> wrongType =
        contract.problems(
            "POST",
            check,
            200,
            "application/json",
            good.replace("\"eligible\":true", "\"eligible\":\"yes\""));
    assertTrue(wrongType.stream().anyMatch(p -> p.contains("eligible")), wrongType.toString());
    java.util.List<String> missing =
        contract.problems(
            "POST", check, 200, "application/json", good.replace("\"eligible\":true,", ""));
    // the good body lacks other required fields too; the missing one is named
    assertTrue(missing.stream().anyMatch(p -> p.contains("eligible")), missing.toString());
    assertFalse(
        contract.problems("POST", check, 299, "application/json", good).isEmpty(),
        "undescribed status");
    assertFalse(
        contract.problems("POST", check, 400, "text/plain", "bad").isEmpty(),
        "errors are problem+json");
    assertFalse(
        contract
            .problems("POST", check, 400, "application/problem+json", "{\"status\":\"x\"}")
            .isEmpty(),
        "a problem body with a wrong status type");
    assertFalse(
        contract
            .problems("GET", "/api/v1/nowhere/at/all", 200, "application/json", "{}")
            .isEmpty());
  }

  @Test
  void docsPageLoadsSwaggerUiFromTheWebjar() {
    ApiServer.Answer page = server.get("/docs", null);
    assertEquals(200, page.status());
    assertTrue(page.contentType().startsWith("text/html"));
    assertTrue(page.body().contains("/openapi.json"));
    java.util.regex.Matcher m =
        java.util.regex.Pattern.compile("src=\"([^\"]+swagger-ui-bundle\\.js)\"")
            .matcher(page.body());
    assertTrue(m.find(), page.body());
    ApiServer.Answer bundle = server.get(m.group(1), null);
    assertEquals(200, bundle.status());
    assertTrue(bundle.body().length() > 100_000, "the Swagger UI bundle is served");
  }

  /**
   * Headless Chromium (Debian's package; skipped when absent) renders /docs: the operations appear
   * in the page.
   */
  @Test
  void aBrowserRendersTheOperations() throws Exception {
    Path chromium =
        java.util.stream.Stream.of("/usr/bin/chromium", "/usr/bin/chromium-browser")
            .map(Path::of)
            .filter(java.nio.file.Files::isExecutable)
            .findFirst()
            .orElse(null);
    org.junit.jupiter.api.Assumptions.assumeTrue(chromium != null, "chromium is not installed");
    Process p =
        new ProcessBuilder(
                chromium.toString(),
                "--headless",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-dev-shm-usage",
                "--user-data-dir=" + SERVER.dir().resolve("chromium-profile"),
                "--virtual-time-budget=15000",
                "--dump-dom",
                server.uri("/docs").toString())
            .redirectError(ProcessBuilder.Redirect.DISCARD)
            .start();
    String dom =
        new String(p.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
    assertTrue(p.waitFor(60, java.util.concurrent.TimeUnit.SECONDS));
    assertTrue(dom.contains("credgraph API"), "the title from /openapi.json is rendered");
    assertTrue(dom.contains("/api/v1/subjects/{id}"), "operations are rendered");
    assertTrue(dom.contains("Published list"), "operation summaries are rendered");
  }
}
