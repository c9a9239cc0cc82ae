package io.credgraph.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.credgraph.api.auth.Role;
import io.credgraph.model.SubjectKey;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.net.http.HttpRequest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.Size;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

/**
 * Every JSON body of the HTTP API under generated input (issue #13 item 8): random JSON values, raw
 * bytes, and the valid body of each route with one field removed, set to a value of another type or
 * to an absurd value (very long strings, huge or negative numbers, impossible dates, nested
 * objects). Whatever is sent, the answer is never a 5xx; an error is application/problem+json with
 * a detail, matches /openapi.json (every answer of {@link ApiServer#send} is validated), and a 400
 * about a changed field names that field. One real server over the fixture city for the class.
 */
class JsonBodiesFuzzIT {
  static final ObjectMapper JSON = Json.mapper();
  static final JsonNodeFactory F = JsonNodeFactory.instance;

  /** Routes whose answer also depends on the state earlier tries left. */
  static final List<String> STATEFUL = List.of("/status", "/decision", "/me/applications");

  static Path dir;
  static ApiServer server;
  static List<Route> routes;

  /** A route that reads a JSON body, the role it needs and a body it accepts. */
  record Route(String path, Role role, String valid) {
    ObjectNode body() {
      try {
        return (ObjectNode) JSON.readTree(valid);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }

    @Override
    public String toString() {
      return "POST " + path;
    }
  }

  @BeforeContainer
  static void start() throws IOException {
    dir =
        Files.createTempDirectory(Files.createDirectories(Path.of("target")), "JsonBodiesFuzzIT-");
    server = new ApiServer(dir);
    Fixtures.load(server.engine.writer());
    String alphaId = id(SubjectKey.uscc(Fixtures.ALPHA_USCC));
    String zhangId = id(SubjectKey.resident(Fixtures.ZHANG_ID));

    ApiServer.Answer check =
        server.post(
            "/api/v1/checks/sanctions",
            Role.DEPARTMENT,
            "{\"subjects\":[{\"uscc\":\"" + Fixtures.ALPHA_USCC + "\"}],\"asOf\":\"2025-06-01\"}");
    assertEquals(200, check.status(), check.body());
    String checkId = check.json().path("checkId").asText();
    String measure =
        check.json().path("results").get(0).path("measures").get(0).path("measure").asText();

    server.bindSubject(alphaId);
    ApiServer.Answer filed =
        server.post(
            "/api/v1/me/applications",
            Role.SUBJECT,
            "{\"type\":\"REPAIR\",\"record\":\"SAMR-2023-0042\",\"grounds\":\"corrected\"}");
    assertEquals(201, filed.status(), filed.body());
    String applicationId = filed.json().path("id").asText();

    routes =
        List.of(
            new Route(
                "/api/v1/checks/appointment",
                Role.REGISTRY,
                "{\"person\":{\"idNumber\":\""
                    + Fixtures.ZHANG_ID
                    + "\"},\"role\":\"LEGAL_REP\",\"enterprise\":{\"uscc\":\""
                    + Fixtures.BETA_USCC
                    + "\"},\"asOf\":\"2025-06-01\"}"),
            new Route(
                "/api/v1/checks/sanctions",
                Role.DEPARTMENT,
                "{\"subjects\":[{\"uscc\":\""
                    + Fixtures.ALPHA_USCC
                    + "\"},{\"idNumber\":\""
                    + Fixtures.ZHANG_ID
                    + "\"}],\"domain\":\"GOV_PROCUREMENT\",\"asOf\":\"2025-06-01\"}"),
            new Route(
                "/api/v1/subjects/search",
                Role.INVESTIGATOR,
                "{\"q\":\"阿尔法\",\"limit\":5,\"cursor\":\"0\"}"),
            new Route(
                "/api/v1/records/COURT-2024-0001/status",
                Role.STEWARD,
                "{\"status\":\"OBJECTED\",\"on\":\"2025-05-20\",\"note\":\"disputed\"}"),
            new Route(
                "/api/v1/simulations",
                Role.INVESTIGATOR,
                "{\"type\":\"record\",\"subject\":{\"uscc\":\""
                    + Fixtures.BETA_USCC
                    + "\"},\"list\":\"ADMINISTRATIVE_PENALTY\",\"severity\":\"GENERAL\","
                    + "\"department\":\"MARKET_REGULATION\",\"decidedOn\":\"2025-05-01\","
                    + "\"effectiveFrom\":\"2025-05-01\",\"liablePersons\":[{\"idNumber\":\""
                    + Fixtures.LI_ID
                    + "\"}],\"asOf\":\"2025-06-01\"}"),
            new Route(
                "/api/v1/watchlist",
                Role.INVESTIGATOR,
                "{\"subjects\":[{\"id\":\""
                    + zhangId
                    + "\"},{\"uscc\":\""
                    + Fixtures.BETA_USCC
                    + "\"}]}"),
            new Route(
                "/api/v1/checks/" + checkId + "/feedback",
                Role.DEPARTMENT,
                "{\"feedback\":[{\"measure\":\""
                    + measure
                    + "\",\"subject\":\""
                    + alphaId
                    + "\",\"outcome\":\"NOT_APPLIED\",\"reason\":\"OTHER\",\"note\":\"tender closed\"}]}"),
            new Route(
                "/api/v1/me/applications",
                Role.SUBJECT,
                "{\"type\":\"OBJECTION\",\"record\":\"SAMR-2023-0042\",\"grounds\":\"wrong company\"}"),
            new Route(
                "/api/v1/applications/" + applicationId + "/decision",
                Role.STEWARD,
                "{\"decision\":\"REFUSED\",\"on\":\"2025-06-05\",\"reasons\":[\"not corrected\"]}"));
  }

  static String id(SubjectKey k) {
    return server.subjectId(k);
  }

  @AfterContainer
  static void stop() throws IOException {
    try {
      if (server != null) {
        server.close();
      }
    } finally {
      server = null;
      if (dir != null) {
        try (Stream<Path> paths = Files.walk(dir)) {
          for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
            Files.delete(p);
          }
        }
      }
    }
  }

  // ---- properties ----

  @Property(tries = 200)
  void anyJsonValueIsRefusedOrAcceptedNeverA5xx(
      @ForAll("routes") Route route, @ForAll("jsonValues") JsonNode body) {
    answerIsClean(route, post(route, body.toString()), null);
  }

  @Property(tries = 100)
  void anyBytesAreRefusedNeverA5xx(
      @ForAll("routes") Route route, @ForAll @Size(max = 300) byte[] bytes) {
    answerIsClean(route, post(route, bytes), null);
  }

  @Property(tries = 1000)
  void aValidBodyWithOneFieldChangedIsRefusedNamingItOrAccepted(@ForAll("mutations") Mutation m) {
    answerIsClean(m.route(), post(m.route(), m.body()), m);
  }

  /** The unchanged bodies: none of them is refused as malformed or invalid. */
  @Example
  void theValidBodiesAreNotRefusedAsBadRequests() {
    for (Route r : routes) {
      ApiServer.Answer a = post(r, r.valid());
      answerIsClean(r, a, null);
      assertTrue(a.status() != 400, r + " " + a.body());
    }
  }

  /**
   * Found by the mutations: Jackson read {@code +999999999-12-31} as a date and the check answered
   * 200 with {@code "asOf":"+999999999-12-31"}, outside the answer's own schema (RFC 3339
   * full-date). Dates in bodies are now exactly YYYY-MM-DD.
   */
  @Example
  void aDateWithAnExtendedYearIsRefusedNamingTheField() {
    for (String date : List.of("+999999999-12-31", "-0001-01-01", "+2025-06-01", "2025-02-30")) {
      ApiServer.Answer a =
          server.post(
              "/api/v1/checks/appointment",
              Role.REGISTRY,
              "{\"person\":{\"idNumber\":\""
                  + Fixtures.ZHANG_ID
                  + "\"},\"role\":\"LEGAL_REP\",\"asOf\":\""
                  + date
                  + "\"}");
      assertEquals(400, a.status(), date + " " + a.body());
      assertEquals("asOf", a.json().path("field").asText(), a.body());
      assertTrue(a.json().path("detail").asText().contains("YYYY-MM-DD"), a.body());
    }
    ApiServer.Answer sim =
        server.post(
            "/api/v1/simulations",
            Role.INVESTIGATOR,
            "{\"subject\":{\"uscc\":\""
                + Fixtures.ALPHA_USCC
                + "\"},\"list\":\"DISHONEST_JUDGMENT_DEBTOR\",\"asOf\":\"+999999999-12-31\"}");
    assertEquals(400, sim.status(), sim.body());
    assertEquals("asOf", sim.json().path("field").asText(), sim.body());
    ApiServer.Answer array =
        server.post(
            "/api/v1/records/COURT-2024-0001/status",
            Role.STEWARD,
            "{\"status\":\"OBJECTED\",\"on\":[2025,5,20]}");
    assertEquals(400, array.status(), array.body());
    assertEquals("on", array.json().path("field").asText(), array.body());
  }

  /**
   * Found by the mutations: a malformed subject id in the second element of a watchlist request was
   * blamed on {@code id}, not on {@code subjects[1].id}.
   */
  @Example
  void aMalformedIdInAWatchlistNamesItsElement() {
    ApiServer.Answer a =
        server.post(
            "/api/v1/watchlist",
            Role.INVESTIGATOR,
            "{\"subjects\":[{\"uscc\":\"" + Fixtures.BETA_USCC + "\"},{\"id\":\"7\"}]}");
    assertEquals(400, a.status(), a.body());
    assertEquals("subjects[1].id", a.json().path("field").asText(), a.body());
  }

  /**
   * Found by the mutations: a NOT_APPLIED feedback item with its reason but without the note that
   * explains it was blamed on {@code reason}; the note is what is missing.
   */
  @Example
  void aNotAppliedItemWithoutItsNoteNamesTheNote() {
    Route feedback =
        routes.stream().filter(r -> r.path().endsWith("/feedback")).findFirst().orElseThrow();
    ObjectNode body = feedback.body();
    ((ObjectNode) body.path("feedback").get(0)).remove("note");
    ApiServer.Answer a = post(feedback, body.toString());
    assertEquals(400, a.status(), a.body());
    assertEquals("feedback[0].note", a.json().path("field").asText(), a.body());
    ((ObjectNode) body.path("feedback").get(0)).remove("reason");
    ApiServer.Answer both = post(feedback, body.toString());
    assertEquals("feedback[0].reason", both.json().path("field").asText(), both.body());
  }

  // ---- the checks ----

  static void answerIsClean(Route route, ApiServer.Answer a, Mutation m) {
    String what = route + (m == null ? "" : " " + m.describe()) + " -> " + a.body();
    assertTrue(a.status() < 500, what);
    if (a.status() < 400) {
      return;
    }
    assertTrue(
        a.contentType().startsWith("application/problem+json"), a.contentType() + " " + what);
    assertEquals(a.status(), a.json().path("status").asInt(), what);
    assertFalse(a.json().path("detail").asText().isBlank(), what);
    assertFalse(a.body().contains("Exception") || a.body().contains("at io."), "no trace: " + what);
    if (a.status() == 400
        && m != null
        && m.kind() != Kind.ADD_UNKNOWN
        && a.json().path("type").asText().endsWith("invalid-field")) {
      String field = a.json().path("field").asText("");
      assertFalse(field.isEmpty(), "a 400 about a changed field names a field: " + what);
    }
    // a record's status machine, an application's state: a well-formed but absurd value (a status
    // change dated 0000-01-01) may be refused for the state, naming the transition, not the value
    boolean stateful = STATEFUL.stream().anyMatch(route.path()::contains);
    if (a.status() == 400 && m != null && !(stateful && m.kind() == Kind.ABSURD)) {
      String field = a.json().path("field").asText("");
      if (!related(field, m.path())) {
        // the state the earlier tries left (a record's status moved on, an application decided)
        // may refuse the unchanged body too: then the error is not about the changed field
        ApiServer.Answer unchanged = post(m.route(), m.route().valid());
        if (unchanged.status() == 400) {
          return;
        }
      }
      assertTrue(
          related(field, m.path()),
          m.kind() + " at " + m.path() + " is blamed on it, not on '" + field + "': " + what);
    }
  }

  /**
   * {@code subjects[0]} and {@code subjects[0].uscc} are related; {@code q} and {@code limit} not.
   */
  static boolean related(String field, String path) {
    String f = field.replaceAll("\\[\\d+]", "");
    String p = path.replaceAll("\\[\\d+]", "");
    return f.equals(p) || f.startsWith(p + ".") || p.startsWith(f + ".");
  }

  static ApiServer.Answer post(Route r, String body) {
    return server.post(r.path(), r.role(), body);
  }

  static ApiServer.Answer post(Route r, byte[] body) {
    return server.send(
        server
            .builder(r.path(), r.role())
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofByteArray(body))
            .build());
  }

  // ---- generators ----

  enum Kind {
    REMOVE,
    WRONG_TYPE,
    ABSURD,
    ADD_UNKNOWN
  }

  /** A valid body with the value at {@code path} removed or replaced by {@code value}. */
  record Mutation(Route route, String path, Kind kind, JsonNode value, String body) {
    String describe() {
      return kind
          + " "
          + path
          + (value == null
              ? ""
              : " = "
                  + (value.toString().length() > 80
                      ? value.toString().substring(0, 80) + "..."
                      : value.toString()));
    }

    @Override
    public String toString() {
      return route + " " + describe();
    }
  }

  @Provide
  Arbitrary<Route> routes() {
    return Arbitraries.of(routes);
  }

  @Provide
  Arbitrary<Mutation> mutations() {
    return Combinators.combine(
            Arbitraries.of(routes),
            Arbitraries.integers().between(0, 1000),
            Arbitraries.of(Kind.values()),
            Arbitraries.integers().between(0, 1000),
            absurd(),
            jsonValues())
        .as(
            (route, which, kind, pick, absurd, any) -> {
              ObjectNode body = route.body();
              List<Slot> slots = new ArrayList<>();
              slots(body, "", slots);
              Slot s = slots.get(which % slots.size());
              JsonNode value =
                  switch (kind) {
                    case REMOVE -> null;
                    case WRONG_TYPE -> wrongType(s.current(), pick);
                    case ABSURD -> absurd;
                    case ADD_UNKNOWN -> any;
                  };
              String path = s.path();
              if (kind == Kind.ADD_UNKNOWN) {
                if (s.current() instanceof ObjectNode o) {
                  o.set("zz" + pick, value);
                  path = s.path() + ".zz" + pick;
                } else {
                  body.set("zz" + pick, value);
                  path = "zz" + pick;
                }
              } else if (s.parent() instanceof ObjectNode o) {
                if (value == null) {
                  o.remove(s.name());
                } else {
                  o.set(s.name(), value);
                }
              } else if (s.parent() instanceof ArrayNode arr) {
                if (value == null) {
                  arr.remove(s.index());
                } else {
                  arr.set(s.index(), value);
                }
              }
              return new Mutation(route, path, kind, value, body.toString());
            });
  }

  /** A place in a body: a field of an object or an element of an array. */
  record Slot(JsonNode parent, String name, int index, String path, JsonNode current) {}

  static void slots(JsonNode node, String prefix, List<Slot> out) {
    if (node instanceof ObjectNode o) {
      o.fields()
          .forEachRemaining(
              e -> {
                String p = prefix.isEmpty() ? e.getKey() : prefix + "." + e.getKey();
                out.add(new Slot(o, e.getKey(), -1, p, e.getValue()));
                slots(e.getValue(), p, out);
              });
    } else if (node instanceof ArrayNode a) {
      for (int i = 0; i < a.size(); i++) {
        String p = prefix + "[" + i + "]";
        out.add(new Slot(a, null, i, p, a.get(i)));
        slots(a.get(i), p, out);
      }
    }
  }

  /** A value of another JSON type than {@code current}. */
  static JsonNode wrongType(JsonNode current, int pick) {
    List<JsonNode> others = new ArrayList<>();
    if (!current.isTextual()) {
      others.add(F.textNode("x"));
    }
    if (!current.isNumber()) {
      others.add(F.numberNode(7));
    }
    if (!current.isBoolean()) {
      others.add(F.booleanNode(true));
    }
    if (!current.isArray()) {
      others.add(F.arrayNode().add("x"));
    }
    if (!current.isObject()) {
      others.add(F.objectNode().put("a", 1));
    }
    return others.get(pick % others.size());
  }

  @Provide
  Arbitrary<JsonNode> absurd() {
    return Arbitraries.oneOf(
        Arbitraries.of(
            F.textNode("x".repeat(100_000)),
            F.textNode("中".repeat(5_000)),
            F.textNode(""),
            F.textNode("   "),
            F.textNode("\u0000\u0001\u001f"),
            F.textNode("\ud83d\ude00"),
            F.textNode("2025-02-30"),
            F.textNode("2025-13-01"),
            F.textNode("0000-01-01"),
            F.textNode("9999-12-31"),
            F.textNode("+999999999-12-31"),
            F.textNode("-0001-01-01"),
            F.textNode("2025-06-01T10:00:00Z"),
            F.textNode("s0000000000000000"),
            F.textNode("../../etc/passwd"),
            F.textNode("LEGAL_REP"),
            F.numberNode(-1),
            F.numberNode(0),
            F.numberNode(Long.MAX_VALUE),
            F.numberNode(Long.MIN_VALUE),
            F.numberNode(new BigInteger("1" + "0".repeat(400))),
            F.numberNode(new BigDecimal("1e999999")),
            F.numberNode(Double.MAX_VALUE),
            F.numberNode(1.5),
            F.nullNode(),
            nested(400)),
        Arbitraries.strings().ofMaxLength(40).map(F::textNode),
        Arbitraries.integers().map(F::numberNode));
  }

  static JsonNode nested(int depth) {
    JsonNode n = F.objectNode().put("a", 1);
    for (int i = 0; i < depth; i++) {
      n = F.objectNode().set(i % 2 == 0 ? "person" : "subjects", F.arrayNode().add(n));
    }
    return n;
  }

  @Provide
  Arbitrary<JsonNode> jsonValues() {
    return Arbitraries.recursive(this::scalars, this::containers, 3);
  }

  Arbitrary<JsonNode> scalars() {
    return Arbitraries.oneOf(
        Arbitraries.just(F.nullNode()),
        Arbitraries.of(true, false).map(F::booleanNode),
        Arbitraries.longs().map(F::numberNode),
        Arbitraries.doubles().map(F::numberNode),
        Arbitraries.strings().ofMaxLength(30).map(F::textNode),
        Arbitraries.of(
                "OBJECTED",
                "GRANTED",
                "LEGAL_REP",
                "APPLIED",
                "2025-06-01",
                "2025-02-30",
                Fixtures.ALPHA_USCC,
                Fixtures.ZHANG_ID)
            .map(F::textNode));
  }

  Arbitrary<JsonNode> containers(Arbitrary<JsonNode> inner) {
    Arbitrary<String> keys =
        Arbitraries.oneOf(
            Arbitraries.of(
                "person",
                "role",
                "enterprise",
                "asOf",
                "subjects",
                "uscc",
                "idNumber",
                "id",
                "q",
                "limit",
                "cursor",
                "status",
                "on",
                "note",
                "feedback",
                "measure",
                "subject",
                "outcome",
                "type",
                "record",
                "grounds",
                "decision",
                "reasons",
                "list"),
            Arbitraries.strings().alpha().ofMaxLength(8));
    Arbitrary<JsonNode> array =
        inner
            .list()
            .ofMaxSize(4)
            .map(
                l -> {
                  ArrayNode a = F.arrayNode();
                  l.forEach(a::add);
                  return a;
                });
    Arbitrary<JsonNode> object =
        Combinators.combine(keys.list().ofMaxSize(4), inner.list().ofSize(4))
            .as(
                (ks, vs) -> {
                  ObjectNode o = F.objectNode();
                  for (int i = 0; i < ks.size(); i++) {
                    o.set(ks.get(i), vs.get(i));
                  }
                  return o;
                });
    return Arbitraries.oneOf(array, object, object);
  }
}
