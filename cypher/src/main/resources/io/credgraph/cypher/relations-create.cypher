UNWIND $rows AS row
MATCH (a:Subject {key: row.from}), (b:Subject {key: row.to})
CREATE (a)-[r:$(row.type) {since: row.since, until: row.until, ratio: row.ratio, attributes: row.attributes,
  provenance: row.provenance}]->(b)
