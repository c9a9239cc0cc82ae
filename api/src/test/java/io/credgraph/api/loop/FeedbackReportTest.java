package io.credgraph.api.loop;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Feedback reports as a scenario table (DOMAIN.md section 7), feedbackDays 10. The checks:
 *
 * <ul>
 *   <li>c1, MARKET_REGULATION, 2025-05-02: on s1 GP-BAN (GOV_PROCUREMENT) and SUBSIDY-BAN
 *       (SUBSIDY), rule R1; feedback sent 2025-05-05: GP-BAN APPLIED, SUBSIDY-BAN NOT_APPLIED
 *       (NOT_IN_SCOPE); corrected 2025-06-10: SUBSIDY-BAN APPLIED;
 *   <li>c2, TAX, 2025-05-20: on s2 GP-BAN, rule R2; no feedback (due 2025-05-30);
 *   <li>c3, MARKET_REGULATION, 2025-06-03: on s3 GP-BAN, rule R1; sent 2025-06-04: NOT_APPLICABLE;
 *   <li>c4, made with a REGISTRY key (no department), 2025-05-02: never counted.
 * </ul>
 *
 * A row: from, to, by, the groups as {@code key=applied/notApplied/notApplicable/pending/share}
 * (share {@code -} when nothing was applied or not applied), the overdue checks.
 */
class FeedbackReportTest {
  static final LocalDate D = LocalDate.of(2025, 5, 2);

  static Instant at(String day) {
    return LocalDate.parse(day).atTime(10, 0).atZone(io.credgraph.model.Dates.CHINA).toInstant();
  }

  static Checks.Check check(String id, String dept, String on, Checks.Item... items) {
    return new Checks.Check(
        id,
        Checks.Kind.SANCTIONS,
        at(on),
        LocalDate.parse(on),
        "key-" + id,
        Optional.ofNullable(dept),
        LocalDate.parse(on),
        List.of(items));
  }

  static Checks.Item item(String subject, String rule, String measure, String domain) {
    return new Checks.Item(subject, rule, measure, domain);
  }

  static Checks.Feedback fb(String subject, String rule, String measure, Checks.Outcome o) {
    return new Checks.Feedback(
        subject,
        rule,
        measure,
        o,
        o == Checks.Outcome.NOT_APPLIED
            ? Optional.of(Checks.NotAppliedReason.NOT_IN_SCOPE)
            : Optional.empty(),
        o == Checks.Outcome.NOT_APPLIED ? Optional.of("not this business") : Optional.empty());
  }

  static final List<Checks.Check> CHECKS =
      List.of(
          check(
              "c1",
              "MARKET_REGULATION",
              "2025-05-02",
              item("s1", "R1", "GP-BAN", "GOV_PROCUREMENT"),
              item("s1", "R1", "SUBSIDY-BAN", "SUBSIDY")),
          check("c2", "TAX", "2025-05-20", item("s2", "R2", "GP-BAN", "GOV_PROCUREMENT")),
          check(
              "c3",
              "MARKET_REGULATION",
              "2025-06-03",
              item("s3", "R1", "GP-BAN", "GOV_PROCUREMENT")),
          check("c4", null, "2025-05-02", item("s4", "R1", "GP-BAN", "GOV_PROCUREMENT")));

  static final Map<String, List<Checks.FeedbackVersion>> FEEDBACK =
      Map.of(
          "c1",
              List.of(
                  new Checks.FeedbackVersion(
                      "c1",
                      1,
                      at("2025-05-05"),
                      "samr",
                      "MARKET_REGULATION",
                      List.of(
                          fb("s1", "R1", "GP-BAN", Checks.Outcome.APPLIED),
                          fb("s1", "R1", "SUBSIDY-BAN", Checks.Outcome.NOT_APPLIED))),
                  new Checks.FeedbackVersion(
                      "c1",
                      2,
                      at("2025-06-10"),
                      "samr",
                      "MARKET_REGULATION",
                      List.of(fb("s1", "R1", "SUBSIDY-BAN", Checks.Outcome.APPLIED)))),
          "c3",
              List.of(
                  new Checks.FeedbackVersion(
                      "c3",
                      1,
                      at("2025-06-04"),
                      "samr",
                      "MARKET_REGULATION",
                      List.of(fb("s3", "R1", "GP-BAN", Checks.Outcome.NOT_APPLICABLE)))));

  @ParameterizedTest(name = "from {0} to {1} by {2}")
  @CsvSource(
      delimiter = '|',
      nullValues = "_",
      textBlock =
          """
      # the correction of 2025-06-10 is not yet known on 2025-05-31; c2 is overdue from 2025-05-31
      _          | 2025-05-31 | DEPARTMENT | MARKET_REGULATION=1/1/0/0/0.5 TAX=0/0/0/1/-              | c2
      # on its due day c2 is not yet overdue
      _          | 2025-05-30 | DEPARTMENT | MARKET_REGULATION=1/1/0/0/0.5 TAX=0/0/0/1/-              | _
      # by the end of June the correction counts; c3 is in
      _          | 2025-06-30 | DEPARTMENT | MARKET_REGULATION=2/0/1/0/1.0 TAX=0/0/0/1/-              | c2
      _          | 2025-06-30 | MONTH      | 2025-05=2/0/0/1/1.0 2025-06=0/0/1/0/-                      | c2
      _          | 2025-06-30 | MEASURE    | GP-BAN=1/0/1/1/1.0 SUBSIDY-BAN=1/0/0/0/1.0                 | c2
      _          | 2025-06-30 | DOMAIN     | GOV_PROCUREMENT=1/0/1/1/1.0 SUBSIDY=1/0/0/0/1.0           | c2
      # June only: c1 and c2 were checked in May
      2025-06-01 | 2025-06-30 | DEPARTMENT | MARKET_REGULATION=0/0/1/0/-                                | _
      # before any check
      _          | 2025-04-30 | DEPARTMENT | _                                                          | _
      """)
  void reports(String from, String to, String by, String groups, String overdue) {
    FeedbackReport r =
        FeedbackReport.of(
            CHECKS,
            FEEDBACK,
            Optional.ofNullable(from).map(LocalDate::parse),
            LocalDate.parse(to),
            FeedbackReport.By.valueOf(by),
            10);
    Map<String, String> got = new LinkedHashMap<>();
    for (FeedbackReport.Group g : r.groups()) {
      FeedbackReport.Counts c = g.counts();
      got.put(
          g.key(),
          c.applied()
              + "/"
              + c.notApplied()
              + "/"
              + c.notApplicable()
              + "/"
              + c.pending()
              + "/"
              + c.shareApplied()
                  .map(d -> String.format(java.util.Locale.ROOT, "%.1f", d))
                  .orElse("-"));
    }
    Map<String, String> expected = new LinkedHashMap<>();
    if (groups != null) {
      for (String g : groups.trim().split("\\s+")) {
        String[] kv = g.split("=");
        expected.put(kv[0], kv[1]);
      }
    }
    assertEquals(expected, got);
    List<String> late = new ArrayList<>();
    r.overdue().forEach(o -> late.add(o.checkId()));
    assertEquals(overdue == null ? List.of() : List.of(overdue.trim().split(",")), late);
  }
}
