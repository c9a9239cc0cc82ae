package io.credgraph.rules;

import io.credgraph.model.RelationType;

/** An office a person may be appointed to; each is held through the relation of the same name. */
public enum Role {
  LEGAL_REP,
  DIRECTOR,
  SUPERVISOR,
  SENIOR_MANAGER,
  MAIN_RESPONSIBLE;

  public RelationType relation() {
    return RelationType.valueOf(name());
  }

  /** The role held through {@code type}, if it is an officer relation. */
  public static java.util.Optional<Role> of(RelationType type) {
    return type.isOfficerRole()
        ? java.util.Optional.of(valueOf(type.name()))
        : java.util.Optional.empty();
  }
}
