package io.credgraph.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.credgraph.CredgraphException;
import io.credgraph.catalogue.ListCatalogue;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class RuleCatalogueTest {
  private static final ListCatalogue LISTS = ListCatalogue.defaults();

  private static final String MEASURES =
      """
      version: "1"
      measures:
        - {code: BAR, title: bar, domain: APPOINTMENT, kind: RESTRICT, department: registry, basis: 公司法第178条}
        - {code: GOV_BAN, title: ban, domain: GOV_PROCUREMENT, kind: RESTRICT, department: finance, basis: 政府采购法}
        - {code: NOTE, title: note, domain: INSPECTION, kind: ALERT, department: market}
      """;

  private static RuleCatalogue read(String measures, String rules) {
    return RuleCatalogue.read(
        new ByteArrayInputStream(measures.getBytes(StandardCharsets.UTF_8)),
        "m.yaml",
        new ByteArrayInputStream(rules.getBytes(StandardCharsets.UTF_8)),
        "r.yaml",
        LISTS);
  }

  private static String failure(String measures, String rules) {
    return assertThrows(CredgraphException.class, () -> read(measures, rules)).getMessage();
  }

  @Test
  void theDefaultCatalogueIsExactlyDomainMdsTables() {
    RuleCatalogue c = RuleCatalogue.defaults(LISTS);
    assertEquals(
        List.of(
            "CL146-1",
            "CL146-2",
            "CL146-3",
            "CL146-4",
            "CL146-5",
            "CL178-1",
            "CL178-2",
            "CL178-3",
            "CL178-4",
            "CL178-5",
            "MER12-1",
            "MER12-2",
            "MER12-3",
            "MER12-4",
            "MER12-5",
            "EIP17",
            "JS-DJD",
            "JS-CONSUMPTION",
            "JS-SID",
            "JS-SID-REP",
            "JS-TAX",
            "JS-PROC",
            "JS-BRIBE",
            "JS-PRACT",
            "JS-ABN",
            "JS-WARN",
            "JS-REPEAT",
            "JS-SERIOUS-PEN",
            "JI-RED",
            // added as data (DOMAIN.md: "more may be added"): notices for foreign lists imported
            // from FtM, never RESTRICT
            "FX-SANCTION",
            "FX-DEBARMENT"),
        c.rules().stream().map(Rule::id).toList());
    for (Rule r : c.rules()) {
      assertTrue(!r.basis().isBlank(), r.id() + " has a legal basis");
    }
    Rule cl146 = c.rule("CL146-1").orElseThrow();
    assertEquals(Optional.of(LocalDate.of(2024, 6, 30)), cl146.inForceUntil());
    assertTrue(cl146.inForceOn(LocalDate.of(2024, 6, 30)));
    assertTrue(!cl146.inForceOn(LocalDate.of(2024, 7, 1)));
    assertEquals(
        Optional.of(LocalDate.of(2024, 7, 1)), c.rule("CL178-3").orElseThrow().inForceFrom());
    assertEquals(
        Optional.of(LocalDate.of(2022, 3, 1)), c.rule("MER12-4").orElseThrow().inForceFrom());
    assertTrue(c.rule("EIP17").orElseThrow().exceptListedEnterprise());
    assertEquals(2, c.maxDepth(), "JS-SID-REP reaches other enterprises two hops from the record");
  }

  @Test
  void theWarnFirstRulesCountRecordsAndWarnWithoutRestricting() {
    RuleCatalogue c = RuleCatalogue.defaults(LISTS);
    Rule repeat = c.rule("JS-REPEAT").orElseThrow();
    assertEquals(Optional.of(new Trigger.Count(2, 12)), repeat.trigger().count());
    Rule warn = c.rule("JS-WARN").orElseThrow();
    assertEquals(MeasureKind.WARNING, warn.targets().get(0).measures().get(0).kind());
    assertEquals(Period.Kind.MONTHS_FROM, warn.period().kind());
    assertEquals(Optional.empty(), c.rule("JS-SERIOUS-PEN").orElseThrow().trigger().count());
  }

  @Test
  void aBadCountNamesFileRuleAndField() {
    String r =
        """
        version: "1"
        rules:
          - id: JS-X
            title: x
            basis: 政府采购法
            scope: SANCTION
            trigger: {lists: [ADMINISTRATIVE_PENALTY], count: {nth: 1, withinMonths: 12}}
            targets: [{measures: [GOV_BAN]}]
        """;
    String msg = failure(MEASURES, r);
    assertTrue(msg.startsWith("r.yaml: rule JS-X, field trigger.count.nth:"), msg);
    msg = failure(MEASURES, r.replace("nth: 1, withinMonths: 12", "nth: 2, within: 12"));
    assertTrue(msg.startsWith("r.yaml: rule JS-X, field trigger.count.within:"), msg);
    msg = failure(MEASURES, r.replace("nth: 1, withinMonths: 12", "nth: 2, withinMonths: twelve"));
    assertTrue(msg.startsWith("r.yaml: rule JS-X, field trigger.count.withinMonths:"), msg);
  }

  @Test
  void aRestrictingMeasureWithoutBasisDoesNotLoad() {
    String m =
        """
        version: "1"
        measures:
          - {code: BAN, title: ban, domain: SUBSIDY, kind: RESTRICT, department: finance}
        """;
    String msg = failure(m, "version: \"1\"\nrules: []\n");
    assertTrue(msg.startsWith("m.yaml: measure BAN, field basis:"), msg);
    assertTrue(msg.contains("needs a legal basis"), msg);
  }

  @Test
  void aRestrictingRuleWithoutBasisDoesNotLoad() {
    String r =
        """
        version: "1"
        rules:
          - id: JS-X
            title: x
            scope: SANCTION
            trigger: {lists: [PROCUREMENT_VIOLATION]}
            targets: [{measures: [GOV_BAN]}]
        """;
    String msg = failure(MEASURES, r);
    assertTrue(msg.startsWith("r.yaml: rule JS-X, field basis:"), msg);
  }

  @Test
  void errorsNameTheFileTheRuleAndTheField() {
    String unknownList =
        """
        version: "1"
        rules:
          - {id: JS-X, title: x, basis: b, scope: SANCTION, trigger: {lists: [NO_SUCH_LIST]}, targets: [{measures: [GOV_BAN]}]}
        """;
    String msg = failure(MEASURES, unknownList);
    assertTrue(
        msg.startsWith("r.yaml: rule JS-X, field trigger.lists: unknown list 'NO_SUCH_LIST'"), msg);

    String unknownMeasure =
        unknownList.replace("NO_SUCH_LIST", "PROCUREMENT_VIOLATION").replace("GOV_BAN", "NOPE");
    msg = failure(MEASURES, unknownMeasure);
    assertTrue(
        msg.startsWith("r.yaml: rule JS-X, field targets[0].measures: unknown measure 'NOPE'"),
        msg);

    String typo =
        unknownList
            .replace("NO_SUCH_LIST", "PROCUREMENT_VIOLATION")
            .replace("targets:", "tragets:");
    msg = failure(MEASURES, typo);
    assertTrue(msg.startsWith("r.yaml: rule JS-X, field tragets: unknown field 'tragets'"), msg);

    String badHeld =
        """
        version: "1"
        rules:
          - id: JS-Y
            title: y
            basis: b
            scope: SANCTION
            trigger: {lists: [MAJOR_TAX_VIOLATION]}
            targets:
              - via: [{rel: LEGAL_REP, dir: IN, held: YESTERDAY}]
                measures: [GOV_BAN]
        """;
    msg = failure(MEASURES, badHeld);
    assertTrue(
        msg.startsWith(
            "r.yaml: rule JS-Y, field targets[0].via[0].held: 'YESTERDAY' is not allowed"),
        msg);

    String badFunction =
        """
        version: "1"
        rules:
          - id: CL-X
            title: x
            basis: b
            scope: APPOINTMENT
            roles: [{role: DIRECTOR}]
            trigger: {lists: [CRIMINAL_PENALTY]}
            targets: [{measures: [BAR]}]
            period: {kind: FUNCTION, function: SENTENCE_PLUS, params: {years: 5}}
        """;
    msg = failure(MEASURES, badFunction);
    assertTrue(
        msg.startsWith(
            "r.yaml: rule CL-X, field period.function: unknown period function 'SENTENCE_PLUS'"),
        msg);
    assertTrue(msg.contains("CRIMINAL_BAR"), msg);

    msg = failure(MEASURES, badFunction.replace("SENTENCE_PLUS", "CRIMINAL_BAR"));
    assertTrue(msg.startsWith("r.yaml: rule CL-X, field period.probationYears:"), msg);

    msg =
        failure(
            MEASURES,
            badFunction
                .replace("    roles: [{role: DIRECTOR}]\n", "")
                .replace("SENTENCE_PLUS", "CRIMINAL_BAR")
                .replace("{years: 5}", "{years: 5, probationYears: 2}"));
    assertTrue(
        msg.startsWith("r.yaml: rule CL-X, field roles: appointment rule CL-X needs the roles"),
        msg);
  }

  @Test
  void aRuleEndingBeforeItStartsDoesNotLoad() {
    String r =
        """
        version: "1"
        rules:
          - {id: JS-X, title: x, basis: b, scope: SANCTION, inForce: {from: 2024-07-01, until: 2024-06-30},
             trigger: {lists: [PROCUREMENT_VIOLATION]}, targets: [{measures: [GOV_BAN]}]}
        """;
    String msg = failure(MEASURES, r);
    assertTrue(msg.startsWith("r.yaml: rule JS-X, field inForce.until:"), msg);
  }

  @Test
  void anAlertOnlyRuleNeedsNoBasisAndLoads() {
    String r =
        """
        version: "1"
        rules:
          - {id: JS-N, title: n, scope: SANCTION, trigger: {lists: [ABNORMAL_OPERATION]}, targets: [{measures: [NOTE]}]}
        """;
    RuleCatalogue c = read(MEASURES, r);
    assertEquals("", c.rule("JS-N").orElseThrow().basis());
  }

  @Test
  void criminalBarFollowsArticle146And178() {
    PeriodFunction f = PeriodFunctions.require("CRIMINAL_BAR");
    var decided = LocalDate.of(2020, 1, 15);
    var probation =
        io.credgraph.model.CreditRecord.of(
            "K",
            io.credgraph.model.SubjectKey.resident(
                "11010119900307299X".substring(0, 17)
                    + io.credgraph.model.ResidentId.checkCharacter("11010119900307299")),
            "CRIMINAL_PENALTY",
            "COURT",
            decided);
    var onProbation =
        new io.credgraph.model.CreditRecord(
            probation.id(),
            probation.subject(),
            probation.list(),
            probation.department(),
            "",
            "",
            decided,
            decided,
            Optional.empty(),
            List.of(),
            Optional.empty(),
            Optional.of(io.credgraph.model.Crime.EMBEZZLEMENT),
            Optional.empty(),
            Optional.of(LocalDate.of(2021, 1, 14)),
            Optional.empty(),
            java.util.Map.of(),
            List.of(),
            List.of());
    assertEquals(
        Optional.of(LocalDate.of(2026, 1, 14)),
        f.window(onProbation, java.util.Map.of("years", 5, "probationYears", 5))
            .orElseThrow()
            .last());
    assertEquals(
        Optional.of(LocalDate.of(2023, 1, 14)),
        f.window(onProbation, java.util.Map.of("years", 5, "probationYears", 2))
            .orElseThrow()
            .last());
    assertTrue(
        f.window(probation, java.util.Map.of("years", 5, "probationYears", 5)).isEmpty(),
        "no crime and no political rights: the rule does not arise");
  }
}
