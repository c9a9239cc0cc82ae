package io.credgraph.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.FileAppender;
import ch.qos.logback.core.encoder.LayoutWrappingEncoder;
import io.credgraph.api.auth.Role;
import io.credgraph.api.logging.MaskingPatternLayout;
import io.credgraph.model.ResidentId;
import io.credgraph.model.SubjectKey;
import io.credgraph.store.memory.InMemoryGraphStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/**
 * ID numbers nowhere they should not be (issue #13 item 4): the search by ID number travels in a
 * body ({@code POST /api/v1/subjects/search}), never in a URL ({@code GET /api/v1/subjects?q=}
 * refuses ID-shaped input with 400); problem details never echo an ID number the client sent;
 * free-form fields (status notes, attributes) are scrubbed below INVESTIGATOR; and every file the
 * run wrote (the server's log through the shipped masking layout, the audit log, the watchlists) is
 * searched for the test ID numbers afterwards.
 */
class IdNumbersNowhereIT {
  static final String OTHER = Fixtures.resident("44200019900202123");

  @Test
  void theSearchByIdNumberIsABodyAndNoIdNumberIsEchoedOrWritten(@TempDir Path dir)
      throws Exception {
    LoggerContext lc = (LoggerContext) LoggerFactory.getILoggerFactory();
    Logger root = lc.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
    MaskingPatternLayout layout = new MaskingPatternLayout();
    layout.setContext(lc);
    layout.setPattern("%d{HH:mm:ss.SSS} %-5level %logger{20} - %msg%n");
    layout.start();
    LayoutWrappingEncoder<ILoggingEvent> encoder = new LayoutWrappingEncoder<>();
    encoder.setContext(lc);
    encoder.setLayout(layout);
    encoder.start();
    FileAppender<ILoggingEvent> file = new FileAppender<>();
    file.setContext(lc);
    file.setFile(dir.resolve("logs").resolve("credgraph.log").toString());
    file.setEncoder(encoder);
    file.start();
    root.addAppender(file);
    List<String> answers = new ArrayList<>();
    try {
      InMemoryGraphStore store = InMemoryGraphStore.create();
      try (ApiServer s = new ApiServer(dir.resolve("data"), store, ApiConfig.DEFAULT_MAX_BODY)) {
        Fixtures.load(s.engine.writer());
        String zhang =
            store.subject(SubjectKey.resident(Fixtures.ZHANG_ID)).orElseThrow().id().value();
        String alpha =
            store.subject(SubjectKey.uscc(Fixtures.ALPHA_USCC)).orElseThrow().id().value();

        // GET with an ID number in the query: 400, for every role, however it is written
        for (String q :
            List.of(
                Fixtures.ZHANG_ID,
                Fixtures.LI_ID,
                Fixtures.LI_ID.substring(0, 6) + " " + Fixtures.LI_ID.substring(6),
                Fixtures.ZHANG_ID.substring(0, 15))) {
          ApiServer.Answer a = s.get("/api/v1/subjects?q=" + q.replace(" ", "%20"), Role.ADMIN);
          assertEquals(400, a.status(), a.body());
          assertEquals("q", a.json().path("field").asText());
          assertTrue(
              a.json().path("detail").asText().contains("POST /api/v1/subjects/search"), a.body());
          answers.add(a.body());
        }
        // a USCC and a name still work in the URL
        assertEquals(
            200, s.get("/api/v1/subjects?q=" + Fixtures.ALPHA_USCC, Role.INVESTIGATOR).status());
        // POST: the ID number in the body finds the person (INVESTIGATOR), with the full key
        ApiServer.Answer found =
            s.post(
                "/api/v1/subjects/search",
                Role.INVESTIGATOR,
                "{\"q\":\"" + Fixtures.ZHANG_ID + "\",\"limit\":5}");
        assertEquals(200, found.status(), found.body());
        assertEquals(zhang, found.json().path("items").get(0).path("id").asText(), found.body());
        ApiServer.Answer byName =
            s.post("/api/v1/subjects/search", Role.INVESTIGATOR, "{\"q\":\"阿尔法\"}");
        assertEquals(alpha, byName.json().path("items").get(0).path("id").asText(), byName.body());
        assertEquals(
            403,
            s.post(
                    "/api/v1/subjects/search",
                    Role.DEPARTMENT,
                    "{\"q\":\"" + Fixtures.ZHANG_ID + "\"}")
                .status());
        ApiServer.Answer noQ =
            s.post("/api/v1/subjects/search", Role.INVESTIGATOR, "{\"limit\":5}");
        assertEquals(400, noQ.status());
        assertEquals("q", noQ.json().path("field").asText(), noQ.body());

        // bad bodies that carry ID numbers: the problem detail names the field, never echoes the
        // number
        List<String> bad =
            List.of(
                "{\"person\":{\"idNumber\":\""
                    + Fixtures.ZHANG_ID
                    + "\"},\"role\":\""
                    + Fixtures.LI_ID
                    + "\"}",
                "{\"person\":\"" + Fixtures.ZHANG_ID + "\",\"role\":\"DIRECTOR\"}",
                "{\"person\":{\"idNumber\":"
                    + Fixtures.LI_ID.substring(0, 17)
                    + "},\"role\":\"DIRECTOR\"}",
                "{\"" + Fixtures.LI_ID + "\":1}",
                "{\"person\":{\"idNumber\":\"" + Fixtures.ZHANG_ID + "\"}," + Fixtures.LI_ID + "}",
                "{\"person\":{\"idNumber\":\""
                    + OTHER.substring(0, 17)
                    + (OTHER.charAt(17) == '1' ? '2' : '1')
                    + "\"},\"role\":\"DIRECTOR\"}",
                "{\"person\":{\"idNumber\":\""
                    + Fixtures.ZHANG_ID
                    + "\",\"uscc\":\""
                    + Fixtures.ALPHA_USCC
                    + "\"},\"role\":\"DIRECTOR\"}",
                "{\"person\":{\"idNumber\":\""
                    + Fixtures.ZHANG_ID
                    + "\"},\"role\":\"DIRECTOR\",\"asOf\":\""
                    + Fixtures.LI_ID
                    + "\"}");
        for (String body : bad) {
          ApiServer.Answer a = s.post("/api/v1/checks/appointment", Role.REGISTRY, body);
          assertEquals(400, a.status(), a.body());
          answers.add(a.body());
        }

        // a status note that quotes an ID number: masked for a DEPARTMENT key, whole for an
        // INVESTIGATOR
        assertEquals(
            200,
            s.post(
                    "/api/v1/records/SAMR-2023-0042/status",
                    Role.STEWARD,
                    "{\"status\":\"ACTIVE\","
                        + "\"on\":\"2025-02-01\",\"note\":\"objection withdrawn by the shareholder "
                        + Fixtures.LI_ID
                        + "\"}")
                .status());
        assertEquals(
            200,
            s.post(
                    "/api/v1/checks/sanctions",
                    Role.DEPARTMENT,
                    "{\"subjects\":[{\"uscc\":\"" + Fixtures.ALPHA_USCC + "\"}]}")
                .status());
        ApiServer.Answer dept = s.get("/api/v1/subjects/" + alpha, Role.DEPARTMENT);
        assertEquals(200, dept.status(), dept.body());
        assertTrue(dept.body().contains(ResidentId.mask(Fixtures.LI_ID)), dept.body());
        answers.add(dept.body());
        ApiServer.Answer inv = s.get("/api/v1/subjects/" + alpha, Role.INVESTIGATOR);
        assertTrue(
            inv.body().contains("shareholder " + Fixtures.LI_ID),
            "an INVESTIGATOR reads the note whole");
      }
    } finally {
      root.detachAppender(file);
      file.stop();
    }
    List<String> ids = List.of(Fixtures.ZHANG_ID, Fixtures.LI_ID, OTHER.substring(0, 17));
    for (String answer : answers) {
      for (String id : ids) {
        assertFalse(
            answer.contains(id) || answer.contains(id.substring(0, 15)),
            "an answer echoes an ID number: " + answer.replace(id, "<HERE>"));
      }
    }
    List<Path> written;
    try (Stream<Path> files = Files.walk(dir)) {
      written = files.filter(Files::isRegularFile).toList();
    }
    assertTrue(
        written.stream().anyMatch(p -> p.endsWith("credgraph.log")),
        "the log was written: " + written);
    assertTrue(
        written.stream().anyMatch(p -> p.toString().contains("audit")),
        "the audit was written: " + written);
    String log = Files.readString(dir.resolve("logs").resolve("credgraph.log"));
    assertTrue(log.contains("/api/v1/subjects/search"), "the log has the requests");
    for (Path p : written) {
      String text = new String(Files.readAllBytes(p), java.nio.charset.StandardCharsets.UTF_8);
      for (String id : ids) {
        assertFalse(
            text.contains(id),
            p
                + " holds an ID number: "
                + text.lines()
                    .filter(l -> l.contains(id))
                    .findFirst()
                    .orElse("")
                    .replace(id, "<HERE>"));
      }
    }
  }
}
