package io.credgraph.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.credgraph.api.auth.Role;
import io.credgraph.cypher.EmbeddedNeo4jStore;
import io.credgraph.fixtures.FailingReads;
import io.credgraph.store.GraphStore;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue #13 item 7: when applying a committed batch and the rebuild after it both fail, /health
 * says DOWN and checks answer 503 rather than serving a graph that is no longer the store's (not
 * even a cached answer); the next batch, once the store answers again, rebuilds and the server is
 * UP. The store is the real embedded Neo4j; the failure is injected around it: after the armed
 * write commits, its reads fail (a disk that stopped answering reads).
 */
class OutOfSyncIT {
  private static String line(String json) {
    return json.replace('\'', '"');
  }

  private static HttpRequest batch(ApiServer s, String name, String body) {
    return s.builder("/api/v1/batches?name=" + name, Role.STEWARD)
        .header("Content-Type", "application/x-ndjson")
        .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8))
        .build();
  }

  @Test
  void aGraphThatNoLongerMatchesTheStoreIsNotServedUntilARebuildSucceeds(@TempDir Path dir) {
    FailingReads disk = new FailingReads();
    GraphStore store = disk.around(EmbeddedNeo4jStore.open(dir.resolve("db")));
    try (ApiServer s = new ApiServer(dir, store, ApiConfig.DEFAULT_MAX_BODY)) {
      Fixtures.load(s.engine.writer());
      String check = ChecksIT.appointment(Fixtures.ZHANG_ID, "LEGAL_REP", "2025-06-01");
      ApiServer.Answer before = s.post("/api/v1/checks/appointment", Role.REGISTRY, check);
      assertEquals(200, before.status(), before.body());
      assertEquals(false, before.json().path("eligible").asBoolean(), before.body());
      assertEquals("UP", s.get("/health", null).json().path("status").asText());

      // 2025-06-01: a batch renames ALPHA (a subject the engine knows, so it is read back) and
      // makes 李四 its
      // director; the store commits it, then stops answering reads
      disk.failAfterNextWrite();
      ApiServer.Answer failed =
          s.send(
              batch(
                  s,
                  "MARKET_REGULATION-2025-06-01.jsonl",
                  String.join(
                          "\n",
                          line(
                              "{'type':'subject','kind':'ENTERPRISE','uscc':'"
                                  + Fixtures.ALPHA_USCC
                                  + "','name':'福州阿尔法贸易有限公司（更名）'}"),
                          line(
                              "{'type':'relation','rel':'DIRECTOR','from':{'idNumber':'"
                                  + Fixtures.LI_ID
                                  + "'},'to':{'uscc':'"
                                  + Fixtures.ALPHA_USCC
                                  + "'},'since':'2025-05-20'}"))
                      + "\n"));
      assertEquals(503, failed.status(), failed.body());
      assertEquals(
          "urn:credgraph:problem:out-of-sync", failed.json().path("type").asText(), failed.body());

      ApiServer.Answer health = s.get("/health", null);
      assertEquals(503, health.status(), health.body());
      assertEquals("DOWN", health.json().path("status").asText());
      assertTrue(
          health.json().path("reason").asText().contains("no longer matches the store"),
          health.body());

      // the same question as before (its answer is cached for the old version): refused, not served
      // from the cache
      ApiServer.Answer refused = s.post("/api/v1/checks/appointment", Role.REGISTRY, check);
      assertEquals(503, refused.status(), refused.body());
      assertEquals("urn:credgraph:problem:out-of-sync", refused.json().path("type").asText());
      assertEquals(
          503, s.get("/api/v1/lists/DISHONEST_JUDGMENT_DEBTOR?asOf=2025-06-01", null).status());
      // what does not answer from the graph stays open: the audit log for the administrator
      assertEquals(200, s.get("/api/v1/audit", Role.ADMIN).status());

      // the store answers again: the next batch rebuilds first, and the server is UP with both
      // batches in its graph
      disk.heal();
      ApiServer.Answer next =
          s.send(
              batch(
                  s,
                  "MARKET_REGULATION-2025-06-02.jsonl",
                  line(
                          "{'type':'subject','kind':'PERSON','idNumber':'"
                              + Fixtures.ZHANG_ID
                              + "','name':'张三'}")
                      + "\n"));
      assertEquals(200, next.status(), next.body());
      assertEquals("UP", s.get("/health", null).json().path("status").asText());
      ApiServer.Answer after = s.post("/api/v1/checks/appointment", Role.REGISTRY, check);
      assertEquals(200, after.status(), after.body());
      assertEquals(false, after.json().path("eligible").asBoolean(), after.body());
    }
  }
}
