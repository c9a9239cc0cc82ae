package io.credgraph.analysis;

import io.credgraph.model.RelationType;
import io.credgraph.model.SubjectKey;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * An alert for an investigator: a record arrived or changed status on a watched subject, or on a
 * subject within two control hops of it.
 *
 * @param id unique, increasing ({@code w1}, {@code w2}, ...)
 * @param kind always {@code WATCH} here; the sanction engine raises SITTING_OFFICER and ESCALATION
 *     alerts
 * @param path from the watched subject to the subject of the event: {@code subjects} and between
 *     each pair the relation type ({@code relations.size() == subjects.size() - 1}); just the
 *     watched subject when it is the event's own
 */
public record WatchAlert(
    String id,
    String kind,
    String investigator,
    SubjectKey watched,
    Event event,
    List<SubjectKey> subjects,
    List<RelationType> relations,
    Instant raisedAt) {
  public WatchAlert {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(investigator, "investigator");
    Objects.requireNonNull(watched, "watched");
    Objects.requireNonNull(event, "event");
    subjects = List.copyOf(subjects);
    relations = List.copyOf(relations);
    Objects.requireNonNull(raisedAt, "raisedAt");
    if (relations.size() != subjects.size() - 1) {
      throw new IllegalArgumentException(
          "a path of " + subjects.size() + " subjects has " + relations.size() + " relations");
    }
  }

  /**
   * What happened: a NEW_RECORD (status ACTIVE), a STATUS_CHANGE to {@code status}, or a
   * GRADE_CHANGE of {@code subject} to grade {@code status} caused by the record, on {@code on}, of
   * record {@code recordId} on list {@code list}, belonging to {@code subject}.
   */
  public record Event(
      Type type,
      String recordId,
      String list,
      SubjectKey subject,
      String status,
      LocalDate on,
      Optional<String> note) {
    public Event {
      Objects.requireNonNull(type, "type");
      Objects.requireNonNull(recordId, "recordId");
      Objects.requireNonNull(list, "list");
      Objects.requireNonNull(subject, "subject");
      Objects.requireNonNull(status, "status");
      Objects.requireNonNull(on, "on");
      note = note == null ? Optional.empty() : note;
    }
  }

  public enum Type {
    NEW_RECORD,
    STATUS_CHANGE,
    /**
     * The organisation's credit grade changed (DOMAIN.md 9): {@code status} is the new grade, the
     * note the old.
     */
    GRADE_CHANGE
  }
}
