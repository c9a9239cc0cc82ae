package io.credgraph.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.credgraph.catalogue.ListCatalogue;
import io.credgraph.model.CreditRecord;
import io.credgraph.model.Provenance;
import io.credgraph.model.StatusChange;
import io.credgraph.model.StatusEvent;
import io.credgraph.model.Subject;
import io.credgraph.model.SubjectKey;
import io.credgraph.model.SubjectKind;
import io.credgraph.rules.Role;
import io.credgraph.rules.RuleCatalogue;
import io.credgraph.store.WriteBatch;
import io.credgraph.store.WriteOp;
import io.credgraph.store.memory.InMemoryGraphStore;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A list that does not keep disputed records in force ({@code objectedInForce: false}): the
 * restriction stops on the day of the objection and starts again when the record returns to ACTIVE;
 * a list that keeps them (the default) shows the reason as disputed.
 */
class ObjectionTest {
  private static final Provenance PROV = new Provenance("TEST", "objection", "", 0);
  private final SubjectKey person = EngineScenarios.personKey(9);

  private CredgraphEngine engine(ListCatalogue lists) {
    CredgraphEngine engine =
        CredgraphEngine.open(InMemoryGraphStore.create(), lists, RuleCatalogue.defaults(lists));
    engine.write(
        WriteBatch.builder()
            .subject(Subject.of(SubjectKind.PERSON, person, "异议人"))
            .record(
                CreditRecord.of(
                    "D9", person, "DISHONEST_JUDGMENT_DEBTOR", "COURT", LocalDate.of(2021, 3, 1)))
            .build());
    engine.write(
        WriteBatch.of(
            status(StatusEvent.OBJECTED, LocalDate.of(2021, 6, 1)),
            status(StatusEvent.ACTIVE, LocalDate.of(2021, 7, 1))));
    return engine;
  }

  private static WriteOp status(StatusEvent ev, LocalDate on) {
    return new WriteOp.AppendStatus(
        "D9", new StatusChange(ev, on, Optional.empty(), Optional.empty(), PROV));
  }

  private AppointmentCheck check(CredgraphEngine e, LocalDate day) {
    return e.checkAppointment(person, Role.DIRECTOR, Optional.empty(), day);
  }

  @Test
  void aListThatSuspendsDisputedRecords(@TempDir Path dir) throws IOException {
    String yaml;
    try (InputStream in = ListCatalogue.class.getResourceAsStream(ListCatalogue.DEFAULT_RESOURCE)) {
      yaml = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
    yaml =
        yaml.replace(
            "    issuer: court\n    severity: 0.8\n",
            "    issuer: court\n    severity: 0.8\n" + "    objectedInForce: false\n");
    Path file = dir.resolve("lists.yaml");
    Files.writeString(file, yaml);
    ListCatalogue lists = ListCatalogue.load(file);
    assertEquals(false, lists.require("DISHONEST_JUDGMENT_DEBTOR").objectedInForce());
    CredgraphEngine e = engine(lists);

    Reason before = check(e, LocalDate.of(2021, 5, 31)).reasons().get(0);
    assertEquals(Optional.of(LocalDate.of(2021, 5, 31)), before.restrictedUntil());
    assertTrue(check(e, LocalDate.of(2021, 6, 1)).eligible());
    assertTrue(check(e, LocalDate.of(2021, 6, 30)).eligible());
    Reason after = check(e, LocalDate.of(2021, 7, 1)).reasons().get(0);
    assertEquals(LocalDate.of(2021, 7, 1), after.restrictedFrom());
    assertEquals(Optional.empty(), after.restrictedUntil());
  }

  @Test
  void theDefaultListKeepsADisputedRecordInForceAndSaysItIsDisputed() {
    CredgraphEngine e = engine(ListCatalogue.defaults());
    Reason during = check(e, LocalDate.of(2021, 6, 15)).reasons().get(0);
    assertTrue(during.disputed());
    assertEquals(LocalDate.of(2021, 3, 1), during.restrictedFrom());
    assertEquals(false, check(e, LocalDate.of(2021, 7, 1)).reasons().get(0).disputed());
  }
}
