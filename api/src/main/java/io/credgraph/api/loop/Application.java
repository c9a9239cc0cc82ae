package io.credgraph.api.loop;

import io.credgraph.model.RecordStatus;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A subject's objection (异议) or repair application (信用修复申请) to one of its records, with every step
 * it went through (DOMAIN.md section 8). The journal holds one line per step, each the whole
 * application after it.
 *
 * @param subject the subject id that filed it (the record's subject)
 * @param dueOn the last day a steward should decide (filing day plus the list's objectionDays or
 *     repairDecisionDays)
 * @param recordStatus the record's status after the last step
 */
public record Application(
    String id,
    Type type,
    String record,
    String list,
    String subject,
    String grounds,
    LocalDate filedOn,
    LocalDate dueOn,
    State state,
    Optional<Decision> decision,
    RecordStatus recordStatus,
    List<Step> steps) {

  public enum Type {
    OBJECTION,
    REPAIR
  }

  public enum State {
    FILED,
    DECIDED
  }

  /** UPHELD and DISMISSED decide objections, GRANTED and REFUSED repair applications. */
  public enum Outcome {
    UPHELD(Type.OBJECTION),
    DISMISSED(Type.OBJECTION),
    GRANTED(Type.REPAIR),
    REFUSED(Type.REPAIR);

    private final Type decides;

    Outcome(Type decides) {
      this.decides = decides;
    }

    public Type decides() {
      return decides;
    }
  }

  /** A steward's decision: on which day, why, by which key. */
  public record Decision(Outcome decision, LocalDate on, List<String> reasons, String by) {
    public Decision {
      reasons = reasons == null ? List.of() : List.copyOf(reasons);
    }
  }

  /** One step: filed, or decided; with the record's status after it. */
  public record Step(
      String step,
      LocalDate on,
      Instant at,
      String by,
      RecordStatus recordStatus,
      Optional<String> note) {
    public Step {
      note = note == null ? Optional.empty() : note;
    }
  }

  public Application {
    Objects.requireNonNull(id, "id");
    decision = decision == null ? Optional.empty() : decision;
    steps = steps == null ? List.of() : List.copyOf(steps);
  }

  /** Whether a steward should have decided it by {@code day} and has not. */
  public boolean overdueOn(LocalDate day) {
    return state == State.FILED && day.isAfter(dueOn);
  }
}
