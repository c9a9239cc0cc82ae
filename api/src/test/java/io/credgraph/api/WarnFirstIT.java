package io.credgraph.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.credgraph.api.auth.Role;
import io.credgraph.model.CreditRecord;
import io.credgraph.model.Subject;
import io.credgraph.model.SubjectKey;
import io.credgraph.store.WriteBatch;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Warn first, then sanction (DOMAIN.md 5.3) and credit grades (9) over HTTP, answers validated against the OpenAPI
 * description: 处罚有限公司 has a GENERAL administrative penalty decided 2024-03-05 and a second one decided
 * 2024-11-20, within 12 months of the first.
 */
class WarnFirstIT {
  static final String FIRM = Fixtures.uscc("91442000MA4W1P9Q7");
  @TempDir
  static Path dir;
  static ApiServer server;

  static CreditRecord penalty(String id, String decidedOn) {
    LocalDate d = LocalDate.parse(decidedOn);
    return new CreditRecord(id, SubjectKey.uscc(FIRM), "ADMINISTRATIVE_PENALTY", "MARKET_REGULATION", "", "", d, d,
        Optional.empty(), List.of(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
        Optional.empty(), Map.of("severity", "GENERAL", "penalty", "FINE"), List.of(), List.of());
  }

  @BeforeAll
  static void start() {
    server = new ApiServer(dir);
    Fixtures.load(server.engine.writer());
    server.write(WriteBatch.builder().subject(Subject.company(FIRM, "处罚有限公司"))
        .record(penalty("PEN-1", "2024-03-05")).record(penalty("PEN-2", "2024-11-20")).build());
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  static JsonNode check(String asOf) {
    ApiServer.Answer a = server.post("/api/v1/checks/sanctions", Role.DEPARTMENT,
        "{\"subjects\":[{\"uscc\":\"" + FIRM + "\"}],\"asOf\":\"" + asOf + "\"}");
    assertEquals(200, a.status(), a.body());
    return a.json().path("results").get(0);
  }

  @Test
  void aFirstGeneralPenaltyWarnsAndRestrictsNothing() {
    JsonNode r = check("2024-06-01");
    assertFalse(r.path("restricted").asBoolean(), r.toString());
    assertEquals(0, r.path("measures").size(), r.toString());
    assertEquals(1, r.path("warnings").size(), r.toString());
    assertEquals("JS-WARN", r.path("warnings").get(0).path("rule").asText());
    assertEquals("WARNING", r.path("warnings").get(0).path("kind").asText());
    assertEquals("B", r.path("grade").path("grade").asText(), "one penalty in 12 months: " + r);
  }

  @Test
  void aSecondWithinTwelveMonthsRestrictsHonoursAndGradesC() {
    JsonNode r = check("2024-11-20");
    assertTrue(r.path("restricted").asBoolean(), r.toString());
    List<String> rules = new java.util.ArrayList<>();
    r.path("measures").forEach(m -> rules.add(m.path("rule").asText() + " " + m.path("measure").asText()));
    assertEquals(List.of("JS-REPEAT HONOURS_BAN", "JS-REPEAT INSPECTION_FREQUENCY"), rules.stream().sorted().toList());
    assertEquals(2, r.path("warnings").size(), "both penalties still warn: " + r);
    JsonNode g = r.path("grade");
    assertEquals("C", g.path("grade").asText());
    assertEquals("TWO_PENALTIES_12_MONTHS", g.path("conditions").get(0).asText());
    assertEquals(List.of("PEN-1", "PEN-2"),
        List.of(g.path("records").get(0).asText(), g.path("records").get(1).asText()));
  }

  @Test
  void statisticsGroupOrganisationsByGrade() {
    ApiServer.Answer a = server.get("/api/v1/stats?by=grade&asOf=2024-11-20", Role.INVESTIGATOR);
    assertEquals(200, a.status(), a.body());
    List<String> keys = new java.util.ArrayList<>();
    a.json().path("rows").forEach(row -> keys.add(row.path("key").asText()));
    assertTrue(keys.contains("C") && keys.contains("D"), keys.toString());
  }

  static String firmId() {
    ApiServer.Answer a = server.get("/api/v1/subjects?q=" + FIRM, Role.INVESTIGATOR);
    assertEquals(200, a.status(), a.body());
    return a.json().path("items").get(0).path("id").asText();
  }

  @Test
  void theProfileShowsTheGradeOnAsOf() {
    // 2024-06-01: one GENERAL penalty in 12 months, grade B; 2024-11-20: two, grade C with both records behind it
    String id = firmId();
    ApiServer.Answer june = server.get("/api/v1/subjects/" + id + "?asOf=2024-06-01", Role.INVESTIGATOR);
    assertEquals(200, june.status(), june.body());
    assertEquals("B", june.json().path("grade").path("grade").asText(), june.body());
    ApiServer.Answer nov = server.get("/api/v1/subjects/" + id + "?asOf=2024-11-20", Role.INVESTIGATOR);
    JsonNode g = nov.json().path("grade");
    assertEquals("C", g.path("grade").asText(), nov.body());
    assertEquals("TWO_PENALTIES_12_MONTHS", g.path("conditions").get(0).asText());
    assertEquals(2, g.path("records").size());
  }

  @Test
  void aSimulationNamesTheGradeItWouldChange() {
    // on 2024-06-01 (grade B after PEN-1) a second penalty decided that day would make two within 12 months: C
    long version = server.store.version();
    ApiServer.Answer a = server.post("/api/v1/simulations", Role.INVESTIGATOR,
        "{\"subject\":{\"uscc\":\"" + FIRM + "\"},\"list\":\"ADMINISTRATIVE_PENALTY\",\"asOf\":\"2024-06-01\"}");
    assertEquals(200, a.status(), a.body());
    JsonNode g = a.json().path("grades");
    assertEquals(1, g.size(), a.body());
    assertEquals(firmId(), g.get(0).path("subject").path("id").asText());
    assertEquals("B", g.get(0).path("before").path("grade").asText());
    assertEquals("C", g.get(0).path("after").path("grade").asText());
    assertEquals("TWO_PENALTIES_12_MONTHS", g.get(0).path("after").path("conditions").get(0).asText());
    assertEquals(version, server.store.version(), "nothing stored");
    // on 2026-01-01 both penalties are older than 12 months: one more leaves the grade B, so no grade change
    ApiServer.Answer later = server.post("/api/v1/simulations", Role.INVESTIGATOR,
        "{\"subject\":{\"uscc\":\"" + FIRM + "\"},\"list\":\"ADMINISTRATIVE_PENALTY\",\"asOf\":\"2026-01-01\"}");
    assertEquals(200, later.status(), later.body());
    assertEquals(0, later.json().path("grades").size(), later.body());
  }
}
