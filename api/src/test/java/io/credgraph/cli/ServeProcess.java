package io.credgraph.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code credgraph serve --port 0 --host 127.0.0.1 --data DIR} as a child process on this JVM's
 * class path (heap 512 MiB), with API keys and the audit key from the environment: the one starter
 * of the serve tests. Every output line is kept; {@link #awaitListening} waits for the line that
 * says where it listens.
 */
final class ServeProcess implements AutoCloseable {
  static final Pattern LISTENING =
      Pattern.compile("started in (\\d+) ms, listening on (https?)://[^:]+:(\\d+)");
  private static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(30)).build();

  private final Process process;
  private final List<String> out = new CopyOnWriteArrayList<>();
  private final CompletableFuture<Matcher> listening = new CompletableFuture<>();
  private final Thread reader;
  private final String name;

  private ServeProcess(Process process, String name) {
    this.process = process;
    this.name = name;
    this.reader =
        new Thread(
            () -> {
              try (BufferedReader r =
                  new BufferedReader(
                      new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line = r.readLine(); line != null; line = r.readLine()) {
                  out.add(line);
                  Matcher m = LISTENING.matcher(line);
                  if (m.find()) {
                    listening.complete(m);
                  }
                }
              } catch (IOException e) {
                out.add("(output closed: " + e.getMessage() + ")");
              }
              listening.complete(null);
            },
            "serve-output");
    reader.setDaemon(true);
    reader.start();
  }

  /**
   * Starts {@code serve} over {@code data} with {@code extra} arguments after the usual ones;
   * {@code apiKeys} and {@code auditKey} go to CREDGRAPH_API_KEYS and CREDGRAPH_AUDIT_KEY.
   */
  static ServeProcess start(Path data, String apiKeys, String auditKey, String... extra)
      throws IOException {
    List<String> cmd =
        new ArrayList<>(
            List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx512m",
                "-cp",
                System.getProperty("java.class.path"),
                Main.class.getName(),
                "serve",
                "--port",
                "0",
                "--host",
                "127.0.0.1",
                "--data",
                data.toString()));
    cmd.addAll(List.of(extra));
    ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true);
    pb.environment().put("CREDGRAPH_API_KEYS", apiKeys);
    pb.environment().put("CREDGRAPH_AUDIT_KEY", auditKey);
    String store = extra.length == 0 ? "the embedded store" : String.join(" ", extra);
    return new ServeProcess(pb.start(), store);
  }

  /**
   * Waits for the listening line: true once it came; false when the output ended without it (the
   * process is then given 30 s to end). Fails with the output so far when time is up.
   */
  boolean awaitListening(Duration timeout) throws InterruptedException {
    Matcher m;
    try {
      m = listening.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
    } catch (TimeoutException e) {
      throw new AssertionError(
          "not listening after " + timeout.toSeconds() + " s; so far:\n" + output(), e);
    } catch (ExecutionException e) {
      throw new IllegalStateException(e);
    }
    if (m == null) {
      process.waitFor(30, TimeUnit.SECONDS);
      return false;
    }
    return true;
  }

  /** Like {@link #awaitListening}, and fails with the output when serve did not start. */
  ServeProcess started(Duration timeout) throws InterruptedException {
    if (!awaitListening(timeout)) {
      process.destroyForcibly();
      throw new AssertionError("serve did not start:\n" + output());
    }
    return this;
  }

  /** The port it listens on; -1 when it has not said (yet). */
  int port() {
    Matcher m = listening.getNow(null);
    return m == null ? -1 : Integer.parseInt(m.group(3));
  }

  /** http or https, as it announced; null when it has not said (yet). */
  String scheme() {
    Matcher m = listening.getNow(null);
    return m == null ? null : m.group(2);
  }

  /** Every output line so far. */
  List<String> out() {
    return out;
  }

  /** Every output line so far, one string. */
  String output() {
    return String.join("\n", out);
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
   * SIGTERM, then waits up to {@code timeout} for the process to end and for the rest of its
   * output; false when it did not end in time.
   */
  boolean stop(Duration timeout) throws InterruptedException {
    process.destroy();
    if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
      return false;
    }
    reader.join(10_000);
    return true;
  }

  int exitValue() {
    return process.exitValue();
  }

  /**
   * Stops a process still running (SIGTERM, then SIGKILL after 60 s, which fails with the output).
   */
  @Override
  public void close() throws InterruptedException {
    if (process.isAlive() && !stop(Duration.ofSeconds(60))) {
      process.destroyForcibly();
      throw new AssertionError("serve did not stop within 60 s of SIGTERM:\n" + output());
    }
  }

  @Override
  public String toString() {
    return "serve (" + name + ") on port " + port();
  }
}
