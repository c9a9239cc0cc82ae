MATCH (a:Subject)-[r]->(b:Subject)
RETURN type(r) AS type, a.key AS from, b.key AS to, r {.*} AS r
