// For each row: whether its two subjects are stored and, when so, the relation with the identity
// (type, from, to, since) if there is one.
UNWIND $rows AS row
OPTIONAL MATCH (a:Subject {key: row.from})
OPTIONAL MATCH (b:Subject {key: row.to})
OPTIONAL MATCH (a)-[r:$(row.type)]->(b)
  WHERE r.since = row.since
RETURN row.i AS i, a IS NOT NULL AS fromStored, b IS NOT NULL AS toStored, elementId(r) AS eid, r {.*} AS r
