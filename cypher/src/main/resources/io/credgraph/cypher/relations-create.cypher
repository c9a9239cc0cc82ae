UNWIND $rows AS row
MATCH (a:Subject {key: row.from}), (b:Subject {key: row.to})
CREATE (a)-[r:$(row.type)]->(b)
SET r = row.props
