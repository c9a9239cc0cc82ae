package io.credgraph.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.credgraph.api.auth.Role;
import io.credgraph.store.memory.InMemoryGraphStore;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Hostile bodies (issue #13 item 1): bodies are counted as they are read, on the wire and after
 * decompression, so a chunked JSON body (no Content-Length) and gzip bombs (Content-Encoding: gzip,
 * and a batch sent as application/gzip) are refused with 413 naming the limit within a second,
 * while the serving JVM (this one) grows by less than 100 MB. Over raw sockets, so the client keeps
 * sending while the server answers.
 */
class BodyLimitsIT {
  static final long MAX_BODY = 64 << 10;
  static final long MAX_BATCH = 8 << 20;

  /**
   * One gzip member of 64 MiB of newlines (about 64 KB); members repeated make a bomb of any size.
   */
  static byte[] member;

  @BeforeAll
  static void bomb() throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    byte[] lines = new byte[1 << 20];
    Arrays.fill(lines, (byte) '\n');
    try (GZIPOutputStream z = new GZIPOutputStream(out, 1 << 16)) {
      for (int i = 0; i < 64; i++) {
        z.write(lines);
      }
    }
    member = out.toByteArray();
  }

  /** 4 GiB of newlines once decompressed, about 4 MB on the wire. */
  static InputStream gzipBomb() {
    return new InputStream() {
      int copies;
      int pos;

      @Override
      public int read() {
        throw new UnsupportedOperationException();
      }

      @Override
      public int read(byte[] b, int off, int len) {
        if (pos == member.length) {
          if (++copies == 64) {
            return -1;
          }
          pos = 0;
        }
        int n = Math.min(len, member.length - pos);
        System.arraycopy(member, pos, b, off, n);
        pos += n;
        return n;
      }
    };
  }

  /** {@code bytes} of spaces inside a JSON object, never ending. */
  static InputStream chunkedJson(long bytes) {
    return new InputStream() {
      long sent;

      @Override
      public int read() {
        throw new UnsupportedOperationException();
      }

      @Override
      public int read(byte[] b, int off, int len) {
        if (sent >= bytes) {
          return -1;
        }
        int n = (int) Math.min(len, bytes - sent);
        Arrays.fill(b, off, off + n, (byte) ' ');
        if (sent == 0) {
          b[off] = '{';
        }
        sent += n;
        return n;
      }
    };
  }

  record Reply(int status, String text, long millis) {}

  /**
   * Sends headers and a chunked body from {@code body} on one thread while reading the answer on
   * this one.
   */
  static Reply send(ApiServer s, String path, String headers, InputStream body) throws Exception {
    try (Socket socket = new Socket("127.0.0.1", s.api.port())) {
      socket.setSoTimeout(30_000);
      long start = System.nanoTime();
      OutputStream out = socket.getOutputStream();
      out.write(
          ("POST "
                  + path
                  + " HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                  + headers
                  + "Transfer-Encoding: chunked\r\nConnection: close\r\n\r\n")
              .getBytes(StandardCharsets.US_ASCII));
      out.flush();
      Thread sender =
          new Thread(
              () -> {
                byte[] buf = new byte[1 << 16];
                try {
                  int n;
                  while ((n = body.read(buf, 0, buf.length)) > 0) {
                    out.write(
                        (Integer.toHexString(n) + "\r\n").getBytes(StandardCharsets.US_ASCII));
                    out.write(buf, 0, n);
                    out.write("\r\n".getBytes(StandardCharsets.US_ASCII));
                  }
                  out.write("0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
                  out.flush();
                } catch (IOException e) {
                  // the server stopped reading: expected once it has answered
                }
              },
              "body-sender");
      sender.setDaemon(true);
      sender.start();
      InputStream in = socket.getInputStream();
      ByteArrayOutputStream got = new ByteArrayOutputStream();
      byte[] buf = new byte[8192];
      long millis = -1;
      try {
        int n;
        while ((n = in.read(buf)) > 0) {
          if (millis < 0) {
            millis = (System.nanoTime() - start) / 1_000_000;
          }
          got.write(buf, 0, n);
          String t = got.toString(StandardCharsets.UTF_8);
          if (t.contains("\r\n\r\n") && t.trim().endsWith("}") || t.endsWith("\r\n0\r\n\r\n")) {
            break;
          }
        }
      } catch (IOException e) {
        // a reset after the answer arrived
      }
      sender.interrupt();
      String text = got.toString(StandardCharsets.UTF_8);
      assertTrue(text.startsWith("HTTP/1.1 "), "no answer: " + text);
      return new Reply(Integer.parseInt(text.substring(9, 12)), text, millis);
    }
  }

  static long rssKb() throws IOException {
    for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
      if (line.startsWith("VmRSS:")) {
        return Long.parseLong(line.replaceAll("\\D", ""));
      }
    }
    throw new IllegalStateException("no VmRSS in /proc/self/status");
  }

  static void assertRefused(Reply r, long limit, long rssBefore) throws IOException {
    long grownMb = (rssKb() - rssBefore) / 1024;
    assertEquals(413, r.status(), r.text());
    assertTrue(r.text().contains("urn:credgraph:problem:payload-too-large"), r.text());
    assertTrue(
        r.text().contains("\"limitBytes\":" + limit)
                && r.text().contains("limit of " + limit + " bytes")
            || r.text().contains("decompression bomb"),
        "the answer names the limit: " + r.text());
    assertTrue(
        r.millis() <= budgetMillis(),
        "answered in " + r.millis() + " ms (budget " + budgetMillis() + ")");
    assertTrue(grownMb < 100, "the serving JVM grew by " + grownMb + " MB");
  }

  /**
   * One second on a machine with a core free; on a machine busier than that (shared CI), a second
   * per unit of load per core, so that the test measures the server and not the neighbours.
   */
  static long budgetMillis() {
    double load =
        java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
    int cores = Runtime.getRuntime().availableProcessors();
    return (long) (1000 * Math.max(1.0, load / cores));
  }

  /**
   * A fresh server's first answers load classes; the budget is for a server that has answered
   * before.
   */
  static ApiServer warm(ApiServer s) {
    s.get("/health", null);
    s.post("/api/v1/checks/sanctions", Role.DEPARTMENT, "{}");
    s.send(
        s.builder("/api/v1/batches?name=warm.jsonl", Role.STEWARD)
            .header("Content-Type", "application/gzip")
            .POST(
                java.net.http.HttpRequest.BodyPublishers.ofByteArray(
                    new byte[] {0x1f, (byte) 0x8b, 1}))
            .build());
    return s;
  }

  static String auth(Role r) {
    return "Authorization: Bearer " + ApiServer.key(r) + "\r\n";
  }

  @Test
  void aChunkedJsonBodyOverTheLimitIs413BeforeMemoryGrows(@TempDir Path dir) throws Exception {
    try (ApiServer s = new ApiServer(dir, InMemoryGraphStore.create(), MAX_BODY, MAX_BATCH)) {
      warm(s);
      long rss = rssKb();
      Reply r =
          send(
              s,
              "/api/v1/checks/sanctions",
              auth(Role.DEPARTMENT) + "Content-Type: application/json\r\n",
              chunkedJson(256L << 20));
      assertRefused(r, MAX_BODY, rss);
    }
  }

  @Test
  void aGzipBombAsContentEncodingIs413OnJsonAndBatchRoutes(@TempDir Path dir) throws Exception {
    try (ApiServer s = new ApiServer(dir, InMemoryGraphStore.create(), MAX_BODY, MAX_BATCH)) {
      warm(s);
      long rss = rssKb();
      Reply json =
          send(
              s,
              "/api/v1/checks/appointment",
              auth(Role.REGISTRY) + "Content-Type: application/json\r\nContent-Encoding: gzip\r\n",
              gzipBomb());
      assertRefused(json, MAX_BODY, rss);
      Reply batch =
          send(
              s,
              "/api/v1/batches?name=bomb.jsonl",
              auth(Role.STEWARD)
                  + "Content-Type: application/x-ndjson\r\nContent-Encoding: gzip\r\n",
              gzipBomb());
      assertRefused(batch, MAX_BATCH, rss);
    }
  }

  @Test
  void aGzipBombAsApplicationGzipIs413BeforeTheLoaderSeesIt(@TempDir Path dir) throws Exception {
    try (ApiServer s = new ApiServer(dir, InMemoryGraphStore.create(), MAX_BODY, MAX_BATCH)) {
      warm(s);
      long rss = rssKb();
      Reply r =
          send(
              s,
              "/api/v1/batches?name=bomb.jsonl.gz",
              auth(Role.STEWARD) + "Content-Type: application/gzip\r\n",
              gzipBomb());
      assertRefused(r, MAX_BATCH, rss);
      // a real gzipped batch sent the same way still loads
      ApiServer.Answer ok =
          s.send(
              s.builder("/api/v1/batches?name=MARKET_REGULATION-2026-11-27.jsonl.gz", Role.STEWARD)
                  .header("Content-Type", "application/gzip")
                  .POST(
                      java.net.http.HttpRequest.BodyPublishers.ofByteArray(
                          BatchesIT.gzip(BatchesIT.EXAMPLE)))
                  .build());
      assertEquals(200, ok.status(), ok.body());
      assertEquals(5, ok.json().path("accepted").asLong(), ok.body());
    }
  }
}
