package io.credgraph.api.loop;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** What the journals hold about checks and their feedback (DOMAIN.md section 7). */
public final class Checks {
  private Checks() {}

  /** The kind of check. */
  public enum Kind {
    SANCTIONS,
    APPOINTMENT
  }

  /** An outcome reported for one measure found by a check. */
  public enum Outcome {
    APPLIED,
    NOT_APPLIED,
    NOT_APPLICABLE
  }

  /** Why a measure was not applied. */
  public enum NotAppliedReason {
    NOT_IN_SCOPE,
    RECORD_ENDED,
    RELEASED,
    OVERRIDDEN,
    OTHER
  }

  /**
   * One measure a check found on one subject: what feedback is given on. Appointment checks give
   * one item per restricting rule, with the measure {@code APPOINTMENT} in the domain APPOINTMENT.
   *
   * @param subject the subject id the measure applies to
   */
  public record Item(String subject, String rule, String measure, String domain) {
    public Item {
      Objects.requireNonNull(subject, "subject");
      Objects.requireNonNull(rule, "rule");
      Objects.requireNonNull(measure, "measure");
      Objects.requireNonNull(domain, "domain");
    }
  }

  /**
   * A check that found measures, as remembered.
   *
   * @param on the day of the check (China Standard Time), from which feedback is due
   * @param who the name of the key that ran it
   * @param department the department of that key (only such checks take feedback)
   */
  public record Check(
      String checkId,
      Kind kind,
      Instant at,
      LocalDate on,
      String who,
      Optional<String> department,
      LocalDate asOf,
      List<Item> items) {
    public Check {
      Objects.requireNonNull(checkId, "checkId");
      department = department == null ? Optional.empty() : department;
      items = items == null ? List.of() : List.copyOf(items);
    }
  }

  /** One outcome for one (subject, rule, measure) of a check. */
  public record Feedback(
      String subject,
      String rule,
      String measure,
      Outcome outcome,
      Optional<NotAppliedReason> reason,
      Optional<String> note) {
    public Feedback {
      reason = reason == null ? Optional.empty() : reason;
      note = note == null ? Optional.empty() : note;
    }
  }

  /**
   * One sending of feedback on a check: every version is kept; the latest per (subject, rule,
   * measure) counts.
   */
  public record FeedbackVersion(
      String checkId,
      int version,
      Instant at,
      String by,
      String department,
      List<Feedback> feedback) {
    public FeedbackVersion {
      feedback = feedback == null ? List.of() : List.copyOf(feedback);
    }
  }
}
