// History and provenance are the only parts of a stored record that change.
UNWIND $rows AS row
MATCH (r:Record {id: row.id})
SET r.history = row.history, r.provenance = row.provenance
