// Stored subjects after a merge: every property is set to the merged value (null removes it).
UNWIND $rows AS row
MATCH (s:Subject {key: row.key})
SET s.kind = row.kind, s.name = row.name, s.legalForm = row.legalForm, s.status = row.status,
  s.registeredOn = row.registeredOn, s.district = row.district, s.industry = row.industry,
  s.attributes = row.attributes, s.provenance = row.provenance
