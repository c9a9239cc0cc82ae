UNWIND $rows AS row
MATCH ()-[r]->()
WHERE elementId(r) = row.eid
SET r.until = row.until, r.ratio = row.ratio, r.attributes = row.attributes, r.provenance = row.provenance
