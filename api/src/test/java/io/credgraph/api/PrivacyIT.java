package io.credgraph.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.ThrowableProxyUtil;
import ch.qos.logback.core.AppenderBase;
import io.credgraph.api.auth.Role;
import io.credgraph.model.SubjectKey;
import io.credgraph.store.memory.InMemoryGraphStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/**
 * Runs a sequence of requests that touch persons in every way the API allows (lists, profiles,
 * search by ID number, an ID number put in a URL, failures) and then searches everything the server
 * logged, and the audit log, for the test persons' ID numbers: none may appear.
 */
class PrivacyIT {
  static final class Capture extends AppenderBase<ILoggingEvent> {
    final List<String> lines = new CopyOnWriteArrayList<>();

    @Override
    protected void append(ILoggingEvent e) {
      lines.add(e.getFormattedMessage());
      if (e.getThrowableProxy() != null) {
        lines.add(ThrowableProxyUtil.asString(e.getThrowableProxy()));
      }
    }
  }

  @Test
  void noIdNumberReachesTheLogsOrTheAuditLog(@TempDir Path dir) throws Exception {
    Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
    Capture capture = new Capture();
    capture.setContext((LoggerContext) LoggerFactory.getILoggerFactory());
    capture.start();
    root.addAppender(capture);
    try {
      InMemoryGraphStore store = InMemoryGraphStore.create();
      try (ApiServer server = new ApiServer(dir, store, ApiConfig.DEFAULT_MAX_BODY)) {
        Fixtures.load(server.engine.writer());
        String zhang =
            store.subject(SubjectKey.resident(Fixtures.ZHANG_ID)).orElseThrow().id().value();
        String li = store.subject(SubjectKey.resident(Fixtures.LI_ID)).orElseThrow().id().value();
        server.get("/api/v1/lists/DISHONEST_JUDGMENT_DEBTOR", null);
        server.get("/api/v1/subjects/" + zhang, Role.INVESTIGATOR);
        server.get("/api/v1/subjects/" + li, Role.ADMIN);
        server.get("/api/v1/subjects/" + zhang, Role.DEPARTMENT);
        server.get("/api/v1/subjects?q=" + Fixtures.ZHANG_ID, Role.INVESTIGATOR);
        server.get("/api/v1/subjects?q=" + Fixtures.LI_ID, Role.REGISTRY);
        server.get("/api/v1/subjects/" + Fixtures.ZHANG_ID, Role.INVESTIGATOR);
        server.get("/api/v1/" + Fixtures.LI_ID, Role.INVESTIGATOR);
        server.get("/api/v1/subjects/" + Fixtures.LI_ID + "/graph", Role.INVESTIGATOR);
        server.get("/api/v1/audit?subject=" + Fixtures.ZHANG_ID, Role.ADMIN);
        server.post(
            "/api/v1/checks/appointment",
            Role.REGISTRY,
            "{\"person\":{\"idNumber\":\"" + Fixtures.ZHANG_ID + "\"},\"role\":\"DIRECTOR\"}");
        server.post(
            "/api/v1/checks/appointment",
            Role.REGISTRY,
            "{\"person\":{\"idNumber\":\""
                + Fixtures.ZHANG_ID.substring(0, 17)
                + "1\"},\"role\":\"DIRECTOR\"}");
        server.post(
            "/api/v1/checks/sanctions",
            Role.DEPARTMENT,
            "{\"subjects\":[{\"idNumber\":\""
                + Fixtures.LI_ID
                + "\"},{\"idNumber\":\""
                + Fixtures.ZHANG_ID
                + "\"}]}");
        server.post(
            "/api/v1/checks/sanctions",
            Role.DEPARTMENT,
            "{\"subjects\":[{\"idNumber\":\""
                + Fixtures.LI_ID
                + "\",\"uscc\":\""
                + Fixtures.ALPHA_USCC
                + "\"}]}");
        server.post(
            "/api/v1/simulations",
            Role.INVESTIGATOR,
            "{\"subject\":{\"idNumber\":\""
                + Fixtures.ZHANG_ID
                + "\"},\"list\":\"DISHONEST_JUDGMENT_DEBTOR\"}");
        server.get("/api/v1/alerts", Role.INVESTIGATOR);
        server.send(
            server
                .builder("/api/v1/batches?name=PUBLIC_SECURITY-1.jsonl", Role.STEWARD)
                .header("Content-Type", "application/x-ndjson")
                .POST(
                    java.net.http.HttpRequest.BodyPublishers.ofString(
                        "{\"type\":\"subject\",\"kind\":\"PERSON\",\"idNumber\":\""
                            + Fixtures.LI_ID
                            + "\",\"name\":\"李四\"}\n"
                            + "{\"type\":\"subject\",\"kind\":\"PERSON\",\"idNumber\":\""
                            + Fixtures.ZHANG_ID.substring(0, 17)
                            + "5\",\"name\":\"坏号码\"}\n"))
                .build());
        assertEquals(200, server.get("/api/v1/audit", Role.ADMIN).status());
        store.close();
        assertEquals(500, server.get("/api/v1/subjects/" + zhang, Role.INVESTIGATOR).status());
      }
      String audit = Files.readString(dir.resolve("audit").resolve("audit.jsonl"));
      assertTrue(capture.lines.size() > 10, "the server logged the requests");
      for (String id :
          List.of(
              Fixtures.ZHANG_ID,
              Fixtures.LI_ID,
              Fixtures.ZHANG_ID.substring(0, 17) + "1",
              Fixtures.ZHANG_ID.substring(0, 17) + "5")) {
        for (String line : capture.lines) {
          assertFalse(
              line.contains(id), "a log line holds an ID number: " + line.replace(id, "<HERE>"));
        }
        assertFalse(audit.contains(id), "the audit log holds an ID number");
      }
    } finally {
      root.detachAppender(capture);
    }
  }
}
