package io.credgraph.api.web;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.credgraph.api.ApiServer;
import io.credgraph.api.auth.Role;
import io.credgraph.datasets.SampleCity;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.http.HttpRequest;
import java.nio.file.Path;

/**
 * A real server (see {@link ApiServer}: one key per role, {@code key-<role>}) holding the sample
 * city, loaded batch by batch through {@code POST /api/v1/batches} as a steward would, for the
 * browser journeys.
 */
public final class WebCity {
  private WebCity() {}

  public static ApiServer start(Path dir) {
    ApiServer server = new ApiServer(dir);
    try {
      for (String batch : SampleCity.batches()) {
        load(server, batch, SampleCity.open(batch));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return server;
  }

  /** Loads one batch file through the API; it must be taken without rejections. */
  public static void load(ApiServer server, String name, InputStream in) throws IOException {
    byte[] body;
    try (in) {
      body = in.readAllBytes();
    }
    ApiServer.Answer a =
        server.send(
            server
                .builder("/api/v1/batches?name=" + name, Role.STEWARD)
                .header("Content-Type", "application/x-ndjson")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                .build());
    assertEquals(200, a.status(), name + ": " + a.body());
    assertEquals(0, a.json().path("rejected").asLong(), name + ": " + a.body());
  }
}
