package io.credgraph.store;

import io.credgraph.model.CreditRecord;
import io.credgraph.model.Relation;
import io.credgraph.model.Subject;
import java.util.ArrayList;
import java.util.List;

/** An ordered list of {@link WriteOp}s that a store applies atomically. */
public record WriteBatch(List<WriteOp> ops) {
  public WriteBatch {
    ops = List.copyOf(ops);
  }

  public static WriteBatch of(WriteOp... ops) {
    return new WriteBatch(List.of(ops));
  }

  public static Builder builder() {
    return new Builder();
  }

  public boolean isEmpty() {
    return ops.isEmpty();
  }

  public int size() {
    return ops.size();
  }

  /** Collects operations in order. */
  public static final class Builder {
    private final List<WriteOp> ops = new ArrayList<>();

    public Builder add(WriteOp op) {
      ops.add(op);
      return this;
    }

    public Builder subject(Subject s) {
      return add(new WriteOp.PutSubject(s));
    }

    public Builder relation(Relation r) {
      return add(new WriteOp.PutRelation(r));
    }

    public Builder record(CreditRecord r) {
      return add(new WriteOp.PutRecord(r));
    }

    public int size() {
      return ops.size();
    }

    public WriteBatch build() {
      return new WriteBatch(ops);
    }
  }
}
