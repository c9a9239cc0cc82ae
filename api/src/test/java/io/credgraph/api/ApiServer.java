package io.credgraph.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.credgraph.api.audit.AuditLog;
import io.credgraph.api.auth.ApiKeys;
import io.credgraph.api.auth.Role;
import io.credgraph.engine.CredgraphEngine;
import io.credgraph.model.SubjectKey;
import io.credgraph.store.GraphStore;
import io.credgraph.store.memory.InMemoryGraphStore;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

/**
 * A real API server on a free port for tests, over a real store, with one key per role ({@code
 * key-<role>} named {@code <role>}), and an HTTP client that speaks to it over loopback.
 */
public final class ApiServer implements AutoCloseable {
  /** 2025-06-01 10:00 in China Standard Time. */
  public static final Clock CLOCK =
      Clock.fixed(Instant.parse("2025-06-01T02:00:00Z"), ZoneOffset.UTC);

  final GraphStore store;
  final CredgraphEngine engine;
  final AuditLog audit;
  final CredgraphApi api;
  final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  final ObjectMapper json = Json.mapper();
  private volatile OpenApiContract contract;

  public ApiServer(Path dir) {
    this(dir, InMemoryGraphStore.create(), ApiConfig.DEFAULT_MAX_BODY);
  }

  public ApiServer(Path dir, GraphStore store, long maxBody) {
    this(dir, store, maxBody, ApiConfig.DEFAULT_MAX_BATCH);
  }

  public ApiServer(Path dir, GraphStore store, long maxBody, long maxBatch) {
    this(dir, store, maxBody, maxBatch, ApiConfig.DEFAULT_BATCH_TIMEOUT);
  }

  public ApiServer(
      Path dir, GraphStore store, long maxBody, long maxBatch, java.time.Duration batchTimeout) {
    // rate limits have their own test (GuardsIT); the other HTTP tests send requests faster than an
    // address may
    this(
        dir,
        store,
        maxBody,
        maxBatch,
        batchTimeout,
        Protections.defaults().withoutRateLimits(),
        c -> c);
  }

  /**
   * A server on the fixture city ({@link Fixtures}) with default limits, {@code protections}, and
   * the configuration {@code tune} changes (e.g. its slow-request threshold).
   */
  public static ApiServer withFixtures(
      Path dir, Protections protections, java.util.function.UnaryOperator<ApiConfig> tune) {
    ApiServer s =
        new ApiServer(
            dir,
            InMemoryGraphStore.create(),
            ApiConfig.DEFAULT_MAX_BODY,
            ApiConfig.DEFAULT_MAX_BATCH,
            ApiConfig.DEFAULT_BATCH_TIMEOUT,
            protections,
            tune);
    Fixtures.load(s.engine.writer());
    return s;
  }

  public ApiServer(
      Path dir,
      GraphStore store,
      long maxBody,
      long maxBatch,
      java.time.Duration batchTimeout,
      Protections protections,
      java.util.function.UnaryOperator<ApiConfig> tune) {
    this.store = store;
    this.engine = CredgraphEngine.open(store);
    this.audit = AuditLog.open(dir.resolve("audit"), CLOCK);
    this.keysFile = dir.resolve("keys.txt");
    StringBuilder lines = new StringBuilder();
    for (Role r : Role.values()) {
      lines.append(keyLine(r, r == Role.SUBJECT ? NO_SUBJECT : DEPARTMENT)).append('\n');
    }
    writeKeys(lines.toString());
    ApiKeys keys = ApiKeys.watching(ApiKeys.none(), keysFile);
    ApiConfig config =
        tune.apply(
            ApiConfig.defaults(keys).withClock(CLOCK).withLimits(maxBody, maxBatch, batchTimeout));
    this.api =
        CredgraphApi.create(
                new ApiBackend(
                    engine,
                    audit,
                    InvestigationBackend.open(engine, dir.resolve("watchlists.json"), CLOCK)),
                config,
                protections)
            .start("127.0.0.1", 0);
  }

  /** The opaque id of the subject with {@code key}, which must be in the store. */
  public String subjectId(SubjectKey key) {
    return store.subject(key).orElseThrow().id().value();
  }

  /** Writes through the engine, as every write must. */
  public void write(io.credgraph.store.WriteBatch batch) {
    engine.write(batch);
  }

  public static String key(Role r) {
    return "key-"
        + r.name().toLowerCase(java.util.Locale.ROOT)
        + "-0123456789abcdef0123456789abcdef";
  }

  /** The department the DEPARTMENT key belongs to. */
  public static final String DEPARTMENT = "MARKET_REGULATION";

  /**
   * The subject the SUBJECT key is bound to until {@link #bindSubject}: a well-formed id no store
   * holds.
   */
  public static final String NO_SUBJECT = "s0000000000000000";

  final Path keysFile;
  private int keyWrites;

  private static String keyLine(Role r, String binding) {
    String name = r.name().toLowerCase(java.util.Locale.ROOT);
    return name
        + ":"
        + key(r)
        + ":"
        + r.name()
        + (r == Role.DEPARTMENT || r == Role.SUBJECT ? ":" + binding : "");
  }

  /** Rewrites the keys file (the running server follows it) with a fresh modification time. */
  private synchronized void writeKeys(String text) {
    try {
      java.nio.file.Files.writeString(keysFile, text, StandardCharsets.UTF_8);
      java.nio.file.Files.setLastModifiedTime(
          keysFile, java.nio.file.attribute.FileTime.from(Instant.now().plusSeconds(++keyWrites)));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Appends a line to the keys file. */
  public synchronized void addKey(String line) {
    try {
      writeKeys(java.nio.file.Files.readString(keysFile, StandardCharsets.UTF_8) + line + "\n");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Binds the SUBJECT key ({@link #key}) to a subject id, by rewriting its line of the keys file.
   */
  public synchronized void bindSubject(String subjectId) {
    try {
      StringBuilder out = new StringBuilder();
      for (String l : java.nio.file.Files.readAllLines(keysFile, StandardCharsets.UTF_8)) {
        out.append(l.startsWith("subject:") ? keyLine(Role.SUBJECT, subjectId) : l).append('\n');
      }
      writeKeys(out.toString());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A request with a key given as text. */
  public Answer send(String method, String path, String key, String body) {
    HttpRequest.Builder b =
        HttpRequest.newBuilder(uri(path))
            .timeout(Duration.ofSeconds(30))
            .header("Authorization", "Bearer " + key);
    if (body == null) {
      b.method(method, HttpRequest.BodyPublishers.noBody());
    } else {
      b.header("Content-Type", "application/json")
          .method(method, HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
    }
    return send(b.build());
  }

  public URI uri(String path) {
    return URI.create("http://127.0.0.1:" + api.port() + path);
  }

  /** A response with its body as text and, when JSON, parsed. */
  public record Answer(
      int status, String contentType, String body, JsonNode json, HttpResponse<String> raw) {}

  public Answer get(String path, Role role) {
    return send(builder(path, role).GET().build());
  }

  /**
   * {@code POST /api/v1/checks/appointment} with {@code role}'s key for the person {@code
   * idNumber}.
   */
  public Answer checkAppointment(Role role, String idNumber, String position, String asOf) {
    return post("/api/v1/checks/appointment", role, ChecksIT.appointment(idNumber, position, asOf));
  }

  public Answer post(String path, Role role, String body) {
    return send(
        builder(path, role)
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8))
            .build());
  }

  public HttpRequest.Builder builder(String path, Role role) {
    HttpRequest.Builder b = HttpRequest.newBuilder(uri(path)).timeout(Duration.ofSeconds(30));
    if (role != null) {
      b.header("Authorization", "Bearer " + key(role));
    }
    return b;
  }

  public Answer send(HttpRequest req) {
    try {
      HttpResponse<String> r =
          http.send(req, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
      String ct = r.headers().firstValue("Content-Type").orElse("");
      JsonNode node = null;
      if (ct.contains("json") && !r.body().isEmpty()) {
        node = json.readTree(r.body());
      }
      String path = req.uri().getPath();
      if (path.startsWith("/api/") || path.equals("/health")) {
        List<String> problems =
            contract().problems(req.method(), path, r.statusCode(), ct, r.body());
        if (!problems.isEmpty()) {
          throw new AssertionError(
              "the answer does not match /openapi.json:\n  "
                  + String.join("\n  ", problems)
                  + "\nbody: "
                  + (r.body().length() > 2000 ? r.body().substring(0, 2000) + "..." : r.body()));
        }
      }
      return new Answer(r.statusCode(), ct, r.body(), node, r);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /**
   * The served OpenAPI document as the contract every answer of {@link #send} is checked against.
   */
  OpenApiContract contract() throws IOException, InterruptedException {
    OpenApiContract c = contract;
    if (c == null) {
      HttpResponse<String> doc =
          http.send(
              HttpRequest.newBuilder(uri("/openapi.json")).GET().build(),
              HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
      c = OpenApiContract.of(doc.body());
      contract = c;
    }
    return c;
  }

  @Override
  public void close() {
    api.stop();
    audit.close();
    store.close();
  }
}
