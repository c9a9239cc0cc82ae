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
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Warn first, then sanction (DOMAIN.md 5.3) and credit grades (9) over HTTP, answers validated
 * against the OpenAPI description: 处罚有限公司 has a GENERAL administrative penalty decided 2024-03-05
 * and a second one decided 2024-11-20, within 12 months of the first.
 */
class WarnFirstIT {
  static final String FIRM = Fixtures.uscc("91442000MA4W1P9Q7");
  @RegisterExtension static final ApiServerExtension SERVER = ApiServerExtension.fixtures();
  static ApiServer server;
  static final String WATCHED = Fixtures.uscc("91442000MA4W2G8D3");

  static CreditRecord penalty(String id, String decidedOn) {
    LocalDate d = LocalDate.parse(decidedOn);
    return new CreditRecord(
        id,
        SubjectKey.uscc(FIRM),
        "ADMINISTRATIVE_PENALTY",
        "MARKET_REGULATION",
        "",
        "",
        d,
        d,
        Optional.empty(),
        List.of(),
        Optional.empty(),
        Optional.empty(),
        Optional.empty(),
        Optional.empty(),
        Optional.empty(),
        Map.of("severity", "GENERAL", "penalty", "FINE"),
        List.of(),
        List.of());
  }

  @BeforeAll
  static void start() {
    server = SERVER.server();
    server.write(
        WriteBatch.builder()
            .subject(Subject.company(FIRM, "处罚有限公司"))
            .record(penalty("PEN-1", "2024-03-05"))
            .record(penalty("PEN-2", "2024-11-20"))
            .build());
  }

  static JsonNode check(String asOf) {
    ApiServer.Answer a =
        server.post(
            "/api/v1/checks/sanctions",
            Role.DEPARTMENT,
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
    r.path("measures")
        .forEach(m -> rules.add(m.path("rule").asText() + " " + m.path("measure").asText()));
    assertEquals(
        List.of("JS-REPEAT HONOURS_BAN", "JS-REPEAT INSPECTION_FREQUENCY"),
        rules.stream().sorted().toList());
    assertEquals(2, r.path("warnings").size(), "both penalties still warn: " + r);
    JsonNode g = r.path("grade");
    assertEquals("C", g.path("grade").asText());
    assertEquals("TWO_PENALTIES_12_MONTHS", g.path("conditions").get(0).asText());
    assertEquals(
        List.of("PEN-1", "PEN-2"),
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
    // 2024-06-01: one GENERAL penalty in 12 months, grade B; 2024-11-20: two, grade C with both
    // records behind it
    String id = firmId();
    ApiServer.Answer june =
        server.get("/api/v1/subjects/" + id + "?asOf=2024-06-01", Role.INVESTIGATOR);
    assertEquals(200, june.status(), june.body());
    assertEquals("B", june.json().path("grade").path("grade").asText(), june.body());
    ApiServer.Answer nov =
        server.get("/api/v1/subjects/" + id + "?asOf=2024-11-20", Role.INVESTIGATOR);
    JsonNode g = nov.json().path("grade");
    assertEquals("C", g.path("grade").asText(), nov.body());
    assertEquals("TWO_PENALTIES_12_MONTHS", g.path("conditions").get(0).asText());
    assertEquals(2, g.path("records").size());
  }

  @Test
  void aSimulationNamesTheGradeItWouldChange() {
    // on 2024-06-01 (grade B after PEN-1) a second penalty decided that day would make two within
    // 12 months: C
    long version = server.store.version();
    ApiServer.Answer a =
        server.post(
            "/api/v1/simulations",
            Role.INVESTIGATOR,
            "{\"type\":\"record\",\"subject\":{\"uscc\":\""
                + FIRM
                + "\"},\"list\":\"ADMINISTRATIVE_PENALTY\","
                + "\"severity\":\"GENERAL\",\"asOf\":\"2024-06-01\"}");
    assertEquals(200, a.status(), a.body());
    JsonNode g = a.json().path("grades");
    assertEquals(1, g.size(), a.body());
    assertEquals(firmId(), g.get(0).path("subject").path("id").asText());
    assertEquals("B", g.get(0).path("before").path("grade").asText());
    assertEquals("C", g.get(0).path("after").path("grade").asText());
    assertEquals(
        "TWO_PENALTIES_12_MONTHS", g.get(0).path("after").path("conditions").get(0).asText());
    assertEquals(version, server.store.version(), "nothing stored");
    // on 2026-01-01 both penalties are older than 12 months: one more leaves the grade B, so no
    // grade change
    ApiServer.Answer later =
        server.post(
            "/api/v1/simulations",
            Role.INVESTIGATOR,
            "{\"type\":\"record\",\"subject\":{\"uscc\":\""
                + FIRM
                + "\"},\"list\":\"ADMINISTRATIVE_PENALTY\","
                + "\"severity\":\"GENERAL\",\"asOf\":\"2026-01-01\"}");
    assertEquals(200, later.status(), later.body());
    assertEquals(0, later.json().path("grades").size(), later.body());
  }

  @Test
  void theSimulationBodyIsAnExchangeRecordLine() {
    // the line's severity counts: on 2026-01-01 one SERIOUS penalty decided that day makes the firm
    // C at once
    String line =
        "{\"type\":\"record\",\"id\":\"ZSAMR-2026-0001\",\"subject\":{\"uscc\":\""
            + FIRM
            + "\"},"
            + "\"list\":\"ADMINISTRATIVE_PENALTY\",\"severity\":\"SERIOUS\",\"penalty\":\"SUSPENSION\","
            + "\"department\":\"MARKET_REGULATION\",\"decidedOn\":\"2026-01-01\",\"effectiveFrom\":\"2026-01-01\"}";
    ApiServer.Answer a =
        server.post("/api/v1/simulations?asOf=2026-01-01", Role.INVESTIGATOR, line);
    assertEquals(200, a.status(), a.body());
    assertEquals("ZSAMR-2026-0001", a.json().path("recordId").asText());
    JsonNode g = a.json().path("grades").get(0);
    assertEquals("B", g.path("before").path("grade").asText(), a.body());
    assertEquals("C", g.path("after").path("grade").asText(), a.body());
    assertEquals(
        List.of("ZSAMR-2026-0001"), List.of(g.path("after").path("records").get(0).asText()));
    // as in a batch, a penalty without its severity is refused, naming the field
    ApiServer.Answer noSeverity =
        server.post(
            "/api/v1/simulations?asOf=2026-01-01",
            Role.INVESTIGATOR,
            line.replace("\"severity\":\"SERIOUS\",", ""));
    assertEquals(400, noSeverity.status(), noSeverity.body());
    assertEquals("severity", noSeverity.json().path("field").asText(), noSeverity.body());
    ApiServer.Answer status =
        server.post(
            "/api/v1/simulations",
            Role.INVESTIGATOR,
            "{\"type\":\"status\",\"record\":\"PEN-1\",\"status\":\"REVOKED\",\"on\":\"2026-01-01\"}");
    assertEquals(400, status.status(), status.body());
    assertEquals("type", status.json().path("field").asText(), status.body());
  }

  @Test
  void aChangeOfGradeRaisesAWatchAlert() {
    // 监视五金有限公司 has a GENERAL penalty decided 2025-01-10 (grade B); an investigator watches it. A
    // SERIOUS
    // penalty decided 2025-03-01 arrives in a batch: grade C on 2025-03-01
    // (SERIOUS_PENALTY_12_MONTHS), a GRADE_CHANGE
    // alert raised on that day. Revoking it on 2025-03-10 brings the grade back to B: a second
    // GRADE_CHANGE alert.
    CreditRecord first =
        new CreditRecord(
            "PEN-W1",
            SubjectKey.uscc(WATCHED),
            "ADMINISTRATIVE_PENALTY",
            "MARKET_REGULATION",
            "",
            "",
            LocalDate.parse("2025-01-10"),
            LocalDate.parse("2025-01-10"),
            Optional.empty(),
            List.of(),
            Optional.empty(),
            Optional.empty(),
            Optional.empty(),
            Optional.empty(),
            Optional.empty(),
            Map.of("severity", "GENERAL", "penalty", "FINE"),
            List.of(),
            List.of());
    server.write(
        WriteBatch.builder().subject(Subject.company(WATCHED, "监视五金有限公司")).record(first).build());
    ApiServer.Answer watched =
        server.post(
            "/api/v1/watchlist",
            Role.INVESTIGATOR,
            "{\"subjects\":[{\"uscc\":\"" + WATCHED + "\"}]}");
    assertEquals(200, watched.status(), watched.body());
    String line =
        "{\"type\":\"record\",\"id\":\"PEN-W2\",\"subject\":{\"uscc\":\""
            + WATCHED
            + "\"},"
            + "\"list\":\"ADMINISTRATIVE_PENALTY\",\"severity\":\"SERIOUS\",\"penalty\":\"FINE\","
            + "\"department\":\"MARKET_REGULATION\",\"decisionNo\":\"中市监处字〔2025〕88号\",\"basis\":\"《产品质量法》第四十九条\","
            + "\"decidedOn\":\"2025-03-01\",\"effectiveFrom\":\"2025-03-01\"}\n";
    ApiServer.Answer loaded =
        server.send(
            server
                .builder("/api/v1/batches?name=MARKET_REGULATION-2025-03-01.jsonl", Role.STEWARD)
                .header("Content-Type", "application/x-ndjson")
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString(line))
                .build());
    assertEquals(1, loaded.json().path("accepted").asLong(), loaded.body());
    List<JsonNode> grades = gradeAlerts();
    assertEquals(1, grades.size(), grades.toString());
    JsonNode a = grades.get(0);
    assertEquals("2025-03-01", a.path("watch").path("event").path("on").asText());
    assertEquals(WATCHED, a.path("subject").path("uscc").asText());
    JsonNode e = a.path("watch").path("event");
    assertEquals("C", e.path("status").asText(), a.toString());
    assertEquals("PEN-W2", e.path("record").asText());
    assertEquals("credit grade B -> C", e.path("note").asText());

    ApiServer.Answer revoked =
        server.post(
            "/api/v1/records/PEN-W2/status",
            Role.STEWARD,
            "{\"status\":\"REVOKED\",\"on\":\"2025-03-10\",\"note\":\"decision annulled on review\"}");
    assertEquals(200, revoked.status(), revoked.body());
    grades = gradeAlerts();
    assertEquals(2, grades.size(), grades.toString());
    assertEquals(
        "2025-03-10",
        grades.get(0).path("watch").path("event").path("on").asText(),
        "newest first");
    assertEquals(
        "credit grade C -> B", grades.get(0).path("watch").path("event").path("note").asText());
    // DOMAIN.md 10: raisedOn is the day the cause took effect, createdAt the instant the alert was
    // made
    assertEquals("2025-03-10", grades.get(0).path("raisedOn").asText());
    assertEquals("2025-03-01", grades.get(1).path("raisedOn").asText());
    assertTrue(grades.get(0).path("createdAt").asText().startsWith("20"), grades.get(0).toString());
    // asOf 2025-03-05: the alerts raised up to that day, so the revocation's is not listed yet
    List<JsonNode> march5 = gradeAlerts("&asOf=2025-03-05");
    assertEquals(1, march5.size(), march5.toString());
    assertEquals("C", march5.get(0).path("watch").path("event").path("status").asText());
    // since an instant after both were created: nothing new to poll
    String created = grades.get(0).path("createdAt").asText();
    assertEquals(
        0, gradeAlerts("&since=" + java.time.Instant.parse(created).plusSeconds(1)).size());
    assertEquals(
        2, gradeAlerts("&since=" + java.time.Instant.parse(created).minusSeconds(3600)).size());
  }

  static List<JsonNode> gradeAlerts() {
    return gradeAlerts("");
  }

  static List<JsonNode> gradeAlerts(String query) {
    ApiServer.Answer a = server.get("/api/v1/alerts?kind=WATCH" + query, Role.INVESTIGATOR);
    assertEquals(200, a.status(), a.body());
    List<JsonNode> out = new java.util.ArrayList<>();
    a.json()
        .path("items")
        .forEach(
            x -> {
              if (x.path("watch").path("event").path("type").asText().equals("GRADE_CHANGE")) {
                out.add(x);
              }
            });
    return out;
  }
}
