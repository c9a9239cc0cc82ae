// Relations with the identity (type, from, to, since) of each row.
UNWIND $rows AS row
MATCH (a:Subject {key: row.from})-[r:$(row.type)]->(b:Subject {key: row.to})
WHERE r.since = row.since
RETURN row.i AS i, elementId(r) AS eid, r {.*} AS r
