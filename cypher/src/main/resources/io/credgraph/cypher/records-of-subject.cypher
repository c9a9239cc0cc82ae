MATCH (:Subject {key: $key})-[:HAS_RECORD]->(r:Record)
RETURN r {.*} AS r
