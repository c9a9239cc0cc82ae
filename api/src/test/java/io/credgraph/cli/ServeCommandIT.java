package io.credgraph.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.credgraph.api.Json;
import io.credgraph.api.audit.AuditLog;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code credgraph serve} as a separate process over the embedded Neo4j store: it prints what it
 * opened and how long start-up took, answers /health, honours keys from the environment and a keys
 * file, and stops cleanly on SIGTERM (the store and the audit log open again afterwards).
 */
class ServeCommandIT {
  static final String AUDIT_KEY = "serve-test-audit-key-0123456789abcdef";
  static final Pattern LISTENING =
      Pattern.compile("started in (\\d+) ms, listening on http://[^:]+:(\\d+)");

  @Test
  void servesHealthAndStopsCleanlyOnSigterm(@TempDir Path dir) throws Exception {
    Path data = dir.resolve("data");
    Path keys = dir.resolve("keys.txt");
    Files.writeString(keys, "# test keys\nops:admin-key-123456-0123456789abcdefghij:ADMIN\n");
    for (int round = 1; round <= 2; round++) {
      ProcessBuilder pb =
          new ProcessBuilder(
              javaBin(),
              "-Xmx512m",
              "-cp",
              System.getProperty("java.class.path"),
              Main.class.getName(),
              "serve",
              "--port",
              "0",
              "--host",
              "127.0.0.1",
              "--data",
              data.toString(),
              "--keys",
              keys.toString());
      pb.environment().put("CREDGRAPH_API_KEYS", "clerk-key-123456-0123456789abcdefghij:REGISTRY");
      pb.environment().put("CREDGRAPH_AUDIT_KEY", AUDIT_KEY);
      pb.redirectErrorStream(true);
      Process p = pb.start();
      List<String> out = new java.util.concurrent.CopyOnWriteArrayList<>();
      java.util.concurrent.CompletableFuture<Integer> listening =
          new java.util.concurrent.CompletableFuture<>();
      Thread reader =
          new Thread(
              () -> {
                try (BufferedReader r =
                    new BufferedReader(
                        new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
                  String line;
                  while ((line = r.readLine()) != null) {
                    out.add(line);
                    Matcher m = LISTENING.matcher(line);
                    if (m.find()) {
                      listening.complete(Integer.parseInt(m.group(2)));
                    }
                  }
                } catch (java.io.IOException e) {
                  out.add("(output closed: " + e.getMessage() + ")");
                }
                listening.complete(-1);
              });
      reader.start();
      try {
        int port;
        try {
          port = listening.get(180, TimeUnit.SECONDS);
        } catch (java.util.concurrent.TimeoutException e) {
          throw new AssertionError(
              "not listening after 180 s; so far:\n" + String.join("\n", out), e);
        }
        assertTrue(port > 0, "no listening line in:\n" + String.join("\n", out));
        String all = String.join("\n", out);
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

        HttpClient http = HttpClient.newHttpClient();
        HttpResponse<String> health =
            http.send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/health")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, health.statusCode());
        JsonNode h = Json.mapper().readTree(health.body());
        assertTrue(h.path("store").path("backend").asText().startsWith("neo4j-embedded"));
        HttpResponse<String> audit =
            http.send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/v1/audit"))
                    .header("Authorization", "Bearer admin-key-123456-0123456789abcdefghij")
                    .build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, audit.statusCode());
        HttpResponse<String> forbidden =
            http.send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/v1/audit"))
                    .header("Authorization", "Bearer clerk-key-123456-0123456789abcdefghij")
                    .build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(403, forbidden.statusCode());
        HttpResponse<String> check =
            http.send(
                HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + port + "/api/v1/checks/appointment"))
                    .header("Authorization", "Bearer clerk-key-123456-0123456789abcdefghij")
                    .header("Content-Type", "application/json")
                    .POST(
                        HttpRequest.BodyPublishers.ofString(
                            "{\"person\":{\"idNumber\":\"11010519491231002X\"},\"role\":\"DIRECTOR\"}"))
                    .build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, check.statusCode(), check.body());

        p.destroy();
        assertTrue(p.waitFor(60, TimeUnit.SECONDS), "the server stops on SIGTERM");
        reader.join(10_000);
      } finally {
        p.destroyForcibly();
      }
      assertEquals(143, p.exitValue(), String.join("\n", out));
      assertTrue(
          String.join("\n", out).lines().noneMatch(l -> l.contains("Exception")),
          String.join("\n", out));
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

  static String javaBin() {
    return Path.of(System.getProperty("java.home"), "bin", "java").toString();
  }
}
