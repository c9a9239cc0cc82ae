package io.credgraph.api.requests;

import io.credgraph.ValidationException;
import io.credgraph.api.loop.Checks;
import java.util.List;
import java.util.Optional;

/**
 * {@code POST /api/v1/checks/{checkId}/feedback}: what the department did about measures its check
 * found, one outcome per (subject, rule, measure); without {@code rule}, the outcome is for the
 * measure under every rule that found it for that subject. Sending an item again corrects it.
 */
public record FeedbackRequest(List<Item> feedback) {
  public static final int MAX_ITEMS = 5_000;

  /**
   * One outcome.
   *
   * @param subject the subject id (s...) as in the check's answer
   * @param reason required with NOT_APPLIED, and only there
   * @param note the text that explains a NOT_APPLIED (required there), or any remark
   */
  public record Item(
      String measure,
      String subject,
      Optional<String> rule,
      Checks.Outcome outcome,
      Optional<Checks.NotAppliedReason> reason,
      Optional<String> note) {
    public Item {
      rule = rule == null ? Optional.empty() : rule;
      reason = reason == null ? Optional.empty() : reason;
      note = note == null ? Optional.empty() : note.map(String::strip).filter(n -> !n.isEmpty());
    }
  }

  public FeedbackRequest {
    if (feedback == null || feedback.isEmpty()) {
      throw new ValidationException(
          "feedback",
          "feedback is a non-empty list of {measure, subject, outcome, " + "reason?, note?}");
    }
    if (feedback.size() > MAX_ITEMS) {
      throw new ValidationException(
          "feedback", "at most " + MAX_ITEMS + " items per sending, not " + feedback.size());
    }
    for (int i = 0; i < feedback.size(); i++) {
      Item it = feedback.get(i);
      String at = "feedback[" + i + "]";
      if (it == null) {
        throw new ValidationException(at, at + " is null");
      }
      if (it.measure() == null || it.measure().isBlank()) {
        throw new ValidationException(
            at + ".measure", at + ".measure is required: the measure code of the check");
      }
      if (it.subject() == null || it.subject().isBlank()) {
        throw new ValidationException(
            at + ".subject",
            at + ".subject is required: the subject id (s...) the " + "measure applies to");
      }
      if (it.outcome() == null) {
        throw new ValidationException(
            at + ".outcome",
            at + ".outcome is required: APPLIED, NOT_APPLIED or " + "NOT_APPLICABLE");
      }
      if (it.outcome() == Checks.Outcome.NOT_APPLIED
          && (it.reason().isEmpty() || it.note().isEmpty())) {
        throw new ValidationException(
            at + (it.reason().isEmpty() ? ".reason" : ".note"),
            at
                + ": NOT_APPLIED needs a reason (NOT_IN_SCOPE, "
                + "RECORD_ENDED, RELEASED, OVERRIDDEN, OTHER) and a note that explains it");
      }
      if (it.outcome() != Checks.Outcome.NOT_APPLIED && it.reason().isPresent()) {
        throw new ValidationException(
            at + ".reason", at + ": a reason is given only with NOT_APPLIED");
      }
      if (it.note().map(n -> n.length() > 2000).orElse(false)) {
        throw new ValidationException(at + ".note", at + ".note is at most 2000 characters");
      }
    }
    feedback = List.copyOf(feedback);
  }
}
