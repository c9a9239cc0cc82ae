UNWIND $rows AS row
MATCH (s:Subject {key: row.subject})
CREATE (s)-[:HAS_RECORD]->(r:Record)
SET r = row
