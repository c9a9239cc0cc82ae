package io.credgraph.rules;

import io.credgraph.ValidationException;
import io.credgraph.model.CreditRecord;
import java.time.LocalDate;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The dates a rule's measures hold, before the record's own lifecycle is applied (the engine then
 * keeps only the days the record is in force: never if REVOKED, up to the day before a repair, not
 * past {@code effectiveUntil}).
 *
 * <ul>
 *   <li>{@link Kind#RECORD}: while the record is in force, from its {@code effectiveFrom};
 *   <li>{@link Kind#YEARS_FROM}: {@code D .. D.plusYears(years)} of the date field {@code field},
 *       both inclusive (29 February plus one year is 28 February);
 *   <li>{@link Kind#MONTHS_FROM}: {@code D .. D.plusMonths(months)}, both inclusive (JS-WARN: 12
 *       months from decidedOn);
 *   <li>{@link Kind#AFTER_YEARS}: from {@code D.plusYears(years)} on, while the record is in force
 *       (an escalation "once in force N years");
 *   <li>{@link Kind#FUNCTION}: a named {@link PeriodFunctions period function} with integer
 *       parameters, for conditions too particular for a generic expression.
 * </ul>
 */
public record Period(
    Kind kind,
    Optional<String> field,
    int years,
    int months,
    Optional<String> function,
    Map<String, Integer> params) {
  /** Date fields a period may count from. */
  public static final Set<String> DATE_FIELDS =
      Set.of(
          "decidedOn",
          "effectiveFrom",
          "sentenceCompletedOn",
          "probationEndsOn",
          "politicalRightsDeprivedUntil");

  public Period {
    if (kind == null) {
      throw new ValidationException(
          "period.kind",
          "a period needs a kind (RECORD, YEARS_FROM, MONTHS_FROM, AFTER_YEARS, FUNCTION)");
    }
    field = field == null ? Optional.empty() : field;
    function = function == null ? Optional.empty() : function;
    params = params == null ? Map.of() : Map.copyOf(params);
    if (kind == Kind.YEARS_FROM || kind == Kind.AFTER_YEARS || kind == Kind.MONTHS_FROM) {
      if (field.isEmpty() || !DATE_FIELDS.contains(field.get())) {
        throw new ValidationException(
            "period.field",
            "period "
                + kind
                + " counts from a date field, one of "
                + DATE_FIELDS
                + "; got "
                + field.orElse("nothing"));
      }
      if (kind == Kind.MONTHS_FROM && (months < 1 || months > 1200)) {
        throw new ValidationException(
            "period.months", "period months must be in 1..1200, not " + months);
      }
      if (years < 0 || years > 100) {
        throw new ValidationException(
            "period.years", "period years must be in 0..100, not " + years);
      }
    }
    if (kind == Kind.FUNCTION) {
      if (function.isEmpty()) {
        throw new ValidationException("period.function", "a FUNCTION period names its function");
      }
      PeriodFunctions.require(function.get()).validate(params);
    }
  }

  public static Period record() {
    return new Period(Kind.RECORD, Optional.empty(), 0, 0, Optional.empty(), Map.of());
  }

  /** The value of a date field of {@code r}. */
  public static Optional<LocalDate> dateField(CreditRecord r, String name) {
    return switch (name) {
      case "decidedOn" -> Optional.of(r.decidedOn());
      case "effectiveFrom" -> Optional.of(r.effectiveFrom());
      case "sentenceCompletedOn" -> r.sentenceCompletedOn();
      case "probationEndsOn" -> r.probationEndsOn();
      case "politicalRightsDeprivedUntil" -> r.politicalRightsDeprivedUntil();
      default -> throw new IllegalArgumentException("not a date field: " + name);
    };
  }

  /**
   * The window of this period for {@code r}: first day and last day (empty last day = open-ended),
   * or empty when the period does not arise (a missing date field, a function's condition not met).
   */
  public Optional<Window> window(CreditRecord r) {
    return switch (kind) {
      case RECORD -> Optional.of(new Window(r.effectiveFrom(), Optional.empty()));
      case YEARS_FROM ->
          dateField(r, field.get()).map(d -> new Window(d, Optional.of(d.plusYears(years))));
      case MONTHS_FROM ->
          dateField(r, field.get()).map(d -> new Window(d, Optional.of(d.plusMonths(months))));
      case AFTER_YEARS ->
          dateField(r, field.get()).map(d -> new Window(d.plusYears(years), Optional.empty()));
      case FUNCTION -> PeriodFunctions.require(function.get()).window(r, params);
    };
  }

  public enum Kind {
    RECORD,
    YEARS_FROM,
    MONTHS_FROM,
    AFTER_YEARS,
    FUNCTION
  }

  /** First and last day, both inclusive; an empty {@code last} is open-ended. */
  public record Window(LocalDate first, Optional<LocalDate> last) {
    public Window {
      java.util.Objects.requireNonNull(first, "first");
      last = last == null ? Optional.empty() : last;
    }
  }
}
