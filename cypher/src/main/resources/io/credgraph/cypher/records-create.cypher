UNWIND $rows AS row
MATCH (s:Subject {key: row.subject})
CREATE (s)-[:HAS_RECORD]->(r:Record {id: row.id, subject: row.subject, list: row.list,
  department: row.department, decisionNo: row.decisionNo, basis: row.basis, decidedOn: row.decidedOn,
  effectiveFrom: row.effectiveFrom, effectiveUntil: row.effectiveUntil, liablePersons: row.liablePersons,
  profession: row.profession, crime: row.crime, sentenceCompletedOn: row.sentenceCompletedOn,
  probationEndsOn: row.probationEndsOn, politicalRightsDeprivedUntil: row.politicalRightsDeprivedUntil,
  attributes: row.attributes, history: row.history, provenance: row.provenance})
