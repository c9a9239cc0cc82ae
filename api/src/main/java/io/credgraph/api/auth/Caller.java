package io.credgraph.api.auth;

import java.util.Objects;
import java.util.Optional;

/**
 * Who made a request: the name of the key and its role, or anonymous (no key) for public routes.
 *
 * @param name the key's name (never the key itself); {@code anonymous} without a key
 * @param department the department a DEPARTMENT key belongs to (its binding in the keys file), used
 *     by feedback
 * @param subject the subject id a SUBJECT key is bound to: the one subject it may see
 */
public record Caller(
    String name, Optional<Role> role, Optional<String> department, Optional<String> subject) {
  public static final Caller ANONYMOUS = new Caller("anonymous", Optional.empty());

  public Caller {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(role, "role");
    Objects.requireNonNull(department, "department");
    Objects.requireNonNull(subject, "subject");
  }

  public Caller(String name, Optional<Role> role) {
    this(name, role, Optional.empty(), Optional.empty());
  }

  public static Caller of(String name, Role role) {
    return new Caller(name, Optional.of(role));
  }

  public boolean isAnonymous() {
    return role.isEmpty();
  }

  public boolean atLeast(Role required) {
    return role.map(r -> r.atLeast(required)).orElse(false);
  }

  /** Whether full ID numbers may be shown to this caller (INVESTIGATOR and above). */
  public boolean seesIdNumbers() {
    return atLeast(Role.INVESTIGATOR);
  }

  /** {@code name/ROLE}, for audit entries and logs. */
  public String label() {
    return role.map(r -> name + "/" + r).orElse(name);
  }
}
