MATCH (s:Subject {id: $id})
RETURN s {.*} AS s
