package io.credgraph.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.credgraph.ValidationException;
import io.credgraph.model.CreditRecord;
import io.credgraph.model.Provenance;
import io.credgraph.model.StatusChange;
import io.credgraph.model.StatusEvent;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

/**
 * The in-force spans the projection precomputes for a record agree, day by day, with {@link
 * CreditRecord#inForceOn}, for random histories (objections, returns to ACTIVE, repairs,
 * revocations, releases, effectiveUntil), whether or not the list keeps objected records in force.
 */
class SpansPropertyTest {
  private static final Provenance PROV = new Provenance("TEST", "spans", "", 0);
  private static final LocalDate DECIDED = LocalDate.of(2021, 3, 1);

  @Property(tries = 150)
  void spansAgreeWithInForceOnEveryDay(
      @ForAll @IntRange(min = 0, max = 400) int fromOffset,
      @ForAll @IntRange(min = -1, max = 900) int until,
      @ForAll boolean objectedInForce,
      @ForAll @Size(max = 6) List<@IntRange(min = 0, max = 4 * 300) Integer> changes) {
    LocalDate from = DECIDED.plusDays(fromOffset);
    CreditRecord r =
        new CreditRecord(
            "R",
            EngineScenarios.personKey(3),
            "DISHONEST_JUDGMENT_DEBTOR",
            "COURT",
            "",
            "",
            DECIDED,
            from,
            until < 0 ? Optional.empty() : Optional.of(from.plusDays(until)),
            List.of(),
            Optional.empty(),
            Optional.empty(),
            Optional.empty(),
            Optional.empty(),
            Optional.empty(),
            Map.of(),
            List.of(),
            List.of());
    LocalDate last = DECIDED;
    for (int c : changes) {
      StatusEvent ev = StatusEvent.values()[c % 5];
      LocalDate on = last.plusDays(c / 5);
      try {
        r =
            r.withStatusChange(
                new StatusChange(
                    ev,
                    on,
                    Optional.empty(),
                    ev == StatusEvent.RELEASED
                        ? Optional.of(EngineScenarios.personKey(4))
                        : Optional.empty(),
                    PROV));
        last = on;
      } catch (ValidationException impossible) {
        // an impossible transition: the history stays as it was
      }
    }
    int[] spans = Projection.spans(r, objectedInForce);
    for (LocalDate d = DECIDED.minusDays(3);
        d.isBefore(DECIDED.plusDays(1400));
        d = d.plusDays(1)) {
      assertEquals(
          r.inForceOn(d, objectedInForce),
          Spans.contains(spans, Projection.day(d)),
          "on " + d + " " + r);
    }
  }
}
