package io.credgraph.api.audit;

import io.credgraph.ValidationException;
import java.time.Instant;
import java.util.Optional;

/**
 * A filter over the audit log: entries by {@code who} (key name), touching {@code subject} (a
 * subject id or masked key), at or after {@code from} and before {@code to}, after sequence number
 * {@code after}, at most {@code limit}.
 */
public record AuditQuery(
    Optional<String> who,
    Optional<String> subject,
    Optional<Instant> from,
    Optional<Instant> to,
    long after,
    int limit) {
  public static final int MAX_LIMIT = 1000;

  public AuditQuery {
    who = who == null ? Optional.empty() : who;
    subject = subject == null ? Optional.empty() : subject;
    from = from == null ? Optional.empty() : from;
    to = to == null ? Optional.empty() : to;
    if (limit < 1 || limit > MAX_LIMIT) {
      throw new ValidationException(
          "limit", "limit must be between 1 and " + MAX_LIMIT + ", not " + limit);
    }
    if (after < 0) {
      throw new ValidationException("cursor", "cursor must not be negative");
    }
  }

  public static AuditQuery all() {
    return new AuditQuery(
        Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), 0, MAX_LIMIT);
  }

  boolean matches(AuditEntry e) {
    return e.seq() > after
        && who.map(w -> w.equals(e.who())).orElse(true)
        && subject.map(s -> e.subjects().contains(s) || e.shown().contains(s)).orElse(true)
        && from.map(f -> !e.at().isBefore(f)).orElse(true)
        && to.map(t -> e.at().isBefore(t)).orElse(true);
  }
}
