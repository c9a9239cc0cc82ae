package io.credgraph.api.auth;

import io.javalin.security.RouteRole;
import java.util.Arrays;
import java.util.Locale;

/**
 * The roles an API key can have, in increasing order of what they may do (API.md): each role may do
 * everything the roles before it may.
 */
public enum Role implements RouteRole {
  /**
   * A subject's own key (bound to one subject): its own credit file and applications under {@code
   * /api/v1/me}, and the public routes; nothing else. Below every other role, and not above any:
   * routes of this role admit only it.
   */
  SUBJECT,
  /** Sanctions checks, and profiles of the subjects its key has checked. */
  DEPARTMENT,
  /** Appointment checks, and what DEPARTMENT may. */
  REGISTRY,
  /** Search, graph exploration, what-if, full ID numbers, and what REGISTRY may. */
  INVESTIGATOR,
  /** Ingestion and record lifecycle, and what INVESTIGATOR may. */
  STEWARD,
  /** The audit log, metrics, and everything else. */
  ADMIN;

  /** Whether this role may do what {@code required} may. */
  public boolean atLeast(Role required) {
    if (required == SUBJECT || this == SUBJECT) {
      return this == required;
    }
    return compareTo(required) >= 0;
  }

  /** Parses a role name case-insensitively; the message lists the roles. */
  public static Role parse(String text) {
    String t = text == null ? "" : text.trim().toUpperCase(Locale.ROOT);
    for (Role r : values()) {
      if (r.name().equals(t)) {
        return r;
      }
    }
    throw new IllegalArgumentException(
        "'" + text + "' is not a role (roles: " + Arrays.toString(values()) + ")");
  }
}
