package io.credgraph.model;

/** The kinds of credit subject (信用主体), DOMAIN.md section 2. */
public enum SubjectKind {
  ENTERPRISE,
  INSTITUTION,
  SOCIAL_ORG,
  GOV_AGENCY,
  PERSON;

  public boolean isOrganisation() {
    return this != PERSON;
  }
}
