package io.credgraph.cypher.bench;

/**
 * The straightforward Cypher formulations that {@link CypherVsEngineBench} measures the engine against: plain
 * Cypher on the store's own schema (Subject and Record nodes, HAS_RECORD, relations typed by RelationType with
 * since/until), no APOC, no precomputed properties. A record's status history is the JSON string the store keeps;
 * it is read with Cypher's string functions (split on the {@code {"event":"} that opens each change).
 *
 * <p>"In force on $asOf" follows CreditRecord.inForceOn: effectiveFrom &lt;= asOf &lt;= effectiveUntil, never once
 * REVOKED, the last status change on or before asOf decides (ACTIVE in force, OBJECTED only for lists in
 * $objectedInForce, REPAIRED not), and a person the court RELEASED on or before asOf is free of it.
 */
final class CypherQueries {
  private CypherQueries() {}

  /** The status changes of record {@code r} as maps {event, on, person}. */
  private static final String EVENTS =
      "[x IN split(coalesce(r.history, '[]'), '{\"event\":\"')[1..] | "
          + "{event: split(x, '\"')[0], on: date(split(split(x, '\"on\":\"')[1], '\"')[0]), "
          + "person: CASE WHEN x CONTAINS '\"person\":\"' THEN split(split(x, '\"person\":\"')[1], '\"')[0] END}]";

  /** Keeps the rows whose record r is in force on $asOf (needs r; binds ev). */
  private static final String IN_FORCE =
      """
      WITH *, %s AS ev
      WITH *, [e IN ev WHERE e.event <> 'RELEASED' AND e.on <= $asOf | e.event] AS past
      WHERE r.effectiveFrom <= $asOf AND (r.effectiveUntil IS NULL OR r.effectiveUntil >= $asOf)
        AND none(e IN ev WHERE e.event = 'REVOKED')
        AND (size(past) = 0 OR past[-1] = 'ACTIVE' OR (past[-1] = 'OBJECTED' AND r.list IN $objectedInForce))
      """
          .formatted(EVENTS);

  /** The window of CL178-2 (CRIMINAL_BAR, years 5, probation years 2) on $asOf, for record r. */
  private static final String CRIMINAL_BAR_CL178 =
      """
      (r.crime IN ['CORRUPTION', 'BRIBERY', 'EMBEZZLEMENT', 'MISAPPROPRIATION', 'ECONOMIC_ORDER']
         OR r.politicalRightsDeprivedUntil IS NOT NULL)
       AND r.decidedOn <= $asOf
       AND (
         (r.crime IN ['CORRUPTION', 'BRIBERY', 'EMBEZZLEMENT', 'MISAPPROPRIATION', 'ECONOMIC_ORDER'] AND (
            (r.probationEndsOn IS NOT NULL AND $asOf <= r.probationEndsOn + duration({years: 2}))
            OR (r.probationEndsOn IS NULL AND r.sentenceCompletedOn IS NOT NULL
                AND $asOf <= r.sentenceCompletedOn + duration({years: 5}))
            OR (r.probationEndsOn IS NULL AND r.sentenceCompletedOn IS NULL)))
         OR (r.politicalRightsDeprivedUntil IS NOT NULL
             AND $asOf <= r.politicalRightsDeprivedUntil + duration({years: 5})))""";

  /**
   * The appointment check of one person ($key) for role LEGAL_REP of a company (no enterprise
   * named) on $asOf (from 2024-07-01): rules CL178-1..5 and EIP17. One row per (rule, record) that
   * restricts; none: eligible.
   */
  static final String APPOINTMENT =
      """
      MATCH (p:Subject {key: $key})
      CALL (p) {
        MATCH (p)-[:HAS_RECORD]->(r:Record)
        WHERE p.kind = 'PERSON' AND r.list IN ['CIVIL_INCAPACITY', 'DISHONEST_JUDGMENT_DEBTOR', 'CRIMINAL_PENALTY']
        RETURN r
        UNION ALL
        MATCH (p)-[h:DIRECTOR|SENIOR_MANAGER|LEGAL_REP|MAIN_RESPONSIBLE]->(e:Subject)-[:HAS_RECORD]->(r:Record)
        WHERE e.kind = 'ENTERPRISE'
          AND r.list IN ['BANKRUPTCY_LIQUIDATED', 'LICENCE_REVOKED', 'ORDERED_CLOSED', 'SERIOUS_ILLEGAL_DISHONEST']
          AND h.since <= r.decidedOn AND (h.until IS NULL OR h.until >= r.decidedOn)
          AND r.decidedOn <= $asOf AND $asOf <= r.decidedOn + duration({years: 3})
          AND ((r.list = 'BANKRUPTCY_LIQUIDATED' AND type(h) IN ['DIRECTOR', 'SENIOR_MANAGER']
                AND p.key IN r.liablePersons)
            OR (r.list IN ['LICENCE_REVOKED', 'ORDERED_CLOSED'] AND type(h) = 'LEGAL_REP' AND p.key IN r.liablePersons)
            OR (r.list = 'SERIOUS_ILLEGAL_DISHONEST' AND type(h) IN ['LEGAL_REP', 'MAIN_RESPONSIBLE']))
        RETURN r
      }
      %s
        AND none(e IN ev WHERE e.event = 'RELEASED' AND e.person = p.key AND e.on <= $asOf)
        AND (r.list <> 'CRIMINAL_PENALTY' OR (%s))
      RETURN DISTINCT CASE r.list
          WHEN 'CIVIL_INCAPACITY' THEN 'CL178-1' WHEN 'CRIMINAL_PENALTY' THEN 'CL178-2'
          WHEN 'BANKRUPTCY_LIQUIDATED' THEN 'CL178-3' WHEN 'DISHONEST_JUDGMENT_DEBTOR' THEN 'CL178-5'
          WHEN 'SERIOUS_ILLEGAL_DISHONEST' THEN 'EIP17' ELSE 'CL178-4' END AS rule, r.id AS record
      """
          .formatted(IN_FORCE, CRIMINAL_BAR_CL178);

  /**
   * The full propagation on $asOf: every (rule, record, target) of the appointment rules CL178-1..5
   * and EIP17 and of the joint-sanction rules JS-DJD, JS-CONSUMPTION, JS-SID, JS-SID-REP, JS-TAX,
   * JS-PROC, JS-BRIBE, JS-PRACT, JS-ABN that holds on $asOf, for the whole city; returns the counts
   * per rule.
   */
  static final String PROPAGATION =
      """
      MATCH (h:Subject)-[:HAS_RECORD]->(r:Record)
      WHERE r.list IN ['CIVIL_INCAPACITY', 'DISHONEST_JUDGMENT_DEBTOR', 'CRIMINAL_PENALTY', 'BANKRUPTCY_LIQUIDATED',
          'LICENCE_REVOKED', 'ORDERED_CLOSED', 'SERIOUS_ILLEGAL_DISHONEST', 'CONSUMPTION_RESTRICTED',
          'MAJOR_TAX_VIOLATION', 'PROCUREMENT_VIOLATION', 'BRIBERY_RECORD', 'PRACTITIONER_MISCONDUCT',
          'ABNORMAL_OPERATION']
      %s
      CALL (h, r) {
        // the record holder itself
        WITH h, r WHERE (r.list IN ['CIVIL_INCAPACITY', 'DISHONEST_JUDGMENT_DEBTOR'] AND h.kind = 'PERSON')
          OR (r.list = 'CRIMINAL_PENALTY' AND h.kind = 'PERSON' AND %s)
        RETURN CASE r.list WHEN 'CIVIL_INCAPACITY' THEN 'CL178-1' WHEN 'CRIMINAL_PENALTY' THEN 'CL178-2'
          ELSE 'CL178-5' END AS rule, h AS t
        UNION ALL
        WITH h, r WHERE r.list IN ['DISHONEST_JUDGMENT_DEBTOR', 'SERIOUS_ILLEGAL_DISHONEST', 'MAJOR_TAX_VIOLATION',
          'PROCUREMENT_VIOLATION', 'BRIBERY_RECORD', 'ABNORMAL_OPERATION']
          OR (r.list = 'PRACTITIONER_MISCONDUCT' AND h.kind = 'PERSON')
        RETURN CASE r.list WHEN 'DISHONEST_JUDGMENT_DEBTOR' THEN 'JS-DJD' WHEN 'SERIOUS_ILLEGAL_DISHONEST' THEN 'JS-SID'
          WHEN 'MAJOR_TAX_VIOLATION' THEN 'JS-TAX' WHEN 'PROCUREMENT_VIOLATION' THEN 'JS-PROC'
          WHEN 'BRIBERY_RECORD' THEN 'JS-BRIBE' WHEN 'ABNORMAL_OPERATION' THEN 'JS-ABN' ELSE 'JS-PRACT' END AS rule,
          h AS t
        UNION ALL
        WITH h, r WHERE r.list = 'ABNORMAL_OPERATION' AND r.effectiveFrom + duration({years: 3}) <= $asOf
        RETURN 'JS-ABN escalation' AS rule, h AS t
        UNION ALL
        // enterprise records reaching persons through a relation held on decidedOn (CL178-3, CL178-4, EIP17,
        // JS-SID-REP, JS-TAX)
        WITH h, r WHERE h.kind = 'ENTERPRISE' AND r.list IN ['BANKRUPTCY_LIQUIDATED', 'LICENCE_REVOKED',
          'ORDERED_CLOSED', 'SERIOUS_ILLEGAL_DISHONEST', 'MAJOR_TAX_VIOLATION']
        MATCH (t:Subject)-[x:DIRECTOR|SENIOR_MANAGER|LEGAL_REP|MAIN_RESPONSIBLE]->(h)
        WHERE t.kind = 'PERSON' AND x.since <= r.decidedOn AND (x.until IS NULL OR x.until >= r.decidedOn)
        UNWIND [
          CASE WHEN r.list = 'BANKRUPTCY_LIQUIDATED' AND type(x) IN ['DIRECTOR', 'SENIOR_MANAGER']
            AND t.key IN r.liablePersons THEN 'CL178-3' END,
          CASE WHEN r.list IN ['LICENCE_REVOKED', 'ORDERED_CLOSED'] AND type(x) = 'LEGAL_REP'
            AND t.key IN r.liablePersons THEN 'CL178-4' END,
          CASE WHEN r.list = 'SERIOUS_ILLEGAL_DISHONEST' AND type(x) IN ['LEGAL_REP', 'MAIN_RESPONSIBLE'] THEN 'EIP17' END,
          CASE WHEN r.list = 'SERIOUS_ILLEGAL_DISHONEST' AND type(x) = 'LEGAL_REP' THEN 'JS-SID-REP' END,
          CASE WHEN r.list = 'MAJOR_TAX_VIOLATION' AND type(x) = 'LEGAL_REP' THEN 'JS-TAX' END] AS rule
        WITH DISTINCT r, rule, t
        WHERE rule IS NOT NULL
          AND (NOT rule IN ['CL178-3', 'CL178-4', 'EIP17'] OR $asOf <= r.decidedOn + duration({years: 3}))
        RETURN rule, t
        UNION ALL
        // JS-SID-REP: notice to every other enterprise where the person held LEGAL_REP on decidedOn is LEGAL_REP today
        WITH h, r WHERE h.kind = 'ENTERPRISE' AND r.list = 'SERIOUS_ILLEGAL_DISHONEST'
        MATCH (h)<-[x:LEGAL_REP]-(rep:Subject)-[y:LEGAL_REP]->(t:Subject)
        WHERE rep.kind = 'PERSON' AND x.since <= r.decidedOn AND (x.until IS NULL OR x.until >= r.decidedOn)
          AND t.kind = 'ENTERPRISE' AND t <> h AND y.since <= $asOf AND (y.until IS NULL OR y.until >= $asOf)
        RETURN DISTINCT 'JS-SID-REP notice' AS rule, t
        UNION ALL
        // JS-CONSUMPTION: persons holding the role at any time in [decidedOn, asOf]
        WITH h, r WHERE h.kind = 'ENTERPRISE' AND r.list IN ['CONSUMPTION_RESTRICTED', 'DISHONEST_JUDGMENT_DEBTOR']
        MATCH (t:Subject)-[x:LEGAL_REP|MAIN_RESPONSIBLE|ACTUAL_CONTROLLER]->(h)
        WHERE t.kind = 'PERSON' AND x.since <= $asOf AND (x.until IS NULL OR x.until >= r.decidedOn)
        RETURN DISTINCT 'JS-CONSUMPTION' AS rule, t
        UNION ALL
        // JS-PRACT: notice to each organisation where the person practises today
        WITH h, r WHERE h.kind = 'PERSON' AND r.list = 'PRACTITIONER_MISCONDUCT'
        MATCH (h)-[x:PRACTISES_AT]->(t:Subject)
        WHERE x.since <= $asOf AND (x.until IS NULL OR x.until >= $asOf)
        RETURN DISTINCT 'JS-PRACT notice' AS rule, t
      }
      WITH rule, r, t, ev
      WHERE t.kind <> 'PERSON' OR none(e IN ev WHERE e.event = 'RELEASED' AND e.person = t.key AND e.on <= $asOf)
      RETURN rule, count(*) AS measures, count(DISTINCT t) AS targets
      ORDER BY rule
      """
          .formatted(IN_FORCE, CRIMINAL_BAR_CL178);

  /**
   * The persons the propagation above bars from LEGAL_REP of a company on $asOf (CL178-1..5,
   * EIP17).
   */
  static final String BARRED_PERSONS =
      PROPAGATION.substring(0, PROPAGATION.indexOf("RETURN rule, count(*)"))
          + "WITH rule, t WHERE rule STARTS WITH 'CL178' OR rule = 'EIP17'\nRETURN DISTINCT t.key AS key";
}
