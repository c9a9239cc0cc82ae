package io.credgraph.api.loop;

import io.credgraph.api.ApiConfig;
import io.credgraph.api.auth.Caller;
import io.credgraph.engine.AppointmentCheck;
import io.credgraph.engine.MeasureHit;
import io.credgraph.engine.Reason;
import io.credgraph.engine.SanctionResult;
import io.credgraph.model.Dates;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Gives every check its {@code checkId} and remembers, in the journal, the checks that found
 * measures with the department of the key that ran them, so that department can report what it did.
 * A check by a key that belongs to no department (a registry clerk's, an investigator's) takes no
 * feedback and counts in no report (DOMAIN.md 7), so it is not remembered: its answer and its audit
 * entry are all there is of it.
 */
public final class CheckMemory {
  /** The measure an appointment restriction is fed back as. */
  public static final String APPOINTMENT = "APPOINTMENT";

  private CheckMemory() {}

  public static String remember(
      LoopStore loop,
      ApiConfig config,
      Caller caller,
      LocalDate asOf,
      List<SanctionResult> results) {
    Set<Checks.Item> items = new LinkedHashSet<>();
    for (SanctionResult r : results) {
      if (r.subject().isEmpty()) {
        continue;
      }
      String id = r.subject().get().id().value();
      for (MeasureHit m : r.measures()) {
        items.add(new Checks.Item(id, m.rule(), m.measure(), m.domain().name()));
      }
    }
    return remember(loop, config, caller, asOf, Checks.Kind.SANCTIONS, items);
  }

  public static String remember(
      LoopStore loop, ApiConfig config, Caller caller, LocalDate asOf, AppointmentCheck check) {
    Set<Checks.Item> items = new LinkedHashSet<>();
    if (check.person().isPresent()) {
      for (Reason r : check.reasons()) {
        items.add(
            new Checks.Item(check.person().get().id().value(), r.rule(), APPOINTMENT, APPOINTMENT));
      }
    }
    return remember(loop, config, caller, asOf, Checks.Kind.APPOINTMENT, items);
  }

  private static String remember(
      LoopStore loop,
      ApiConfig config,
      Caller caller,
      LocalDate asOf,
      Checks.Kind kind,
      Set<Checks.Item> items) {
    String id = Ids.check();
    if (!items.isEmpty() && caller.department().isPresent()) {
      Instant now = config.clock().instant();
      loop.remember(
          new Checks.Check(
              id,
              kind,
              now,
              LocalDate.ofInstant(now, Dates.CHINA),
              caller.name(),
              caller.department(),
              asOf,
              List.copyOf(items)));
    }
    return id;
  }
}
