package io.credgraph.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.credgraph.api.audit.AuditEntry;
import io.credgraph.api.audit.AuditLog;
import io.credgraph.api.audit.AuditQuery;
import io.credgraph.api.auth.Role;
import io.credgraph.model.SubjectKey;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Over real HTTP: a full disk makes checks answer 503 instead of answering unaudited; looks at
 * persons are logged.
 */
class AuditHttpIT {
  static String appointment(String id) {
    return "{\"person\":{\"idNumber\":\""
        + id
        + "\"},\"role\":\"LEGAL_REP\",\"asOf\":\"2025-06-01\"}";
  }

  @Test
  void aFullDiskMakesChecksAnswer503AuditUnavailable(@TempDir Path dir) throws Exception {
    Path full = Path.of("/dev/full");
    Assumptions.assumeTrue(Files.isWritable(full), "/dev/full is needed");
    Files.createDirectories(dir.resolve("audit"));
    Files.createSymbolicLink(dir.resolve("audit").resolve(AuditLog.FILE_NAME), full);
    try (ApiServer server = new ApiServer(dir)) {
      Fixtures.load(server.engine.writer());
      ApiServer.Answer a =
          server.post("/api/v1/checks/appointment", Role.REGISTRY, appointment(Fixtures.ZHANG_ID));
      assertEquals(503, a.status(), a.body());
      assertTrue(a.contentType().startsWith("application/problem+json"), a.contentType());
      assertTrue(a.json().path("type").asText().endsWith("audit-unavailable"), a.body());
      assertEquals("5", a.raw().headers().firstValue("Retry-After").orElse(""));
      assertFalse(a.body().contains("eligible"), "no answer leaves unaudited");
      assertFalse(a.body().contains(Fixtures.ZHANG_ID));
      ApiServer.Answer s =
          server.post(
              "/api/v1/checks/sanctions",
              Role.DEPARTMENT,
              "{\"subjects\":[{\"uscc\":\"" + Fixtures.ALPHA_USCC + "\"}]}");
      assertEquals(503, s.status(), s.body());
      String alpha = server.subjectId(SubjectKey.uscc(Fixtures.ALPHA_USCC));
      assertEquals(
          403,
          server.get("/api/v1/subjects/" + alpha, Role.DEPARTMENT).status(),
          "an unaudited check gives no sight of the profile");
      assertEquals(503, server.get("/api/v1/subjects/" + alpha, Role.INVESTIGATOR).status());
    }
  }

  @Test
  void aProfileLogsTheRelatedPersonsItShowsByIdNeverByNumber(@TempDir Path dir) throws Exception {
    try (ApiServer server = new ApiServer(dir)) {
      Fixtures.load(server.engine.writer());
      String alpha = server.subjectId(SubjectKey.uscc(Fixtures.ALPHA_USCC));
      String zhang = server.subjectId(SubjectKey.resident(Fixtures.ZHANG_ID));
      ApiServer.Answer a = server.get("/api/v1/subjects/" + alpha, Role.INVESTIGATOR);
      assertEquals(200, a.status(), a.body());
      boolean showsZhang = false;
      for (JsonNode r : a.json().path("relations")) {
        showsZhang |= zhang.equals(r.path("other").path("id").asText());
      }
      assertTrue(showsZhang, "the fixture's profile shows the person: " + a.body());
      AuditEntry e = last(server.audit);
      assertEquals(List.of(alpha), e.subjects());
      assertTrue(e.shown().contains(zhang), e.toString());
      List<AuditEntry> aboutZhang =
          server
              .audit
              .query(
                  new AuditQuery(
                      Optional.empty(),
                      Optional.of(zhang),
                      Optional.empty(),
                      Optional.empty(),
                      0,
                      100))
              .entries();
      assertTrue(
          aboutZhang.stream().anyMatch(x -> x.seq() == e.seq()),
          "a search for the person finds the look");
      ApiServer.Answer page = server.get("/api/v1/audit?subject=" + zhang, Role.ADMIN);
      assertEquals(200, page.status(), page.body());
      String log = Files.readString(server.audit.file());
      assertFalse(log.contains(Fixtures.ZHANG_ID), "no ID number in the audit log");
    }
  }

  private static AuditEntry last(AuditLog log) {
    List<AuditEntry> all = log.query(AuditQuery.all()).entries();
    return all.get(all.size() - 1);
  }
}
