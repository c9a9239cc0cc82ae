package io.credgraph.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.credgraph.api.auth.Role;
import io.credgraph.model.SubjectKey;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Subjects from outside China's registries over HTTP (API.md: "foreign subjects by their external
 * id"; "or by subject id"). On top of the fixture city, a batch delivers a foreign person (FtM id
 * NK-owner) on FOREIGN_SANCTION since 2022-03-15 and holding 75% of 贝塔 since 2020-01-10. Asked on
 * 2025-06-01 (the server's clock): the person and 贝塔 carry the FX-SANCTION notice (an ALERT, never
 * a restriction); every body takes {"id"} and {"scheme","externalId"}.
 */
class ForeignSubjectsIT {
  static final String OWNER = "{\"scheme\":\"ftm\",\"externalId\":\"NK-owner\"}";

  @RegisterExtension static final ApiServerExtension SERVER = ApiServerExtension.fixtures();
  static ApiServer server;
  static String betaId;
  static String zhangId;
  static String ownerId;

  @BeforeAll
  static void start() {
    server = SERVER.server();
    String batch =
        String.join(
                "\n",
                "{\"type\":\"subject\",\"kind\":\"PERSON\",\"scheme\":\"ftm\",\"externalId\":\"NK-owner\",\"name\":\"Ivan Owner\"}",
                "{\"type\":\"relation\",\"rel\":\"SHAREHOLDER\",\"from\":"
                    + OWNER
                    + ",\"to\":{\"uscc\":\""
                    + Fixtures.BETA_USCC
                    + "\"},\"since\":\"2020-01-10\",\"ratio\":0.75}",
                "{\"type\":\"record\",\"id\":\"ofac-test-1\",\"subject\":"
                    + OWNER
                    + ",\"list\":\"FOREIGN_SANCTION\","
                    + "\"decidedOn\":\"2022-03-15\",\"authority\":\"OFAC\"}")
            + "\n";
    HttpRequest req =
        server
            .builder("/api/v1/batches?name=foreign-import.jsonl", Role.STEWARD)
            .header("Content-Type", "application/x-ndjson")
            .POST(HttpRequest.BodyPublishers.ofByteArray(batch.getBytes(StandardCharsets.UTF_8)))
            .build();
    ApiServer.Answer loaded = server.send(req);
    assertEquals(200, loaded.status(), loaded.body());
    betaId = server.subjectId(SubjectKey.uscc(Fixtures.BETA_USCC));
    zhangId = server.subjectId(SubjectKey.resident(Fixtures.ZHANG_ID));
    ownerId = server.subjectId(SubjectKey.external("ftm", "NK-owner"));
  }

  @Test
  void aForeignSanctionIsANoticeOnThePersonAndOnTheCompanyItOwnsNeverARestriction() {
    ApiServer.Answer a =
        server.post(
            "/api/v1/checks/sanctions",
            Role.DEPARTMENT,
            "{\"subjects\":[" + OWNER + ",{\"id\":\"" + betaId + "\"}],\"asOf\":\"2025-06-01\"}");
    assertEquals(200, a.status(), a.body());
    JsonNode owner = a.json().path("results").get(0);
    JsonNode beta = a.json().path("results").get(1);
    assertEquals(ownerId, owner.path("subject").path("id").asText());
    assertEquals("ftm", owner.path("subject").path("scheme").asText());
    assertEquals(
        "NK****er",
        owner.path("subject").path("externalId").asText(),
        "a person's external id is masked below INVESTIGATOR");
    assertFalse(a.body().contains("NK-owner"), a.body());
    assertTrue(rules(owner).contains("FX-SANCTION"), owner.toString());
    assertTrue(
        rules(beta).contains("FX-SANCTION"),
        "the notice reaches 贝塔 through the 75% holding: " + beta);
    assertEquals(betaId, beta.path("subject").path("id").asText());
    assertFalse(owner.path("restricted").asBoolean(), "a foreign list restricts nothing here");
  }

  @Test
  void investigatorsSeeTheExternalIdOfAPerson() {
    ApiServer.Answer a =
        server.post(
            "/api/v1/checks/sanctions",
            Role.INVESTIGATOR,
            "{\"subjects\":[{\"id\":\"" + ownerId + "\"}],\"asOf\":\"2025-06-01\"}");
    assertEquals(200, a.status(), a.body());
    assertEquals(
        "NK-owner", a.json().path("results").get(0).path("subject").path("externalId").asText());
  }

  @Test
  void anAppointmentCheckTakesTheSubjectIdLikeTheIdNumber() {
    String byNumber =
        server
            .post(
                "/api/v1/checks/appointment",
                Role.REGISTRY,
                "{\"person\":{\"idNumber\":\""
                    + Fixtures.ZHANG_ID
                    + "\"},\"role\":\"LEGAL_REP\",\"asOf\":\"2025-06-01\"}")
            .json()
            .path("reasons")
            .toString();
    ApiServer.Answer byId =
        server.post(
            "/api/v1/checks/appointment",
            Role.REGISTRY,
            "{\"person\":{\"id\":\""
                + zhangId
                + "\"},\"role\":\"LEGAL_REP\",\"asOf\":\"2025-06-01\"}");
    assertEquals(200, byId.status(), byId.body());
    assertFalse(byId.json().path("eligible").asBoolean());
    assertEquals(byNumber, byId.json().path("reasons").toString());
  }

  @Test
  void anUnknownIdOrAHalfExternalKeyIsAProblemThatSaysWhatToFix() {
    ApiServer.Answer unknown =
        server.post(
            "/api/v1/checks/sanctions",
            Role.DEPARTMENT,
            "{\"subjects\":[{\"id\":\"s00000000000000000\"}]}");
    assertEquals(404, unknown.status(), unknown.body());
    assertTrue(unknown.body().contains("GET /api/v1/subjects"), unknown.body());
    ApiServer.Answer half =
        server.post(
            "/api/v1/checks/sanctions", Role.DEPARTMENT, "{\"subjects\":[{\"scheme\":\"ftm\"}]}");
    assertEquals(400, half.status(), half.body());
    assertTrue(half.body().contains("externalId"), half.body());
    ApiServer.Answer two =
        server.post(
            "/api/v1/watchlist",
            Role.INVESTIGATOR,
            "{\"subjects\":[{\"id\":\""
                + ownerId
                + "\",\"uscc\":\""
                + Fixtures.BETA_USCC
                + "\"}]}");
    assertEquals(400, two.status(), two.body());
  }

  @Test
  void theWatchlistTakesAnExternalKey() {
    ApiServer.Answer a =
        server.post("/api/v1/watchlist", Role.INVESTIGATOR, "{\"subjects\":[" + OWNER + "]}");
    assertEquals(200, a.status(), a.body());
    assertTrue(a.body().contains(ownerId), a.body());
  }

  private static List<String> rules(JsonNode result) {
    List<String> out = new ArrayList<>();
    for (String field : List.of("measures", "warnings")) {
      result.path(field).forEach(m -> out.add(m.path("rule").asText()));
    }
    return out;
  }
}
