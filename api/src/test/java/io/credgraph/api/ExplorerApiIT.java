package io.credgraph.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.credgraph.api.auth.Role;
import io.credgraph.model.SubjectKey;
import java.net.http.HttpRequest;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * What the explorer, dashboard and alert pages read that the investigation routes did not answer
 * before: relation counts of a neighbourhood, relations' provenance in a profile, new records per
 * month per list, alerts by kind, and reading and trimming the watchlist. On the sample city
 * (datasets/STORIES.md) loaded through the batches route, on 2025-06-01.
 */
class ExplorerApiIT {
  @RegisterExtension static final ApiServerExtension SERVER = ApiServerExtension.sampleCity();
  static ApiServer server;

  @BeforeAll
  static void load() {
    server = SERVER.server();
  }

  static String person(String idNumber) {
    return server.subjectId(SubjectKey.resident(idNumber));
  }

  @Test
  void theNomineesNeighbourhoodCountsHisRelationsByTypeListedOrSummarised() {
    String huang = person(InvestigationIT.HUANG_WEI);
    JsonNode full =
        server
            .get("/api/v1/subjects/" + huang + "/graph?depth=1&asOf=2025-06-01", Role.INVESTIGATOR)
            .json();
    int legalReps = 0;
    for (JsonNode e : full.path("edges")) {
      legalReps += e.path("rel").asText().equals("LEGAL_REP") ? 1 : 0;
    }
    assertEquals(24, legalReps, "黄伟 represents 24 enterprises");
    assertEquals(
        24,
        full.path("relationCounts").path("LEGAL_REP").asInt(),
        full.path("relationCounts").toString());
    JsonNode root = full.path("nodes").get(0);
    assertTrue(
        root.path("risk").asDouble() > 0, "黄伟 represents two blacklisted enterprises: " + root);
    JsonNode guangfa = null;
    for (JsonNode x : full.path("nodes")) {
      if (x.path("subject").path("uscc").asText().equals(InvestigationIT.GUANGFA)) {
        guangfa = x;
      }
    }
    assertTrue(
        guangfa != null && guangfa.path("black").asBoolean(),
        "广发 is a judgment debtor: " + guangfa);
    assertTrue(
        guangfa.path("lists").toString().contains("DISHONEST_JUDGMENT_DEBTOR"), guangfa.toString());
    JsonNode before =
        server
            .get("/api/v1/subjects/" + huang + "/graph?depth=1&asOf=2024-05-19", Role.INVESTIGATOR)
            .json();
    for (JsonNode x : before.path("nodes")) {
      if (x.path("subject").path("uscc").asText().equals(InvestigationIT.GUANGFA)) {
        assertTrue(!x.path("black").asBoolean(), "not yet a judgment debtor on 2024-05-19: " + x);
      }
    }
    JsonNode summarised =
        server
            .get(
                "/api/v1/subjects/"
                    + huang
                    + "/graph?depth=1&rel=LEGAL_REP&supernodeThreshold=10&asOf=2025-06-01",
                Role.INVESTIGATOR)
            .json();
    assertEquals(0, summarised.path("edges").size());
    assertEquals(
        24,
        summarised.path("relationCounts").path("LEGAL_REP").asInt(),
        "relations counted in a supernode are in the counts: " + summarised);
  }

  @Test
  void aProfileTellsWhichDepartmentBatchAndLineDeliveredEachRelation() {
    String huang = person(InvestigationIT.HUANG_WEI);
    JsonNode p =
        server.get("/api/v1/subjects/" + huang + "?asOf=2025-06-01", Role.INVESTIGATOR).json();
    assertTrue(p.path("relations").size() >= 24, p.toString());
    for (JsonNode r : p.path("relations")) {
      JsonNode prov = r.path("provenance");
      assertTrue(prov.size() >= 1, "every relation came from a batch line: " + r);
      assertTrue(prov.get(0).path("line").asLong() >= 1, r.toString());
      assertTrue(prov.get(0).path("batch").asText().endsWith(".jsonl"), r.toString());
      assertTrue(!prov.get(0).path("department").asText().isBlank(), r.toString());
    }
  }

  @Test
  void newRecordsPerMonthPerListEndWithTheMonthAsked() {
    JsonNode a =
        server.get("/api/v1/stats/months?months=12&asOf=2025-06-01", Role.INVESTIGATOR).json();
    List<String> months = new ArrayList<>();
    a.path("months").forEach(m -> months.add(m.asText()));
    assertEquals(12, months.size());
    assertEquals("2024-07", months.get(0));
    assertEquals("2025-06", months.get(11));
    JsonNode sid = null;
    long sum = 0;
    for (JsonNode s : a.path("series")) {
      assertEquals(12, s.path("counts").size());
      sum += s.path("total").asLong();
      if (s.path("list").asText().equals("SERIOUS_ILLEGAL_DISHONEST")) {
        sid = s;
      }
    }
    assertEquals(a.path("total").asLong(), sum);
    assertTrue(sid != null, a.toString());
    assertTrue(
        sid.path("counts").get(months.indexOf("2025-03")).asLong() >= 1,
        "鑫源's record took effect 2025-03-10: " + sid);
    JsonNode earlier =
        server.get("/api/v1/stats/months?months=12&asOf=2025-02-28", Role.INVESTIGATOR).json();
    for (JsonNode s : earlier.path("series")) {
      if (s.path("list").asText().equals("SERIOUS_ILLEGAL_DISHONEST")) {
        assertTrue(
            s.path("total").asLong() < sid.path("total").asLong(),
            "not yet in effect on 2025-02-28");
      }
    }
    assertEquals(400, server.get("/api/v1/stats/months?months=0", Role.INVESTIGATOR).status());
    assertEquals(403, server.get("/api/v1/stats/months", Role.DEPARTMENT).status());
  }

  @Test
  void alertsByKindNameEveryKindAndCountTheSittingOfficers() {
    JsonNode a = server.get("/api/v1/stats/alerts?asOf=2025-06-01", Role.INVESTIGATOR).json();
    for (String kind : List.of("SITTING_OFFICER", "ESCALATION", "WATCH")) {
      assertTrue(a.path("byKind").has(kind), a.toString());
    }
    JsonNode listed =
        server
            .get("/api/v1/alerts?kind=SITTING_OFFICER&limit=500&asOf=2025-06-01", Role.INVESTIGATOR)
            .json();
    assertTrue(listed.path("items").size() >= 1, "the sample city has a sitting officer alert");
    assertEquals(
        listed.path("items").size(),
        a.path("byKind").path("SITTING_OFFICER").asInt(),
        a.toString());
  }

  @Test
  void theWatchlistCanBeReadAndTrimmed() {
    String huang = person(InvestigationIT.HUANG_WEI);
    assertEquals(0, server.get("/api/v1/watchlist", Role.ADMIN).json().path("subjects").size());
    server.post(
        "/api/v1/watchlist",
        Role.ADMIN,
        "{\"subjects\":[{\"id\":\""
            + huang
            + "\"},{\"uscc\":\""
            + InvestigationIT.GUANGFA
            + "\"}]}");
    JsonNode list = server.get("/api/v1/watchlist", Role.ADMIN).json();
    assertEquals(2, list.path("subjects").size(), list.toString());
    JsonNode after =
        server
            .send(server.builder("/api/v1/watchlist/" + huang, Role.ADMIN).DELETE().build())
            .json();
    assertEquals(1, after.path("subjects").size(), after.toString());
    assertEquals(InvestigationIT.GUANGFA, after.path("subjects").get(0).path("uscc").asText());
    JsonNode again =
        server
            .send(server.builder("/api/v1/watchlist/" + huang, Role.ADMIN).DELETE().build())
            .json();
    assertEquals(after, again, "removing a subject not on the list changes nothing");
    HttpRequest byUscc =
        server.builder("/api/v1/watchlist/" + InvestigationIT.GUANGFA, Role.ADMIN).DELETE().build();
    assertEquals(400, server.send(byUscc).status(), "subjects are addressed by id, never by a key");
  }
}
