package io.credgraph.analysis;

import io.credgraph.model.RelationType;

/** Relation types by ordinal, shared without exposing a mutable array. */
final class Ordinals {
  static final RelationType[] TYPES = RelationType.values();
  static final int SHAREHOLDER = RelationType.SHAREHOLDER.ordinal();

  /** Bit {@code ordinal} set for every control type (SHAREHOLDER subject to its ratio). */
  static final int CONTROL_MASK;

  static {
    int m = 0;
    for (RelationType t : TYPES) {
      if (t.isControl()) {
        m |= 1 << t.ordinal();
      }
    }
    CONTROL_MASK = m;
  }

  private Ordinals() {}
}
