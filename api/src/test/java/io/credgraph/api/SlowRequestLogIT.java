package io.credgraph.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.credgraph.ValidationException;
import io.credgraph.api.auth.Role;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/**
 * The slow-request log (serve --slow-request-ms): a request that takes at least the threshold is
 * logged with its method, route template, status, total and handler times and its caller, so that
 * an operator can match a slow minute to what the server did in it; never with the path's values or
 * the person asked about. A threshold of zero logs none.
 */
class SlowRequestLogIT {
  private final Logger logger = (Logger) LoggerFactory.getLogger(CredgraphApi.class);
  private final ListAppender<ILoggingEvent> lines = new ListAppender<>();

  @BeforeEach
  void listen() {
    lines.start();
    logger.addAppender(lines);
  }

  @AfterEach
  void stopListening() {
    logger.detachAppender(lines);
  }

  static ApiServer server(Path dir, UnaryOperator<ApiConfig> tune) {
    return ApiServer.withFixtures(dir, Protections.defaults().withoutRateLimits(), tune);
  }

  private List<String> slow() {
    return lines.list.stream()
        .map(ILoggingEvent::getFormattedMessage)
        .filter(m -> m.startsWith("slow request: "))
        .toList();
  }

  @Test
  void aRequestOverTheThresholdIsLoggedByRouteStatusTimesAndCaller(@TempDir Path dir) {
    // a threshold under a millisecond: every request is slow
    try (ApiServer s = server(dir, c -> c.withSlowRequest(Duration.ofNanos(1)))) {
      String zhang = s.subjectId(io.credgraph.model.SubjectKey.resident(Fixtures.ZHANG_ID));
      ApiServer.Answer check =
          s.checkAppointment(Role.REGISTRY, Fixtures.ZHANG_ID, "LEGAL_REP", "2025-06-01");
      assertEquals(200, check.status(), check.body());
      assertEquals(404, s.get("/api/v1/subjects/s0000000000000001", Role.ADMIN).status());
      assertEquals(200, s.get("/api/v1/subjects/" + zhang, Role.ADMIN).status());

      List<String> slow = slow();
      assertTrue(
          slow.stream()
              .anyMatch(
                  m ->
                      m.matches(
                          "slow request: POST /api/v1/checks/appointment 200 in \\d+ ms"
                              + " \\(\\d+ ms in its handler\\) by registry/REGISTRY")),
          slow.toString());
      assertTrue(
          slow.stream()
              .anyMatch(m -> m.startsWith("slow request: GET /api/v1/subjects/{id} 404 in ")),
          "an answer that is not 2xx is logged too: " + slow);
      for (String m : slow) {
        assertFalse(m.contains(Fixtures.ZHANG_ID), "no ID number in the log: " + m);
        assertFalse(m.contains(zhang), "the route template, not the subject's id: " + m);
      }
    }
  }

  @Test
  void aThresholdOfZeroLogsNone(@TempDir Path dir) {
    try (ApiServer s = server(dir, c -> c.withSlowRequest(Duration.ZERO))) {
      for (int i = 0; i < 3; i++) {
        assertEquals(
            200,
            s.checkAppointment(Role.REGISTRY, Fixtures.ZHANG_ID, "DIRECTOR", "2025-06-01")
                .status());
      }
      assertEquals(List.of(), slow());
    }
  }

  @Test
  void aNegativeThresholdIsRefusedWithWhatToFix() {
    ValidationException e =
        assertThrows(
            ValidationException.class,
            () ->
                ApiConfig.defaults(io.credgraph.api.auth.ApiKeys.none())
                    .withSlowRequest(Duration.ofMillis(-5)));
    assertTrue(
        e.getMessage().contains("--slow-request-ms")
            && e.getMessage().contains("must not be negative"),
        e.getMessage());
  }
}
