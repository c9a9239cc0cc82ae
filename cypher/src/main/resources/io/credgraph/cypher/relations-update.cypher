UNWIND $rows AS row
MATCH ()-[r]->()
WHERE elementId(r) = row.eid
SET r = row.props
