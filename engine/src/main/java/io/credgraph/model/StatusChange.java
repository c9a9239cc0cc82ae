package io.credgraph.model;

import io.credgraph.ValidationException;
import java.time.LocalDate;
import java.util.Optional;

/**
 * One dated entry of a record's status history. {@code person} is required for RELEASED and absent
 * otherwise.
 */
public record StatusChange(
    StatusEvent event,
    LocalDate on,
    Optional<String> note,
    Optional<SubjectKey> person,
    Provenance provenance) {

  public StatusChange {
    if (event == null) {
      throw new ValidationException("status", "a status change needs a status");
    }
    if (on == null) {
      throw new ValidationException("on", "a status change needs the date it takes effect (on)");
    }
    note = note == null ? Optional.empty() : note;
    person = person == null ? Optional.empty() : person;
    if (event == StatusEvent.RELEASED && person.isEmpty()) {
      throw new ValidationException("person", "a RELEASED change names the person released");
    }
    if (event == StatusEvent.RELEASED && !person.get().mayBePerson()) {
      throw new ValidationException("person", "only a person can be released");
    }
    if (event != StatusEvent.RELEASED && person.isPresent()) {
      throw new ValidationException("person", "only a RELEASED change names a person");
    }
    if (provenance == null) {
      throw new ValidationException("provenance", "a status change needs its provenance");
    }
  }

  /**
   * Two changes are the same fact when event, date and person agree (notes and provenance may
   * differ).
   */
  public boolean sameFact(StatusChange other) {
    return event == other.event && on.equals(other.on) && person.equals(other.person);
  }
}
