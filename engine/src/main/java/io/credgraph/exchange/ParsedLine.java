package io.credgraph.exchange;

import io.credgraph.model.CreditRecord;
import io.credgraph.model.Provenance;
import io.credgraph.model.Relation;
import io.credgraph.model.StatusChange;
import io.credgraph.model.Subject;
import io.credgraph.store.WriteOp;
import java.util.Objects;

/** One exchange line after validation: the domain value it delivers, with its provenance. */
sealed interface ParsedLine {

  Provenance provenance();

  /** {@code "type":"subject"}. */
  record SubjectLine(Subject subject) implements ParsedLine {
    public SubjectLine {
      Objects.requireNonNull(subject);
    }

    @Override
    public Provenance provenance() {
      return subject.provenance().get(0);
    }
  }

  /** {@code "type":"relation"}. */
  record RelationLine(Relation relation) implements ParsedLine {
    @Override
    public Provenance provenance() {
      return relation.provenance().get(0);
    }
  }

  /**
   * {@code "type":"record"}; a non-ACTIVE {@code status} on the line is the first entry of its
   * history.
   */
  record RecordLine(CreditRecord record) implements ParsedLine {
    @Override
    public Provenance provenance() {
      return record.provenance().get(0);
    }
  }

  /** {@code "type":"status"}. */
  record StatusLine(String recordId, StatusChange change) implements ParsedLine {
    @Override
    public Provenance provenance() {
      return change.provenance();
    }
  }

  /** {@code "type":"end"}. */
  record EndLine(WriteOp.EndRelation end) implements ParsedLine {
    @Override
    public Provenance provenance() {
      return end.provenance();
    }
  }
}
