package io.credgraph.exchange;

import java.util.List;
import java.util.Objects;

/**
 * A disagreement between deliveries that the loader stores but flags for a data steward
 * (信息匹配和纠错机制).
 *
 * @param kind what disagrees
 * @param subject the subject concerned: a USCC, or a masked ID number for a person
 * @param on the first day the conflict holds ({@code YYYY-MM-DD}), or empty when it is not about a
 *     date
 * @param detail what disagrees, in words
 * @param sources the deliveries involved, as {@code department batch:line}
 */
public record Conflict(Kind kind, String subject, String on, String detail, List<String> sources) {
  public Conflict {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(subject, "subject");
    on = on == null ? "" : on;
    Objects.requireNonNull(detail, "detail");
    sources = sources == null ? List.of() : List.copyOf(sources);
  }

  /** Stable identity, so a conflict found again by a later batch is reported once. */
  public String identity() {
    return kind + "|" + subject + "|" + on + "|" + detail;
  }

  /** The kinds of conflict. */
  public enum Kind {
    /**
     * The same key delivered with different names; every name is kept in the subject's {@code
     * nameVariants}.
     */
    NAME,
    /** Two different persons are LEGAL_REP of one organisation on the same day. */
    LEGAL_REP_OVERLAP,
    /** The known SHAREHOLDER ratios of one enterprise sum above 1 on some day. */
    SHARE_SUM,
    /**
     * A record id delivered again with a different decision; the first delivery is kept (load
     * report only).
     */
    RECORD_CONTENT
  }
}
