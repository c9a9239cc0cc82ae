package io.credgraph.grades;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.credgraph.CredgraphException;
import io.credgraph.catalogue.ListCatalogue;
import io.credgraph.model.CreditRecord;
import io.credgraph.model.SubjectKey;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class GradeCatalogueTest {
  private static final ListCatalogue LISTS = ListCatalogue.defaults();
  private static final SubjectKey FIRM = SubjectKey.uscc("91350100M000100Y43");

  private static GradeCatalogue read(String yaml) {
    return GradeCatalogue.read(
        new ByteArrayInputStream(yaml.getBytes(StandardCharsets.UTF_8)), "g.yaml", LISTS);
  }

  private static String failure(String yaml) {
    return assertThrows(CredgraphException.class, () -> read(yaml)).getMessage();
  }

  private static final String GOOD =
      """
      version: "1"
      grades:
        - grade: D
          anyOf:
            - {id: BLACK_IN_FORCE, kinds: [BLACK], inForce: true}
        - grade: B
          otherwise: true
      """;

  @Test
  void theDefaultCatalogueLoadsAndGradesAnOrganisationWithoutRecordsB() {
    GradeCatalogue c = GradeCatalogue.defaults(LISTS);
    CreditGrade g = c.grade(List.of(), LocalDate.of(2024, 1, 1));
    assertEquals(CreditGrade.Grade.B, g.grade());
    assertEquals(List.of(), g.conditions());
  }

  @Test
  void aCustomCatalogueIsDataTheFirstGradeThatHoldsApplies() {
    GradeCatalogue c = read(GOOD);
    CreditRecord black =
        CreditRecord.of("X1", FIRM, "PROCUREMENT_VIOLATION", "FIN", LocalDate.of(2023, 1, 1));
    CreditGrade g = c.grade(List.of(black), LocalDate.of(2023, 1, 1));
    assertEquals(CreditGrade.Grade.D, g.grade());
    assertEquals(List.of("BLACK_IN_FORCE"), g.conditions());
    assertEquals(List.of("X1"), g.records());
    assertEquals(CreditGrade.Grade.B, c.grade(List.of(black), LocalDate.of(2022, 12, 31)).grade());
  }

  @Test
  void errorsNameTheFileTheGradeTheConditionAndTheField() {
    String msg = failure(GOOD.replace("kinds: [BLACK]", "lists: [GREY_LIST]"));
    assertTrue(msg.startsWith("g.yaml: grade D, field anyOf[0] (BLACK_IN_FORCE).lists:"), msg);
    msg = failure(GOOD.replace("inForce: true", "inForce: true, decidedWithinMonths: 12"));
    assertTrue(msg.startsWith("g.yaml: grade D, field anyOf[0] (BLACK_IN_FORCE).inForce:"), msg);
    msg = failure(GOOD.replace("inForce: true}", "inForce: true, atleast: 2}"));
    assertTrue(
        msg.startsWith("g.yaml: grade D, field anyOf[0] (BLACK_IN_FORCE).atleast: unknown field"),
        msg);
    msg = failure(GOOD.replace("grade: D", "grade: E"));
    assertTrue(msg.startsWith("g.yaml: grade E, field grade: 'E' is not allowed"), msg);
    msg = failure(GOOD.replace("  - grade: B\n    otherwise: true\n", ""));
    assertTrue(msg.contains("the last grade must be the one given otherwise"), msg);
  }
}
