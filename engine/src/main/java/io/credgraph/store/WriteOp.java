package io.credgraph.store;

import io.credgraph.model.CreditRecord;
import io.credgraph.model.Provenance;
import io.credgraph.model.Relation;
import io.credgraph.model.RelationType;
import io.credgraph.model.StatusChange;
import io.credgraph.model.Subject;
import io.credgraph.model.SubjectKey;
import java.time.LocalDate;
import java.util.Objects;

/**
 * One operation of a {@link WriteBatch}. Every operation is idempotent: applying it twice changes
 * nothing more.
 */
public sealed interface WriteOp {

  /**
   * Creates the subject, keeping the candidate id, or, when the key exists, keeps the stored id,
   * overwrites the attributes the new subject carries and adds its provenance.
   */
  record PutSubject(Subject subject) implements WriteOp {
    public PutSubject {
      Objects.requireNonNull(subject, "subject");
    }
  }

  /**
   * Creates the relation or merges it into the one with the same identity (type, from, to, since):
   * {@code until}, {@code ratio} and attributes are overwritten when present, provenance added.
   * Both subjects must exist.
   */
  record PutRelation(Relation relation) implements WriteOp {
    public PutRelation {
      Objects.requireNonNull(relation, "relation");
    }
  }

  /**
   * Ends every open relation of {@code type} from {@code from} to {@code to} that began on or
   * before {@code until}: sets its until and adds {@code provenance} to it. Relations that already
   * ended are left as they are; when no relation matches, nothing changes (missing subjects
   * included).
   */
  record EndRelation(
      RelationType type, SubjectKey from, SubjectKey to, LocalDate until, Provenance provenance)
      implements WriteOp {
    public EndRelation {
      Objects.requireNonNull(type, "type");
      Objects.requireNonNull(from, "from");
      Objects.requireNonNull(to, "to");
      Objects.requireNonNull(until, "until");
      Objects.requireNonNull(provenance, "provenance");
    }
  }

  /**
   * Creates the record, or when its id exists adds the provenance (the decision and the history are
   * kept as stored). Its subject must exist.
   */
  record PutRecord(CreditRecord record) implements WriteOp {
    public PutRecord {
      Objects.requireNonNull(record, "record");
    }
  }

  /**
   * Appends a status change to a stored record, as {@link CreditRecord#withStatusChange} allows: an
   * identical change already in the history is a no-op, an impossible one a {@link
   * io.credgraph.ValidationException}, as is a record the store does not hold.
   */
  record AppendStatus(String recordId, StatusChange change) implements WriteOp {
    public AppendStatus {
      Objects.requireNonNull(recordId, "recordId");
      Objects.requireNonNull(change, "change");
    }
  }

  /** Stores a pending fact (no-op if one with the same id exists). */
  record PutPending(PendingFact fact) implements WriteOp {
    public PutPending {
      Objects.requireNonNull(fact, "fact");
    }
  }

  /** Removes a pending fact once applied (no-op if absent). */
  record RemovePending(String id) implements WriteOp {
    public RemovePending {
      Objects.requireNonNull(id, "id");
    }
  }

  /** Records how far a batch has been loaded; committed with the facts of its lines. */
  record Checkpoint(BatchCheckpoint checkpoint) implements WriteOp {
    public Checkpoint {
      Objects.requireNonNull(checkpoint, "checkpoint");
    }
  }
}
