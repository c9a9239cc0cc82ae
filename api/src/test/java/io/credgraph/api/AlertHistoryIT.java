package io.credgraph.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.credgraph.api.alerts.AlertHistory;
import io.credgraph.api.auth.Role;
import io.credgraph.cypher.EmbeddedNeo4jStore;
import io.credgraph.datasets.SampleCity;
import io.credgraph.engine.AlertKind;
import io.credgraph.exchange.ExchangeLoader;
import io.credgraph.exchange.LoadListener;
import io.credgraph.exchange.LoadOptions;
import io.credgraph.model.SubjectKey;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The alert history over HTTP (DOMAIN.md 10), on the sample city (datasets/STORIES.md) loaded
 * through the batches route into a real on-disk embedded Neo4j store; the server's clock says
 * 2025-06-01 10:00 China Standard Time.
 *
 * <p>徐明 is legal representative of MA00807R6W since 2018 and holds no record. A court batch puts
 * him on the DISHONEST_JUDGMENT_DEBTOR list from 2025-05-20: a SITTING_OFFICER alert raised on
 * 2025-05-20. The record is revoked on 2025-05-28; the alert stays. Restarts keep the history,
 * repair a torn last line, and record what an offline load wrote while the server was down (徐建华,
 * the other legal representative of MA00807R6W, listed from 2025-05-26); 吴润发 (legal representative
 * of MA0024XU44) is listed from 2025-05-30 after the repair.
 */
class AlertHistoryIT {
  static final String XU_MING = "442000198505251375";
  static final String XU_JIANHUA = "442000198706061383";
  static final String ORG = "91442000MA00807R6W";
  static final String WU = "442000198101211166";
  static final String R1 = "ZSCOURT-SX-2025-9101";
  static final String R2 = "ZSCOURT-SX-2025-9102";
  static final String R3 = "ZSCOURT-SX-2025-9103";

  @TempDir Path dir;

  ApiServer open() {
    return new ApiServer(
        dir,
        EmbeddedNeo4jStore.open(dir.resolve("graph"), EmbeddedNeo4jStore.Options.small()),
        ApiConfig.DEFAULT_MAX_BODY);
  }

  static String debtor(String recordId, String idNumber, String day) {
    return "{\"type\":\"record\",\"id\":\""
        + recordId
        + "\",\"subject\":{\"idNumber\":\""
        + idNumber
        + "\"},"
        + "\"list\":\"DISHONEST_JUDGMENT_DEBTOR\",\"department\":\"COURT\",\"decisionNo\":\"（2025）粤2071执"
        + recordId.substring(recordId.length() - 4)
        + "号\",\"basis\":\"《最高人民法院关于公布失信被执行人名单信息的若干规定》第一条\","
        + "\"decidedOn\":\""
        + day
        + "\",\"effectiveFrom\":\""
        + day
        + "\"}\n";
  }

  static ApiServer.Answer postBatch(ApiServer server, String name, byte[] body) {
    return server.send(
        server
            .builder("/api/v1/batches?name=" + name, Role.STEWARD)
            .header("Content-Type", "application/x-ndjson")
            .POST(HttpRequest.BodyPublishers.ofByteArray(body))
            .build());
  }

  static List<JsonNode> alerts(ApiServer server, String query) {
    ApiServer.Answer a = server.get("/api/v1/alerts?limit=500" + query, Role.INVESTIGATOR);
    assertEquals(200, a.status(), a.body());
    assertTrue(a.json().path("next").isMissingNode(), "one page holds them all: " + a.body());
    List<JsonNode> out = new ArrayList<>();
    a.json().path("items").forEach(out::add);
    return out;
  }

  /** The SITTING_OFFICER alert of the person that the record raised. */
  static Optional<JsonNode> officer(List<JsonNode> alerts, String personId, String recordId) {
    return alerts.stream()
        .filter(
            a ->
                a.path("kind").asText().equals("SITTING_OFFICER")
                    && a.path("subject").path("id").asText().equals(personId)
                    && a.path("reasons").findValuesAsText("record").contains(recordId))
        .findFirst();
  }

  static boolean anyOfficer(List<JsonNode> alerts, String personId) {
    return alerts.stream()
        .anyMatch(
            a ->
                a.path("kind").asText().equals("SITTING_OFFICER")
                    && a.path("subject").path("id").asText().equals(personId));
  }

  static String id(ApiServer s, SubjectKey k) {
    return s.subjectId(k);
  }

  @Test
  void anAlertRaisedByABatchStaysListedAfterItsCauseIsRevokedAndAcrossRestarts()
      throws IOException {
    Path file = dir.resolve(AlertHistory.FILE);
    List<JsonNode> beforeRestart;
    String xuMing;
    JsonNode raised;
    try (ApiServer server = open()) {
      for (String batch : SampleCity.batches()) {
        byte[] body;
        try (InputStream in = SampleCity.open(batch)) {
          body = in.readAllBytes();
        }
        ApiServer.Answer a = postBatch(server, batch, body);
        assertEquals(200, a.status(), batch + ": " + a.body());
      }
      xuMing = id(server, SubjectKey.resident(XU_MING));
      List<JsonNode> city = alerts(server, "");
      assertFalse(anyOfficer(city, xuMing), "徐明 holds no record yet");
      assertFalse(city.isEmpty(), "the sample city raises alerts");

      ApiServer.Answer loaded =
          postBatch(
              server,
              "court-2025-05.jsonl",
              debtor(R1, XU_MING, "2025-05-20").getBytes(StandardCharsets.UTF_8));
      assertEquals(1, loaded.json().path("accepted").asLong(), loaded.body());
      // recorded by the write itself, before anyone lists alerts
      assertTrue(Files.readString(file).contains(R1), "the batch recorded the alert");

      List<JsonNode> all = alerts(server, "");
      raised =
          officer(all, xuMing, R1)
              .orElseThrow(() -> new AssertionError("no alert for 徐明 in " + all));
      assertEquals(
          id(server, SubjectKey.uscc(ORG)), raised.path("organisation").path("id").asText());
      assertEquals("LEGAL_REP", raised.path("role").asText());
      assertEquals(
          "2025-05-20", raised.path("raisedOn").asText(), "the day the record took effect");
      assertEquals(R1, raised.path("reasons").get(0).path("record").asText());
      assertEquals(
          XU_MING,
          raised.path("subject").path("idNumber").asText(),
          "an INVESTIGATOR sees the number");
      assertFalse(Files.readString(file).contains(XU_MING), "the file holds no ID number");
      Instant created = Instant.parse(raised.path("createdAt").asText());
      for (JsonNode a : city) {
        assertTrue(
            created.isAfter(Instant.parse(a.path("createdAt").asText())),
            "created after the city's: " + a);
      }

      ApiServer.Answer revoked =
          server.post(
              "/api/v1/records/" + R1 + "/status",
              Role.STEWARD,
              "{\"status\":\"REVOKED\",\"on\":\"2025-05-28\",\"note\":\"judgment satisfied\"}");
      assertEquals(200, revoked.status(), revoked.body());
      assertTrue(
          server
              .engine
              .alerts(
                  Optional.of(AlertKind.SITTING_OFFICER),
                  LocalDate.parse("2025-06-01"),
                  Optional.empty())
              .stream()
              .noneMatch(a -> a.subject().id().value().equals(xuMing)),
          "the engine no longer finds the cause on 2025-06-01");
      List<JsonNode> after = alerts(server, "");
      assertEquals(
          raised,
          officer(after, xuMing, R1)
              .orElseThrow(
                  () -> new AssertionError("the revoked cause's alert " + "vanished: " + after)),
          "listed as it was raised, createdAt unchanged");

      // since: created after an instant (polling), or from a day's start
      assertTrue(
          officer(alerts(server, "&since=" + created), xuMing, R1).isEmpty(),
          "since its own createdAt: seen");
      List<JsonNode> polled = alerts(server, "&since=" + created.minusNanos(1000));
      assertEquals(List.of(raised), polled, "only what was created after the previous poll");
      assertTrue(officer(alerts(server, "&since=2025-06-01"), xuMing, R1).isPresent());
      assertTrue(
          alerts(server, "&since=2025-06-02").isEmpty(), "nothing created from 2025-06-02 on");
      assertEquals(
          400, server.get("/api/v1/alerts?since=2025-06-01T25:00", Role.INVESTIGATOR).status());
      // asOf: raised up to that day
      assertTrue(
          officer(alerts(server, "&asOf=2025-05-19"), xuMing, R1).isEmpty(),
          "not raised yet on 2025-05-19");
      assertTrue(
          officer(alerts(server, "&asOf=2025-05-20"), xuMing, R1).isPresent(),
          "raised on 2025-05-20");

      // paging: disjoint pages that together are the whole list, in its order
      List<JsonNode> whole = alerts(server, "");
      assertTrue(whole.size() >= 3, "enough alerts to page: " + whole.size());
      List<JsonNode> paged = new ArrayList<>();
      String cursor = null;
      int pages = 0;
      do {
        ApiServer.Answer p =
            server.get(
                "/api/v1/alerts?limit=2" + (cursor == null ? "" : "&cursor=" + cursor),
                Role.INVESTIGATOR);
        assertEquals(200, p.status(), p.body());
        assertTrue(p.json().path("items").size() <= 2);
        p.json().path("items").forEach(paged::add);
        cursor = p.json().path("next").isMissingNode() ? null : p.json().path("next").asText();
        pages++;
      } while (cursor != null && pages < 1000);
      assertEquals(whole, paged, "pages are disjoint and cover the list");
      assertEquals(new HashSet<>(whole).size(), whole.size(), "no alert listed twice");
      ApiServer.Answer tooMany = server.get("/api/v1/alerts?limit=501", Role.INVESTIGATOR);
      assertEquals(400, tooMany.status());
      assertEquals("limit", tooMany.json().path("field").asText());

      // the dashboard counts the same history
      JsonNode counts = server.get("/api/v1/stats/alerts", Role.INVESTIGATOR).json();
      assertEquals(
          alerts(server, "&kind=SITTING_OFFICER").size(),
          counts.path("byKind").path("SITTING_OFFICER").asInt(),
          counts.toString());
      beforeRestart = alerts(server, "");
    }

    // a restart keeps the history (the engine no longer finds 徐明's alert: only the file can list
    // it)
    try (ApiServer server = open()) {
      assertEquals(beforeRestart, alerts(server, ""), "the same alerts, createdAt included");
    }

    // a crash during a write left half a line: cut at start, saved beside the file, the rest kept
    Files.writeString(
        file, "{\"kind\":\"SITTING_OFFICER\",\"subject\":{\"id\":\"s12", StandardOpenOption.APPEND);
    String xuJianhua;
    Instant newestBefore;
    try (ApiServer server = open()) {
      assertEquals(beforeRestart, alerts(server, ""));
      assertTrue(Files.readString(file).endsWith("\n"), "the torn line was cut");
      List<Path> partial;
      try (Stream<Path> s = Files.list(dir)) {
        partial =
            s.filter(p -> p.getFileName().toString().startsWith(AlertHistory.FILE + ".partial-"))
                .toList();
      }
      assertEquals(1, partial.size(), "the cut bytes are kept");
      assertTrue(Files.readString(partial.get(0)).startsWith("{\"kind\":\"SITTING_OFFICER\""));
      xuJianhua = id(server, SubjectKey.resident(XU_JIANHUA));
      newestBefore =
          Instant.parse(
              beforeRestart.stream()
                  .map(a -> a.path("createdAt").asText())
                  .max(String::compareTo)
                  .orElseThrow());
    }

    // an offline load (the CLI writes to the store without a server) is recorded at the next start
    try (EmbeddedNeo4jStore store =
        EmbeddedNeo4jStore.open(dir.resolve("graph"), EmbeddedNeo4jStore.Options.small())) {
      var report =
          new ExchangeLoader(store, LoadOptions.defaults())
              .load(
                  new ByteArrayInputStream(
                      debtor(R2, XU_JIANHUA, "2025-05-26").getBytes(StandardCharsets.UTF_8)),
                  "offline.jsonl",
                  LoadListener.NONE);
      assertNotNull(report);
    }
    JsonNode offline;
    try (ApiServer server = open()) {
      List<JsonNode> all = alerts(server, "");
      offline =
          officer(all, xuJianhua, R2)
              .orElseThrow(() -> new AssertionError("the offline load's alert: " + all));
      assertEquals("2025-05-26", offline.path("raisedOn").asText());
      assertTrue(
          Instant.parse(offline.path("createdAt").asText()).isAfter(newestBefore),
          "created at this start");
      assertTrue(officer(all, xuMing, R1).isPresent());
      // a write after the repair appends whole lines
      ApiServer.Answer loaded =
          postBatch(
              server,
              "court-2025-05b.jsonl",
              debtor(R3, WU, "2025-05-30").getBytes(StandardCharsets.UTF_8));
      assertEquals(1, loaded.json().path("accepted").asLong(), loaded.body());
    }
    try (ApiServer server = open()) {
      List<JsonNode> all = alerts(server, "");
      assertTrue(officer(all, id(server, SubjectKey.resident(WU)), R3).isPresent(), all.toString());
      assertEquals(offline, officer(all, xuJianhua, R2).orElseThrow());
      assertEquals(beforeRestart.size() + 2, all.size(), "each alert once");
      Set<String> lines = new HashSet<>(Files.readAllLines(file));
      assertEquals(all.size(), lines.size(), "one line per alert, each recorded once");
    }
  }
}
