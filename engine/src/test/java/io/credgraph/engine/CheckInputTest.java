package io.credgraph.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.credgraph.NotFoundException;
import io.credgraph.ValidationException;
import io.credgraph.model.CreditRecord;
import io.credgraph.model.Subject;
import io.credgraph.model.SubjectKey;
import io.credgraph.model.SubjectKind;
import io.credgraph.rules.Role;
import io.credgraph.store.WriteBatch;
import io.credgraph.store.memory.InMemoryGraphStore;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** What the checks say about bad or unknown input. */
class CheckInputTest {
  private static final LocalDate DAY = LocalDate.of(2024, 1, 1);
  private final SubjectKey person = EngineScenarios.personKey(1);
  private final SubjectKey company = EngineScenarios.orgKey(2);
  private final SubjectKey hospital = EngineScenarios.orgKey(3);
  private final CredgraphEngine engine = CredgraphEngine.open(InMemoryGraphStore.create());

  CheckInputTest() {
    engine.write(
        WriteBatch.builder()
            .subject(Subject.of(SubjectKind.PERSON, person, "王某"))
            .subject(Subject.company(company.masked(), "某公司"))
            .subject(Subject.of(SubjectKind.INSTITUTION, hospital, "某医院"))
            .record(
                CreditRecord.of(
                    "D1", person, "DISHONEST_JUDGMENT_DEBTOR", "COURT", LocalDate.of(2023, 1, 1)))
            .build());
  }

  @Test
  void aPersonTheStoreDoesNotKnowIsEligible() {
    AppointmentCheck c =
        engine.checkAppointment(
            EngineScenarios.personKey(77), Role.DIRECTOR, Optional.empty(), DAY);
    assertTrue(c.eligible());
    assertTrue(c.person().isEmpty());
    assertEquals(List.of("CL146-1", "CL146-2", "CL146-3", "CL146-4", "CL146-5"), c.rulesApplied());
  }

  @Test
  void anUnknownEnterpriseIsNotFoundWithAHint() {
    NotFoundException e =
        assertThrows(
            NotFoundException.class,
            () ->
                engine.checkAppointment(
                    person, Role.DIRECTOR, Optional.of(EngineScenarios.orgKey(88)), DAY));
    assertTrue(e.getMessage().contains("leave enterprise out"), e.getMessage());
  }

  @Test
  void anOrganisationCannotBeAppointedAndARoleMustFitTheOrganisation() {
    ValidationException e =
        assertThrows(
            ValidationException.class,
            () -> engine.checkAppointment(company, Role.DIRECTOR, Optional.empty(), DAY));
    assertEquals(Optional.of("person"), e.field());
    e =
        assertThrows(
            ValidationException.class,
            () -> engine.checkAppointment(person, Role.DIRECTOR, Optional.of(hospital), DAY));
    assertEquals(Optional.of("role"), e.field());
    assertTrue(e.getMessage().contains("DIRECTOR of a INSTITUTION"), e.getMessage());
  }

  @Test
  void aReasonCarriesBasisPathAndNeverAnUnmaskedIdNumberInItsText() {
    AppointmentCheck c = engine.checkAppointment(person, Role.DIRECTOR, Optional.of(company), DAY);
    assertFalse(c.eligible());
    Reason r = c.reasons().get(0);
    assertEquals("CL146-5", r.rule());
    assertTrue(r.basis().contains("第一百四十六条"), r.basis());
    assertEquals(List.of("D1"), r.records());
    assertEquals(1, r.path().subjects().size());
    assertFalse(
        c.toString().contains(((SubjectKey.Person) person).idNumber()),
        "the answer's text masks the ID");
  }

  @Test
  void aSanctionsCheckTakesAtMostAThousandSubjectsAndAnswersUnknownOnes() {
    List<SubjectKey> many = new ArrayList<>();
    for (int i = 0; i < 1001; i++) {
      many.add(company);
    }
    ValidationException e =
        assertThrows(
            ValidationException.class, () -> engine.checkSanctions(many, Optional.empty(), DAY));
    assertTrue(e.getMessage().contains("at most 1000"), e.getMessage());
    SanctionsCheck c =
        engine.checkSanctions(List.of(EngineScenarios.orgKey(90), person), Optional.empty(), DAY);
    assertTrue(c.results().get(0).subject().isEmpty());
    assertFalse(c.results().get(0).restricted());
    assertTrue(c.results().get(1).restricted());
    assertEquals(7, c.results().get(1).measures().size());
  }

  @Test
  void profilesRiskAndWhatIfNeedAKnownSubject() {
    assertThrows(
        NotFoundException.class, () -> engine.subjectMeasures(EngineScenarios.orgKey(91), DAY));
    assertThrows(
        NotFoundException.class, () -> engine.associatedRisk(EngineScenarios.orgKey(91), DAY));
    assertThrows(
        NotFoundException.class,
        () ->
            engine.simulate(
                CreditRecord.of(
                    "H", EngineScenarios.orgKey(91), "SERIOUS_ILLEGAL_DISHONEST", "MR", DAY),
                DAY));
    assertThrows(
        ValidationException.class,
        () -> engine.simulate(CreditRecord.of("H", company, "NO_SUCH_LIST", "MR", DAY), DAY));
    SubjectMeasures m = engine.subjectMeasures(person, DAY);
    assertEquals(7, m.measures().size());
    assertEquals(
        List.of("CL146-5", "MER12-5"),
        m.appointmentRestrictions().stream().map(Reason::rule).toList());
  }
}
