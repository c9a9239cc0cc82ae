package io.credgraph.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.credgraph.api.auth.Role;
import io.credgraph.fixtures.ExchangeExample;
import io.credgraph.store.memory.InMemoryGraphStore;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code POST /api/v1/batches}: the example batch of EXCHANGE.md loaded over HTTP (plain and
 * gzipped), bad lines reported with line, field and reason while good lines load, the limits, and
 * checks that see the loaded data at once.
 */
public class BatchesIT {
  static final String PERSON = ExchangeExample.PERSON;
  static final String COMPANY = ExchangeExample.COMPANY;

  /**
   * EXCHANGE.md's example: 张三 LEGAL_REP of a company whose licence was revoked on 2019-05-10,
   * repaired 2021-06-01.
   */
  public static final String EXAMPLE =
      String.join(
              "\n",
              ExchangeExample.ENTERPRISE_LINE,
              ExchangeExample.PERSON_LINE,
              ExchangeExample.LEGAL_REP_LINE,
              ExchangeExample.LICENCE_REVOKED_LINE,
              ExchangeExample.repaired("corrected"))
          + "\n";

  static HttpRequest batch(ApiServer s, byte[] body, String type, boolean gzip) {
    HttpRequest.Builder b =
        s.builder("/api/v1/batches?name=MARKET_REGULATION-2026-11-27.jsonl", Role.STEWARD)
            .header("Content-Type", type);
    if (gzip) {
      b.header("Content-Encoding", "gzip");
    }
    return b.POST(HttpRequest.BodyPublishers.ofByteArray(body)).build();
  }

  static String check(String asOf) {
    return "{\"person\":{\"idNumber\":\""
        + PERSON
        + "\"},\"role\":\"LEGAL_REP\",\"asOf\":\""
        + asOf
        + "\"}";
  }

  @Test
  void theExampleBatchLoadsAndChecksSeeItAtOnce(@TempDir Path dir) {
    try (ApiServer s = new ApiServer(dir)) {
      ApiServer.Answer a =
          s.send(batch(s, EXAMPLE.getBytes(StandardCharsets.UTF_8), "application/x-ndjson", false));
      assertEquals(200, a.status(), a.body());
      assertEquals(5, a.json().path("accepted").asLong());
      assertEquals(0, a.json().path("rejected").asLong());
      assertEquals("LOADED", a.json().path("batches").get(0).path("outcome").asText(), a.body());
      // 2020-01-01: within 3 years of the revocation, liable LEGAL_REP that day: Company Law 2018
      // art. 146
      JsonNode before =
          s.post("/api/v1/checks/appointment", Role.REGISTRY, check("2020-01-01")).json();
      assertFalse(before.path("eligible").asBoolean(), before.toString());
      assertEquals("CL146-4", before.path("reasons").get(0).path("rule").asText());
      assertEquals("ZSAMR-2019-0042", before.path("reasons").get(0).path("record").asText());
      // 2021-06-01: the record was repaired that day; it restricts up to the day before
      JsonNode after =
          s.post("/api/v1/checks/appointment", Role.REGISTRY, check("2021-06-01")).json();
      assertTrue(after.path("eligible").asBoolean(), after.toString());
      ApiServer.Answer again =
          s.send(batch(s, EXAMPLE.getBytes(StandardCharsets.UTF_8), "application/x-ndjson", false));
      assertEquals("ALREADY_LOADED", again.json().path("batches").get(0).path("outcome").asText());
      assertFalse(
          a.body().contains(PERSON) || again.body().contains(PERSON),
          "reports never carry ID numbers");
    }
  }

  @Test
  void aGzippedBodyIsAccepted(@TempDir Path dir) throws IOException {
    try (ApiServer s = new ApiServer(dir)) {
      ApiServer.Answer a = s.send(batch(s, gzip(EXAMPLE), "application/x-ndjson", true));
      assertEquals(200, a.status(), a.body());
      assertEquals(5, a.json().path("accepted").asLong());
    }
  }

  @Test
  void badLinesAreReportedAndGoodLinesLoad(@TempDir Path dir) {
    String wrongUscc = COMPANY.substring(0, 17) + "G";
    String body =
        EXAMPLE
            + "{\"type\":\"subject\",\"kind\":\"ENTERPRISE\",\"uscc\":\""
            + wrongUscc
            + "\",\"name\":\"坏公司\"}\n"
            + "{\"type\":\"rumour\",\"text\":\"...\"}\n"
            + "{not json\n";
    try (ApiServer s = new ApiServer(dir)) {
      ApiServer.Answer a =
          s.send(batch(s, body.getBytes(StandardCharsets.UTF_8), "application/x-ndjson", false));
      assertEquals(200, a.status(), a.body());
      assertEquals(5, a.json().path("accepted").asLong());
      assertEquals(3, a.json().path("rejected").asLong());
      JsonNode rejections = a.json().path("batches").get(0).path("rejections");
      assertEquals(6, rejections.get(0).path("line").asLong());
      assertEquals("uscc", rejections.get(0).path("field").asText());
      assertTrue(
          rejections.get(0).path("reason").asText().contains("F"),
          "names the expected check character");
      assertEquals(7, rejections.get(1).path("line").asLong());
      assertEquals(8, rejections.get(2).path("line").asLong());
    }
  }

  @Test
  void limitsAndMediaTypes(@TempDir Path dir) throws IOException {
    try (ApiServer s =
        new ApiServer(dir, InMemoryGraphStore.create(), ApiConfig.DEFAULT_MAX_BODY, 2048)) {
      String big = EXAMPLE.repeat(10);
      ApiServer.Answer tooLarge =
          s.send(batch(s, big.getBytes(StandardCharsets.UTF_8), "application/x-ndjson", false));
      assertEquals(413, tooLarge.status(), tooLarge.body());
      assertEquals(
          "urn:credgraph:problem:payload-too-large", tooLarge.json().path("type").asText());
      ApiServer.Answer zipped = s.send(batch(s, gzip(big), "application/x-ndjson", true));
      assertEquals(413, zipped.status(), "the limit counts decompressed bytes");
      ApiServer.Answer wrongType =
          s.send(batch(s, EXAMPLE.getBytes(StandardCharsets.UTF_8), "text/csv", false));
      assertEquals(415, wrongType.status());
      assertEquals(
          403,
          s.send(
                  HttpRequest.newBuilder(
                          batch(s, new byte[1], "application/x-ndjson", false),
                          (n, v) -> !n.equalsIgnoreCase("Authorization"))
                      .header("Authorization", "Bearer " + ApiServer.key(Role.INVESTIGATOR))
                      .build())
              .status());
    }
  }

  static byte[] gzip(String s) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (GZIPOutputStream z = new GZIPOutputStream(out)) {
      z.write(s.getBytes(StandardCharsets.UTF_8));
    }
    return out.toByteArray();
  }

  @Test
  void anUploadSlowerThanTheTimeLimitIs408(@TempDir Path dir) throws Exception {
    // over a raw socket: the headers and the first lines arrive at once, then the client stalls
    // past the 1 s limit
    try (ApiServer s =
            new ApiServer(
                dir,
                InMemoryGraphStore.create(),
                ApiConfig.DEFAULT_MAX_BODY,
                ApiConfig.DEFAULT_MAX_BATCH,
                java.time.Duration.ofSeconds(1));
        java.net.Socket socket = new java.net.Socket("127.0.0.1", s.api.port())) {
      byte[] body = EXAMPLE.getBytes(StandardCharsets.UTF_8);
      java.io.OutputStream out = socket.getOutputStream();
      out.write(
          ("POST /api/v1/batches?name=slow.jsonl HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                  + "Authorization: Bearer "
                  + ApiServer.key(Role.STEWARD)
                  + "\r\nContent-Type: application/x-ndjson\r\n"
                  + "Content-Length: "
                  + (body.length + 1)
                  + "\r\nConnection: close\r\n\r\n")
              .getBytes(StandardCharsets.US_ASCII));
      out.write(body);
      out.flush();
      // the last byte never comes: the server answers when its limit has passed, on its own
      long t0 = System.nanoTime();
      String response = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      assertTrue(response.startsWith("HTTP/1.1 408"), response);
      assertTrue(response.contains("urn:credgraph:problem:request-timeout"), response);
      assertTrue(response.contains("send the same batch again"), response);
      long waited = (System.nanoTime() - t0) / 1_000_000;
      assertTrue(waited >= 900 && waited < 10_000, "cut after " + waited + " ms");
    }
  }
}
