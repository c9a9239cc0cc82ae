package io.credgraph.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.credgraph.api.auth.Role;
import io.credgraph.model.SubjectKey;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The read routes over a real server and store, on the fixture city (see {@link Fixtures}); today
 * is 2025-06-01.
 */
class ReadRoutesIT {
  @RegisterExtension static final ApiServerExtension SERVER = ApiServerExtension.fixtures();
  static ApiServer server;
  static String alphaId;
  static String zhangId;

  @BeforeAll
  static void start() {
    server = SERVER.server();
    alphaId = server.subjectId(SubjectKey.uscc(Fixtures.ALPHA_USCC));
    zhangId = server.subjectId(SubjectKey.resident(Fixtures.ZHANG_ID));
  }

  @Test
  void healthShowsTheStoreCountsWithoutAKey() {
    ApiServer.Answer a = server.get("/health", null);
    assertEquals(200, a.status());
    assertEquals("UP", a.json().path("status").asText());
    assertEquals("memory", a.json().path("store").path("backend").asText());
    assertEquals(4, a.json().path("store").path("counts").path("subjects").asLong());
    assertEquals(3, a.json().path("store").path("counts").path("records").asLong());
    assertTrue(a.json().path("store").path("version").asLong() > 0);
    assertEquals(64, a.json().path("audit").path("head").asText().length());
  }

  @Test
  void blackListIsPublicWithPersonsMasked() {
    ApiServer.Answer a = server.get("/api/v1/lists/DISHONEST_JUDGMENT_DEBTOR", null);
    assertEquals(200, a.status());
    assertEquals(1, a.json().path("total").asInt());
    JsonNode e = a.json().path("items").get(0);
    assertEquals("COURT-2024-0001", e.path("record").asText());
    assertEquals("张三", e.path("subject").path("name").asText());
    assertEquals("1101**********002X", e.path("subject").path("idNumber").asText());
    assertEquals("2024-03-01", e.path("decidedOn").asText());
    assertFalse(a.body().contains(Fixtures.ZHANG_ID), "the full ID number must not be published");
  }

  @Test
  void listsAreMaskedEvenForInvestigators() {
    ApiServer.Answer a = server.get("/api/v1/lists/DISHONEST_JUDGMENT_DEBTOR", Role.ADMIN);
    assertFalse(a.body().contains(Fixtures.ZHANG_ID));
  }

  @Test
  void anObjectedRecordIsListedAsDisputed() {
    JsonNode e =
        server.get("/api/v1/lists/SERIOUS_ILLEGAL_DISHONEST", null).json().path("items").get(0);
    assertEquals("OBJECTED", e.path("status").asText());
    assertTrue(e.path("disputed").asBoolean());
    assertEquals(Fixtures.ALPHA_USCC, e.path("subject").path("uscc").asText());
  }

  @Test
  void aListOnADayBeforeTheDecisionIsEmpty() {
    ApiServer.Answer a =
        server.get("/api/v1/lists/DISHONEST_JUDGMENT_DEBTOR?asOf=2024-02-29", null);
    assertEquals(200, a.status());
    assertEquals(0, a.json().path("total").asInt());
    assertEquals(0, a.json().path("items").size(), "items is an empty list, never absent");
  }

  @Test
  void redListsArePublishedWatchListsAreNot() {
    assertEquals(1, server.get("/api/v1/lists/A_TAXPAYER", null).json().path("total").asInt());
    ApiServer.Answer watch = server.get("/api/v1/lists/ABNORMAL_OPERATION", null);
    assertEquals(404, watch.status());
    assertTrue(watch.json().path("detail").asText().contains("only RED and BLACK"));
    assertEquals(404, server.get("/api/v1/lists/NO_SUCH_LIST", null).status());
  }

  @Test
  void listPagesFollowTheCursor() {
    for (int i = 0; i < 5; i++) {
      server.write(
          io.credgraph.store.WriteBatch.builder()
              .subject(
                  io.credgraph.model.Subject.company(
                      Fixtures.uscc("9144200000000000" + i), "分页公司" + i))
              .record(
                  io.credgraph.model.CreditRecord.of(
                      "PAGE-" + i,
                      SubjectKey.uscc(Fixtures.uscc("9144200000000000" + i)),
                      "CONTRACT_ABIDING",
                      "MARKET_REGULATION",
                      java.time.LocalDate.of(2020, 1, 1 + i)))
              .build());
    }
    List<String> seen = new ArrayList<>();
    String next = "";
    int pages = 0;
    do {
      JsonNode page =
          server
              .get(
                  "/api/v1/lists/CONTRACT_ABIDING?limit=2"
                      + (next.isEmpty() ? "" : "&cursor=" + next),
                  null)
              .json();
      page.path("items").forEach(e -> seen.add(e.path("record").asText()));
      next = page.path("next").asText("");
      pages++;
    } while (!next.isEmpty());
    assertEquals(3, pages);
    assertEquals(
        List.of("PAGE-4", "PAGE-3", "PAGE-2", "PAGE-1", "PAGE-0"), seen, "newest decision first");
  }

  @Test
  void profileShowsRelationsAndRecordsWithStatusForAnInvestigator() {
    ApiServer.Answer a = server.get("/api/v1/subjects/" + alphaId, Role.INVESTIGATOR);
    assertEquals(200, a.status());
    JsonNode p = a.json();
    assertEquals(Fixtures.ALPHA_NAME, p.path("subject").path("name").asText());
    assertEquals("2025-06-01", p.path("asOf").asText());
    JsonNode rel = p.path("relations").get(0);
    assertEquals("LEGAL_REP", rel.path("rel").asText());
    assertEquals("IN", rel.path("direction").asText());
    assertEquals(
        Fixtures.ZHANG_ID,
        rel.path("other").path("idNumber").asText(),
        "INVESTIGATOR sees ID numbers");
    assertEquals(zhangId, rel.path("other").path("id").asText());
    assertTrue(rel.path("inForce").asBoolean());
    JsonNode rec = p.path("records").get(0);
    assertEquals("SAMR-2023-0042", rec.path("id").asText());
    assertEquals("OBJECTED", rec.path("status").asText());
    assertTrue(rec.path("inForce").asBoolean(), "an objected record stays in force on this list");
    assertEquals("OBJECTED", rec.path("history").get(0).path("event").asText());
    assertEquals("2025-01-10", rec.path("history").get(0).path("on").asText());
  }

  @Test
  void profileOnAnEarlierDayShowsTheStatusOfThatDay() {
    JsonNode rec =
        server
            .get("/api/v1/subjects/" + alphaId + "?asOf=2024-12-31", Role.STEWARD)
            .json()
            .path("records")
            .get(0);
    assertEquals("ACTIVE", rec.path("status").asText());
    assertFalse(rec.path("disputed").asBoolean());
  }

  @Test
  void searchFindsByNamePartByUsccAndByIdNumber() {
    JsonNode byName = server.get("/api/v1/subjects?q=" + enc("阿尔法"), Role.INVESTIGATOR).json();
    assertEquals(1, byName.path("items").size());
    assertEquals(alphaId, byName.path("items").get(0).path("id").asText());
    JsonNode byUscc =
        server
            .get("/api/v1/subjects?q=" + Fixtures.ALPHA_USCC.toLowerCase(), Role.INVESTIGATOR)
            .json();
    assertEquals(alphaId, byUscc.path("items").get(0).path("id").asText());
    JsonNode byId =
        server
            .post(
                "/api/v1/subjects/search",
                Role.INVESTIGATOR,
                "{\"q\":\"" + Fixtures.ZHANG_ID + "\"}")
            .json();
    assertEquals(zhangId, byId.path("items").get(0).path("id").asText());
    assertEquals(
        0,
        server
            .get("/api/v1/subjects?q=" + enc("不存在的名字"), Role.INVESTIGATOR)
            .json()
            .path("items")
            .size());
  }

  @Test
  void searchSeesSubjectsWrittenAfterTheIndexWasBuilt() {
    server.get("/api/v1/subjects?q=" + enc("公司"), Role.INVESTIGATOR);
    server.write(
        io.credgraph.store.WriteBatch.builder()
            .subject(
                io.credgraph.model.Subject.company(Fixtures.uscc("91110000000000777"), "新来的伽马公司"))
            .build());
    assertEquals(
        1,
        server
            .get("/api/v1/subjects?q=" + enc("伽马"), Role.INVESTIGATOR)
            .json()
            .path("items")
            .size());
  }

  @Test
  void auditLogRecordsProfileViewsAndAdminReadsThemWithFilters() {
    server.get("/api/v1/subjects/" + zhangId, Role.INVESTIGATOR);
    JsonNode page =
        server.get("/api/v1/audit?who=investigator&subject=" + zhangId, Role.ADMIN).json();
    assertTrue(page.path("items").size() >= 1);
    JsonNode e = page.path("items").get(page.path("items").size() - 1);
    assertEquals("investigator", e.path("who").asText());
    assertEquals("INVESTIGATOR", e.path("role").asText());
    assertEquals("/api/v1/subjects/{id}", e.path("route").asText());
    assertEquals(zhangId, e.path("subjects").get(0).asText());
    assertEquals(64, e.path("prev").asText().length());
    assertEquals(0, server.get("/api/v1/audit?who=nobody", Role.ADMIN).json().path("items").size());
    assertEquals(
        0,
        server.get("/api/v1/audit?to=2025-05-31", Role.ADMIN).json().path("items").size(),
        "every entry was written on 2025-06-01 by the test clock");
    assertTrue(
        server
                .get("/api/v1/audit?from=2025-06-01&to=2025-06-01", Role.ADMIN)
                .json()
                .path("items")
                .size()
            >= 1);
  }

  @Test
  void auditPagesFollowTheCursorWithoutGapsOrRepeats() {
    for (int i = 0; i < 5; i++) {
      server.get("/api/v1/subjects/" + alphaId, Role.STEWARD);
    }
    List<Long> seqs = new ArrayList<>();
    String next = "";
    do {
      JsonNode page =
          server
              .get("/api/v1/audit?limit=2" + (next.isEmpty() ? "" : "&cursor=" + next), Role.ADMIN)
              .json();
      page.path("items").forEach(e -> seqs.add(e.path("seq").asLong()));
      next = page.path("next").asText("");
    } while (!next.isEmpty());
    for (int i = 0; i < seqs.size(); i++) {
      assertEquals(i + 1, seqs.get(i));
    }
    assertTrue(seqs.size() >= 5);
  }

  @Test
  void metricsShowJvmHttpAndCaches() {
    server.get("/api/v1/lists/A_TAXPAYER", null);
    server.get("/api/v1/lists/A_TAXPAYER", null);
    ApiServer.Answer a = server.get("/metrics", Role.ADMIN);
    assertEquals(200, a.status());
    assertTrue(a.contentType().startsWith("text/plain"));
    assertTrue(a.body().contains("jvm_memory_used_bytes"));
    assertTrue(
        a.body()
            .contains(
                "http_server_requests_seconds_count{method=\"GET\",status=\"200\",uri=\"/api/v1/lists/{code}\"}"),
        a.body());
    assertTrue(
        a.body().contains("cache_gets_total{cache=\"published_lists\",result=\"hit\"}"),
        "cache hits");
    assertTrue(a.body().contains("cache_size{cache=\"published_lists\""));
  }

  static String enc(String s) {
    return java.net.URLEncoder.encode(s, java.nio.charset.StandardCharsets.UTF_8);
  }
}
