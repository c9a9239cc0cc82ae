package io.credgraph.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.credgraph.api.Json;
import io.credgraph.api.audit.AuditLog;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code credgraph serve} as a separate process over the embedded Neo4j store: it prints what it
 * opened and how long start-up took, answers /health, honours keys from the environment and a keys
 * file, and stops cleanly on SIGTERM (the store and the audit log open again afterwards).
 */
class ServeCommandIT {
  static final String AUDIT_KEY = "serve-test-audit-key-0123456789abcdef";

  @Test
  void servesHealthAndStopsCleanlyOnSigterm(@TempDir Path dir) throws Exception {
    Path data = dir.resolve("data");
    Path keys = dir.resolve("keys.txt");
    Files.writeString(keys, "# test keys\nops:admin-key-123456-0123456789abcdefghij:ADMIN\n");
    for (int round = 1; round <= 2; round++) {
      try (ServeProcess s =
          ServeProcess.start(
              data,
              "clerk-key-123456-0123456789abcdefghij:REGISTRY",
              AUDIT_KEY,
              "--keys",
              keys.toString())) {
        assertTrue(
            s.awaitListening(Duration.ofSeconds(180)), "no listening line in:\n" + s.output());
        String all = s.output();
        assertTrue(all.contains("opened neo4j-embedded"), all);
        assertTrue(
            all.contains("REGISTRY#1 (REGISTRY)"),
            "an unnamed key is named by role and position: " + all);
        assertTrue(all.contains("ops (ADMIN)"), all);
        assertTrue(all.contains("chain verified"), all);
        // the first start reads the store and saves the projection file; the second starts from it
        assertTrue(
            all.contains(
                round == 1
                    ? "engine graph from the store: no projection file"
                    : "engine graph from the projection file"),
            all);

        HttpResponse<String> health = s.get("/health");
        assertEquals(200, health.statusCode());
        JsonNode h = Json.mapper().readTree(health.body());
        assertTrue(h.path("store").path("backend").asText().startsWith("neo4j-embedded"));
        assertEquals(
            200, s.get("/api/v1/audit", "admin-key-123456-0123456789abcdefghij").statusCode());
        assertEquals(
            403, s.get("/api/v1/audit", "clerk-key-123456-0123456789abcdefghij").statusCode());
        HttpResponse<String> check =
            s.post(
                "/api/v1/checks/appointment",
                "clerk-key-123456-0123456789abcdefghij",
                "{\"person\":{\"idNumber\":\"11010519491231002X\"},\"role\":\"DIRECTOR\"}");
        assertEquals(200, check.statusCode(), check.body());

        assertEquals(143, s.stop(Duration.ofSeconds(60)), s.output());
        assertTrue(s.out().stream().noneMatch(l -> l.contains("Exception")), s.output());
      }
    }
    assertTrue(
        AuditLog.verify(
                    data.resolve("audit").resolve(AuditLog.FILE_NAME),
                    java.util.Optional.of(io.credgraph.api.audit.AuditKey.of(AUDIT_KEY, "test")))
                .entries()
            >= 2);
  }

  @Test
  void helpListsTheSubcommandsAndEachHasItsOwn() {
    java.io.StringWriter sw = new java.io.StringWriter();
    picocli.CommandLine cl = Main.commandLine();
    cl.setOut(new java.io.PrintWriter(sw));
    assertEquals(0, cl.execute("--help"));
    assertTrue(
        sw.toString().contains("serve")
            && sw.toString().contains("demo")
            && sw.toString().contains("load")
            && sw.toString().contains("generate"),
        sw.toString());
    for (String sub : List.of("serve", "demo", "load", "generate")) {
      java.io.StringWriter s = new java.io.StringWriter();
      picocli.CommandLine c = Main.commandLine();
      c.setOut(new java.io.PrintWriter(s));
      assertEquals(0, c.execute(sub, "--help"));
      assertTrue(s.toString().contains("Usage: credgraph " + sub), s.toString());
    }
  }
}
