package io.credgraph.rules;

import io.credgraph.model.CreditRecord;
import java.util.Map;
import java.util.Optional;

/**
 * A named period computation referenced from the rule catalogue ({@code period: {kind: FUNCTION,
 * name: ...}}).
 */
public interface PeriodFunction {
  /** The function's name in the catalogue. */
  String name();

  /** Checks the parameters at load; throws a ValidationException naming the parameter. */
  void validate(Map<String, Integer> params);

  /** The window for {@code r}, or empty when the rule does not arise for this record. */
  Optional<Period.Window> window(CreditRecord r, Map<String, Integer> params);
}
