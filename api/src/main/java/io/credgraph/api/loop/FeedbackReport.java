package io.credgraph.api.loop;

import io.credgraph.model.Dates;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The enforcement feedback report (DOMAIN.md section 7) for the checks made with a department's key
 * between {@code from} and {@code to}: for each group (department, measure, domain or month of the
 * check) the count of each outcome, the measures still without one, and the share applied, APPLIED
 * / (APPLIED + NOT_APPLIED); and the overdue checks. Everything is judged on {@code to}: feedback
 * sent after that day does not count yet, and a check is overdue when some measure it found has no
 * outcome and {@code to} is after its due day (the check's day plus {@code feedbackDays}).
 */
public record FeedbackReport(
    Optional<LocalDate> from,
    LocalDate to,
    By by,
    int feedbackDays,
    Counts total,
    List<Group> groups,
    List<Overdue> overdue) {

  /** How the counts are grouped. */
  public enum By {
    DEPARTMENT,
    MEASURE,
    DOMAIN,
    MONTH;

    public static By parse(String text) {
      try {
        return valueOf(text.trim().toUpperCase(Locale.ROOT));
      } catch (IllegalArgumentException e) {
        throw new io.credgraph.ValidationException(
            "by", "by is department, measure, domain or month, not '" + text + "'");
      }
    }
  }

  /**
   * Counts of outcomes over measures found.
   *
   * @param measures the (check, subject, rule, measure) found
   * @param pending those without an outcome (as of {@code to})
   * @param shareApplied APPLIED / (APPLIED + NOT_APPLIED); absent when both are 0
   */
  public record Counts(
      int checks,
      int measures,
      int applied,
      int notApplied,
      int notApplicable,
      int pending,
      Optional<Double> shareApplied) {}

  /**
   * The counts of one group: a department code, a measure code, a domain or a month ({@code
   * YYYY-MM}).
   */
  public record Group(String key, Counts counts) {}

  /** A check that found measures and is past its due day with some of them without an outcome. */
  public record Overdue(
      String checkId,
      String department,
      LocalDate checkedOn,
      LocalDate dueOn,
      int measures,
      int pending) {}

  /** Builds the report from the remembered checks and every version of their feedback. */
  public static FeedbackReport of(
      List<Checks.Check> checks,
      Map<String, List<Checks.FeedbackVersion>> feedback,
      Optional<LocalDate> from,
      LocalDate to,
      By by,
      int feedbackDays) {
    Map<String, Tally> groups = new TreeMap<>();
    Tally total = new Tally();
    List<Overdue> overdue = new ArrayList<>();
    for (Checks.Check c : checks) {
      if (c.department().isEmpty()
          || c.on().isAfter(to)
          || from.map(f -> c.on().isBefore(f)).orElse(false)) {
        continue;
      }
      Map<String, Checks.Outcome> latest =
          latest(feedback.getOrDefault(c.checkId(), List.of()), to);
      int pending = 0;
      for (Checks.Item item : c.items()) {
        String key =
            switch (by) {
              case DEPARTMENT -> c.department().get();
              case MEASURE -> item.measure();
              case DOMAIN -> item.domain();
              case MONTH -> c.on().toString().substring(0, 7);
            };
        Checks.Outcome o = latest.get(itemKey(item.subject(), item.rule(), item.measure()));
        pending += o == null ? 1 : 0;
        groups.computeIfAbsent(key, k -> new Tally()).add(c.checkId(), o);
        total.add(c.checkId(), o);
      }
      LocalDate due = c.on().plusDays(feedbackDays);
      if (pending > 0 && to.isAfter(due)) {
        overdue.add(
            new Overdue(c.checkId(), c.department().get(), c.on(), due, c.items().size(), pending));
      }
    }
    overdue.sort(Comparator.comparing(Overdue::dueOn).thenComparing(Overdue::checkId));
    List<Group> out = new ArrayList<>();
    groups.forEach((k, t) -> out.add(new Group(k, t.counts())));
    return new FeedbackReport(from, to, by, feedbackDays, total.counts(), out, overdue);
  }

  static String itemKey(String subject, String rule, String measure) {
    return subject + "|" + rule + "|" + measure;
  }

  /** The latest outcome per (subject, rule, measure) among the versions sent up to {@code day}. */
  static Map<String, Checks.Outcome> latest(List<Checks.FeedbackVersion> versions, LocalDate day) {
    Map<String, Checks.Outcome> m = new LinkedHashMap<>();
    for (Checks.FeedbackVersion v : versions) {
      if (LocalDate.ofInstant(v.at(), Dates.CHINA).isAfter(day)) {
        continue;
      }
      for (Checks.Feedback f : v.feedback()) {
        m.put(itemKey(f.subject(), f.rule(), f.measure()), f.outcome());
      }
    }
    return m;
  }

  private static final class Tally {
    final java.util.Set<String> checks = new java.util.HashSet<>();
    int measures;
    int applied;
    int notApplied;
    int notApplicable;
    int pending;

    void add(String checkId, Checks.Outcome o) {
      checks.add(checkId);
      measures++;
      if (o == null) {
        pending++;
      } else {
        switch (o) {
          case APPLIED -> applied++;
          case NOT_APPLIED -> notApplied++;
          case NOT_APPLICABLE -> notApplicable++;
          default -> throw new IllegalStateException(o.name());
        }
      }
    }

    Counts counts() {
      int decided = applied + notApplied;
      return new Counts(
          checks.size(),
          measures,
          applied,
          notApplied,
          notApplicable,
          pending,
          decided == 0 ? Optional.empty() : Optional.of((double) applied / decided));
    }
  }
}
