package io.credgraph.rules;

import io.credgraph.ValidationException;
import io.credgraph.model.CreditRecord;
import java.util.Optional;
import java.util.Set;

/**
 * A condition on a record field: its value is one of {@code in}. Fields: {@code crime}, {@code
 * profession}, {@code department}, {@code severity} and {@code penalty} (ADMINISTRATIVE_PENALTY),
 * or {@code attributes.<name>} for a list's own unknown fields. An absent value never matches.
 */
public record Condition(String field, Set<String> in) {
  public static final Set<String> FIELDS =
      Set.of("crime", "profession", "department", "severity", "penalty");

  public Condition {
    if (field == null || !(FIELDS.contains(field) || field.matches("attributes\\.[A-Za-z0-9_]+"))) {
      throw new ValidationException(
          "field",
          "condition field '" + field + "' is not one of " + FIELDS + " or attributes.<name>");
    }
    if (in == null || in.isEmpty()) {
      throw new ValidationException(
          "in", "condition on " + field + " needs the values it accepts (in: [...])");
    }
    in = Set.copyOf(in);
  }

  public boolean matches(CreditRecord r) {
    Optional<String> v =
        switch (field) {
          case "crime" -> r.crime().map(Enum::name);
          case "profession" -> r.profession();
          case "department" -> Optional.of(r.department());
          case "severity", "penalty" -> Optional.ofNullable(r.attributes().get(field));
          default ->
              Optional.ofNullable(r.attributes().get(field.substring("attributes.".length())));
        };
    return v.map(in::contains).orElse(false);
  }
}
