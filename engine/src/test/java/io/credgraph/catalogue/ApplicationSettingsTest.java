package io.credgraph.catalogue;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.credgraph.CredgraphException;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Application deadlines of the default list catalogue (DOMAIN.md sections 4 and 8) as a scenario
 * table: for a record of a list decided on a day, whether it is repairable, the first day a repair
 * application may be filed, and the due days of an objection and a repair application filed on a
 * day.
 */
class ApplicationSettingsTest {
  static final ApplicationSettings DEFAULTS = ApplicationSettings.defaults();

  @ParameterizedTest(name = "{0} decided {1}, filed {3}")
  @CsvSource(
      delimiter = '|',
      nullValues = "_",
      textBlock =
          """
      # list                     | decidedOn  | first repair day | filed on   | objection due | repair due
      SERIOUS_ILLEGAL_DISHONEST  | 2023-05-10 | 2024-05-10       | 2025-06-01 | 2025-06-16    | 2025-06-16
      # a leap day plus one year is 28 February
      MAJOR_TAX_VIOLATION        | 2024-02-29 | 2025-02-28       | 2025-02-28 | 2025-03-15    | 2025-03-15
      PROCUREMENT_VIOLATION      | 2024-12-31 | 2025-12-31       | 2025-12-20 | 2026-01-04    | 2026-01-04
      PRACTITIONER_MISCONDUCT    | 2025-01-01 | 2026-01-01       | 2025-01-02 | 2025-01-17    | 2025-01-17
      ABNORMAL_OPERATION         | 2025-01-31 | 2026-01-31       | 2025-02-01 | 2025-02-16    | 2025-02-16
      # the court lists end by the court's decision, bribery and events are facts: not repairable
      DISHONEST_JUDGMENT_DEBTOR  | 2024-03-01 | _                | 2025-06-01 | 2025-06-16    | _
      CONSUMPTION_RESTRICTED     | 2024-03-01 | _                | 2025-06-01 | 2025-06-16    | _
      BRIBERY_RECORD             | 2024-03-01 | _                | 2025-06-01 | 2025-06-16    | _
      LICENCE_REVOKED            | 2024-03-01 | _                | 2025-06-01 | 2025-06-16    | _
      """)
  void deadlines(
      String list,
      String decided,
      String firstRepair,
      String filed,
      String objectionDue,
      String repairDue) {
    ApplicationSettings.Settings s = DEFAULTS.of(list);
    assertEquals(firstRepair != null, s.repairable(), list);
    if (firstRepair != null) {
      assertEquals(LocalDate.parse(firstRepair), s.firstRepairDay(LocalDate.parse(decided)));
      assertEquals(
          LocalDate.parse(repairDue), LocalDate.parse(filed).plusDays(s.repairDecisionDays()));
    }
    assertEquals(LocalDate.parse(objectionDue), LocalDate.parse(filed).plusDays(s.objectionDays()));
  }

  @Test
  void publishedWhileInForceAndWithinMaxPublication() throws Exception {
    ApplicationSettings s =
        read(
            """
        lists:
          - code: PENALTY_X
            settings:
              repairable: true
              minPublication: P3M
              maxPublication: P1Y
        """);
    ApplicationSettings.Settings p = s.of("PENALTY_X");
    LocalDate decided = LocalDate.of(2025, 1, 10);
    assertEquals(LocalDate.of(2025, 4, 10), p.firstRepairDay(decided));
    assertTrue(
        p.published(decided, true, LocalDate.of(2026, 1, 10)), "the last day of maxPublication");
    assertTrue(!p.published(decided, true, LocalDate.of(2026, 1, 11)), "the day after");
    assertTrue(!p.published(decided, false, LocalDate.of(2025, 2, 1)), "not in force");
  }

  @Test
  void settingsPerSeverityOverrideTheListsOwn() throws Exception {
    // ADMINISTRATIVE_PENALTY (DOMAIN.md 4): GENERAL 3 months / 1 year, SERIOUS 6 months / 3 years
    ApplicationSettings s =
        read(
            """
        lists:
          - code: ADMINISTRATIVE_PENALTY
            settings:
              repairable: true
              minPublication: P1Y
              bySeverity:
                GENERAL: {minPublication: P3M, maxPublication: P1Y}
                SERIOUS: {minPublication: P6M, maxPublication: P3Y, repairDecisionDays: 30}
        """);
    LocalDate decided = LocalDate.of(2025, 1, 10);
    ApplicationSettings.Settings general =
        s.of("ADMINISTRATIVE_PENALTY", java.util.Optional.of("GENERAL"));
    assertEquals(LocalDate.of(2025, 4, 10), general.firstRepairDay(decided));
    assertEquals(15, general.repairDecisionDays());
    ApplicationSettings.Settings serious =
        s.of("ADMINISTRATIVE_PENALTY", java.util.Optional.of("SERIOUS"));
    assertEquals(LocalDate.of(2025, 7, 10), serious.firstRepairDay(decided));
    assertEquals(30, serious.repairDecisionDays());
    assertTrue(serious.published(decided, true, LocalDate.of(2028, 1, 10)));
    assertEquals(
        LocalDate.of(2026, 1, 10),
        s.of("ADMINISTRATIVE_PENALTY", java.util.Optional.empty()).firstRepairDay(decided),
        "without a severity, the list's own");
    assertEquals(
        LocalDate.of(2026, 1, 10),
        s.of("ADMINISTRATIVE_PENALTY", java.util.Optional.of("OTHER")).firstRepairDay(decided),
        "a severity not named: the list's own");
  }

  @Test
  void wrongSettingsNameTheListAndTheField() {
    CredgraphException e =
        assertThrows(
            CredgraphException.class,
            () ->
                read(
                    """
        lists:
          - code: X
            settings:
              repairable: true
        """));
    assertTrue(e.getMessage().contains("list X, field settings.minPublication"), e.getMessage());
    e =
        assertThrows(
            CredgraphException.class,
            () ->
                read(
                    """
        lists:
          - code: X
            settings:
              repairable: true
              minPublication: one year
        """));
    assertTrue(e.getMessage().contains("not an ISO-8601 period"), e.getMessage());
    e =
        assertThrows(
            CredgraphException.class,
            () ->
                read(
                    """
        lists:
          - code: X
            settings:
              objectionDays: 0
        """));
    assertTrue(e.getMessage().contains("objectionDays"), e.getMessage());
  }

  static ApplicationSettings read(String yaml) throws Exception {
    return ApplicationSettings.read(
        new ByteArrayInputStream(yaml.getBytes(StandardCharsets.UTF_8)), "test.yaml");
  }
}
