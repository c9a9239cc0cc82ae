UNWIND $rows AS row
CREATE (:Pending {id: row.id, awaited: row.awaited, line: row.line, provenance: row.provenance})
