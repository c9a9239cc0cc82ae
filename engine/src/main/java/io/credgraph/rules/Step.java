package io.credgraph.rules;

import io.credgraph.ValidationException;
import io.credgraph.model.RelationType;
import java.util.EnumSet;
import java.util.Set;

/**
 * One hop of a target path, from the record holder outwards: follow relations of {@code rels} that
 * point {@link Dir#IN into} the current subject (to their {@code from}) or {@link Dir#OUT out of}
 * it (to their {@code to}), when they held as {@code held} says.
 */
public record Step(Set<RelationType> rels, Dir dir, Held held) {
  public Step {
    if (rels == null || rels.isEmpty()) {
      throw new ValidationException("rel", "a path step needs at least one relation type");
    }
    rels = Set.copyOf(EnumSet.copyOf(rels));
    if (dir == null) {
      throw new ValidationException("dir", "a path step needs a direction (IN or OUT)");
    }
    if (held == null) {
      throw new ValidationException("held", "a path step needs a held condition");
    }
  }

  /** Which end of a relation the current subject is. */
  public enum Dir {
    /** The current subject is the relation's {@code to}; the step reaches its {@code from}. */
    IN,
    /** The current subject is the relation's {@code from}; the step reaches its {@code to}. */
    OUT
  }
}
