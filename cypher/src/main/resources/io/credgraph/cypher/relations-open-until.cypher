// Open relations of the row's type between its two subjects that began on or before row.until.
UNWIND $rows AS row
MATCH (a:Subject {key: row.from})-[r:$(row.type)]->(b:Subject {key: row.to})
WHERE r.until IS NULL AND r.since <= row.until
RETURN row.i AS i, elementId(r) AS eid, r {.*} AS r
