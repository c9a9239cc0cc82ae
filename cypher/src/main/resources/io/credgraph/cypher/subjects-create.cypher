// New subjects, every property given (null ones are not stored).
UNWIND $rows AS row
CREATE (s:Subject {key: row.key, id: row.id, kind: row.kind, name: row.name, legalForm: row.legalForm,
  status: row.status, registeredOn: row.registeredOn, district: row.district, industry: row.industry,
  attributes: row.attributes, provenance: row.provenance})
