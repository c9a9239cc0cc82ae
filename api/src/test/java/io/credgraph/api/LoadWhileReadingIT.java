package io.credgraph.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.credgraph.api.auth.Role;
import io.credgraph.cypher.EmbeddedNeo4jStore;
import io.credgraph.model.SubjectKey;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A load does not stop the readers (issue #15 item 1, #13 item 2): while a 25,000-line batch loads
 * over HTTP into a real embedded Neo4j store (five chunks of 5,000 lines; each chunk 2,500 new
 * enterprises, each with a record on the list of abnormal operations, 经营异常名录, decided 2025-01-02),
 * appointment checks, statistics, a neighbourhood and the search are called in a loop, and every
 * answer is 2xx and belongs to one committed version: the statistics of 2026-01-01 count whole
 * chunks only, and the same number of new enterprises as of new records in force (a count read half
 * from one version and half from another would break either).
 */
class LoadWhileReadingIT {
  private static final int PAIRS = 12_500;
  private static final int PER_CHUNK = 2_500;

  @TempDir Path dir;

  @Test
  void checksAndInvestigationRoutesAnswerFromCommittedChunksDuringALoad() throws Exception {
    try (ApiServer s =
        new ApiServer(
            dir,
            EmbeddedNeo4jStore.open(dir.resolve("graph"), EmbeddedNeo4jStore.Options.small()),
            ApiConfig.DEFAULT_MAX_BODY)) {
      Fixtures.load(s.engine.writer());
      String zhang = s.subjectId(SubjectKey.resident(Fixtures.ZHANG_ID));
      JsonNode base = stats(s);
      long baseOrgs = base.path("subjects").path("ENTERPRISE").asLong();
      long baseRecords = sum(base.path("recordsInForce"));

      AtomicBoolean loading = new AtomicBoolean(true);
      CompletableFuture<ApiServer.Answer> load =
          CompletableFuture.supplyAsync(
              () -> {
                try {
                  return s.send(
                      s.builder(
                              "/api/v1/batches?name=MARKET_REGULATION-2026-12-03.jsonl",
                              Role.STEWARD)
                          .header("Content-Type", "application/x-ndjson")
                          .POST(HttpRequest.BodyPublishers.ofByteArray(batch()))
                          .build());
                } finally {
                  loading.set(false);
                }
              });
      ConcurrentLinkedQueue<String> failures = new ConcurrentLinkedQueue<>();
      List<Long> chunksSeen = new ArrayList<>();
      int calls = 0;
      while (loading.get()) {
        calls++;
        ApiServer.Answer check =
            s.post(
                "/api/v1/checks/appointment",
                Role.REGISTRY,
                "{\"person\":{\"idNumber\":\""
                    + Fixtures.LI_ID
                    + "\"},\"role\":\"LEGAL_REP\",\"asOf\":\"2026-01-01\"}");
        expect2xx("appointment check", check, failures);
        ApiServer.Answer st = s.get("/api/v1/stats?by=LIST&asOf=2026-01-01", Role.INVESTIGATOR);
        expect2xx("stats", st, failures);
        if (st.status() == 200) {
          long orgs = st.json().path("subjects").path("ENTERPRISE").asLong() - baseOrgs;
          long records = sum(st.json().path("recordsInForce")) - baseRecords;
          if (orgs % PER_CHUNK != 0 || orgs != records) {
            failures.add(
                "stats mixed versions or a part of a chunk: "
                    + orgs
                    + " new enterprises, "
                    + records
                    + " new records in force");
          }
          if (!chunksSeen.isEmpty() && orgs / PER_CHUNK < chunksSeen.get(chunksSeen.size() - 1)) {
            failures.add("stats went back from chunk " + chunksSeen.get(chunksSeen.size() - 1));
          }
          chunksSeen.add(orgs / PER_CHUNK);
        }
        expect2xx(
            "neighbourhood",
            s.get(
                "/api/v1/subjects/" + zhang + "/graph?depth=2&asOf=2026-01-01", Role.INVESTIGATOR),
            failures);
        expect2xx(
            "search",
            s.post("/api/v1/subjects/search", Role.INVESTIGATOR, "{\"q\":\"并发测试\"}"),
            failures);
      }
      ApiServer.Answer loaded = load.get(5, TimeUnit.MINUTES);
      assertEquals(200, loaded.status(), loaded.body());
      assertEquals(2L * PAIRS, loaded.json().path("accepted").asLong(), loaded.body());
      assertTrue(failures.isEmpty(), failures.size() + " bad answers, first: " + failures.peek());
      assertTrue(calls > 0, "the readers ran during the load");
      JsonNode after = stats(s);
      assertEquals(baseOrgs + PAIRS, after.path("subjects").path("ENTERPRISE").asLong());
      assertEquals(baseRecords + PAIRS, sum(after.path("recordsInForce")));
      System.out.printf(
          "LoadWhileReadingIT: %d reader rounds during the load, chunks seen by /stats: %s%n",
          calls, chunksSeen.stream().distinct().toList());
    }
  }

  private static JsonNode stats(ApiServer s) {
    ApiServer.Answer a = s.get("/api/v1/stats?by=LIST&asOf=2026-01-01", Role.INVESTIGATOR);
    assertEquals(200, a.status(), a.body());
    return a.json();
  }

  private static long sum(JsonNode counts) {
    long n = 0;
    for (JsonNode c : counts) {
      n += c.asLong();
    }
    return n;
  }

  private static void expect2xx(
      String what, ApiServer.Answer a, ConcurrentLinkedQueue<String> out) {
    if (a.status() / 100 != 2) {
      out.add(what + " answered " + a.status() + ": " + a.body());
    }
  }

  /** Pairs of lines: an enterprise, then its record; a chunk of 5,000 lines holds 2,500 pairs. */
  private static byte[] batch() {
    StringBuilder b = new StringBuilder(PAIRS * 420);
    for (int i = 0; i < PAIRS; i++) {
      String uscc = Fixtures.uscc(String.format("9144200077%07d", i));
      b.append("{\"type\":\"subject\",\"kind\":\"ENTERPRISE\",\"uscc\":\"")
          .append(uscc)
          .append("\",\"name\":\"中山市并发测试")
          .append(i)
          .append("有限公司\",\"legalForm\":\"COMPANY\",\"status\":\"ACTIVE\"}\n");
      b.append("{\"type\":\"record\",\"id\":\"ZSAMR-JY-")
          .append(i)
          .append("\",\"subject\":{\"uscc\":\"")
          .append(uscc)
          .append("\"},\"list\":\"ABNORMAL_OPERATION\",\"department\":\"MARKET_REGULATION\",")
          .append("\"decisionNo\":\"中市监异字〔2025〕")
          .append(i)
          .append("号\",\"basis\":\"《企业信息公示暂行条例》第十七条\",")
          .append("\"decidedOn\":\"2025-01-02\",\"effectiveFrom\":\"2025-01-02\"}\n");
    }
    return b.toString().getBytes(StandardCharsets.UTF_8);
  }
}
