package io.credgraph.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.credgraph.api.auth.Role;
import io.credgraph.model.SubjectKey;
import java.io.IOException;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The investigation routes over a real server, on the sample city (datasets/STORIES.md) loaded
 * through {@code POST /api/v1/batches}: the shareholding cycle of S23 (明辉), the divergent cycle of
 * S24 (天海), the nominee 黄伟 of S22 who represents 24 enterprises, role boundaries, bad parameters,
 * and watchlist alerts raised by writes made through the API. The watchlist test writes a record,
 * so it runs last.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class InvestigationIT {
  static final String MINGHUI_HOLDING = "91442000MA006CR39W";
  static final String MINGHUI_LIGHTING = "91442000MA006M1H5P";
  static final String TIANHAI_INVEST = "91442000MA007EPW42";
  static final String GUANGFA = "91442000MA002XM75R";
  static final String XINYUAN = "91442000MA0088F839";
  static final String HUAXING = "91442000MA00A45D0Y";
  static final String HUANG_WEI = "442000196202221321";

  @RegisterExtension static final ApiServerExtension SERVER = ApiServerExtension.sampleCity();
  static ApiServer server;

  @BeforeAll
  static void load() {
    server = SERVER.server();
  }

  static ApiServer.Answer postBatch(String name, byte[] body) {
    return server.send(
        server
            .builder("/api/v1/batches?name=" + name, Role.STEWARD)
            .header("Content-Type", "application/x-ndjson")
            .POST(HttpRequest.BodyPublishers.ofByteArray(body))
            .build());
  }

  static String org(String uscc) {
    return server.subjectId(SubjectKey.uscc(uscc));
  }

  static String person(String idNumber) {
    return server.subjectId(SubjectKey.resident(idNumber));
  }

  static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }

  static void assertProblem(ApiServer.Answer a, int status, String field) {
    assertEquals(status, a.status(), a.body());
    assertTrue(a.contentType().startsWith("application/problem+json"), a.contentType());
    if (field != null) {
      assertEquals(field, a.json().path("field").asText(), a.body());
    }
  }

  // ------------------------------------------------------------------ controllers

  @Test
  void controllersOfACycleSumTheSeriesAsStoryS23Computes() {
    JsonNode a =
        server
            .get(
                "/api/v1/subjects/"
                    + org(MINGHUI_HOLDING)
                    + "/controllers?asOf=2024-01-01&threshold=0.03",
                Role.INVESTIGATOR)
            .json();
    JsonNode owners = a.path("owners");
    assertEquals(3, owners.size(), a.toString());
    assertEquals("卢嘉豪", owners.get(0).path("subject").path("name").asText());
    assertEquals(0.8 / 0.976, owners.get(0).path("ratio").asDouble(), 1e-6);
    assertEquals("区振国", owners.get(1).path("subject").path("name").asText());
    assertEquals(0.7 * 0.2 / 0.976, owners.get(1).path("ratio").asDouble(), 1e-6);
    assertEquals("卢秀英", owners.get(2).path("subject").path("name").asText());
    assertEquals(0.6 * 0.3 * 0.2 / 0.976, owners.get(2).path("ratio").asDouble(), 1e-6);
    JsonNode direct = owners.get(0).path("paths").get(0);
    assertEquals(0.8, direct.path("product").asDouble(), 1e-9);
    assertEquals("卢嘉豪", direct.path("path").get(0).path("name").asText());
    assertEquals("SHAREHOLDER", direct.path("path").get(1).path("rel").asText());
    assertTrue(direct.path("path").get(1).path("forward").asBoolean());
    assertEquals(MINGHUI_HOLDING, direct.path("path").get(2).path("uscc").asText());
    assertEquals("卢嘉豪", a.path("actualController").path("subject").path("name").asText());
    assertEquals("OWNERSHIP", a.path("actualController").path("basis").asText());
    assertEquals(0, a.path("conflicts").size());
    assertTrue(
        owners.get(0).path("subject").path("idNumber").asText().length() == 18,
        "an INVESTIGATOR sees full ID numbers");
  }

  @Test
  void theDefaultThresholdKeepsOwnersAtOrAbove25Percent() {
    JsonNode a =
        server
            .get(
                "/api/v1/subjects/" + org(MINGHUI_LIGHTING) + "/controllers?asOf=2024-01-01",
                Role.INVESTIGATOR)
            .json();
    assertEquals(0.25, a.path("threshold").asDouble());
    assertEquals(2, a.path("owners").size(), a.toString());
    assertEquals("卢秀英", a.path("owners").get(0).path("subject").path("name").asText());
    assertEquals(0.6 / 0.976, a.path("owners").get(0).path("ratio").asDouble(), 1e-6);
    assertEquals("卢嘉豪", a.path("owners").get(1).path("subject").path("name").asText());
    assertEquals(0.32 / 0.976, a.path("owners").get(1).path("ratio").asDouble(), 1e-6);
    assertEquals("卢秀英", a.path("actualController").path("subject").path("name").asText());
  }

  @Test
  void aCycleOfFullHoldingsIsReportedAsAConflict() {
    JsonNode a =
        server
            .get(
                "/api/v1/subjects/" + org(TIANHAI_INVEST) + "/controllers?asOf=2024-01-01",
                Role.INVESTIGATOR)
            .json();
    List<String> kinds = new ArrayList<>();
    a.path("conflicts").forEach(c -> kinds.add(c.path("kind").asText()));
    assertTrue(kinds.contains("DIVERGENT_CYCLE"), a.toString());
  }

  // ------------------------------------------------------------------ graph

  @Test
  void theNomineesNeighbourhoodListsHisEnterprisesOrSummarisesThem() {
    String huang = person(HUANG_WEI);
    JsonNode full =
        server
            .get(
                "/api/v1/subjects/" + huang + "/graph?depth=1&rel=LEGAL_REP&asOf=2025-06-01",
                Role.INVESTIGATOR)
            .json();
    assertEquals(huang, full.path("nodes").get(0).path("subject").path("id").asText());
    assertEquals(0, full.path("nodes").get(0).path("depth").asInt());
    assertEquals(25, full.path("nodes").size(), "黄伟 and the 24 enterprises he represents");
    assertEquals(24, full.path("edges").size());
    full.path("edges")
        .forEach(
            e -> {
              assertEquals("LEGAL_REP", e.path("rel").asText());
              assertEquals(huang, e.path("from").asText());
            });
    assertEquals(0, full.path("supernodes").size());

    JsonNode summarised =
        server
            .get(
                "/api/v1/subjects/"
                    + huang
                    + "/graph?depth=2&rel=LEGAL_REP&supernodeThreshold=10&asOf=2025-06-01",
                Role.INVESTIGATOR)
            .json();
    assertEquals(1, summarised.path("nodes").size(), summarised.toString());
    JsonNode s = summarised.path("supernodes").get(0);
    assertEquals(huang, s.path("subject").path("id").asText());
    assertEquals("LEGAL_REP", s.path("rel").asText());
    assertEquals("OUTGOING", s.path("direction").asText());
    assertEquals(24, s.path("count").asInt());
  }

  @Test
  void relationsNotYetInForceAreNotDrawn() {
    JsonNode a =
        server
            .get(
                "/api/v1/subjects/" + person(HUANG_WEI) + "/graph?rel=LEGAL_REP&asOf=2018-07-06",
                Role.INVESTIGATOR)
            .json();
    a.path("edges")
        .forEach(
            e ->
                assertFalse(
                    e.path("to").asText().equals(org(GUANGFA)),
                    "the LEGAL_REP of 广发 starts on 2018-07-07"));
    JsonNode b =
        server
            .get(
                "/api/v1/subjects/" + person(HUANG_WEI) + "/graph?rel=LEGAL_REP&asOf=2018-07-07",
                Role.INVESTIGATOR)
            .json();
    List<String> to = new ArrayList<>();
    b.path("edges").forEach(e -> to.add(e.path("to").asText()));
    assertTrue(to.contains(org(GUANGFA)), b.toString());
  }

  // ------------------------------------------------------------------ paths

  @Test
  void theShortestPathBetweenTwoOwnersOfTheCycleRunsThroughTheirCompanies() {
    String lu =
        server
            .get(
                "/api/v1/subjects/" + org(MINGHUI_HOLDING) + "/controllers?asOf=2024-01-01",
                Role.INVESTIGATOR)
            .json()
            .path("owners")
            .get(0)
            .path("subject")
            .path("id")
            .asText();
    String ou =
        server
            .get(
                "/api/v1/subjects/"
                    + org(MINGHUI_HOLDING)
                    + "/controllers?asOf=2024-01-01&threshold=0.1",
                Role.INVESTIGATOR)
            .json()
            .path("owners")
            .get(1)
            .path("subject")
            .path("id")
            .asText();
    JsonNode a =
        server
            .get(
                "/api/v1/paths?from=" + lu + "&to=" + ou + "&rel=SHAREHOLDER&asOf=2024-01-01",
                Role.INVESTIGATOR)
            .json();
    assertEquals(3, a.path("hops").asInt(), a.toString());
    assertEquals(1, a.path("paths").size());
    JsonNode p = a.path("paths").get(0).path("path");
    assertEquals(7, p.size(), "4 subjects and 3 relations alternate");
    assertEquals("卢嘉豪", p.get(0).path("name").asText());
    assertEquals(MINGHUI_HOLDING, p.get(2).path("uscc").asText());
    assertFalse(
        p.get(3).path("forward").asBoolean(), "明辉照明科技 holds 明辉控股: the relation points back");
    assertEquals("区振国", p.get(6).path("name").asText());

    JsonNode none =
        server
            .get(
                "/api/v1/paths?from="
                    + lu
                    + "&to="
                    + ou
                    + "&rel=SHAREHOLDER&maxHops=2"
                    + "&asOf=2024-01-01",
                Role.INVESTIGATOR)
            .json();
    assertEquals(0, none.path("paths").size());
    assertTrue(none.path("reason").asText().contains("2"), none.toString());
  }

  @Test
  void badPathParametersAreProblems() {
    String a = org(GUANGFA);
    String b = org(XINYUAN);
    assertProblem(
        server.get("/api/v1/paths?from=" + a + "&to=" + b + "&maxHops=7", Role.INVESTIGATOR),
        400,
        "maxHops");
    assertProblem(
        server.get("/api/v1/paths?from=" + a + "&to=" + b + "&rel=FRIEND", Role.INVESTIGATOR),
        400,
        "rel");
    assertProblem(server.get("/api/v1/paths?from=" + a, Role.INVESTIGATOR), 400, "to");
    assertProblem(
        server.get("/api/v1/paths?from=" + a + "&to=s0000000000000000", Role.INVESTIGATOR),
        404,
        null);
    assertProblem(
        server.get("/api/v1/paths?from=" + a + "&to=" + HUANG_WEI, Role.INVESTIGATOR), 400, "id");
    assertProblem(
        server.get("/api/v1/paths?from=" + a + "&to=" + b + "&asOf=2025-13-01", Role.INVESTIGATOR),
        400,
        "asOf");
    JsonNode ok =
        server
            .get("/api/v1/paths?from=" + a + "&to=" + b + "&asOf=2025-06-01", Role.INVESTIGATOR)
            .json();
    assertEquals(
        2, ok.path("hops").asInt(), "广发 and 鑫源 share their legal representative 黄伟: " + ok);
  }

  @Test
  void badGraphAndControllerParametersAreProblems() {
    String huang = person(HUANG_WEI);
    assertProblem(
        server.get("/api/v1/subjects/" + huang + "/graph?depth=4", Role.INVESTIGATOR),
        400,
        "depth");
    assertProblem(
        server.get("/api/v1/subjects/" + huang + "/graph?rel=LEGAL_REP,COUSIN", Role.INVESTIGATOR),
        400,
        "rel");
    assertProblem(
        server.get("/api/v1/subjects/s0000000000000000/graph", Role.INVESTIGATOR), 404, null);
    assertProblem(
        server.get(
            "/api/v1/subjects/" + org(GUANGFA) + "/controllers?threshold=1.5", Role.INVESTIGATOR),
        400,
        "threshold");
    assertProblem(
        server.get(
            "/api/v1/subjects/" + org(GUANGFA) + "/controllers?asOf=yesterday", Role.INVESTIGATOR),
        400,
        "asOf");
    assertProblem(server.get("/api/v1/stats?by=color", Role.INVESTIGATOR), 400, "by");
    assertProblem(server.get("/api/v1/clusters?top=0", Role.INVESTIGATOR), 400, "top");
  }

  // ------------------------------------------------------------------ clusters and statistics

  @Test
  void theNomineesTwoBlacklistedEnterprisesFormOneRiskCluster() {
    JsonNode a = server.get("/api/v1/clusters?top=100&asOf=2025-06-01", Role.INVESTIGATOR).json();
    JsonNode found = null;
    for (JsonNode c : a.path("clusters")) {
      List<String> members = new ArrayList<>();
      c.path("blackMembers").forEach(m -> members.add(m.path("subject").path("uscc").asText()));
      if (members.contains(GUANGFA)) {
        assertTrue(members.contains(XINYUAN), "鑫源 is linked to 广发 through 黄伟: " + c);
        found = c;
      }
    }
    assertTrue(found != null, a.toString());
    assertEquals(
        1, found.path("byList").path("DISHONEST_JUDGMENT_DEBTOR").asInt(), found.toString());
    assertEquals(
        1, found.path("byList").path("SERIOUS_ILLEGAL_DISHONEST").asInt(), found.toString());
    assertTrue(found.path("size").asInt() >= 25, "黄伟 and his 24 enterprises at least: " + found);
    JsonNode again =
        server.get("/api/v1/clusters?top=100&asOf=2025-06-01", Role.INVESTIGATOR).json();
    assertEquals(a, again, "the same data gives the same clusters and ids");

    JsonNode before =
        server.get("/api/v1/clusters?top=100&asOf=2024-05-19", Role.INVESTIGATOR).json();
    for (JsonNode c : before.path("clusters")) {
      c.path("blackMembers")
          .forEach(
              m ->
                  assertFalse(
                      m.path("subject").path("uscc").asText().equals(GUANGFA),
                      "广发 is a judgment debtor from 2024-05-20"));
    }
  }

  @Test
  void statisticsCountRecordsAndTheEnginesMeasuresInForce() {
    JsonNode a = server.get("/api/v1/stats?by=list&asOf=2025-06-01", Role.INVESTIGATOR).json();
    assertEquals("LIST", a.path("by").asText());
    assertTrue(a.path("measuresInForce").asLong() > 0, a.toString());
    JsonNode sid = null;
    long rowMeasures = 0;
    for (JsonNode r : a.path("rows")) {
      rowMeasures += r.path("measures").asLong();
      if (r.path("key").asText().equals("SERIOUS_ILLEGAL_DISHONEST")) {
        sid = r;
      }
    }
    assertEquals(
        a.path("measuresInForce").asLong(), rowMeasures, "every measure is counted in one row");
    assertTrue(sid != null && sid.path("records").asLong() >= 1, a.toString());
    // 鑫源's SID record alone triggers JS-SID on 鑫源 (restrictions and an inspection alert) and
    // JS-SID-REP on 黄伟
    assertTrue(sid.path("measures").asLong() >= 3, sid.toString());
    JsonNode before = server.get("/api/v1/stats?by=list&asOf=2018-01-01", Role.INVESTIGATOR).json();
    assertTrue(before.path("measuresInForce").asLong() < a.path("measuresInForce").asLong());
    JsonNode byMonth =
        server.get("/api/v1/stats?by=MONTH&asOf=2025-06-01", Role.INVESTIGATOR).json();
    List<String> months = new ArrayList<>();
    byMonth.path("rows").forEach(r -> months.add(r.path("key").asText()));
    assertTrue(months.contains("2025-03"), "鑫源's record took effect 2025-03-10: " + months);
  }

  // ------------------------------------------------------------------ search

  @Test
  void searchRanksTheExactNameFirstAndFindsPersonsByIdNumber() {
    JsonNode a = server.get("/api/v1/subjects?q=" + enc("中山市明辉灯饰有限公司"), Role.INVESTIGATOR).json();
    assertEquals(MINGHUI_LIGHTING, a.path("items").get(0).path("uscc").asText(), a.toString());
    assertTrue(a.path("items").size() >= 2, "its branch 明辉灯饰有限公司古镇分公司 matches too");
    JsonNode b =
        server
            .post("/api/v1/subjects/search", Role.INVESTIGATOR, "{\"q\":\"" + HUANG_WEI + "\"}")
            .json();
    assertEquals(person(HUANG_WEI), b.path("items").get(0).path("id").asText());
    assertEquals(HUANG_WEI, b.path("items").get(0).path("idNumber").asText());
  }

  // ------------------------------------------------------------------ roles

  @Test
  void departmentAndRegistryKeysMayNotInvestigate() {
    String id = org(GUANGFA);
    for (Role r : List.of(Role.DEPARTMENT, Role.REGISTRY)) {
      for (String path :
          List.of(
              "/api/v1/subjects/" + id + "/graph",
              "/api/v1/subjects/" + id + "/controllers",
              "/api/v1/paths?from=" + id + "&to=" + org(XINYUAN),
              "/api/v1/clusters",
              "/api/v1/stats",
              "/api/v1/subjects?q=" + enc("明辉"))) {
        assertProblem(server.get(path, r), 403, null);
      }
      assertProblem(
          server.post("/api/v1/watchlist", r, "{\"subjects\":[{\"id\":\"" + id + "\"}]}"),
          403,
          null);
    }
    assertProblem(server.get("/api/v1/clusters", null), 401, null);
  }

  @Test
  void investigationsAreAudited() {
    String huang = person(HUANG_WEI);
    server.get("/api/v1/subjects/" + huang + "/graph?depth=1", Role.INVESTIGATOR);
    JsonNode audit = server.get("/api/v1/audit?subject=" + huang, Role.ADMIN).json();
    boolean seen = false;
    for (JsonNode e : audit.path("items")) {
      seen |=
          e.path("route").asText().equals("/api/v1/subjects/{id}/graph")
              && e.path("who").asText().equals("investigator");
    }
    assertTrue(seen, audit.toString());
  }

  // ------------------------------------------------------------------ watchlist

  @Test
  @Order(Integer.MAX_VALUE)
  void aNewRecordNearAWatchedSubjectRaisesAWatchAlertWithThePath() throws IOException {
    String huang = person(HUANG_WEI);
    JsonNode list =
        server
            .post(
                "/api/v1/watchlist",
                Role.INVESTIGATOR,
                "{\"subjects\":[{\"id\":\""
                    + huang
                    + "\"},{\"uscc\":\""
                    + MINGHUI_HOLDING
                    + "\"}]}")
            .json();
    assertEquals("investigator", list.path("investigator").asText());
    assertEquals(2, list.path("subjects").size(), list.toString());
    assertProblem(
        server.post(
            "/api/v1/watchlist",
            Role.INVESTIGATOR,
            "{\"subjects\":[{\"uscc\":\"" + Fixtures.uscc("91442000MA0999999") + "\"}]}"),
        404,
        null);
    assertProblem(
        server.post("/api/v1/watchlist", Role.INVESTIGATOR, "{\"subjects\":[]}"), 400, "subjects");

    String line =
        "{\"type\":\"record\",\"id\":\"ZSCOURT-SX-2025-9001\",\"subject\":{\"uscc\":\""
            + HUAXING
            + "\"},\"list\":\"DISHONEST_JUDGMENT_DEBTOR\",\"department\":\"COURT\",\"decisionNo\":\"（2025）粤2071执9001号\","
            + "\"basis\":\"《最高人民法院关于公布失信被执行人名单信息的若干规定》第一条\",\"decidedOn\":\"2025-05-20\","
            + "\"effectiveFrom\":\"2025-05-20\"}\n";
    ApiServer.Answer loaded =
        postBatch("08-court-watch.jsonl", line.getBytes(StandardCharsets.UTF_8));
    assertEquals(1, loaded.json().path("accepted").asLong(), loaded.body());

    JsonNode alerts = server.get("/api/v1/alerts?kind=WATCH", Role.INVESTIGATOR).json();
    assertEquals(2, alerts.path("items").size(), alerts.toString());
    // the record makes 华兴 a D (a BLACK record in force): a GRADE_CHANGE alert beside the NEW_RECORD
    // one
    JsonNode g = alerts.path("items").get(0).path("watch").path("event");
    assertEquals(
        "GRADE_CHANGE D credit grade B -> D",
        g.path("type").asText() + " " + g.path("status").asText() + " " + g.path("note").asText(),
        alerts.toString());
    JsonNode a = alerts.path("items").get(1);
    assertEquals("WATCH", a.path("kind").asText());
    assertEquals(huang, a.path("subject").path("id").asText());
    assertEquals("NEW_RECORD", a.path("watch").path("event").path("type").asText());
    assertEquals("ZSCOURT-SX-2025-9001", a.path("watch").path("event").path("record").asText());
    assertEquals(
        HUAXING, a.path("watch").path("event").path("subject").path("uscc").asText(), a.toString());
    JsonNode path = a.path("watch").path("path");
    assertEquals(3, path.size(), path.toString());
    assertEquals(huang, path.get(0).path("id").asText(), "the path runs from the watched subject");
    assertEquals("LEGAL_REP", path.get(1).path("rel").asText());
    assertEquals(HUAXING, path.get(2).path("uscc").asText(), "to the subject of the record");

    ApiServer.Answer changed =
        server.post(
            "/api/v1/records/ZSCOURT-SX-2025-9001/status",
            Role.STEWARD,
            "{\"status\":\"OBJECTED\",\"on\":\"2025-05-25\",\"note\":\"disputed\"}");
    assertEquals(200, changed.status(), changed.body());
    JsonNode all = server.get("/api/v1/alerts", Role.INVESTIGATOR).json();
    List<String> watchEvents = new ArrayList<>();
    List<String> kinds = new ArrayList<>();
    all.path("items")
        .forEach(
            x -> {
              kinds.add(x.path("kind").asText());
              if (x.path("kind").asText().equals("WATCH")) {
                watchEvents.add(
                    x.path("watch").path("event").path("type").asText()
                        + " "
                        + x.path("watch").path("event").path("status").asText());
              }
            });
    assertEquals(
        List.of("STATUS_CHANGE OBJECTED", "GRADE_CHANGE D", "NEW_RECORD ACTIVE"),
        watchEvents,
        "newest first");
    assertTrue(kinds.contains("SITTING_OFFICER"), "the engine's alerts are listed too: " + kinds);

    assertEquals(
        0,
        server.get("/api/v1/alerts?kind=WATCH", Role.ADMIN).json().path("items").size(),
        "another key has its own watchlist");
    assertEquals(
        0,
        server
            .get("/api/v1/alerts?kind=SITTING_OFFICER", Role.INVESTIGATOR)
            .json()
            .path("items")
            .findValues("watch")
            .size());
    String state = Files.readString(SERVER.dir().resolve("watchlists.json"));
    assertTrue(
        state.contains("ZSCOURT-SX-2025-9001"),
        "the watchlist state is kept in the data directory");
  }
}
