package io.credgraph.api.loop;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A check's feedback: every measure it found with the outcome that counts now (the latest sent for
 * it), and every version sent, oldest first.
 *
 * @param dueOn the last day feedback is on time (the check's day plus feedbackDays)
 */
public record FeedbackAnswer(
    String checkId,
    Checks.Kind kind,
    LocalDate checkedOn,
    Optional<String> department,
    LocalDate dueOn,
    List<ItemState> items,
    List<Checks.FeedbackVersion> versions) {

  /**
   * One measure the check found and its latest outcome, if any ({@code version} is the sending that
   * gave it).
   */
  public record ItemState(
      String subject,
      String rule,
      String measure,
      String domain,
      Optional<Checks.Outcome> outcome,
      Optional<Checks.NotAppliedReason> reason,
      Optional<String> note,
      Optional<Integer> version) {}

  public static FeedbackAnswer of(
      Checks.Check c, List<Checks.FeedbackVersion> versions, int feedbackDays) {
    Map<String, Checks.Feedback> latest = new LinkedHashMap<>();
    Map<String, Integer> from = new LinkedHashMap<>();
    for (Checks.FeedbackVersion v : versions) {
      for (Checks.Feedback f : v.feedback()) {
        String k = FeedbackReport.itemKey(f.subject(), f.rule(), f.measure());
        latest.put(k, f);
        from.put(k, v.version());
      }
    }
    List<ItemState> items = new ArrayList<>();
    for (Checks.Item i : c.items()) {
      String k = FeedbackReport.itemKey(i.subject(), i.rule(), i.measure());
      Checks.Feedback f = latest.get(k);
      items.add(
          new ItemState(
              i.subject(),
              i.rule(),
              i.measure(),
              i.domain(),
              Optional.ofNullable(f).map(Checks.Feedback::outcome),
              Optional.ofNullable(f).flatMap(Checks.Feedback::reason),
              Optional.ofNullable(f).flatMap(Checks.Feedback::note),
              Optional.ofNullable(from.get(k))));
    }
    return new FeedbackAnswer(
        c.checkId(),
        c.kind(),
        c.on(),
        c.department(),
        c.on().plusDays(feedbackDays),
        items,
        versions);
  }
}
