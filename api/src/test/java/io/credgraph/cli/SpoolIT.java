package io.credgraph.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.credgraph.api.ApiConfig;
import io.credgraph.api.Protections;
import io.credgraph.api.auth.ApiKeys;
import io.credgraph.api.auth.Role;
import io.credgraph.store.memory.InMemoryGraphStore;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Uploaded batches wait in DATA/spool only while they load (issue #13 item 7): a file left by a
 * server killed during an upload (it holds ID numbers) is removed when the server starts, and an
 * upload leaves nothing behind, whether it loads or is refused for its size.
 */
class SpoolIT {
  static final String KEY = "steward-key-1234567890-1234567890";

  static long files(Path dir) throws Exception {
    if (!Files.isDirectory(dir)) {
      return 0;
    }
    try (Stream<Path> s = Files.list(dir)) {
      return s.count();
    }
  }

  @Test
  void leftoversAreRemovedAtStartAndUploadsLeaveNothing(@TempDir Path dir) throws Exception {
    Path data = dir.resolve("data");
    Path spool = data.resolve("spool");
    Files.createDirectories(spool);
    Path left = spool.resolve("upload-123.jsonl");
    Files.writeString(
        left,
        "{\"type\":\"subject\",\"kind\":\"PERSON\",\"idNumber\":\"11010519491231002X\","
            + "\"name\":\"张三\"}\n");
    ByteArrayOutputStream printed = new ByteArrayOutputStream();
    ApiConfig config =
        ApiConfig.defaults(ApiKeys.of("steward", KEY, Role.STEWARD))
            .withLimits(ApiConfig.DEFAULT_MAX_BODY, 4096, ApiConfig.DEFAULT_BATCH_TIMEOUT);
    RunningServer server =
        RunningServer.start(
            InMemoryGraphStore.create(),
            data,
            config,
            Protections.defaults(),
            java.util.Optional.empty(),
            "127.0.0.1",
            0,
            new PrintStream(printed, true, StandardCharsets.UTF_8),
            System.nanoTime());
    try {
      assertFalse(Files.exists(left), "the leftover upload is removed at start");
      assertTrue(
          printed.toString(StandardCharsets.UTF_8).contains("removed 1 spooled upload"),
          printed.toString());
      HttpClient http = HttpClient.newHttpClient();
      String line =
          "{\"type\":\"subject\",\"kind\":\"PERSON\",\"idNumber\":\"11010519491231002X\",\"name\":\"张三\"}\n";
      for (String body : new String[] {line, line.repeat(100)}) {
        HttpResponse<String> r =
            http.send(
                HttpRequest.newBuilder(
                        URI.create(
                            "http://127.0.0.1:"
                                + server.port()
                                + "/api/v1/batches?name=PUBLIC_SECURITY-1.jsonl"))
                    .header("Authorization", "Bearer " + KEY)
                    .header("Content-Type", "application/x-ndjson")
                    .POST(HttpRequest.BodyPublishers.ofString(body))
                    .build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(body.length() < 4096 ? 200 : 413, r.statusCode(), r.body());
        assertEquals(0, files(spool), "nothing stays in the spool after an upload");
      }
    } finally {
      server.stop();
    }
  }
}
