package io.credgraph.model;

import java.util.EnumSet;
import java.util.Set;

/**
 * A dated change to a record: a new status, or a court's release of one person ({@link #RELEASED}),
 * which leaves the record's status as it is.
 */
public enum StatusEvent {
  ACTIVE,
  OBJECTED,
  REPAIRED,
  REVOKED,
  RELEASED;

  /** The status this event sets, or {@code null} for RELEASED. */
  public RecordStatus status() {
    return this == RELEASED ? null : RecordStatus.valueOf(name());
  }

  /**
   * Events allowed from {@code current}: ACTIVE to OBJECTED, REPAIRED or REVOKED; OBJECTED back to
   * ACTIVE, or to REVOKED or REPAIRED; REPAIRED and REVOKED are final. A release is allowed while
   * the record is not revoked.
   */
  public static Set<StatusEvent> allowedFrom(RecordStatus current) {
    return switch (current) {
      case ACTIVE -> EnumSet.of(OBJECTED, REPAIRED, REVOKED, RELEASED);
      case OBJECTED -> EnumSet.of(ACTIVE, REPAIRED, REVOKED, RELEASED);
      case REPAIRED, EXPIRED -> EnumSet.of(RELEASED);
      case REVOKED -> EnumSet.noneOf(StatusEvent.class);
    };
  }
}
