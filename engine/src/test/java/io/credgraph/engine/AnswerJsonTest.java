package io.credgraph.engine;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jdk8.Jdk8Module;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.credgraph.model.CreditRecord;
import io.credgraph.model.Relation;
import io.credgraph.model.RelationType;
import io.credgraph.model.Subject;
import io.credgraph.model.SubjectKey;
import io.credgraph.model.SubjectKind;
import io.credgraph.rules.Role;
import io.credgraph.store.WriteBatch;
import io.credgraph.store.memory.InMemoryGraphStore;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Answers become JSON as API.md shows them, and a person's ID number never leaves unmasked. */
class AnswerJsonTest {
  @Test
  void answersSerialiseWithMaskedPersonsAndPublicUscc() throws Exception {
    SubjectKey person = EngineScenarios.personKey(5);
    SubjectKey company = EngineScenarios.orgKey(6);
    CredgraphEngine engine = CredgraphEngine.open(InMemoryGraphStore.create());
    engine.write(
        WriteBatch.builder()
            .subject(Subject.of(SubjectKind.PERSON, person, "王某"))
            .subject(Subject.company(company.masked(), "某公司"))
            .relation(
                Relation.of(RelationType.LEGAL_REP, person, company, LocalDate.of(2019, 1, 1)))
            .record(
                CreditRecord.of(
                    "D1", company, "DISHONEST_JUDGMENT_DEBTOR", "COURT", LocalDate.of(2023, 1, 1)))
            .record(
                CreditRecord.of(
                    "D2", person, "DISHONEST_JUDGMENT_DEBTOR", "COURT", LocalDate.of(2023, 1, 1)))
            .build());
    ObjectMapper json =
        new ObjectMapper()
            .registerModule(new Jdk8Module())
            .registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
    LocalDate day = LocalDate.of(2024, 1, 1);
    String full = ((SubjectKey.Person) person).idNumber();
    String text =
        json.writeValueAsString(
            List.of(
                engine.checkAppointment(person, Role.LEGAL_REP, Optional.of(company), day),
                engine.checkSanctions(List.of(person, company), Optional.empty(), day),
                engine.subjectMeasures(person, day),
                engine.associatedRisk(company, day),
                engine.alerts(Optional.empty(), day, Optional.empty())));
    assertFalse(text.contains(full), "the full ID number must not be in the JSON: " + text);
    assertTrue(text.contains("\"idNumber\":\"" + person.masked() + "\""), text);
    assertTrue(text.contains("\"uscc\":\"" + company.masked() + "\""), text);
    assertTrue(
        text.contains("\"restrictedUntil\":null")
            || text.contains("\"restrictedFrom\":\"2023-01-01\""),
        text);
    assertTrue(text.contains("\"rule\":\"JS-CONSUMPTION\""), text);
  }
}
