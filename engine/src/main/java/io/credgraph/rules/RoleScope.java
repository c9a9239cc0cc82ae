package io.credgraph.rules;

import io.credgraph.ValidationException;

/**
 * A role an appointment rule restricts, and the organisations it covers: {@link Forms#COMPANY} (a
 * company, also assumed when the check names no enterprise or the enterprise's legal form is not
 * known), {@link Forms#NON_COMPANY} (every other organisation) or {@link Forms#ANY}.
 */
public record RoleScope(Role role, Forms forms) {
  public RoleScope {
    if (role == null) {
      throw new ValidationException("roles.role", "a role scope needs a role");
    }
    forms = forms == null ? Forms.ANY : forms;
  }

  public boolean covers(Role r, boolean companyLaw) {
    return role == r
        && switch (forms) {
          case ANY -> true;
          case COMPANY -> companyLaw;
          case NON_COMPANY -> !companyLaw;
        };
  }

  public enum Forms {
    ANY,
    COMPANY,
    NON_COMPANY
  }
}
