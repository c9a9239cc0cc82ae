package io.credgraph.api.guard;

import io.credgraph.api.auth.Caller;
import io.credgraph.model.Dates;
import io.credgraph.model.SubjectKey;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Collection;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Counts the distinct persons each key checks in a day (China Standard Time) and says once, when a
 * key passes the threshold, that an ADMIN alert is due: a key enumerating ID numbers through the
 * check routes looks like this. Memory is bounded: at most threshold + 1 persons per key and day
 * are remembered, and only today's.
 */
public final class PersonWatch {
  private static final Logger LOG = LoggerFactory.getLogger(PersonWatch.class);

  private final int threshold;
  private final Clock clock;
  private final Map<String, Set<SubjectKey>> today = new ConcurrentHashMap<>();
  private volatile LocalDate day;

  public PersonWatch(int threshold, Clock clock) {
    this.threshold = threshold;
    this.clock = clock;
  }

  /**
   * Records the persons among {@code keys} that {@code caller} just checked; returns the alert text
   * when this call took the key past the threshold (once per key and day), else empty.
   */
  public Optional<String> saw(Caller caller, Collection<SubjectKey> keys) {
    if (threshold <= 0 || caller.isAnonymous()) {
      return Optional.empty();
    }
    LocalDate d = LocalDate.now(clock.withZone(Dates.CHINA));
    if (!d.equals(day)) {
      synchronized (this) {
        if (!d.equals(day)) {
          today.clear();
          day = d;
        }
      }
    }
    Set<SubjectKey> seen = today.computeIfAbsent(caller.name(), k -> new HashSet<>());
    synchronized (seen) {
      if (seen.size() > threshold) {
        return Optional.empty();
      }
      for (SubjectKey k : keys) {
        if (k.isPerson()) {
          seen.add(k);
          if (seen.size() > threshold) {
            String alert =
                "ALERT key '"
                    + caller.name()
                    + "' checked more than "
                    + threshold
                    + " distinct persons on "
                    + d
                    + " (China Standard Time): possible enumeration of ID numbers";
            LOG.warn(alert);
            return Optional.of(alert);
          }
        }
      }
    }
    return Optional.empty();
  }
}
