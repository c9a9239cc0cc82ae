package io.credgraph.catalogue;

import io.credgraph.ValidationException;
import io.credgraph.model.ListKind;
import java.util.List;

/**
 * One list (名单) of the catalogue: its code, name, kind, issuer and own fields.
 *
 * @param severity BLACK lists only: the weight in [0, 1] of associated risk (DOMAIN.md 6.3); 0 for
 *     other kinds
 * @param objectedInForce whether a record under objection (OBJECTED) stays in force; true by
 *     default
 */
public record ListDefinition(
    String code,
    String name,
    ListKind kind,
    String issuer,
    List<String> fields,
    double severity,
    boolean objectedInForce) {

  public ListDefinition {
    if (code == null || !code.matches("[A-Z][A-Z0-9_]{1,63}")) {
      throw new ValidationException(
          "code", "list code '" + code + "' must be upper-case letters, digits and _");
    }
    if (name == null || name.isBlank()) {
      throw new ValidationException("name", "list " + code + " needs a name");
    }
    if (kind == null) {
      throw new ValidationException(
          "kind", "list " + code + " needs a kind (BLACK, RED, WATCH or EVENT)");
    }
    issuer = issuer == null ? "" : issuer;
    fields = fields == null ? List.of() : List.copyOf(fields);
    if (severity < 0 || severity > 1) {
      throw new ValidationException(
          "severity", "severity of list " + code + " must be in [0, 1], not " + severity);
    }
    if (kind != ListKind.BLACK && severity != 0) {
      throw new ValidationException(
          "severity", "only BLACK lists have a severity; " + code + " is " + kind);
    }
  }
}
