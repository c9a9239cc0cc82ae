package io.credgraph.cli;

import io.credgraph.fixtures.ChildJvm;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code credgraph serve --port 0 --host 127.0.0.1 --data DIR} as a child JVM ({@link ChildJvm},
 * heap 512 MiB), with API keys and the audit key from the environment: the one starter of the serve
 * tests. {@link #awaitListening} waits for the line that says where it listens.
 */
final class ServeProcess implements AutoCloseable {
  static final Pattern LISTENING =
      Pattern.compile("started in (\\d+) ms, listening on (https?)://[^:]+:(\\d+)");
  private static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(30)).build();

  private final ChildJvm jvm;
  private final String name;
  private Matcher listening;
  private int exit = -1;

  private ServeProcess(ChildJvm jvm, String name) {
    this.jvm = jvm;
    this.name = name;
  }

  /**
   * Starts {@code serve} over {@code data} with {@code extra} arguments after the usual ones;
   * {@code apiKeys} and {@code auditKey} go to CREDGRAPH_API_KEYS and CREDGRAPH_AUDIT_KEY.
   */
  static ServeProcess start(Path data, String apiKeys, String auditKey, String... extra)
      throws IOException {
    List<String> args =
        new ArrayList<>(
            List.of("serve", "--port", "0", "--host", "127.0.0.1", "--data", data.toString()));
    args.addAll(List.of(extra));
    ChildJvm jvm =
        ChildJvm.start(
            List.of("-Xmx512m"),
            Map.of("CREDGRAPH_API_KEYS", apiKeys, "CREDGRAPH_AUDIT_KEY", auditKey),
            Main.class,
            args.toArray(String[]::new));
    return new ServeProcess(
        jvm, extra.length == 0 ? "the embedded store" : String.join(" ", extra));
  }

  /**
   * Waits for the listening line: true once it came; false when the output ended without it. Fails
   * with the output so far when time is up.
   */
  boolean awaitListening(Duration timeout) throws InterruptedException {
    Optional<String> line = jvm.awaitOrEnd(l -> LISTENING.matcher(l).find(), timeout);
    if (line.isEmpty()) {
      return false;
    }
    Matcher m = LISTENING.matcher(line.get());
    m.find();
    listening = m;
    return true;
  }

  /** Like {@link #awaitListening}, and fails with the output when serve did not start. */
  ServeProcess started(Duration timeout) throws InterruptedException {
    if (!awaitListening(timeout)) {
      jvm.kill();
      throw new AssertionError("serve did not start:\n" + output());
    }
    return this;
  }

  /** The port it listens on; -1 when it has not said. */
  int port() {
    return listening == null ? -1 : Integer.parseInt(listening.group(3));
  }

  /** http or https, as it announced; null when it has not said. */
  String scheme() {
    return listening == null ? null : listening.group(2);
  }

  /** Every output line read so far (all of it once it stopped). */
  List<String> out() {
    return jvm.seen();
  }

  /** {@link #out()}, one string. */
  String output() {
    return String.join("\n", out());
  }

  URI uri(String path) {
    return URI.create("http://127.0.0.1:" + port() + path);
  }

  HttpResponse<String> send(HttpRequest.Builder b) throws IOException, InterruptedException {
    return HTTP.send(
        b.timeout(Duration.ofMinutes(5)).build(), HttpResponse.BodyHandlers.ofString());
  }

  HttpResponse<String> get(String path) throws IOException, InterruptedException {
    return send(HttpRequest.newBuilder(uri(path)));
  }

  HttpResponse<String> get(String path, String key) throws IOException, InterruptedException {
    return send(HttpRequest.newBuilder(uri(path)).header("Authorization", "Bearer " + key));
  }

  HttpResponse<String> post(String path, String key, String body)
      throws IOException, InterruptedException {
    return send(
        HttpRequest.newBuilder(uri(path))
            .header("Authorization", "Bearer " + key)
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(body)));
  }

  /**
   * SIGTERM; fails when the process has not ended within {@code timeout} (it is then killed).
   * Returns the exit code once the rest of the output was read.
   */
  int stop(Duration timeout) throws InterruptedException {
    if (exit < 0) {
      exit = jvm.terminate(timeout);
      jvm.drain();
    }
    return exit;
  }

  /** Stops a process still running: SIGTERM, and a failure if it has not ended within 60 s. */
  @Override
  public void close() throws InterruptedException {
    stop(Duration.ofSeconds(60));
  }

  @Override
  public String toString() {
    return "serve (" + name + ") on port " + port();
  }
}
