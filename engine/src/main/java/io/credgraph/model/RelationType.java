package io.credgraph.model;

import java.util.EnumSet;
import java.util.Set;

/**
 * Relation types of DOMAIN.md section 3, with the subject kinds each may join. {@link #isControl()}
 * marks the relations propagation, associated risk and clusters follow (SHAREHOLDER only from a
 * ratio of 0.25 by default).
 */
public enum RelationType {
  LEGAL_REP(
      persons(),
      EnumSet.of(SubjectKind.ENTERPRISE, SubjectKind.INSTITUTION, SubjectKind.SOCIAL_ORG),
      true),
  DIRECTOR(persons(), enterprises(), true),
  SUPERVISOR(persons(), enterprises(), false),
  SENIOR_MANAGER(persons(), enterprises(), true),
  MAIN_RESPONSIBLE(persons(), organisations(), true),
  SHAREHOLDER(EnumSet.of(SubjectKind.PERSON, SubjectKind.ENTERPRISE), enterprises(), true),
  ACTUAL_CONTROLLER(EnumSet.of(SubjectKind.PERSON, SubjectKind.ENTERPRISE), enterprises(), true),
  BRANCH_OF(enterprises(), enterprises(), true),
  PRACTISES_AT(persons(), EnumSet.of(SubjectKind.INSTITUTION, SubjectKind.ENTERPRISE), false),
  SERVES_IN(persons(), EnumSet.of(SubjectKind.GOV_AGENCY), false),
  /** Undirected; stored from the first-named person to the second. */
  RELATIVE_OF(persons(), persons(), false),
  /**
   * A link without a legal role (an associate, a shared address or intermediary, an unspecified tie
   * in imported data): any subject to any other, {@code relation} says what kind of link. For
   * exploration and paths only: not a control relation, and no rule follows it, so it never carries
   * a sanction.
   */
  LINKED_TO(EnumSet.allOf(SubjectKind.class), EnumSet.allOf(SubjectKind.class), false);

  /** Default threshold above which a SHAREHOLDER relation counts as control. */
  public static final double CONTROL_RATIO = 0.25;

  private final Set<SubjectKind> from;
  private final Set<SubjectKind> to;
  private final boolean control;

  RelationType(Set<SubjectKind> from, Set<SubjectKind> to, boolean control) {
    this.from = from;
    this.to = to;
    this.control = control;
  }

  public Set<SubjectKind> fromKinds() {
    return EnumSet.copyOf(from);
  }

  public Set<SubjectKind> toKinds() {
    return EnumSet.copyOf(to);
  }

  public boolean allows(SubjectKind fromKind, SubjectKind toKind) {
    return from.contains(fromKind) && to.contains(toKind);
  }

  /**
   * A control relation type (for SHAREHOLDER, only when the ratio reaches {@link #CONTROL_RATIO}).
   */
  public boolean isControl() {
    return control;
  }

  /**
   * Roles a person holds in an organisation: the officer relations appointment checks are about.
   */
  public boolean isOfficerRole() {
    return this == LEGAL_REP
        || this == DIRECTOR
        || this == SUPERVISOR
        || this == SENIOR_MANAGER
        || this == MAIN_RESPONSIBLE;
  }

  private static Set<SubjectKind> persons() {
    return EnumSet.of(SubjectKind.PERSON);
  }

  private static Set<SubjectKind> enterprises() {
    return EnumSet.of(SubjectKind.ENTERPRISE);
  }

  private static Set<SubjectKind> organisations() {
    return EnumSet.complementOf(EnumSet.of(SubjectKind.PERSON));
  }
}
