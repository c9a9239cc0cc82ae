package io.credgraph.catalogue;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.credgraph.CredgraphException;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ListSettingsTest {
  private static final LocalDate D = LocalDate.of(2024, 3, 5);

  @Test
  void theDefaultCatalogueCarriesDomainMdsRepairSettings() {
    ListCatalogue c = ListCatalogue.defaults();
    ListSettings general = c.settings("ADMINISTRATIVE_PENALTY", Optional.of("GENERAL"));
    assertTrue(general.repairable());
    assertEquals(Optional.of(LocalDate.of(2024, 6, 5)), general.repairableFrom(D));
    assertEquals(Optional.of(LocalDate.of(2025, 3, 4)), general.publishedUntil(D));
    ListSettings serious = c.settings("ADMINISTRATIVE_PENALTY", Optional.of("SERIOUS"));
    assertEquals(Optional.of(LocalDate.of(2024, 9, 5)), serious.repairableFrom(D));
    assertEquals(Optional.of(LocalDate.of(2027, 3, 4)), serious.publishedUntil(D));
    assertEquals(15, serious.objectionDays());
    assertEquals(15, serious.repairDecisionDays());
    assertEquals(
        Optional.of(LocalDate.of(2025, 3, 5)),
        c.settings("SERIOUS_ILLEGAL_DISHONEST", Optional.empty()).repairableFrom(D));
    assertEquals(
        Optional.empty(),
        c.settings("SERIOUS_ILLEGAL_DISHONEST", Optional.empty()).publishedUntil(D),
        "published while in force");
    for (String court :
        new String[] {
          "DISHONEST_JUDGMENT_DEBTOR", "CONSUMPTION_RESTRICTED", "BRIBERY_RECORD", "LICENCE_REVOKED"
        }) {
      assertFalse(
          c.settings(court, Optional.empty()).repairable(),
          court + " ends by decision or is a fact");
    }
  }

  @Test
  void aBadSettingNamesTheFileTheListAndTheField() throws Exception {
    String yaml =
        """
        version: "1"
        lists:
          - {code: X_LIST, name: x, kind: WATCH, settings: {repairable: true, minPublication: one year}}
        """;
    String msg =
        assertThrows(
                CredgraphException.class,
                () ->
                    ListCatalogue.read(
                        new ByteArrayInputStream(yaml.getBytes(StandardCharsets.UTF_8)), "l.yaml"))
            .getMessage();
    assertTrue(msg.startsWith("l.yaml: list X_LIST, field settings.minPublication:"), msg);
  }
}
